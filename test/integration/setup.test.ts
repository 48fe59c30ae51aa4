/**
 * "Set up credit file" in the built bundle, in the emulator: on a fresh spreadsheet (English and
 * Chinese), and over both fixtures, where it may add only what is missing and must leave every
 * existing cell exactly as it was.
 */
import { join } from 'node:path';
import { createEnvironment, type Environment } from '../../emulator';
import { columnLetter } from '../../examples/generate';
import { settingRows } from '../../src/core/read/settings';
import { allSettingRows } from '../../src/sheets/setup/plan';
import { TABLES, type TableName } from '../../src/core/read/headers';
import { DEFAULT_LADDER } from '../../src/core/reminders/ladder';
import { ladderRows } from '../../src/core/reminders/ladderSheet';
import { ROOT } from '../helpers/bundle';

const ENGLISH = join(ROOT, 'test/fixtures/english.xlsx');
const CHINESE = join(ROOT, 'test/fixtures/chinese-messy.xlsx');
const NOW = new Date('2026-11-20T09:00:00+08:00');
const OWNER = 'owner@example.com';

function fresh(locale = 'en_US', activeUser = OWNER): Environment {
  return createEnvironment({ timeZone: 'Asia/Shanghai', locale, now: NOW, owner: OWNER, activeUser });
}

async function withFixture(path: string, locale = 'en_US'): Promise<Environment> {
  const env = fresh(locale);
  await env.loadXlsx(path);
  return env;
}

function setup(env: Environment, user = OWNER) {
  return env.execution({ authMode: 'FULL', user }).call('setupCreditFile') as {
    language: string; created: string[]; addedColumns: Record<string, string[]>; addedSettings: string[];
    protectedSheets: Record<string, string[]>; message: string;
  };
}

interface Snapshot {
  a1: string;
  values: unknown[][];
  formulas: string[][];
  formats: string[][];
  validations: unknown[][];
}

/** Every cell of every sheet: values, formulas, number formats and validations over its used extent. */
function snapshot(env: Environment): Record<string, Snapshot> {
  const out: Record<string, Snapshot> = {};
  for (const name of env.spreadsheet.sheetNames()) {
    const s = env.spreadsheet.sheet(name);
    const e = s.usedExtent();
    if (e.rows === 0) continue;
    const a1 = `A1:${columnLetter(e.cols - 1)}${e.rows}`;
    out[name] = { a1, values: s.values(a1), formulas: s.formulas(a1), formats: s.numberFormats(a1), validations: s.validations(a1) };
  }
  return out;
}

function expectUnchanged(env: Environment, before: Record<string, Snapshot>): void {
  for (const [name, snap] of Object.entries(before)) {
    const s = env.spreadsheet.sheet(name);
    expect({ name, values: s.values(snap.a1) }).toEqual({ name, values: snap.values });
    expect({ name, formulas: s.formulas(snap.a1) }).toEqual({ name, formulas: snap.formulas });
    expect({ name, formats: s.numberFormats(snap.a1) }).toEqual({ name, formats: snap.formats });
    expect({ name, validations: s.validations(snap.a1) }).toEqual({ name, validations: snap.validations });
  }
}

const SHEET_NAMES = {
  en: { customers: 'Customers', invoices: 'Invoices', payments: 'Payments', orders: 'Orders', settings: 'Settings', ladder: 'Reminder Ladder' },
  zh: { customers: '客户', invoices: '发票', payments: '收款', orders: '订单', settings: '设置', ladder: '催收阶梯' },
} as const;

const MONEY = '#,##0.00';
const DATE = 'yyyy-mm-dd';

/** Field → expected number format of its column below the header. */
const EXPECTED_FORMATS: Record<TableName, Record<string, string>> = {
  customers: { termsDays: '0', creditLimit: MONEY, remindersPausedUntil: DATE, customerSince: DATE },
  invoices: { invoiceDate: DATE, dueDate: DATE, amount: MONEY, amountPaid: MONEY, paidDate: DATE },
  payments: { date: DATE, amount: MONEY },
  orders: { orderDate: DATE, amount: MONEY },
};

function colOf(table: TableName, field: string): string {
  return columnLetter(TABLES[table].fields.findIndex((f) => f.field === field));
}

describe.each(['en', 'zh'] as const)('setup on a fresh spreadsheet (%s)', (lang) => {
  const locale = lang === 'zh' ? 'zh_CN' : 'en_US';
  const names = SHEET_NAMES[lang];
  let env: Environment;
  let result: ReturnType<typeof setup>;

  beforeAll(() => {
    env = fresh(locale);
    result = setup(env);
  });

  it('creates every sheet in the language and says so', () => {
    expect(env.spreadsheet.sheetNames()).toEqual(expect.arrayContaining(Object.values(names)));
    expect(result.created).toEqual([names.customers, names.invoices, names.payments, names.orders, names.settings, names.ladder]);
    expect(env.ui.alerts).toHaveLength(1);
    expect(env.ui.alerts[0].title).toBe(lang === 'zh' ? '建立信用档案' : 'Set up credit file');
    expect(env.ui.alerts[0].message).toContain(names.ladder);
  });

  it.each(['customers', 'invoices', 'payments', 'orders'] as const)('%s: bold frozen header, formats below it', (table) => {
    const s = env.spreadsheet.sheet(names[table]);
    const headers = TABLES[table].fields.map((f) => f[lang]);
    const last = columnLetter(headers.length - 1);
    expect(s.values(`A1:${last}1`)[0]).toEqual(headers);
    expect(s.fontWeights(`A1:${last}1`)[0]).toEqual(headers.map(() => 'bold'));
    expect(s.frozenRows).toBe(1);
    for (const f of TABLES[table].fields) {
      const c = colOf(table, f.field);
      const want = EXPECTED_FORMATS[table][f.field] ?? '';
      expect({ field: f.field, top: s.numberFormats(`${c}2`)[0][0], bottom: s.numberFormats(`${c}1000`)[0][0] }).toEqual({ field: f.field, top: want, bottom: want });
      expect(s.numberFormats(`${c}1`)[0][0]).toBe('');
    }
  });

  it('puts dropdowns on yes/no, status and customer ID columns, invalid input allowed', () => {
    const yesNo = lang === 'zh' ? ['是', '否'] : ['Yes', 'No'];
    const list = (table: TableName, field: string) => env.spreadsheet.sheet(names[table]).validations(`${colOf(table, field)}2`)[0][0];
    for (const [table, field] of [['customers', 'onHold'], ['invoices', 'disputed'], ['invoices', 'remindersStopped']] as const) {
      expect(list(table, field)).toMatchObject({ criteria: 'VALUE_IN_LIST', values: [yesNo, true], allowInvalid: true });
    }
    expect(list('invoices', 'status')).toMatchObject({
      criteria: 'VALUE_IN_LIST', values: [lang === 'zh' ? ['未结', '已付', '作废', '争议'] : ['Open', 'Paid', 'Void', 'Disputed'], true], allowInvalid: true,
    });
    expect(list('orders', 'status')).toMatchObject({
      criteria: 'VALUE_IN_LIST', values: [lang === 'zh' ? ['待审', '已批准', '已冻结', '已开票', '已取消'] : ['Pending', 'Approved', 'Blocked', 'Invoiced', 'Cancelled'], true],
    });
    for (const table of ['invoices', 'payments', 'orders'] as const) {
      const v = list(table, 'customerId');
      expect(v).toMatchObject({ criteria: 'VALUE_IN_RANGE', values: [`${lang === 'zh' ? `'${names.customers}'` : names.customers}!A2:A1000`, true], allowInvalid: true });
      expect(env.spreadsheet.sheet(names[table]).validations(`${colOf(table, 'customerId')}1000`)[0][0]).toEqual(v);
      expect(env.spreadsheet.sheet(names[table]).validations(`${colOf(table, 'customerId')}1`)[0][0]).toBeNull();
    }
    expect(list('invoices', 'amount')).toBeNull();
  });

  it('writes every setting with its default and description', () => {
    const s = env.spreadsheet.sheet(names.settings);
    const rows = s.values();
    expect(rows[0]).toEqual(lang === 'zh' ? ['设置项', '值', '说明'] : ['Setting', 'Value', 'Description']);
    expect(s.frozenRows).toBe(1);
    const all = allSettingRows();
    expect(rows.slice(1).map((r) => r[0])).toEqual(all.map((r) => r[lang]));
    rows.slice(1).forEach((r, i) => {
      const d = all[i].default[lang];
      expect(String(r[1])).toBe(d);
      expect(r[2]).toBe(all[i].description[lang]);
    });
    // The Recalc Token's value cell stays editable by everyone: onEdit bumps it as the editor.
    const protection = s.protections().find((p) => p.type === 'SHEET');
    expect(protection?.unprotectedRanges).toEqual(['B2']);
    expect(s.formulas().flat().every((f) => f === '')).toBe(true);
  });

  it('writes the default reminder ladder', () => {
    const s = env.spreadsheet.sheet(names.ladder);
    expect(s.values()).toEqual(ladderRows(DEFAULT_LADDER, lang));
    expect(s.frozenRows).toBe(1);
  });

  it('protects Settings and the Reminder Ladder for the owner only (no approvers yet)', () => {
    for (const name of [names.settings, names.ladder]) {
      const p = env.spreadsheet.sheet(name).protections();
      expect(p).toHaveLength(1);
      expect(p[0]).toMatchObject({ type: 'SHEET', editors: [OWNER], warningOnly: false });
    }
    expect(env.spreadsheet.protections.every((p) => p.domainEdit === false)).toBe(true);
  });

  it('a second run adds nothing and changes no cell', () => {
    const before = snapshot(env);
    const again = setup(env);
    expect(again.created).toEqual([]);
    expect(again.addedColumns).toEqual({});
    expect(again.addedSettings).toEqual([]);
    expect(again.message).toContain(lang === 'zh' ? '一切已就绪' : 'Everything was already in place');
    expectUnchanged(env, before);
    expect(snapshot(env)).toEqual(before);
  });
});

describe('setup run by an editor who is not the owner', () => {
  it('restricts the protected sheets to the owner, but Google keeps the clerk running it as an editor: Set up says so', () => {
    const env = fresh('en_US', 'clerk@example.com');
    env.spreadsheet.editors.push('clerk@example.com');
    const r = setup(env, 'clerk@example.com');
    expect(env.spreadsheet.sheet('Settings').protections()[0].editors).toEqual([OWNER, 'clerk@example.com']);
    expect(env.spreadsheet.sheet('Reminder Ladder').protections()[0].editors).toEqual([OWNER, 'clerk@example.com']);
    expect(r.message).toContain('so clerk@example.com can still edit Settings: ask the spreadsheet\'s owner to run Set up');
    // Run by the owner, the clerk is removed.
    setup(env, OWNER);
    expect(env.spreadsheet.sheet('Settings').protections()[0].editors).toEqual([OWNER]);
  });
});

describe('setup over a Settings sheet that names the recalc token its own way', () => {
  it('takes "Refresh Token" as the token: adds no second token row, keeps it writable, and onEdit bumps it', async () => {
    const env = await withFixture(ENGLISH);
    const settings = env.spreadsheet.sheet('Settings');
    const row = settings.values().length + 1;
    settings.setValues([['Refresh Token', 5]], `A${row}`);
    const result = setup(env);
    expect(result.addedSettings).not.toContain('Recalc Token');
    const keys = settings.values().map((r) => r[0]);
    expect(keys.filter((k) => ['Recalc Token', 'Refresh Token'].includes(String(k)))).toEqual(['Refresh Token']);
    expect(settings.protections().find((p) => p.type === 'SHEET')?.unprotectedRanges).toEqual([`B${row}`]);
    env.edit('Orders', 'D2', 1234);
    expect(settings.value(`B${row}`)).not.toBe(5);
  });
});

describe('setup over the English fixture', () => {
  let env: Environment;
  let before: Record<string, Snapshot>;
  let result: ReturnType<typeof setup>;

  beforeAll(async () => {
    env = await withFixture(ENGLISH);
    before = snapshot(env);
    result = setup(env);
  });

  it('leaves every existing cell exactly as it was', () => {
    expect(Object.keys(before)).toEqual(['Customers', 'Invoices', 'Payments', 'Orders', 'Settings']);
    expectUnchanged(env, before);
  });

  it('adds only the missing sheet, headers and settings', () => {
    expect(result.created).toEqual(['Reminder Ladder']);
    expect(result.addedColumns).toEqual({ Customers: ['Language'], Invoices: ['Stop Reminders'], Payments: ['Currency'], Orders: ['Currency'] });
    const c = env.spreadsheet.sheet('Customers');
    expect(c.values('M1')[0][0]).toBe('Language');
    expect(c.fontWeights('M1')[0][0]).toBe('bold');
    expect(c.validations('M2')[0][0]).toMatchObject({ criteria: 'VALUE_IN_LIST', values: [['English', '中文'], true] });
    expect(env.spreadsheet.sheet('Invoices').validations('K2')[0][0]).toMatchObject({ values: [['Yes', 'No'], true] });
    const s = env.spreadsheet.sheet('Settings').values();
    expect(s[0]).toEqual(['Setting', 'Value', 'Description']);
    const keys = s.map((r) => r[0]);
    for (const row of settingRows()) expect(keys.filter((k) => [row.en, row.zh, ...row.aliases].includes(String(k)))).toHaveLength(1);
    expect(result.addedSettings).toContain('Aging Edges');
    expect(result.addedSettings).not.toContain('Base Currency');
    expect(s[keys.indexOf('Language')][1]).toBe('English');
  });

  it('protects Settings and the ladder for the owner and the approver in Settings', () => {
    for (const name of ['Settings', 'Reminder Ladder']) {
      expect(env.spreadsheet.sheet(name).protections()[0].editors).toEqual([OWNER, 'boss@example.com']);
    }
  });

  it('is idempotent', () => {
    const after = snapshot(env);
    const again = setup(env);
    expect(again.created).toEqual([]);
    expect(again.addedColumns).toEqual({});
    expect(again.addedSettings).toEqual([]);
    expect(snapshot(env)).toEqual(after);
  });
});

describe('setup over the Chinese messy fixture (a Chinese user)', () => {
  let env: Environment;
  let before: Record<string, Snapshot>;
  let result: ReturnType<typeof setup>;

  beforeAll(async () => {
    env = await withFixture(CHINESE, 'zh_CN');
    before = snapshot(env);
    result = setup(env);
  });

  it('leaves every existing cell exactly as it was, extra columns and bad rows included', () => {
    expect(Object.keys(before)).toEqual(['客户档案', '应收账款', '回款', '订单', '设置']);
    expectUnchanged(env, before);
  });

  it('appends the missing Chinese headers after the last used column', () => {
    expect(result.created).toEqual(['催收阶梯']);
    expect(result.addedColumns).toEqual({
      客户档案: ['币种', '外部评级', '语言'],
      应收账款: ['币种', '停止催收'],
      回款: ['币种'],
      订单: ['币种'],
    });
    expect(env.spreadsheet.sheet('客户档案').values('M1:O1')[0]).toEqual(['币种', '外部评级', '语言']);
    expect(env.spreadsheet.sheet('客户档案').numberFormats('N2')[0][0]).toBe('');
    // Payments has a blank row above its header: the new header goes on the header row.
    expect(env.spreadsheet.sheet('回款').values('F1:F2')).toEqual([[''], ['币种']]);
    expect(env.spreadsheet.sheet('应收账款').validations('L2')[0][0]).toMatchObject({ values: [['是', '否'], true], allowInvalid: true });
  });

  it('appends missing settings under the Chinese header, writing the language the file already has (中文: zh_CN, no Language row)', () => {
    const s = env.spreadsheet.sheet('设置').values();
    expect(s[0]).toEqual(['设置项', '值', '说明']);
    const lang = s.find((r) => r[0] === '语言');
    expect(lang?.[1]).toBe('中文');
    expect(s.find((r) => r[0] === '账龄分段')?.[1]).toBe('30,60,90');
  });

  it('writes the ladder in Chinese and protects it with Settings', () => {
    expect(env.spreadsheet.sheet('催收阶梯').values()).toEqual(ladderRows(DEFAULT_LADDER, 'zh'));
    for (const name of ['设置', '催收阶梯']) {
      expect(env.spreadsheet.sheet(name).protections()[0].editors).toEqual([OWNER, 'boss@example.com']);
    }
    expect(env.ui.alerts[0].message).toContain('已新建工作表：催收阶梯');
  });
});
