/**
 * Collections (催收跟进): the next actions due today for the user at the keyboard, a form that logs
 * an action in the Collections Log (FieldErrors beside each field), and the chosen customer's
 * history (logged actions and the emails the add-on sent).
 */
import type { ActionType, CollectionActionInput, CollectionActionView, DueTodayView } from '../api';
import { fill, h } from '../dom';
import type { Key } from '../i18n';
import { server } from '../server';
import { act, ErrorSlots, field, Loadable, loadableView, section, type Ctx } from '../ui';

export const ACTION_TYPES: ActionType[] = ['call', 'reminder', 'letter', 'visit', 'promise', 'dispute', 'legal', 'note'];

type Draft = Required<Omit<CollectionActionInput, 'date'>>;
const blank = (customerId = ''): Draft => ({ customerId, type: 'call', summary: '', outcome: '', nextAction: '', nextActionDate: '', owner: '' });

let draft: Draft = blank();
let due = new Loadable<DueTodayView>();
/** The customer whose history is shown (null: none chosen yet) and the history itself. */
let historyFor: string | null = null;
/** The row of the last action logged, shown until the next submit. */
let loggedRow: number | null = null;
let history = new Loadable<CollectionActionView[]>();

/** Chooses a customer: fills the form's customer ID and shows its history. */
export function select(id: string): void {
  const clean = id.trim();
  if (!clean) return;
  if (clean !== draft.customerId) draft = { ...blank(clean), type: draft.type };
  historyFor = clean;
  history = new Loadable();
}

function loadDue(ctx: Ctx): void {
  void due.load(() => server.getDueToday(), ctx.refresh);
}

function loadHistory(ctx: Ctx): void {
  const id = historyFor;
  if (id === null) return;
  void history.load(() => server.getCollectionHistory(id), ctx.refresh);
}

function typeWord(ctx: Ctx, type: string, fallback: string): string {
  return (ACTION_TYPES as string[]).includes(type) ? ctx.t(`type_${type}` as Key) : fallback || type;
}

function dueView(ctx: Ctx, d: DueTodayView): HTMLElement {
  const { t, fmt } = ctx;
  return h('div', { class: 'due' },
    h('p', { class: 'muted small-text' }, d.owner ? t('dueFor', { owner: d.owner, date: fmt.date(d.asOf) }) : t('dueForAll', { date: fmt.date(d.asOf) })),
    d.items.length === 0 ? h('p', { class: 'muted empty', 'data-field': 'dueNone' }, t('dueNone')) :
      h('ul', { class: 'plain due-list' }, d.items.map((it, i) => h('li', { class: 'due-item', 'data-customer': it.customerId },
        h('div', { class: 'risky-head' },
          h('button', {
            type: 'button', class: 'link', 'data-focus': `due-${i}`,
            onclick: () => { select(it.customerId); ctx.refresh(); document.getElementById('log-summary')?.focus(); },
          }, it.name || it.customerId),
          h('span', { class: 'muted' }, it.customerId)),
        h('div', { class: 'due-next' },
          h('strong', { 'data-field': 'nextAction' }, it.nextAction), ' · ',
          h('span', { 'data-field': 'nextActionDate' }, fmt.date(it.nextActionDate)),
          it.daysOverdue > 0 ? h('span', { class: 'bad small-text' }, ` · ${t('daysOverdueN', { n: fmt.number(it.daysOverdue) })}`) : null),
        h('div', { class: 'muted small-text' },
          t('lastAction', { type: typeWord(ctx, it.lastType, it.lastTypeText), date: fmt.date(it.lastDate) }),
          it.summary ? h('span', { class: 'due-summary' }, ` · ${it.summary}`) : null,
          it.openBalance ? ` · ${t('openBalance', { amount: fmt.amount(it.openBalance, it.currency) })}` : null)))));
}

function historyView(ctx: Ctx, items: CollectionActionView[]): HTMLElement {
  const { t, fmt } = ctx;
  if (items.length === 0) return h('p', { class: 'muted', 'data-field': 'historyNone' }, t('historyNone'));
  return h('ol', { class: 'plain history' }, [...items].reverse().map((a) => h('li', { class: `history-item source-${a.source === 'reminders' ? 'reminders' : 'log'}`, 'data-type': a.type },
    h('div', { class: 'factor-head' },
      h('strong', { class: 'history-type' }, typeWord(ctx, a.type, a.typeText)),
      h('span', { class: 'muted small-text' }, fmt.date(a.date)),
      a.source === 'reminders' ? h('span', { class: 'badge' }, t('fromEmail')) : null),
    a.summary ? h('div', { class: 'history-summary' }, a.summary) : null,
    a.outcome ? h('div', { class: 'small-text' }, `${t('outcome')}${t('colon')}${a.outcome}`) : null,
    a.nextAction || a.nextActionDate ? h('div', { class: 'small-text' }, t('nextOn', { action: a.nextAction || '—', date: fmt.date(a.nextActionDate) })) : null,
    h('div', { class: 'muted small-text' },
      [a.owner ? t('ownerWho', { who: a.owner }) : '', a.loggedBy ? t('loggedByWho', { who: a.loggedBy }) : ''].filter(Boolean).join(' · ')))));
}

function logForm(ctx: Ctx): HTMLElement {
  const { t } = ctx;
  const errors = new ErrorSlots();
  const status = h('div', { class: 'status', 'aria-live': 'polite' },
    loggedRow === null ? null : h('span', { class: 'good', role: 'status', 'data-field': 'logged' }, t('logged', { row: loggedRow })));
  const set = (k: keyof Draft) => (e: Event): void => { draft[k] = (e.target as HTMLInputElement).value; };
  const customer = h('input', { type: 'text', id: 'log-customer', value: draft.customerId, autocomplete: 'off', list: 'log-customers', oninput: set('customerId') });
  const type = h('select', { id: 'log-type', onchange: set('type') },
    ACTION_TYPES.map((k) => h('option', { value: k, selected: k === draft.type }, t(`type_${k}` as Key))));
  const summary = h('textarea', { id: 'log-summary', rows: 2, value: draft.summary, 'aria-required': 'true', oninput: set('summary') });
  const outcome = h('input', { type: 'text', id: 'log-outcome', value: draft.outcome, autocomplete: 'off', oninput: set('outcome') });
  const nextAction = h('input', { type: 'text', id: 'log-next', value: draft.nextAction, autocomplete: 'off', oninput: set('nextAction') });
  const nextDate = h('input', { type: 'date', id: 'log-next-date', value: draft.nextActionDate, oninput: set('nextActionDate'), onchange: set('nextActionDate') });
  const owner = h('input', { type: 'text', id: 'log-owner', inputmode: 'email', value: draft.owner, autocomplete: 'off', oninput: set('owner') });
  const submit = h('button', { type: 'submit', class: 'action blue', id: 'log-submit' }, t('logAction'));
  const showHistory = h('button', {
    type: 'button', id: 'log-history', class: 'small',
    onclick: () => { if (draft.customerId.trim()) { select(draft.customerId); ctx.refresh(); } else errors.show({ customerId: t('required') }); },
  }, t('showHistory'));
  return h('form', {
    class: 'log-form', novalidate: true,
    onsubmit: async (e) => {
      e.preventDefault();
      errors.clear();
      loggedRow = null;
      fill(status);
      const missing: Record<string, string> = {};
      if (!draft.customerId.trim()) missing.customerId = t('required');
      if (!draft.summary.trim()) missing.summary = t('required');
      if (Object.keys(missing).length) { errors.show(missing); return; }
      const entry: CollectionActionInput = { ...draft, customerId: draft.customerId.trim() };
      const r = await act(submit, status, t, () => server.logCollectionAction(entry));
      if (!r) return;
      if (r.ok) {
        const id = r.action.customerId || entry.customerId;
        draft = { ...blank(id), type: draft.type };
        historyFor = id;
        history = new Loadable();
        due = new Loadable();
        loggedRow = r.row;
        ctx.refresh();
      } else {
        const loose = errors.show(r.errors);
        if (loose.length) fill(status, h('span', { class: 'error', role: 'alert' }, loose.join(' ')));
      }
    },
  },
  h('div', { class: 'with-button' }, field(t('customerId'), customer, { key: 'customerId', errors }), showHistory),
  h('datalist', { id: 'log-customers' }, (ctx.dashboard?.riskiest ?? []).map((c) => h('option', { value: c.id, label: c.name }))),
  field(t('actionType'), type, { key: 'type', errors }),
  field(t('summary'), summary, { key: 'summary', errors }),
  field(t('outcome'), outcome, { key: 'outcome', errors }),
  h('div', { class: 'grid2' },
    field(t('nextAction'), nextAction, { key: 'nextAction', errors }),
    field(t('nextActionDate'), nextDate, { key: 'nextActionDate', errors })),
  field(t('owner'), owner, { key: 'owner', errors, hint: t('ownerHint') }),
  h('div', { class: 'buttons' }, submit), status);
}

export function render(ctx: Ctx): HTMLElement {
  const { t } = ctx;
  return h('div', { class: 'collections' },
    h('div', { class: 'toolbar' },
      h('h2', null, t('dueTitle')),
      h('button', { type: 'button', id: 'due-refresh', class: 'small', onclick: () => { due = new Loadable(); ctx.refresh(); } }, t('refresh'))),
    h('div', { class: 'due-region' }, loadableView(ctx, due, () => loadDue(ctx), (d) => dueView(ctx, d))),
    section(t('logTitle'), logForm(ctx)),
    section(historyFor ? t('historyTitle', { id: historyFor }) : t('showHistory'),
      historyFor === null ? h('p', { class: 'muted small-text' }, t('historyPick'))
        : h('div', { class: 'history-region', 'data-customer': historyFor }, loadableView(ctx, history, () => loadHistory(ctx), (items) => historyView(ctx, items)))));
}
