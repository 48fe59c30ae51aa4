/** The pure part of choosing a report's sheet (src/sheets/reports/owner.ts): names and the earlier-version check. */
import { freeReportName, looksLikeReport, reportNameRank, suffixedName } from '../../src/sheets/reports/owner';

const WATCH = { en: 'Watch List', zh: '风险预警' };

describe('report sheet names', () => {
  it('ranks the plain names 0 and the suffixed names by their number, in either language and any case', () => {
    expect(reportNameRank('Watch List', WATCH)).toBe(0);
    expect(reportNameRank(' watch list ', WATCH)).toBe(0);
    expect(reportNameRank('风险预警', WATCH)).toBe(0);
    expect(reportNameRank('Watch List (Credit Desk)', WATCH)).toBe(1);
    expect(reportNameRank('watch list (credit desk 3)', WATCH)).toBe(3);
    expect(reportNameRank('风险预警（信用管理）', WATCH)).toBe(1);
    expect(reportNameRank('风险预警（信用管理 2）', WATCH)).toBe(2);
    expect(reportNameRank('风险预警 (Credit Desk)', WATCH)).toBe(1);
    for (const other of ['Watch List 2', 'My Watch List', 'Watch List (Credit Desk 1)', 'Watch List (credit desk', 'Dashboard (Credit Desk)']) {
      expect(reportNameRank(other, WATCH)).toBeNull();
    }
  });

  it('picks the plain name in the language, else the first free suffixed name (names compared in any case)', () => {
    expect(freeReportName([], WATCH, 'en')).toBe('Watch List');
    expect(freeReportName(['风险预警'], WATCH, 'en')).toBe('Watch List');
    expect(freeReportName(['WATCH LIST'], WATCH, 'en')).toBe('Watch List (Credit Desk)');
    expect(freeReportName(['Watch List', 'watch list (credit desk)'], WATCH, 'en')).toBe('Watch List (Credit Desk 2)');
    expect(freeReportName(['风险预警'], WATCH, 'zh')).toBe('风险预警（信用管理）');
  });

  it('keeps a suffixed name within 100 characters, and still recognises it', () => {
    const long = { en: `Evidence Pack – ${'X'.repeat(90)}`.slice(0, 100), zh: `证据包 – ${'X'.repeat(96)}`.slice(0, 100) };
    const name = suffixedName(long.en, 2, 'en');
    expect(name).toHaveLength(100);
    expect(name.endsWith(' (Credit Desk 2)')).toBe(true);
    expect(reportNameRank(name, long)).toBe(2);
    expect(freeReportName([long.en], long, 'en')).toBe(suffixedName(long.en, 1, 'en'));
  });
});

describe('a sheet from an earlier version', () => {
  const asOf = new Date('2026-11-19T16:00:00Z');
  const layout = { frozenRows: 3, blocks: [{ row: 1, col: 1, values: [['As of', asOf, 'Changes since the run of', asOf, '']] }, { row: 3, col: 1, values: [['Customer']] }] };

  it('starts as the report does: same frozen rows, same labels and blanks; dates may be any value', () => {
    expect(looksLikeReport(layout, { frozenRows: 3, row: ['As of', new Date(0), 'Changes since the run of', '(first run: nothing to compare with)', '', 'x'] })).toBe(true);
  });

  it('anything else is not', () => {
    const row = ['As of', asOf, 'Changes since the run of', asOf, ''];
    expect(looksLikeReport(layout, { frozenRows: 0, row })).toBe(false);
    expect(looksLikeReport(layout, { frozenRows: 3, row: ['As Of', ...row.slice(1)] })).toBe(false);
    expect(looksLikeReport(layout, { frozenRows: 3, row: [...row.slice(0, 4), 'my note'] })).toBe(false);
    expect(looksLikeReport(layout, { frozenRows: 3, row: row.slice(0, 3) })).toBe(false);
    expect(looksLikeReport({ frozenRows: 3, blocks: [{ row: 3, col: 1, values: [['Customer']] }] }, { frozenRows: 3, row })).toBe(false);
  });
});
