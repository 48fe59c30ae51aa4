/**
 * Watch: the risk watch list of the last daily run (most severe first; a customer opens its card)
 * and the 13-week cash forecast with the past weeks' forecast against actual.
 */
import type { CashForecastView, WatchKind, WatchLineView, WatchListView } from '../api';
import { plainBars } from '../charts';
import { h } from '../dom';
import type { Key } from '../i18n';
import { server } from '../server';
import { gradeBadge, Loadable, loadableView, section, stat, type Ctx } from '../ui';

/** Most severe first. */
const KINDS: WatchKind[] = ['new-block', 'over-limit', 'overdue-hold', 'new-overdue', 'broken-promise', 'grade-drop', 'exposure-rise'];

let watch = new Loadable<WatchListView>();
let forecast = new Loadable<CashForecastView>();

function loadWatch(ctx: Ctx): void {
  void watch.load(() => server.getWatchList(), ctx.refresh);
}
function loadForecast(ctx: Ctx): void {
  void forecast.load(() => server.getCashForecast(), ctx.refresh);
}

function severity(kind: string): number {
  const i = KINDS.indexOf(kind as WatchKind);
  return i < 0 ? KINDS.length : i;
}

/** The lines, most severe kind first; the server's order within a kind. */
export function ordered(lines: WatchLineView[]): WatchLineView[] {
  return lines.map((l, i) => ({ l, i })).sort((a, b) => severity(a.l.kind) - severity(b.l.kind) || a.i - b.i).map((x) => x.l);
}

function kindLabel(ctx: Ctx, l: WatchLineView): string {
  const key = `kind_${String(l.kind).replace(/-/g, '_')}` as Key;
  // The server's label is in the user's language already; ours follows the sidebar's own switch.
  return KINDS.includes(l.kind) ? ctx.t(key) : l.label;
}

function watchView(ctx: Ctx, w: WatchListView): HTMLElement {
  const { t, fmt } = ctx;
  const when = w.asOf === null ? t('watchNoRun')
    : w.since === null ? t('watchFirstRun', { date: fmt.date(w.asOf) })
      : t('watchAsOf', { date: fmt.date(w.asOf), since: fmt.date(w.since) });
  const lines = ordered(w.lines);
  return h('div', { class: 'watch' },
    h('p', { class: 'muted small-text', 'data-field': 'watchAsOf' }, when),
    w.asOf !== null && lines.length === 0 ? h('p', { class: 'muted empty' }, t('watchNone')) : null,
    lines.length ? h('p', { class: 'small-text' }, t('watchCount', { n: fmt.number(lines.length) })) : null,
    lines.length ? h('ol', { class: 'watch-lines' }, lines.map((l, i) => {
      const kind = KINDS.includes(l.kind) ? l.kind : 'other';
      return h('li', { class: `watch-line kind-${kind}`, 'data-kind': l.kind, 'data-customer': l.customerId },
        h('div', { class: 'watch-head' },
          h('span', { class: `watch-kind kind-${kind}` }, kindLabel(ctx, l)),
          /^[ABCD]$/.test(l.grade) ? gradeBadge(t, l.grade) : null),
        h('div', { class: 'watch-customer' },
          h('button', { type: 'button', class: 'link', 'data-focus': `watch-${i}`, onclick: () => ctx.openCustomer(l.customerId) }, l.name || l.customerId),
          h('span', { class: 'muted' }, ` ${l.customerId}`)),
        h('div', { class: 'watch-change', 'data-field': 'fromTo' }, t('fromTo', { from: l.from || '—', to: l.to || '—' })),
        l.text ? h('div', { class: 'muted small-text watch-detail' }, l.text) : null);
    })) : null);
}

function forecastView(ctx: Ctx, f: CashForecastView): HTMLElement {
  const { t, fmt } = ctx;
  const cur = f.currency;
  const money = (n: number): string => fmt.amount(n, cur);
  const labels = f.weeks.map((w) => fmt.dayMonth(w.start));
  const amounts = f.weeks.map((w) => w.expected);
  const summary = f.weeks.map((w, i) => `${labels[i]} ${money(w.expected)}`).join(', ');
  return h('div', { class: 'forecast' },
    h('div', { class: 'stats' },
      stat(t('forecastNext'), h('span', { 'data-field': 'forecastTotal' }, money(f.total))),
      stat(t('forecastLater'), h('span', { 'data-field': 'forecastLater' }, money(f.later)))),
    h('div', { class: 'forecast-chart' },
      plainBars(labels, amounts, (n) => fmt.compact(n, cur), t('forecastChart', { summary }), '#1a73e8', 'forecast-chart')),
    h('dl', { class: 'pairs small-text' },
      f.catchUp ? [h('dt', null, t('forecastCatchUp')), h('dd', { class: 'num' }, money(f.catchUp))] : null,
      h('dt', null, t('forecastDisputed')), h('dd', { 'data-field': 'disputed' }, money(f.disputed)),
      h('dt', null, t('forecastDoubtful', { n: fmt.number(f.doubtfulDays) })), h('dd', { 'data-field': 'doubtful' }, money(f.doubtful))),
    f.past.length ? h('div', null,
      h('h4', null, t('forecastPast')),
      h('table', { class: 'grid-table past-weeks' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, t('weekOf')), h('th', { scope: 'col', class: 'num' }, t('forecast')),
          h('th', { scope: 'col', class: 'num' }, t('actual')), h('th', { scope: 'col', class: 'num' }, t('difference')))),
        h('tbody', null, f.past.map((p) => h('tr', { 'data-week': p.start },
          h('td', null, fmt.dayMonth(p.start)),
          h('td', { class: 'num' }, p.forecast === null ? h('span', { class: 'muted' }, t('noForecast')) : fmt.compact(p.forecast, cur)),
          h('td', { class: 'num' }, fmt.compact(p.actual, cur)),
          h('td', { class: `num ${p.difference === null ? 'muted' : p.difference < 0 ? 'bad' : ''}` },
            p.difference === null ? '—' : fmt.compact(p.difference, cur))))))) : null);
}

export function render(ctx: Ctx): HTMLElement {
  const { t } = ctx;
  return h('div', null,
    h('div', { class: 'toolbar' },
      h('h2', null, t('watchTitle')),
      h('button', {
        type: 'button', id: 'watch-refresh', class: 'small',
        onclick: () => { watch = new Loadable(); forecast = new Loadable(); ctx.refresh(); },
      }, t('refresh'))),
    h('section', { class: 'card watch-section' }, loadableView(ctx, watch, () => loadWatch(ctx), (w) => watchView(ctx, w))),
    section(t('forecastTitle'), loadableView(ctx, forecast, () => loadForecast(ctx), (f) => forecastView(ctx, f))));
}
