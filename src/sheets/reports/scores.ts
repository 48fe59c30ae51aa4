/**
 * The Credit Scores report (信用评分): per customer, in Customers-sheet order, the score and grade,
 * each factor's points (one column per factor), the current limit, and the recommended limit,
 * terms and prepayment.
 */
import { dateOfDay } from '../../core/dates';
import type { CreditPicture } from '../../core/picture';
import type { Cell } from '../../core/types';
import { factorName, type FactorCode } from '../../i18n/reasons';
import { REPORT_TEXT, YES_NO } from '../../i18n/reports';
import type { Language } from '../../i18n/language';
import { DATE_FORMAT, major, moneyFormat, type ReportLayout } from './layout';

export const FACTOR_ORDER: FactorCode[] = ['base', 'timeliness', 'delinquency', 'utilisation', 'relationship', 'disputes', 'externalRating', 'promises'];
export const SCORES_HEADER_ROW = 3;

export function scoresLayout(picture: CreditPicture, language: Language, timeZone: string): ReportLayout {
  const t = REPORT_TEXT[language];
  const currency = picture.settings.baseCurrency;
  const header: Cell[] = [
    t.customer, t.customerId, t.score, t.grade, ...FACTOR_ORDER.map((f) => factorName(f, language)),
    t.creditLimit, t.recommendedLimit, t.recommendedTerms, t.prepayment,
  ];
  const rows: Cell[][] = picture.order.map((k) => {
    const c = picture.customers.get(k)!;
    const points = new Map(c.score.factors.map((f) => [f.factor, f.points]));
    const r = c.recommendation;
    return [
      c.customer.name, c.customer.id, c.score.score, c.grade,
      ...FACTOR_ORDER.map((f) => points.get(f) ?? 0),
      c.customer.creditLimit === null ? '' : major(c.customer.creditLimit, currency),
      major(r.limit, currency), r.termsDays, YES_NO[language][r.prepayment ? 0 : 1],
    ];
  });
  const H = SCORES_HEADER_ROW;
  const n = Math.max(1, rows.length);
  const firstFactor = 5;
  const limitCol = firstFactor + FACTOR_ORDER.length;
  return {
    blocks: [
      { row: 1, col: 1, values: [[t.asOf, dateOfDay(picture.asOf, timeZone), t.baseCurrency, currency]] },
      { row: H, col: 1, values: [header, ...rows] },
    ],
    formulas: [],
    formats: [
      { block: { row: 1, col: 2, numRows: 1, numCols: 1 }, format: DATE_FORMAT },
      { block: { row: H + 1, col: 3, numRows: n, numCols: 1 }, format: '0' },
      { block: { row: H + 1, col: firstFactor, numRows: n, numCols: FACTOR_ORDER.length }, format: '0.0' },
      { block: { row: H + 1, col: limitCol, numRows: n, numCols: 2 }, format: moneyFormat(currency) },
      { block: { row: H + 1, col: limitCol + 2, numRows: n, numCols: 1 }, format: '0' },
    ],
    bold: [{ row: H, col: 1, numRows: 1, numCols: header.length }],
    frozenRows: H,
    chart: null,
    rows: H + n,
    cols: header.length,
  };
}
