/**
 * The Dashboard sheet through the built bundle, on the English fixture (figures from
 * examples/generate.ts's table, as of 2026-11-20) and the sample credit file.
 *
 * English fixture, by hand: AR 54,200 (the aging total), overdue 11,000 + 16,800 + 4,500 + 5,000 =
 * 37,300 (share 0.6882). Sales: November to the 20th 5,400 + 4,000 + 1,500 − 300 = 10,600;
 * October 2,000 + 6,000 + 3,000 + 3,000 + 7,500 − 1,200 = 20,300; September 7,250.50 + 15,000 +
 * 8,000 = 30,250.50. DSO countback: 54,200 − 10,600 (20 days) − 20,300 (31 days) leaves 23,300 of
 * September's 30,250.50: 51 + 23,300 ÷ 30,250.50 × 30 = 74.1.
 * Owners: sarah.jones (C-004) AR 24,500, overdue 8,000 + 9,000 (disputed included) = 17,000;
 * zhang.min (C-002, C-005, C-006) 11,800 + 12,500 = 24,300, overdue 7,800 + 12,500 = 20,300;
 * li.wei (C-001, C-003) 5,400, none overdue.
 */
import type { Environment } from '../../emulator';
import { environmentWith, ENGLISH, SAMPLE } from '../helpers/sample';

function run(env: Environment, name: string) {
  return env.execution({ authMode: 'FULL' }).call(name) as { sheet: string; rows: number; message: string };
}

describe('Dashboard on the English fixture', () => {
  let env: Environment;
  let v: unknown[][];
  beforeAll(async () => {
    env = await environmentWith(ENGLISH);
    const r = run(env, 'showDashboardSheet');
    expect(r.sheet).toBe('Dashboard');
    v = env.spreadsheet.sheet('Dashboard').values();
  });

  it('writes the headline with the method named', () => {
    expect(v[0].slice(0, 4)).toEqual(['As of', new Date('2026-11-19T16:00:00Z'), 'Base currency', 'CNY']);
    expect(v[3].slice(0, 3)).toEqual(['Measure', 'Value', 'How it is computed']);
    expect(v[4].slice(0, 2)).toEqual(['DSO (countback)', 74.1]);
    expect(String(v[4][2])).toMatch(/countback/);
    expect(v[9].slice(0, 2)).toEqual(['Receivables', 54200]);
    expect(v[10].slice(0, 2)).toEqual(['Overdue', 37300]);
    expect(v[11].slice(0, 2)).toEqual(['Overdue share', 0.6882]);
    const s = env.spreadsheet.sheet('Dashboard');
    expect(s.numberFormats('B12')[0][0]).toBe('0.0%');
    expect(s.numberFormats('B10:B11').flat()).toEqual(['#,##0.00', '#,##0.00']);
    expect(s.numberFormats('B1')[0][0]).toBe('yyyy-mm-dd');
  });

  it('splits by owner, largest receivables first', () => {
    expect(v[13][0]).toMatch(/^By owner/);
    expect(v[14].slice(0, 5)).toEqual(['Owner', 'Customers', 'Receivables', 'Overdue', 'Overdue share']);
    expect(v.slice(15, 18).map((r) => r.slice(0, 5))).toEqual([
      ['sarah.jones@example.com', 1, 24500, 17000, 0.6939],
      ['zhang.min@example.com', 3, 24300, 20300, 0.8354],
      ['li.wei@example.com', 2, 5400, 0, 0],
    ]);
  });

  it('gives 12 months, each month-end a date, the last the as-of day', () => {
    expect(v[19][0]).toMatch(/^Month by month/);
    expect(v[20][0]).toBe('Month');
    const months = v.slice(21, 33);
    expect(months.map((r) => r[0])).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(months[11][1]).toEqual(new Date('2026-11-19T16:00:00Z'));
    expect(months[10][1]).toEqual(new Date('2026-10-30T16:00:00Z'));
    expect(months[11].slice(2, 6)).toEqual([54200, 37300, 0.6882, 74.1]);
    expect(v).toHaveLength(33);
  });

  it('draws the DSO and CEI line chart and the overdue share column chart over their ranges', () => {
    const charts = env.spreadsheet.sheet('Dashboard').charts();
    expect(charts).toEqual([
      expect.objectContaining({ type: 'LINE', ranges: ['Dashboard!A21:A33', 'Dashboard!F21:F33', 'Dashboard!I21:I33'] }),
      expect.objectContaining({ type: 'COLUMN', ranges: ['Dashboard!A15:A18', 'Dashboard!E15:E18'] }),
    ]);
    run(env, 'showDashboardSheet');
    expect(env.spreadsheet.sheet('Dashboard').charts()).toHaveLength(2);
  });
});

describe('Dashboard on the sample credit file', () => {
  it('has every owner of the sample and 12 months with figures', async () => {
    const env = await environmentWith(SAMPLE);
    run(env, 'showDashboardSheet');
    const v = env.spreadsheet.sheet(env.spreadsheet.sheetNames().find((n) => n === 'Dashboard' || n === '仪表板')!).values();
    const owners = v.slice(15, 20).map((r) => r[0]).sort();
    expect(owners).toEqual(['li.wei@example.com', 'sarah.jones@example.com', 'tom.baker@example.com', 'wang.fang@example.cn', 'zhang.min@example.com']);
    const months = v.slice(23, 35);
    expect(months).toHaveLength(12);
    for (const m of months) {
      expect(m[2]).toBeGreaterThan(0); // receivables every month-end
      expect(typeof m[5]).toBe('number'); // DSO
    }
    // The owners' receivables add up to the headline.
    const sum = v.slice(15, 20).reduce((s, r) => s + Number(r[2]), 0);
    expect(sum).toBeCloseTo(Number(v[9][1]), 2);
  });
});
