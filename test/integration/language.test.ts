/**
 * The language of a credit file, through the built bundle in the emulator (core/read/language.ts):
 * the Settings Language row when present and readable, else the spreadsheet's locale, else the
 * credit sheets' names, else English — the same answer for the Problems sheet, the order check's
 * reason and note, CREDITCHECK's reason, the log sheets, the internal emails and Set up.
 *
 * Neither fixture has a Language row, as most existing files do not.
 */
import type { Environment } from '../../emulator';
import { CHINESE, ENGLISH, environmentWith } from '../helpers/sample';

const HAN = /[\u4e00-\u9fff]/;
/** English words of the texts that must not show in a Chinese file. */
const ENGLISH_WORDS = /\b(exposure|credit limit|Do not ship|Credit check|on hold|sent|failed|skipped|unknown|This|The|is|not)\b/;

function run(env: Environment, name: string, ...args: unknown[]): unknown {
  return env.execution({ authMode: 'FULL' }).call(name, ...args);
}

/** Adds a Settings row (key, value) below the last one. */
function addSetting(env: Environment, sheet: string, key: string, value: string): void {
  const s = env.spreadsheet.sheet(sheet);
  s.setValues([[key, value]], `A${s.lastRow() + 1}`);
}

/** CREDITCHECK of an over-limit customer (C-004, BLOCK in both fixtures), through a formula. */
function creditCheckText(env: Environment): string {
  const s = env.spreadsheet.addSheet('Check', [['C-004']]);
  s.setValue('B1', '=CREDITCHECK(A1, 1000)');
  expect(env.recalculate().errors).toEqual([]);
  return String(s.value('B1'));
}

/** The order check of a new order for C-004 on the Orders sheet: its Credit Check cell and note. */
function orderCheck(env: Environment, sheet: string): { text: string; note: string } {
  env.edit(sheet, 'A6', [['SO-900', 'C-004', '2026-11-20', 1000, '']]);
  const s = env.spreadsheet.sheet(sheet);
  return { text: String(s.value('F6')), note: String(s.notes('F6')[0][0]) };
}

/** The Problems sheet's messages (column F below the header). */
function problemMessages(env: Environment, sheet: string): string[] {
  run(env, 'showProblems');
  return env.spreadsheet.sheet(sheet).values().slice(1).map((r) => String(r[5])).filter((m) => m !== '');
}

describe('a Chinese credit file with no Language row, in a zh_CN spreadsheet', () => {
  let env: Environment;
  beforeEach(async () => {
    env = await environmentWith(CHINESE, { locale: 'zh_CN' });
  });

  it('a reminder run that finds another holding the lock logs in Chinese, in 催收记录', () => {
    let second: { status?: string; message?: string } | null = null;
    env.execution({
      authMode: 'FULL',
      hooks: {
        afterCall: (name: string) => {
          if (name === 'Lock.tryLock' && second === null) second = run(env, 'runRemindersNow') as { status: string; message: string };
        },
      },
    }).call('runRemindersNow');
    expect(second).not.toBeNull();
    expect(env.spreadsheet.sheetNames()).toContain('催收记录');
    expect(env.spreadsheet.sheetNames()).not.toContain('Reminder Log');
    const lines = env.spreadsheet.sheet('催收记录').values().flat().map(String);
    expect(lines.some((v) => v.includes('另一次催收运行正在进行'))).toBe(true);
  });

  it('writes the Problems sheet in Chinese', () => {
    const messages = problemMessages(env, '数据问题');
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) {
      expect(m).toMatch(HAN);
      expect(m).not.toMatch(/\b(This|The|is not|cannot|Write)\b/);
    }
  });

  it('gives the order check its reason and note in Chinese; the verdict word stays BLOCK', () => {
    const { text, note } = orderCheck(env, '订单');
    expect(text).toMatch(/^BLOCK: /);
    expect(text.slice('BLOCK: '.length)).toMatch(HAN);
    expect(text).not.toMatch(ENGLISH_WORDS);
    expect(note).toMatch(HAN);
    expect(note).not.toMatch(/Do not ship|Credit check/);
  });

  it('gives CREDITCHECK its reason in Chinese after the contract\'s BLOCK:', () => {
    const text = creditCheckText(env);
    expect(text).toMatch(/^BLOCK: /);
    expect(text.slice('BLOCK: '.length)).toMatch(HAN);
    expect(text).not.toMatch(ENGLISH_WORDS);
  });

  it('runs the reminders into 催收记录, says so wholly in Chinese, and sends the digest in Chinese', () => {
    run(env, 'sendRemindersNow');
    const names = env.spreadsheet.sheetNames();
    expect(names).toContain('催收记录');
    expect(names).not.toContain('Reminder Log');
    const alert = env.ui.alerts.at(-1)!;
    expect(alert.message).toMatch(/^催收运行完成：/);
    expect(alert.message).not.toMatch(/[A-Za-z]/);
    // The internal emails (escalations, the credit manager's digest) are in the file's language too.
    const internal = env.outbox.filter((m) => (Array.isArray(m.to) ? m.to.join(',') : String(m.to)).includes('credit@example.com'));
    expect(internal.map((m) => String(m.subject)).some((x) => x.startsWith('信用管理日报'))).toBe(true);
    for (const m of internal) {
      expect(String(m.subject)).toMatch(HAN);
      expect(String(m.body)).not.toMatch(/\b(Credit Desk digest|Escalation|overdue)\b/);
    }
  });

  it('Set up writes 语言 | 中文, and the reports stay Chinese after it', () => {
    run(env, 'setupCreditFile');
    const s = env.spreadsheet.sheet('设置').values();
    expect(s.find((r) => r[0] === '语言')?.[1]).toBe('中文');
    expect(problemMessages(env, '数据问题').every((m) => HAN.test(m))).toBe(true);
    expect(env.spreadsheet.sheetNames()).not.toContain('Problems');
  });

  it('an explicit Language row (English) wins over the locale', () => {
    addSetting(env, '设置', '语言', 'English');
    expect(creditCheckText(env)).toMatch(/^BLOCK: exposure /);
    const { text, note } = orderCheck(env, '订单');
    expect(text).toMatch(/^BLOCK: exposure /);
    expect(note).toMatch(/Do not ship on credit/);
    expect(problemMessages(env, 'Problems').some((m) => /\b(the|is)\b/.test(m))).toBe(true);
  });
});

describe('an English credit file with no Language row, in an en_US spreadsheet', () => {
  let env: Environment;
  beforeEach(async () => {
    env = await environmentWith(ENGLISH, { locale: 'en_US' });
  });

  it('stays English everywhere', () => {
    expect(creditCheckText(env)).toMatch(/^BLOCK: exposure /);
    const { text, note } = orderCheck(env, 'Orders');
    expect(text).toMatch(/^BLOCK: exposure /);
    expect(note).toMatch(/Do not ship on credit/);
    run(env, 'sendRemindersNow');
    expect(env.spreadsheet.sheetNames()).toContain('Reminder Log');
    expect(env.ui.alerts.at(-1)!.message).toMatch(/^Reminder run finished: sent \d+/);
    run(env, 'showProblems');
    expect(env.spreadsheet.sheetNames()).toContain('Problems');
    run(env, 'setupCreditFile');
    const s = env.spreadsheet.sheet('Settings').values();
    expect(s.find((r) => r[0] === 'Language')?.[1]).toBe('English');
  });

  it('an explicit Language row (中文) wins over the locale', () => {
    addSetting(env, 'Settings', 'Language', '中文');
    const check = creditCheckText(env);
    expect(check).toMatch(/^BLOCK: /);
    expect(check).not.toMatch(ENGLISH_WORDS);
    expect(check.slice('BLOCK: '.length)).toMatch(HAN);
    const { text } = orderCheck(env, 'Orders');
    expect(text.slice('BLOCK: '.length)).toMatch(HAN);
    run(env, 'sendRemindersNow');
    expect(env.spreadsheet.sheetNames()).toContain('催收记录');
    run(env, 'showProblems');
    expect(env.spreadsheet.sheetNames()).toContain('数据问题');
  });
});

describe('a cached CREDITCHECK never serves the text of another language', () => {
  it('changing the spreadsheet\'s locale changes the reason\'s language at the next recalculation', async () => {
    const env = await environmentWith(CHINESE, { locale: 'en_US' });
    const s = env.spreadsheet.addSheet('Check', [['C-004']]);
    s.setValue('B1', '=CREDITCHECK(A1, 1000)');
    env.recalculate();
    expect(String(s.value('B1'))).toMatch(/^BLOCK: exposure /);
    env.spreadsheet.locale = 'zh_CN';
    s.setValue('B1', '=CREDITCHECK(A1, 1000, "")');
    env.recalculate();
    expect(String(s.value('B1')).slice('BLOCK: '.length)).toMatch(HAN);
  });
});
