/**
 * Reminders: today's preview (each email rendered in a script-less sandboxed iframe), the skipped
 * lines, Send now, the daily schedule, and the sends whose outcome a person must confirm.
 */
import type { PreviewEmail, ReminderPanel } from '../api';
import { fill, h } from '../dom';
import { server } from '../server';
import { act, actOnce, busy, checkbox, field, Loadable, loadableView, section, type Ctx } from '../ui';
import { scheduleText } from './dashboard';

let panel = new Loadable<ReminderPanel>();
let sendMessage = '';
const draft = { on: null as boolean | null, hour: null as number | null };

function reload(ctx: Ctx): void {
  void panel.load(() => server.getReminderPanel(), ctx.refresh);
}

/** The server's escaped HTML, shown with no scripts, no forms, no same-origin access. */
export function previewFrame(html: string, title: string, cls = 'email-frame'): HTMLIFrameElement {
  const frame = h('iframe', { class: cls, sandbox: '', title, referrerpolicy: 'no-referrer' });
  frame.setAttribute('srcdoc', html);
  return frame;
}

function emailView(ctx: Ctx, e: PreviewEmail): HTMLElement {
  const { t } = ctx;
  return h('details', { class: 'email', open: true, 'data-customer': e.customerId },
    h('summary', null, h('strong', null, e.customerName), ' ', h('span', { class: 'badge' }, e.level)),
    h('dl', { class: 'pairs' },
      h('dt', null, t('to')), h('dd', { class: 'break' }, e.to),
      e.cc ? [h('dt', null, t('cc')), h('dd', { class: 'break' }, e.cc)] : null,
      h('dt', null, t('subject')), h('dd', { class: 'email-subject' }, e.subject),
      h('dt', null, t('invoices')), h('dd', null, e.invoiceNos.join(', '))),
    previewFrame(e.htmlBody, t('emailPreview', { subject: e.subject })));
}

function sendSection(ctx: Ctx, p: ReminderPanel): HTMLElement {
  const { t } = ctx;
  const status = h('div', { class: 'status', 'aria-live': 'polite' }, sendMessage ? h('span', { class: 'good', role: 'status', 'data-field': 'sendResult' }, sendMessage) : null);
  const box = h('div', { class: 'send-box' });
  const ask = (): void => {
    const yes = h('button', { type: 'button', class: 'action blue', id: 'send-confirm' }, t('send'));
    yes.addEventListener('click', async () => {
      const r = await act(yes, status, t, () => server.runRemindersNow());
      if (!r) return;
      sendMessage = r.message;
      reload(ctx);
      ctx.reloadDashboard();
    });
    fill(box, h('p', { class: 'confirm' }, t('confirmSend', { n: p.emails.length })),
      h('div', { class: 'buttons' }, yes, h('button', { type: 'button', id: 'send-cancel', onclick: () => { idle(); document.getElementById('send-now')?.focus(); } }, t('cancel'))));
    yes.focus();
  };
  const idle = (): void => fill(box, h('button', {
    type: 'button', class: 'action blue', id: 'send-now', disabled: p.emails.length === 0, onclick: ask,
  }, t('sendNow')));
  idle();
  return h('div', null, box, status);
}

function scheduleSection(ctx: Ctx, p: ReminderPanel): HTMLElement {
  const { t, fmt } = ctx;
  const on = draft.on ?? p.schedule.installed;
  const hour = draft.hour ?? p.schedule.hour;
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const current = h('p', { class: 'muted', 'data-field': 'schedule' }, scheduleText(t, fmt, p.schedule));
  const hourSelect = h('select', { onchange: (e) => { draft.hour = Number((e.target as HTMLSelectElement).value); } },
    Array.from({ length: 24 }, (_, i) => h('option', { value: String(i), selected: i === hour }, fmt.hour(i))));
  const save = h('button', { type: 'button', id: 'schedule-save' }, t('saveSchedule'));
  save.addEventListener('click', async () => {
    const s = await act(save, status, t, () => server.setSchedule(draft.on ?? p.schedule.installed, draft.hour ?? p.schedule.hour));
    if (!s) return;
    p.schedule = s;
    if (ctx.dashboard) ctx.dashboard.schedule = s;
    draft.on = null;
    draft.hour = null;
    current.textContent = scheduleText(t, fmt, s);
    fill(status, h('span', { class: 'good', role: 'status' }, t('saved')));
  });
  return section(t('scheduleTitle'), current,
    checkbox(t('scheduleEnabled'), on, (v) => { draft.on = v; }, { id: 'schedule-on' }),
    field(t('hourLabel'), hourSelect, { inline: true }),
    h('div', { class: 'buttons' }, save), status);
}

function unknownSection(ctx: Ctx, p: ReminderPanel): HTMLElement | null {
  const { t, fmt } = ctx;
  if (p.unknown.length === 0) return null;
  const title = h('h3', null, t('unknownTitle', { n: p.unknown.length }));
  return h('section', { class: 'card' }, title, h('p', { class: 'muted small-text' }, t('unknownHelp')),
    h('ul', { class: 'plain unknown' }, p.unknown.map((u) => {
      const status = h('div', { class: 'status', 'aria-live': 'polite' });
      const li = h('li', { 'data-key': u.key });
      const busyKey = `unknown:${u.key}`;
      const answer = async (button: HTMLButtonElement, outcome: 'sent' | 'not-sent'): Promise<void> => {
        // One answer per line: both buttons are disabled while it is on its way.
        if (busy(busyKey)) return;
        const other = button === sent ? notSent : sent;
        other.disabled = true;
        const r = await actOnce(busyKey, button, status, t, () => server.confirmUnknown(u.key, outcome));
        other.disabled = false;
        if (r) p.unknown = p.unknown.filter((x) => x.key !== u.key);
        if (r && outcome === 'not-sent') { reload(ctx); return; } // the line is planned again: show it in the preview
        if (!li.isConnected) { ctx.refresh(); return; } // redrawn meanwhile: draw it again, buttons enabled
        if (!r) return;
        title.textContent = t('unknownTitle', { n: p.unknown.length });
        fill(li, h('span', { class: 'good', role: 'status' }, `${u.invoiceNo}: ${t('confirmed')}`));
      };
      const sent: HTMLButtonElement = h('button', { type: 'button', class: 'small', disabled: busy(busyKey), onclick: () => void answer(sent, 'sent') }, t('wasSent'));
      const notSent: HTMLButtonElement = h('button', { type: 'button', class: 'small', disabled: busy(busyKey), onclick: () => void answer(notSent, 'not-sent') }, t('wasNotSent'));
      fill(li,
        h('div', null, h('strong', null, u.invoiceNo), ` · ${u.customerId} · ${u.level}`),
        h('div', { class: 'muted small-text' }, fmt.dateTime(u.time)),
        h('div', { class: 'buttons' }, sent, notSent), status);
      return li;
    })));
}

function view(ctx: Ctx, p: ReminderPanel): HTMLElement {
  const { t, fmt } = ctx;
  return h('div', { class: 'reminders' },
    h('div', { class: 'toolbar' },
      h('span', { class: 'muted' }, t('asOf', { date: fmt.date(p.asOf) })),
      h('button', { type: 'button', id: 'reminders-refresh', class: 'small', onclick: () => reload(ctx) }, t('refresh'))),
    h('p', { class: 'muted small-text' }, t('quota', { n: fmt.number(p.quotaRemaining) })),
    sendSection(ctx, p),
    unknownSection(ctx, p),
    section(t('emails', { n: p.emails.length }), p.emails.length === 0 ? h('p', { class: 'muted' }, t('noEmails')) :
      h('div', { class: 'emails' }, p.emails.map((e) => emailView(ctx, e)))),
    section(t('skipped', { n: p.skips.length }), p.skips.length === 0 ? h('p', { class: 'muted' }, t('noSkips')) :
      h('ul', { class: 'plain skips' }, p.skips.map((s) => h('li', null,
        h('div', null, h('strong', null, s.invoiceNo), ` · ${s.customerId} · ${s.level}`),
        h('div', { class: 'muted small-text' }, s.reason))))),
    scheduleSection(ctx, p));
}

export function render(ctx: Ctx): HTMLElement {
  return h('div', null, h('h2', null, ctx.t('remindersTitle')), loadableView(ctx, panel, () => reload(ctx), (p) => view(ctx, p)));
}

/** Forgets the loaded preview (tests, or after settings change). */
export function reset(): void {
  panel = new Loadable();
  sendMessage = '';
}
