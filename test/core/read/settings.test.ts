import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { fxCurrencyOfKey, readSettings, settingRows } from '../../../src/core/read/settings';
import type { Cell } from '../../../src/core/types';
import { TZ } from './helpers';

const read = (values: Cell[][], language: 'en' | 'zh' = 'en') => readSettings({ name: 'Settings', values }, { timeZone: TZ, language });

describe('readSettings', () => {
  test('no sheet or an empty one: the defaults, never the same object', () => {
    const r = readSettings(undefined, { timeZone: TZ, language: 'en' });
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.settings).not.toBe(DEFAULT_SETTINGS);
    r.settings.agingEdges.push(120);
    expect(DEFAULT_SETTINGS.agingEdges).toEqual([30, 60, 90]);
    expect(read([]).settings).toEqual(DEFAULT_SETTINGS);
  });

  test('English keys, every kind of value', () => {
    const r = read([
      ['Setting', 'Value', 'Description'],
      ['Base Currency', 'usd'],
      ['Default Terms (days)', 45],
      ['Aging Edges', '15, 30, 60, 90, 180'],
      ['Aging Basis', 'Invoice Date'],
      ['Hold Threshold (days)', '90'],
      ['Warn Ratio', 0.8],
      ['FX CNY', 0.14],
      ['FX EUR', '1.08'],
      ['Weight Timeliness', 2],
      ['Weight External Rating', 0],
      ['Grade A Min', 85],
      ['Grade B Min', 65],
      ['Grade C Min', 45],
      ['Grade A Limit (months)', 4],
      ['Grade D Terms (days)', 7],
      ['Grade D Prepayment', 'No'],
      ['Approvers', 'boss@co.com, cfo@co.com'],
      ['Credit Manager', 'cm@co.com'],
      ['Company Name', 'Acme Trading'],
      ['Language', '中文'],
    ]);
    expect(r.problems).toEqual([]);
    const s = r.settings;
    expect(s).toMatchObject({
      baseCurrency: 'USD', defaultTermsDays: 45, agingEdges: [15, 30, 60, 90, 180], agingBasis: 'invoice', holdThresholdDays: 90,
      warnRatio: 0.8, fxRates: { CNY: 0.14, EUR: 1.08 }, gradeCutoffs: { A: 85, B: 65, C: 45 }, approvers: ['boss@co.com', 'cfo@co.com'],
      creditManager: 'cm@co.com', companyName: 'Acme Trading', language: 'zh',
    });
    expect(s.scoreWeights).toEqual({ ...DEFAULT_SETTINGS.scoreWeights, timeliness: 2, externalRating: 0 });
    expect(s.gradePolicies.find((p) => p.grade === 'A')).toEqual({ grade: 'A', limitMonths: 4, termsDays: 60, prepayment: false });
    expect(s.gradePolicies.find((p) => p.grade === 'D')).toEqual({ grade: 'D', limitMonths: 0, termsDays: 7, prepayment: false });
  });

  test('Chinese keys and a Chinese header row', () => {
    const r = read([
      ['设置项', '值'],
      ['本位币', '人民币'],
      ['默认账期（天）', '60天'],
      ['账龄分段', '30、60、90、120'],
      ['账龄基准', '到期日'],
      ['预警比例', '85%'],
      ['汇率 USD', 7.1],
      ['USD汇率', 7.2],
      ['权重 付款及时性', 3],
      ['A级最低分', 90],
      ['语言', 'English'],
    ]);
    expect(r.settings).toMatchObject({
      baseCurrency: 'CNY', defaultTermsDays: 60, agingEdges: [30, 60, 90, 120], agingBasis: 'due', warnRatio: 0.85,
      fxRates: { USD: 7.1 }, language: 'en',
    });
    expect(r.settings.scoreWeights.timeliness).toBe(3);
    expect(r.settings.gradeCutoffs.A).toBe(90);
    // "USD汇率" is the same key as "汇率 USD": the repeat is reported, the first wins
    expect(r.problems.map((p) => [p.row, p.column, p.header])).toEqual([[8, 'A', 'USD汇率']]);
  });

  test('warn ratio forms', () => {
    expect(read([['Warn Ratio', '90%']]).settings.warnRatio).toBe(0.9);
    expect(read([['Warn Ratio', 0.9]]).settings.warnRatio).toBe(0.9);
    expect(read([['Warn Ratio', 75]]).settings.warnRatio).toBe(0.75);
    expect(read([['Warn Ratio', '150%']]).problems).toHaveLength(1);
  });

  test('bad values: a Problem on the value cell and the default', () => {
    const r = read([
      ['Base Currency', 'Dollars'],
      ['Default Terms (days)', -3],
      ['Aging Edges', '60,30'],
      ['Aging Basis', 'whenever'],
      ['Hold Threshold (days)', 'soon'],
      ['Warn Ratio', 'high'],
      ['FX USD', 0],
      ['Weight Disputes', -1],
      ['Grade A Limit (months)', 'lots'],
      ['Grade B Prepayment', 'perhaps'],
      ['Credit Manager', 'not an email'],
      ['Language', 'Klingon'],
      ['Company Name', true],
      ['Approvers', 'ok@co.com; bad@'],
    ]);
    expect(r.settings).toMatchObject({
      baseCurrency: 'CNY', defaultTermsDays: 30, agingEdges: [30, 60, 90], agingBasis: 'due', holdThresholdDays: 60, warnRatio: 0.9,
      fxRates: {}, creditManager: '', language: 'en', companyName: '', approvers: ['ok@co.com'],
    });
    expect(r.settings.scoreWeights.disputes).toBe(1);
    expect(r.problems.map((p) => [p.row, p.column, p.header])).toEqual([
      [1, 'B', 'Base Currency'], [2, 'B', 'Default Terms (days)'], [3, 'B', 'Aging Edges'], [4, 'B', 'Aging Basis'],
      [5, 'B', 'Hold Threshold (days)'], [6, 'B', 'Warn Ratio'], [7, 'B', 'FX USD'], [8, 'B', 'Weight Disputes'],
      [9, 'B', 'Grade A Limit (months)'], [10, 'B', 'Grade B Prepayment'], [11, 'B', 'Credit Manager'], [12, 'B', 'Language'],
      [13, 'B', 'Company Name'], [14, 'B', 'Approvers'],
    ]);
    expect(r.problems[1]!.message).toBe(
      '“Default Terms (days)” cannot be -3: it should be a whole number of days from 0 to 3650. The default, 30, is used until then.',
    );
    expect(r.problems[13]!.value).toBe('bad@');
  });

  test('an FX rate with a decimal comma (0,047) is a Problem and no rate, never read as 47', () => {
    const r = read([['Base Currency', 'CNY'], ['FX JPY', '0,047'], ['FX USD', '7,1']]);
    expect(r.settings.fxRates).toEqual({});
    expect(r.problems.map((p) => [p.row, p.column, p.header])).toEqual([[2, 'B', 'FX JPY'], [3, 'B', 'FX USD']]);
    expect(r.problems[0]!.message).toMatch(/0\.047, not 0,047/);
  });

  test('grade cut-offs out of order: a Problem and the defaults', () => {
    const r = read([['Grade A Min', 50], ['Grade B Min', 60]]);
    expect(r.settings.gradeCutoffs).toEqual({ A: 80, B: 60, C: 40 });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.row).toBe(2);
  });

  test('blank values keep the default; repeated keys: the first wins', () => {
    const r = read([['Default Terms (days)', ''], ['Hold Threshold (days)', 30], ['hold threshold', 45]]);
    expect(r.settings.defaultTermsDays).toBe(30);
    expect(r.settings.holdThresholdDays).toBe(30);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([[3, 'A']]);
  });

  test('unknown keys are kept in extra, values as text', () => {
    const r = read([
      ['Reminder 1 (days)', 7],
      ['Reminder 1 Template', 'Friendly nudge'],
      ['催收第二步', 'x'],
      ['Go Live', new Date('2026-03-01T00:00:00+08:00')],
      ['Flag', true],
    ]);
    expect(r.extra).toEqual({
      'Reminder 1 (days)': '7',
      'Reminder 1 Template': 'Friendly nudge',
      '催收第二步': 'x',
      'Go Live': '2026-03-01',
      Flag: 'TRUE',
    });
    expect(r.problems).toEqual([]);
  });

  test('messages in Chinese', () => {
    const r = read([['默认账期', 'abc']], 'zh');
    expect(r.problems[0]!.message).toBe('“默认账期”不能是 abc：应为0 到 3650 之间的整数天数。修正前使用默认值 30。');
  });

  test('FX keys', () => {
    expect(fxCurrencyOfKey('FX USD')).toBe('USD');
    expect(fxCurrencyOfKey('fx:usd')).toBe('USD');
    expect(fxCurrencyOfKey('汇率 USD')).toBe('USD');
    expect(fxCurrencyOfKey('USD 汇率')).toBe('USD');
    expect(fxCurrencyOfKey('Rate EUR')).toBe('EUR');
    expect(fxCurrencyOfKey('FX XYZ')).toBeNull();
    expect(fxCurrencyOfKey('Weight')).toBeNull();
  });

  test('settingRows: every row reads back to the defaults, in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const rows: Cell[][] = [[lang === 'zh' ? '设置项' : 'Setting', lang === 'zh' ? '值' : 'Value']];
      for (const row of settingRows()) rows.push([row[lang], row.default[lang], row.description[lang]]);
      const r = read(rows, lang);
      expect(r.problems).toEqual([]);
      expect(r.extra).toEqual({});
      expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, language: lang });
    }
    for (const row of settingRows()) {
      expect(row.description.en.length).toBeGreaterThan(5);
      expect(/[\u4e00-\u9fff]/.test(row.description.zh)).toBe(true);
    }
    const ids = settingRows().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
