/**
 * The Cash Forecast through the built bundle, on the English fixture as of Friday 2026-11-20:
 * week 1 is Monday 11-16 … Sunday 11-22 (it holds 11-21).
 *
 * By hand (examples/generate.ts's table): average days to pay C-001 28.54 → 29, C-002 50, C-004 60;
 * C-006 has no paid invoice: Due Date + the portfolio delay, 27,749.50 ÷ 70,250.50 = 0.4 → 0 days.
 *   week 1 (catch-up, expected day passed): INV-1006 7,800 + INV-1011 8,000 + INV-1017 4,500 + INV-1018 3,000 = 23,300
 *   week 3 (11-30): INV-1005 11-02 + 29 = 12-01: 5,400
 *   week 5 (12-14): INV-1012 10-20 + 60 = 12-19: 7,500
 *   week 6 (12-21): INV-1007 11-03 + 50 = 12-23: 4,000
 *   disputed INV-1010 9,000; doubtful INV-1016 5,000 (93 days past due). All of it: 54,200, the AR.
 * Actual cash of the 8 weeks before (09-21 … 11-09): 09-28 week 7,250.50 + 12,500 + 2,000 = 21,750.50;
 * 10-12 week 6,000; 10-26 week 6,000; 11-09 week 3,000 + 1,500 = 4,500; the others 0.
 */
import type { Environment } from '../../emulator';
import { environmentWith, ENGLISH } from '../helpers/sample';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Midnight of a day in Shanghai as a Date cell. */
const day = (iso: string) => new Date(`${iso}T00:00:00+08:00`);

function run(env: Environment, name: string) {
  return env.execution({ authMode: 'FULL' }).call(name) as { sheet: string; message: string };
}

describe('Cash Forecast on the English fixture', () => {
  let env: Environment;
  beforeAll(async () => {
    env = await environmentWith(ENGLISH);
    run(env, 'showCashForecast');
  });

  it('writes the 13 weeks with dates, amounts and a running total', () => {
    const s = env.spreadsheet.sheet('Cash Forecast');
    const v = s.values();
    expect(v[0].slice(0, 4)).toEqual(['As of', day('2026-11-20'), 'Base currency', 'CNY']);
    expect(v[3]).toEqual(['Week', 'Week starting', 'Week ending', 'Expected', 'Invoices', 'Cumulative', '']);
    const weeks = v.slice(4, 17);
    expect(weeks.map((r) => r[1])).toEqual(Array.from({ length: 13 }, (_, k) => new Date(day('2026-11-16').getTime() + 7 * k * DAY_MS)));
    expect(weeks[0][2]).toEqual(day('2026-11-22'));
    expect(weeks.map((r) => r[3])).toEqual([23300, 0, 5400, 0, 7500, 4000, 0, 0, 0, 0, 0, 0, 0]);
    expect(weeks.map((r) => r[4])).toEqual([4, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(weeks[12][5]).toBe(40200);
    expect(v[17].slice(0, 5)).toEqual(['Total', '', '', 40200, 7]);
    expect(v.slice(19, 24).map((r) => r.slice(0, 2))).toEqual([
      ['Expected after week 13', 0],
      ["In week 1: late against the customer's own pattern", 23300],
      ['Disputed: not forecast', 9000],
      ['More than 90 days past due: not forecast', 5000],
      ['Portfolio average delay past due (days), for customers with no payment history', 0],
    ]);
    expect(s.numberFormats('B5:C17').flat().every((f) => f === 'yyyy-mm-dd')).toBe(true);
    expect(s.numberFormats('D5:D18').flat().every((f) => f === '#,##0.00')).toBe(true);
  });

  it('compares the past 8 weeks: no forecast stored yet, actual cash per week', () => {
    const v = env.spreadsheet.sheet('Cash Forecast').values();
    expect(v[25][0]).toBe('Past 8 weeks: forecast vs actual');
    const past = v.slice(27, 35);
    expect(past.map((r) => r[0])).toEqual(Array.from({ length: 8 }, (_, k) => new Date(day('2026-09-21').getTime() + 7 * k * DAY_MS)));
    expect(past.map((r) => r[2])).toEqual(new Array(8).fill('no forecast'));
    expect(past.map((r) => r[4])).toEqual([0, 21750.5, 0, 6000, 0, 6000, 0, 4500]);
    expect(v).toHaveLength(35);
  });

  it('draws two column charts over the weeks and the past weeks', () => {
    expect(env.spreadsheet.sheet('Cash Forecast').charts()).toEqual([
      expect.objectContaining({ type: 'COLUMN', ranges: ["'Cash Forecast'!B4:B17", "'Cash Forecast'!D4:D17"] }),
      expect.objectContaining({ type: 'COLUMN', ranges: ["'Cash Forecast'!A27:A35", "'Cash Forecast'!D27:E35"] }),
    ]);
  });

  it('stores the forecast once per week in a hidden sheet', () => {
    const store = env.spreadsheet.sheet('_CreditDesk_Forecasts');
    expect(store.hidden).toBe(true);
    const v = store.values();
    expect(v).toHaveLength(14);
    expect(v[0]).toEqual(['Made On', 'Week Start', 'Expected (minor units)', 'Currency']);
    expect(v[1]).toEqual(['2026-11-20', '2026-11-16', 2330000, 'CNY']);
    expect(v[3]).toEqual(['2026-11-20', '2026-11-30', 540000, 'CNY']);
    run(env, 'showCashForecast');
    env.clock.advance(2 * DAY_MS); // Sunday, same week
    run(env, 'showCashForecast');
    expect(store.values()).toHaveLength(14);
  });

  it('three weeks later, compares week 11-30 with the forecast made on 11-20', () => {
    const pay = env.spreadsheet.sheet('Payments');
    pay.setValues([[day('2026-12-01'), 'C-001', 5400, 'INV-1005']], `A${pay.values().length + 1}`);
    env.clock.advance(19 * DAY_MS); // 2026-12-11, Friday
    run(env, 'showCashForecast');
    expect(env.spreadsheet.sheet('_CreditDesk_Forecasts').values()).toHaveLength(27);
    const v = env.spreadsheet.sheet('Cash Forecast').values();
    expect(v[4][1]).toEqual(day('2026-12-07'));
    const last = v[34];
    expect(last).toEqual([day('2026-11-30'), day('2026-12-06'), day('2026-11-20'), 5400, 5400, 0, 1]);
    const view = env.execution({ authMode: 'FULL' }).call('getCashForecast') as {
      asOf: string; weeks: { start: string; expected: number }[]; past: { start: string; madeOn: string | null; forecast: number | null; actual: number; difference: number | null }[];
    };
    expect(view.asOf).toBe('2026-12-11');
    expect(view.weeks).toHaveLength(13);
    expect(view.weeks[0].start).toBe('2026-12-07');
    expect(view.past.at(-1)).toEqual({ start: '2026-11-30', end: '2026-12-06', madeOn: '2026-11-20', forecast: 540000, actual: 540000, difference: 0 });
    expect(view.past.at(-2)).toMatchObject({ start: '2026-11-23', madeOn: '2026-11-20', forecast: 0, actual: 0 });
  });
});

describe('the daily run stores the week\'s forecast', () => {
  it('once, from the reminder run', async () => {
    const env = await environmentWith(ENGLISH);
    env.execution({ authMode: 'FULL' }).call('runRemindersNow');
    expect(env.spreadsheet.sheet('_CreditDesk_Forecasts').values()).toHaveLength(14);
    env.clock.advance(DAY_MS);
    env.execution({ authMode: 'FULL' }).call('runRemindersNow');
    expect(env.spreadsheet.sheet('_CreditDesk_Forecasts').values()).toHaveLength(14);
    // getCashForecast reads only.
    const before = env.spreadsheet.sheetNames().length;
    env.execution({ authMode: 'FULL' }).call('getCashForecast');
    expect(env.spreadsheet.sheetNames().length).toBe(before);
  });
});
