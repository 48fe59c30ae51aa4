/** Dashboard: receivable, overdue and its share, DSO, aging bars, the riskiest five, the schedule. */
import type { Dashboard, ScheduleState } from '../api';
import { agingBars } from '../charts';
import { h } from '../dom';
import type { Formatter } from '../format';
import { agingLabel, type Translate } from '../i18n';
import { gradeBadge, loadableView, section, stat, type Ctx } from '../ui';

export function scheduleText(t: Translate, fmt: Formatter, s: ScheduleState): string {
  return s.installed ? t('scheduleOn', { time: fmt.hour(s.hour), tz: s.timeZone }) : t('scheduleOff');
}

export function agingChart(ctx: Ctx, aging: { labels: string[]; amounts: number[] }, currency: string): SVGSVGElement {
  const labels = aging.labels.map((l) => agingLabel(ctx.t, l));
  const summary = labels.map((l, i) => `${l} ${ctx.fmt.amount(aging.amounts[i] ?? 0, currency)}`).join(', ');
  return agingBars(labels, aging.amounts, (n) => ctx.fmt.compact(n, currency), ctx.t('agingChart', { summary }));
}

function view(ctx: Ctx, d: Dashboard): HTMLElement {
  const { t, fmt } = ctx;
  return h('div', { class: 'dashboard' },
    h('div', { class: 'toolbar' },
      h('span', { class: 'muted' }, t('asOf', { date: fmt.date(d.asOf) })),
      h('button', { type: 'button', id: 'dash-refresh', class: 'small', onclick: () => ctx.reloadDashboard() }, t('refresh'))),
    d.problemCount > 0 ? h('p', { class: 'notice', role: 'note' }, t('problems', { n: fmt.number(d.problemCount) })) : null,
    h('div', { class: 'stats' },
      stat(t('receivable'), h('span', { 'data-field': 'receivable' }, fmt.money(d.receivable))),
      stat(t('overdue'), h('span', { 'data-field': 'overdue', class: d.overdue.minor > 0 ? 'bad' : '' }, fmt.money(d.overdue)),
        h('span', { 'data-field': 'overdueShare' }, t('ofReceivable', { pct: fmt.percent(d.overdueShare) }))),
      stat(t('dso'), h('span', { 'data-field': 'dso' }, d.dso === null ? t('notAvailable') : t('dsoDays', { n: fmt.number(d.dso) })))),
    section(t('aging'), agingChart(ctx, d.aging, d.currency)),
    section(t('riskiest'), d.riskiest.length === 0
      ? h('p', { class: 'muted' }, t('noRisky'))
      : h('ol', { class: 'risky' }, d.riskiest.slice(0, 5).map((c) => h('li', { 'data-customer': c.id },
        h('div', { class: 'risky-head' },
          h('button', { type: 'button', class: 'link', 'data-focus': `risky-${c.id}`, onclick: () => ctx.openCustomer(c.id) }, c.name),
          h('span', { class: 'score' }, fmt.number(c.score)), gradeBadge(t, c.grade)),
        h('div', { class: 'muted small-text' },
          c.overdue.minor > 0 ? t('overdueDpd', { amount: fmt.money(c.overdue), n: fmt.number(c.maxDaysPastDue) }) : `${t('exposure')} ${fmt.money(c.exposure)}`,
          c.limit ? ` · ${t('limit')} ${fmt.money(c.limit)}` : ''))))),
    section(t('schedule'),
      h('dl', { class: 'pairs' },
        h('dt', null, t('scheduleTitle')), h('dd', { 'data-field': 'schedule', class: d.schedule.installed ? 'good' : 'muted' }, scheduleText(t, fmt, d.schedule)),
        h('dt', null, t('lastRun')), h('dd', null, d.schedule.lastRun ? fmt.dateTime(d.schedule.lastRun) : t('never')),
        d.schedule.lastOutcome ? [h('dt', null, t('lastOutcome')), h('dd', { 'data-field': 'lastOutcome' }, d.schedule.lastOutcome)] : null),
      h('button', { type: 'button', class: 'link', onclick: () => ctx.show('reminders') }, t('tabReminders'))));
}

export function render(ctx: Ctx): HTMLElement {
  return h('div', null, loadableView(ctx, ctx.dashboardState, ctx.reloadDashboard, (d) => view(ctx, d)));
}
