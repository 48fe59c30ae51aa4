/**
 * The Customer card's Statement section: a period (default: the last full month), the statement
 * of account as a table (opening, lines with the running balance, closing, aging), "Email
 * statement" and "Evidence pack", each after a confirm step. State lives here, per customer, so a
 * re-render of the card (another section finishing its load) keeps what was shown.
 */
import type { CustomerCard, StatementView } from '../api';
import { h } from '../dom';
import { agingLabel } from '../i18n';
import { server } from '../server';
import { act, actOnce, busy, field, section, type Ctx } from '../ui';

interface Outcome { ok: boolean; text: string }

interface State {
  customerId: string;
  from: string;
  to: string;
  statement: StatementView | null;
  confirm: 'email' | 'evidence' | null;
  /** The result of the last statement, email or evidence pack call (or its error). */
  outcome: Outcome | null;
}

let state: State | null = null;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The last full calendar month before `today` ('YYYY-MM-DD'). */
export function lastFullMonth(today: string): { from: string; to: string } {
  const m = /^(\d{4})-(\d{2})/.exec(today);
  const now = new Date();
  let y = m ? Number(m[1]) : now.getFullYear();
  let mo = m ? Number(m[2]) : now.getMonth() + 1;
  mo -= 1;
  if (mo === 0) { mo = 12; y -= 1; }
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${pad(last)}` };
}

function stateFor(ctx: Ctx, id: string): State {
  if (!state || state.customerId !== id) {
    const today = ctx.dashboard?.asOf ?? new Date().toISOString().slice(0, 10);
    state = { customerId: id, ...lastFullMonth(today), statement: null, confirm: null, outcome: null };
  }
  return state;
}

/**
 * Runs a call with `act` (with `actOnce` when a `key` says it must go out once); keeps its error as
 * the outcome (the status element may be redrawn).
 */
async function run<T>(ctx: Ctx, st: State, button: HTMLButtonElement, status: HTMLElement, call: () => Promise<T>, key?: string): Promise<T | undefined> {
  st.outcome = null;
  const r = key === undefined ? await act(button, status, ctx.t, call) : await actOnce(key, button, status, ctx.t, call);
  if (r === undefined) {
    st.outcome = { ok: false, text: status.textContent ?? '' };
    ctx.refresh();
  }
  return r;
}

function signedAmount(ctx: Ctx, l: StatementView['lines'][number], currency: string): string {
  if (l.debit) return `+${ctx.fmt.plain(l.debit, currency)}`;
  if (l.credit) return `−${ctx.fmt.plain(l.credit, currency)}`;
  return ctx.fmt.plain(0, currency);
}

function statementTable(ctx: Ctx, s: StatementView): HTMLElement {
  const { t, fmt } = ctx;
  const cur = s.currency;
  return h('div', { class: 'statement', 'data-customer': s.customerId, 'data-from': s.from, 'data-to': s.to },
    h('h4', null, t('statementFor', { name: s.name, from: fmt.date(s.from), to: fmt.date(s.to) })),
    h('p', { class: 'muted small-text' }, t('amountsIn', { currency: cur })),
    s.reconciled ? null : h('p', { class: 'notice bad', role: 'note' }, t('notReconciled')),
    h('table', { class: 'grid-table statement-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('stDate')), h('th', { scope: 'col' }, t('stItem')),
        h('th', { scope: 'col', class: 'num' }, t('stAmount')), h('th', { scope: 'col', class: 'num' }, t('stBalance')))),
      h('tbody', null,
        h('tr', { class: 'opening' },
          h('th', { scope: 'row', colspan: 3 }, t('opening')),
          h('td', { class: 'num', 'data-field': 'opening' }, fmt.plain(s.opening, cur))),
        s.lines.length === 0 ? h('tr', { class: 'empty-row' }, h('td', { colspan: 4, class: 'muted' }, t('noLines'))) : null,
        s.lines.map((l) => h('tr', { class: `line kind-${l.kind}`, 'data-kind': l.kind },
          h('td', null, l.dateKnown ? fmt.dayMonth(l.date) : h('span', { class: 'muted' }, t('dateUnknown'))),
          h('td', null, h('div', null, l.kindText), h('div', { class: 'muted small-text' }, l.reference)),
          h('td', { class: `num ${l.credit ? 'good' : ''}`, 'data-field': 'amount' }, signedAmount(ctx, l, cur)),
          h('td', { class: 'num', 'data-field': 'balance' }, fmt.plain(l.balance, cur))))),
      h('tfoot', null, h('tr', { class: 'closing' },
        h('th', { scope: 'row', colspan: 3 }, t('closing')),
        h('td', { class: 'num', 'data-field': 'closing' }, fmt.plain(s.closing, cur))))),
    h('h4', null, t('agingAt', { date: fmt.date(s.to) })),
    h('dl', { class: 'pairs statement-aging' },
      s.aging.labels.map((label, i) => [h('dt', null, agingLabel(t, label)), h('dd', { class: 'num', 'data-bucket': i }, fmt.amount(s.aging.buckets[i] ?? 0, cur))]),
      h('dt', null, h('strong', null, t('totalOpen'))), h('dd', { class: 'num', 'data-field': 'totalOpen' }, h('strong', null, fmt.amount(s.aging.total, cur))),
      s.aging.unappliedCredit ? [h('dt', null, t('unapplied')), h('dd', { class: 'num' }, fmt.amount(s.aging.unappliedCredit, cur))] : null));
}

export function statementSection(ctx: Ctx, c: CustomerCard): HTMLElement {
  const { t, fmt } = ctx;
  const st = stateFor(ctx, c.id);
  const status = h('div', { class: 'status', 'aria-live': 'polite' },
    st.outcome ? h('span', { class: st.outcome.ok ? 'good' : 'error', role: st.outcome.ok ? 'status' : 'alert', 'data-field': 'outcome' }, st.outcome.text) : null);
  const from = h('input', { type: 'date', id: 'st-from', value: st.from, onchange: (e) => { st.from = (e.target as HTMLInputElement).value; }, oninput: (e) => { st.from = (e.target as HTMLInputElement).value; } });
  const to = h('input', { type: 'date', id: 'st-to', value: st.to, onchange: (e) => { st.to = (e.target as HTMLInputElement).value; }, oninput: (e) => { st.to = (e.target as HTMLInputElement).value; } });
  const show = h('button', { type: 'submit', class: 'action blue', id: 'st-show' }, t('showStatement'));
  const email = h('button', { type: 'button', id: 'st-email', onclick: () => { st.confirm = 'email'; st.outcome = null; ctx.refresh(); document.getElementById('st-confirm-yes')?.focus(); } }, t('emailStatement'));
  const evidence = h('button', { type: 'button', id: 'st-evidence', onclick: () => { st.confirm = 'evidence'; st.outcome = null; ctx.refresh(); document.getElementById('st-confirm-yes')?.focus(); } }, t('evidencePack'));
  const period = (): [string | null, string | null] => [st.from || null, st.to || null];

  let confirmBox: HTMLElement | null = null;
  if (st.confirm) {
    const which = st.confirm;
    const question = which === 'email'
      ? t('confirmEmailStatement', { from: st.from ? fmt.date(st.from) : '—', to: st.to ? fmt.date(st.to) : '—', name: c.name })
      : t('confirmEvidence', { name: c.name });
    // An email or evidence pack on its way: a redraw shows the confirm box disabled.
    const busyKey = `statement:${c.id}`;
    const yes = h('button', { type: 'button', class: 'action blue', id: 'st-confirm-yes', disabled: busy(busyKey), 'aria-busy': busy(busyKey) ? 'true' : null }, which === 'email' ? t('send') : t('write'));
    const no = h('button', { type: 'button', id: 'st-confirm-no', disabled: busy(busyKey), onclick: () => { st.confirm = null; ctx.refresh(); document.getElementById(which === 'email' ? 'st-email' : 'st-evidence')?.focus(); } }, t('cancel'));
    yes.addEventListener('click', async () => {
      if (busy(busyKey)) return;
      no.disabled = true;
      if (which === 'email') {
        const [f, tt] = period();
        const r = await run(ctx, st, yes, status, () => server.emailStatement(c.id, f, tt), busyKey);
        if (r) st.outcome = { ok: r.status === 'sent', text: r.message };
      } else {
        const r = await run(ctx, st, yes, status, () => server.buildEvidencePackFor(c.id), busyKey);
        if (r) st.outcome = { ok: true, text: r.message };
      }
      st.confirm = null;
      ctx.refresh();
      document.getElementById(which === 'email' ? 'st-email' : 'st-evidence')?.focus();
    });
    confirmBox = h('div', { class: 'confirm-box', role: 'group', 'data-confirm': which },
      h('p', { class: 'confirm' }, question), h('div', { class: 'buttons' }, yes, no));
  }

  return section(t('statementTitle'),
    h('form', {
      class: 'statement-form', novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        const [f, tt] = period();
        const r = await run(ctx, st, show, status, () => server.getStatement(c.id, f, tt));
        if (!r) return;
        st.statement = r;
        ctx.refresh();
      },
    },
    h('div', { class: 'grid2' }, field(t('periodFrom'), from), field(t('periodTo'), to)),
    h('div', { class: 'buttons' }, show, email, evidence)),
    confirmBox,
    status,
    st.statement ? statementTable(ctx, st.statement) : null);
}
