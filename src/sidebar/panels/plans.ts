/**
 * The Customer card's plans and promises (getPlans): each plan's status and figures, and its
 * instalments with their state coloured (kept green, missed red, due amber, upcoming grey).
 */
import type { CustomerCard, CustomerPlans, InstalmentState, PlanView } from '../api';
import { h } from '../dom';
import type { Key } from '../i18n';
import { server } from '../server';
import { Loadable, loadableView, section, type Ctx } from '../ui';

const STATES: InstalmentState[] = ['upcoming', 'due', 'kept', 'missed'];

let plansFor = '';
let plans = new Loadable<CustomerPlans | null>();

function word(ctx: Ctx, prefix: string, value: string): string {
  return ctx.t(`${prefix}_${value}` as Key);
}

function planView(ctx: Ctx, p: PlanView, currency: string): HTMLElement {
  const { t, fmt } = ctx;
  const money = (n: number): string => fmt.amount(n, currency);
  const status = (['active', 'completed', 'broken'] as string[]).includes(p.status) ? p.status : 'active';
  return h('div', { class: `plan plan-${status}`, 'data-plan': p.id, 'data-status': status },
    h('div', { class: 'factor-head' },
      h('strong', { class: 'plan-name' }, `${p.type === 'promise' ? t('plan_promise') : t('plan_plan')} ${p.id}`),
      h('span', { class: `pill status-${status}` }, word(ctx, 'status', status))),
    h('div', { class: 'small-text' }, t('planSummary', { start: fmt.date(p.start), received: money(p.received), total: money(p.total) })),
    h('div', { class: 'muted small-text' }, p.allOpen ? t('planAllOpen') : t('planInvoices', { list: p.invoices.join(', ') })),
    p.brokenOn ? h('div', { class: 'bad small-text' }, t('brokenOn', { date: fmt.date(p.brokenOn) })) : null,
    p.pausesReminders ? h('div', { class: 'good small-text' }, t('planPauses')) : null,
    h('table', { class: 'grid-table instalments', 'aria-label': t('instalmentsOf', { id: p.id }) },
      h('tbody', null, p.instalments.map((x) => {
        const state = STATES.includes(x.state) ? x.state : 'upcoming';
        return h('tr', { class: `instalment state-${state}`, 'data-state': state },
          h('td', null, fmt.date(x.dueDate), x.note ? h('div', { class: 'muted small-text' }, x.note) : null),
          h('td', { class: 'num' }, fmt.plain(x.amount, currency)),
          h('td', { class: 'num' },
            h('span', { class: `pill state-${state}` }, word(ctx, 'state', state)),
            x.coveredOn ? h('div', { class: 'muted small-text' }, t('paidOn', { date: fmt.date(x.coveredOn) })) : null,
            x.shortfall > 0 && state !== 'kept' ? h('div', { class: 'bad small-text' }, t('shortBy', { amount: fmt.plain(x.shortfall, currency) })) : null));
      }))));
}

export function plansSection(ctx: Ctx, c: CustomerCard): HTMLElement {
  const { t } = ctx;
  if (plansFor !== c.id) {
    plansFor = c.id;
    plans = new Loadable();
  }
  const id = c.id;
  return section(t('plansTitle'),
    h('div', { class: 'plans' }, loadableView(ctx, plans, () => { void plans.load(() => server.getPlans(id), ctx.refresh); }, (v) =>
      !v || v.plans.length === 0 ? h('p', { class: 'muted', 'data-field': 'plansNone' }, t('plansNone'))
        : h('div', null, v.plans.map((p) => planView(ctx, p, v.currency))))));
}

/** Loads the plans again next time (after the card is refreshed). */
export function forget(): void {
  plansFor = '';
}
