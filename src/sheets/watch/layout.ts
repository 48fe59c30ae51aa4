/**
 * The Watch List sheet (风险预警): the lines the last run found, most severe first — customer,
 * alert, was → now, what happened, and the customer's exposure, limit, days past due, grade and
 * owner now. Written by the daily run; read back by the sidebar's getWatchList.
 */
import { dateOfDay, dayFromDate, isDateObject, isoOfDay } from '../../core/dates';
import { WATCH_KINDS, type WatchKind, type WatchLine } from '../../core/watchlist';
import type { Cell, Day, Grade, Grid } from '../../core/types';
import { minorDigits } from '../../core/money';
import { lazy } from '../../core/lazy';
import { idKey } from '../../core/read';
import { WATCH_KIND_TEXT, WATCH_TEXT, watchLineText } from '../../i18n/dashboard';
import type { Language } from '../../i18n/language';
import { DATE_FORMAT, major, moneyFormat } from '../reports/layout';
import type { ChartsLayout } from '../dashboard/write';

export const WATCH_HEADER_ROW = 3;

export function watchLayout(lines: readonly WatchLine[], asOf: Day, since: Day | null, language: Language, timeZone: string, currency: string): ChartsLayout {
  const t = WATCH_TEXT[language];
  const m = (minor: number) => major(minor, currency);
  const width = t.header.length;
  const rows: Cell[][] = lines.length > 0
    ? lines.map((l) => [
      l.name, l.customerId, WATCH_KIND_TEXT[language][l.kind], l.from, l.to, watchLineText(l, language),
      m(l.exposure), l.limit === null ? '' : m(l.limit), l.maxDaysPastDue, l.grade, l.owner,
    ])
    : [[t.none, ...new Array<Cell>(width - 1).fill('')]];
  const H = WATCH_HEADER_ROW;
  return {
    blocks: [
      { row: 1, col: 1, values: [[t.asOf, dateOfDay(asOf, timeZone), t.since, since === null ? t.never : dateOfDay(since, timeZone)]] },
      { row: H, col: 1, values: [t.header, ...rows] },
    ],
    formulas: [],
    formats: [
      { block: { row: 1, col: 2, numRows: 1, numCols: 1 }, format: DATE_FORMAT },
      ...(since === null ? [] : [{ block: { row: 1, col: 4, numRows: 1, numCols: 1 }, format: DATE_FORMAT }]),
      { block: { row: H + 1, col: 7, numRows: rows.length, numCols: 2 }, format: moneyFormat(currency) },
      { block: { row: H + 1, col: 9, numRows: rows.length, numCols: 1 }, format: '0' },
    ],
    bold: [{ row: H, col: 1, numRows: 1, numCols: width }],
    frozenRows: H,
    charts: [],
    rows: H + rows.length,
    cols: width,
  };
}

const kindByLabel = lazy(() => {
  const map = new Map<string, WatchKind>();
  for (const lang of ['en', 'zh'] as const) for (const k of WATCH_KINDS) map.set(WATCH_KIND_TEXT[lang][k], k);
  return map;
});

export interface WatchSheetRead {
  asOf: string | null;
  since: string | null;
  /** Each line with its sentence as written ("What happened"); `detail` is not kept on the sheet. */
  lines: (WatchLine & { text: string })[];
}

/** Reads a Watch List sheet's values back into lines (rows whose alert is not a known label are skipped). */
export function readWatchSheet(values: Grid, timeZone: string, currency: string): WatchSheetRead {
  const iso = (cell: unknown) => (isDateObject(cell) ? isoOfDay(dayFromDate(cell, timeZone)) : null);
  const scale = 10 ** minorDigits(currency);
  const minor = (cell: unknown) => Math.round(Number(cell) * scale);
  const lines: WatchSheetRead['lines'] = [];
  for (const row of values.slice(WATCH_HEADER_ROW)) {
    const kind = kindByLabel().get(String(row[2] ?? ''));
    if (!kind) continue;
    const id = String(row[1] ?? '');
    lines.push({
      name: String(row[0] ?? ''),
      customerId: id,
      key: idKey(id),
      kind,
      from: String(row[3] ?? ''),
      to: String(row[4] ?? ''),
      detail: '',
      exposure: minor(row[6]),
      limit: row[7] === '' || row[7] === undefined ? null : minor(row[7]),
      maxDaysPastDue: Number(row[8]) || 0,
      grade: String(row[9] ?? '') as Grade,
      owner: String(row[10] ?? ''),
      text: String(row[5] ?? ''),
    });
  }
  const top = values[0] ?? [];
  return { asOf: iso(top[1]), since: iso(top[3]), lines };
}
