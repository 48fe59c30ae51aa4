/**
 * Customer card: the customer of the selected row (getCustomerCard(null)) or one chosen by ID:
 * score and why, limit gauge, aging, invoices, payments, reminders, the statement of account with
 * the email and evidence-pack actions, plans and promises, and the two flags.
 */
import type { CustomerCard } from '../api';
import { gauge } from '../charts';
import { fill, h } from '../dom';
import { server } from '../server';
import { act, checkbox, ErrorSlots, field, gradeBadge, Loadable, loadableView, section, stat, type Ctx } from '../ui';
import { agingChart } from './dashboard';
import { forget as forgetPlans, plansSection } from './plans';
import { statementSection } from './statement';
import { reset as resetReminders } from './reminders';

/** null: the customer of the selected row. */
let selected: string | null = null;
let card = new Loadable<CustomerCard | null>();
let lookup = '';

export function select(id: string | null): void {
  selected = id;
  card = new Loadable();
  forgetPlans();
}

function reload(ctx: Ctx): void {
  void card.load(() => server.getCustomerCard(selected), ctx.refresh);
}

function signed(ctx: Ctx, n: number): string {
  const text = ctx.fmt.number(Math.abs(n), 1);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
}

/** What the user has ticked or typed in a customer's flags form, kept across redraws (a load finishing). */
const flagDrafts = new Map<string, { onHold: boolean; paused: string }>();

function flagsForm(ctx: Ctx, c: CustomerCard): HTMLElement {
  const { t } = ctx;
  let draft = flagDrafts.get(c.id);
  if (!draft) {
    draft = { onHold: c.onHold, paused: c.remindersPausedUntil ?? '' };
    flagDrafts.set(c.id, draft);
  }
  const errors = new ErrorSlots();
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const hold = checkbox(t('onHold'), draft.onHold, (v) => { draft.onHold = v; }, { 'data-field': 'onHold' });
  const holdInput = hold.querySelector('input')!;
  const holdErr = h('span', { class: 'error field-error', 'data-error-for': 'onHold' });
  errors.add('onHold', holdErr, holdInput);
  const date = h('input', { type: 'date', value: draft.paused, 'data-field': 'pausedUntil', oninput: (e) => { draft.paused = (e.target as HTMLInputElement).value; } });
  const save = h('button', { type: 'submit', class: 'action blue', id: 'flags-save' }, t('saveFlags'));
  return h('form', {
    class: 'flags', novalidate: true,
    onsubmit: async (e) => {
      e.preventDefault();
      errors.clear();
      const result = await act(save, status, t, () => server.setCustomerFlags(c.id, draft.onHold, draft.paused || null));
      if (!result) return;
      if (result.ok) {
        c.onHold = draft.onHold;
        c.remindersPausedUntil = draft.paused || null;
        flagDrafts.delete(c.id);
        resetReminders(); // the preview was planned with the flags as they were
        ctx.refresh(); // the card's own notices (On hold) follow
        const shown = document.querySelector('form.flags .status');
        if (shown) fill(shown, h('span', { class: 'good', role: 'status' }, t('saved')));
      } else {
        const loose = errors.show(result.errors);
        if (loose.length) fill(status, h('span', { class: 'error', role: 'alert' }, loose.join(' ')));
      }
    },
  }, hold, holdErr, field(t('pausedUntil'), date, { key: 'remindersPausedUntil', errors }), h('div', { class: 'buttons' }, save), status);
}

function cardView(ctx: Ctx, c: CustomerCard): HTMLElement {
  const { t, fmt } = ctx;
  const util = c.utilisation;
  const centre = util === null ? t('noLimit') : fmt.percent(util);
  const rec = c.recommendation;
  return h('div', { class: 'customer-card', 'data-customer': c.id },
    h('div', { class: 'card-head' },
      h('div', null, h('h2', { class: 'customer-name' }, c.name), h('div', { class: 'muted' }, c.id)),
      h('div', { class: 'score-big', 'aria-label': `${t('score')} ${c.score}, ${t('gradeName', { grade: c.grade })}` },
        h('span', { class: 'score-number' }, fmt.number(c.score)), gradeBadge(t, c.grade))),
    c.onHold ? h('p', { class: 'notice bad' }, t('onHold')) : null,
    section(t('limit'),
      h('div', { class: 'gauge-wrap' }, gauge(util, 0.9, centre, util === null ? t('noLimitGauge') : t('limitUsed', { pct: fmt.percent(util) }))),
      h('div', { class: 'stats' },
        stat(t('limit'), c.limit ? fmt.money(c.limit) : t('noLimit')),
        stat(t('exposure'), fmt.money(c.exposure)),
        stat(t('available'), h('span', { class: c.available && c.available.minor < 0 ? 'bad' : '' }, c.available ? fmt.money(c.available) : '—'))),
      h('p', { class: 'muted small-text' }, `${t('recommendation')}${t('colon')}`,
        [rec.limit ? t('recLimit', { amount: fmt.money(rec.limit) }) : null, t('recTerms', { n: rec.termsDays }), rec.prepayment ? t('prepayment') : null]
          .filter(Boolean).join(' · '))),
    section(t('whyScore'),
      h('ul', { class: 'factors' }, c.factors.map((f) => h('li', { class: 'factor' },
        h('div', { class: 'factor-head' },
          h('span', { class: 'factor-name' }, f.name),
          h('span', { class: `points ${f.points > 0 ? 'good' : f.points < 0 ? 'bad' : 'muted'}` }, `${signed(ctx, f.points)} ${t('pointsShort')}`)),
        h('div', { class: 'muted small-text' }, f.detail))))),
    section(t('aging'), agingChart(ctx, c.aging, c.exposure.currency)),
    section(t('invoices'), c.invoices.length === 0 ? h('p', { class: 'muted' }, t('noInvoices')) :
      h('table', { class: 'rows' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('invoiceNo')), h('th', { scope: 'col' }, t('due')), h('th', { scope: 'col', class: 'num' }, t('open')))),
        h('tbody', null, c.invoices.map((i) => h('tr', null,
          h('td', null, i.no, h('div', { class: 'muted small-text' }, i.status)),
          h('td', null, fmt.date(i.dueDate), i.daysPastDue > 0 ? h('div', { class: 'bad small-text' }, t('daysLate', { n: i.daysPastDue })) : null),
          h('td', { class: 'num' }, fmt.money(i.open))))))),
    section(t('payments'), c.payments.length === 0 ? h('p', { class: 'muted' }, t('noPayments')) :
      h('ul', { class: 'plain' }, c.payments.map((p) => h('li', null,
        h('span', null, fmt.date(p.date)), ' ', h('strong', null, fmt.money(p.amount)),
        p.invoiceNo ? h('span', { class: 'muted' }, ` ${t('forInvoice', { no: p.invoiceNo })}`) : null)))),
    section(t('reminders'), c.reminders.length === 0 ? h('p', { class: 'muted' }, t('noReminders')) :
      h('ul', { class: 'plain' }, c.reminders.map((r) => h('li', null,
        h('div', null, h('strong', null, r.level), ' · ', r.state, ' · ', r.invoiceNo),
        h('div', { class: 'muted small-text' }, fmt.dateTime(r.time), r.reason ? ` · ${r.reason}` : ''))))),
    statementSection(ctx, c),
    plansSection(ctx, c),
    section(t('flags'), flagsForm(ctx, c)),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', onclick: () => ctx.checkOrderFor(c.id) }, t('checkTitle')),
      h('button', { type: 'button', id: 'customer-log-action', onclick: () => ctx.logActionFor(c.id) }, t('logActionFor'))));
}

export function render(ctx: Ctx): HTMLElement {
  const { t } = ctx;
  const idInput = h('input', { type: 'text', value: lookup, autocomplete: 'off', 'data-focus': 'customer-lookup', oninput: (e) => { lookup = (e.target as HTMLInputElement).value; } });
  return h('div', null,
    h('div', { class: 'toolbar' },
      h('button', { type: 'button', id: 'customer-refresh', class: 'action blue', onclick: () => { select(null); reload(ctx); } }, t('refreshSelected'))),
    h('form', {
      class: 'lookup', onsubmit: (e) => { e.preventDefault(); const id = lookup.trim(); if (id) { select(id); reload(ctx); } },
    }, field(t('customerId'), idInput, { inline: true }), h('button', { type: 'submit', id: 'customer-open' }, t('openCustomer'))),
    loadableView(ctx, card, () => reload(ctx), (c) => (c ? cardView(ctx, c) : h('p', { class: 'muted empty' }, t('selectRow')))));
}
