import { ENGLISH, environmentWith, SAMPLE } from '../helpers/sample';
import { LOG_HEADERS, LOG_HEADERS_ZH } from '../../src/core/reminders/log';

/**
 * Reminder Log rows as objects, by the English header: the log of a Chinese file (催收记录, its
 * headers in Chinese, in the same order) is read the same way.
 */
function logRows(env: Awaited<ReturnType<typeof environmentWith>>) {
  const zh = !env.spreadsheet.sheetNames().includes('Reminder Log');
  const [header, ...rows] = env.spreadsheet.sheet(zh ? '催收记录' : 'Reminder Log').values();
  const names = header.map((h) => (zh ? LOG_HEADERS[(LOG_HEADERS_ZH as readonly string[]).indexOf(String(h))] ?? String(h) : String(h)));
  return rows.map((r) => Object.fromEntries(names.map((h, i) => [h, r[i]])));
}

describe('the reminder run on the sample credit file', () => {
  it('sends one email per customer, logs every line, and sends nothing the second time', async () => {
    const env = await environmentWith(SAMPLE);
    const result = env.execution({ authMode: 'FULL' }).call('runRemindersNow') as { sent: number; skipped: number; failed: number };
    expect(result.sent).toBeGreaterThan(5);
    expect(result.failed).toBe(0);
    const customerMails = env.outbox.filter((m) => !String(m.subject).startsWith('Credit Desk digest'));
    expect(customerMails.length).toBe(result.sent);
    const rows = logRows(env);
    const sent = rows.filter((r) => r.State === 'sent');
    expect(new Set(sent.map((r) => r.Key)).size).toBe(sent.length);
    expect(rows.some((r) => r.State === 'pending')).toBe(false);
    // reasons for skips are all there
    const reasons = new Set(rows.filter((r) => r.State === 'skipped').map((r) => r.Reason));
    for (const r of ['disputed', 'paused', 'no-email', 'missed']) expect([...reasons]).toContain(r);

    const before = env.outbox.length;
    const again = env.execution({ authMode: 'FULL' }).call('runRemindersNow') as { sent: number };
    expect(again.sent).toBe(0);
    expect(env.outbox.length - before).toBeLessThanOrEqual(1); // the digest only
  });
});

describe('a Company Name with a line break in it', () => {
  it('still sends the reminders and the statement, with the sender name on one line', async () => {
    const env = await environmentWith(SAMPLE);
    const settings = env.spreadsheet.sheet('Settings');
    const rows = settings.values();
    const at = rows.findIndex((r) => r[0] === 'Company Name');
    const cell = at >= 0 ? `B${at + 1}` : `A${rows.length + 1}`;
    const value = 'ACME Ltd\nBcc: spy@evil.example';
    if (at >= 0) settings.setValue(cell, value);
    else settings.setValues([['Company Name', value]], cell);
    const result = env.execution({ authMode: 'FULL' }).call('runRemindersNow') as { sent: number; failed: number };
    expect(result.failed).toBe(0);
    expect(result.sent).toBeGreaterThan(5);
    const statement = env.execution({ authMode: 'FULL' }).call('emailStatement', 'C-002', '', '') as { status: string };
    expect(statement.status).toBe('sent');
    const customerMails = env.outbox.filter((m) => !String(m.subject).startsWith('Credit Desk digest'));
    const names = new Set(customerMails.map((m) => m.name));
    expect([...names]).toEqual(['ACME Ltd Bcc spy evil.example']);
    for (const m of env.outbox) expect(`${m.subject}${m.to}${m.cc ?? ''}`).not.toMatch(/[\r\n]/);
  });
});

describe('a Company Name written like an address', () => {
  it.each([
    ['Example Co" <security@bank.example>', 'Example Co security bank.example'],
    ['Acme, Inc. <ceo@bank.example>; x@evil.example', 'Acme Inc. ceo bank.example x evil.example'],
  ])('sends as a name only: %s', async (company, shown) => {
    const env = await environmentWith(SAMPLE);
    const settings = env.spreadsheet.sheet('Settings');
    const rows = settings.values();
    const at = rows.findIndex((r) => r[0] === 'Company Name');
    if (at >= 0) settings.setValue(`B${at + 1}`, company);
    else settings.setValues([['Company Name', company]], `A${rows.length + 1}`);
    env.execution({ authMode: 'FULL' }).call('runRemindersNow');
    env.execution({ authMode: 'FULL' }).call('emailStatement', 'C-002', '', '');
    const customerMails = env.outbox.filter((m) => !String(m.subject).startsWith('Credit Desk digest'));
    expect(customerMails.length).toBeGreaterThan(5);
    expect([...new Set(customerMails.map((m) => m.name))]).toEqual([shown]);
  });
});

describe('lines left pending by a run that did not finish', () => {
  it('are marked unknown in one write, however many there are', async () => {
    const writes: number[] = [];
    for (const n of [2, 20]) {
      const env = await environmentWith(ENGLISH);
      const rows: unknown[][] = [['Time', 'Run', 'Key', 'Invoice No', 'Customer ID', 'Level', 'State', 'Reason', 'Recipients', 'Subject']];
      for (let i = 0; i < n; i++) rows.push([new Date('2026-11-19T01:00:00Z'), 'R1', `INV-X${i}|+7`, `INV-X${i}`, 'C-002', "'+7", 'pending', '', 'a@example.com', 's']);
      env.spreadsheet.addSheet('Reminder Log', rows);
      const x = env.execution({ authMode: 'FULL' });
      x.call('runRemindersNow');
      const log = env.spreadsheet.sheet('Reminder Log').values().slice(1, n + 1);
      expect(log.map((r) => [r[6], r[7]])).toEqual(Array.from({ length: n }, () => ['unknown', 'stopped-before-outcome']));
      writes.push(x.calls['Range.setValues'] ?? 0);
    }
    expect(writes[1]).toBe(writes[0]);
  });
});

describe('the schedule', () => {
  it('keeps exactly one daily trigger, at the Settings hour in the spreadsheet time zone, on and off from the menu', async () => {
    const env = await environmentWith(SAMPLE);
    const settings = env.spreadsheet.sheet('Settings');
    const rows = settings.values();
    settings.setValues([['Reminder Hour', 7]], `A${rows.length + 1}`);
    const full = () => env.execution({ authMode: 'FULL' });
    full().call('turnOnReminders');
    full().call('turnOnReminders');
    const clock = env.triggers.filter((t) => t.eventType === 'CLOCK');
    expect(clock).toHaveLength(1);
    expect(clock[0].handlerFunction).toBe('runScheduledReminders');
    expect(clock[0].schedule).toMatchObject({ atHour: 7, timeZone: 'Asia/Shanghai' });
    expect(env.ui.alerts.at(-1)?.message).toContain('07:00 (Asia/Shanghai)');
    // The sidebar moves it to another hour: still one trigger.
    const state = full().call('setSchedule', true, 18) as { installed: boolean; hour: number };
    expect(state).toMatchObject({ installed: true, hour: 18 });
    expect(env.triggers.filter((t) => t.eventType === 'CLOCK')).toHaveLength(1);
    full().call('turnOffReminders');
    expect(env.triggers.filter((t) => t.eventType === 'CLOCK')).toHaveLength(0);
  });

  it('runs from its trigger as Apps Script would, and records the last run', async () => {
    const env = await environmentWith(SAMPLE);
    env.execution({ authMode: 'FULL' }).call('turnOnReminders');
    env.runTimeTriggers();
    expect(env.outbox.length).toBeGreaterThan(5);
    const state = env.execution({ authMode: 'FULL' }).call('getReminderPanel') as { schedule: { lastRun: string | null; lastOutcome: string } };
    expect(state.schedule.lastRun).not.toBeNull();
    expect(state.schedule.lastOutcome).toMatch(/^sent \d+, failed 0/);
  });
});

describe('the Reminder Log', () => {
  it('grows past the sheet\'s last row instead of failing', async () => {
    const env = await environmentWith(SAMPLE);
    const log = env.spreadsheet.addSheet('Reminder Log', [['Time', 'Run', 'Key', 'Invoice No', 'Customer ID', 'Level', 'State', 'Reason', 'Recipients', 'Subject']]);
    const filler = Array.from({ length: 999 }, (_, i) => [new Date('2026-01-01T00:00:00Z'), 'R0', `OLD-${i}|+1`, `OLD-${i}`, 'C-000', '+1', 'sent', '', '', '']);
    log.setValues(filler, 'A2');
    expect(log.maxRows).toBe(1000);
    const result = env.execution({ authMode: 'FULL' }).call('runRemindersNow') as { sent: number; failed: number };
    expect(result.sent).toBeGreaterThan(5);
    expect(log.maxRows).toBeGreaterThan(1000);
    expect(log.values().length).toBeGreaterThan(1000);
  });
});

describe('a file with more customers than a new sheet has rows', () => {
  it('writes the snapshot, the watch list and the log past row 1,000 and finishes the run', () => {
    const { createEnvironment } = require('../../emulator') as typeof import('../../emulator');
    const { benchCreditFile } = require('../../examples/generate') as typeof import('../../examples/generate');
    const env = createEnvironment({ timeZone: 'Asia/Shanghai', now: new Date('2026-11-20T09:00:00+08:00') });
    const book = benchCreditFile({ customers: 1500, invoices: 5000, payments: 4000, asOf: '2026-11-20' });
    for (const [name, rows] of Object.entries(book)) env.spreadsheet.addSheet(name, rows as unknown[][]);
    const result = env.execution({ authMode: 'FULL' }).call('runRemindersNow') as { sent: number; message: string };
    expect(result.sent).toBeGreaterThan(0);
    expect(env.spreadsheet.sheet('_CreditDesk_Snapshot').values().length).toBe(1501);
  });
});

const LOG_HEADER = ['Time', 'Run', 'Key', 'Invoice No', 'Customer ID', 'Level', 'State', 'Reason', 'Recipients', 'Subject'];

/** A Reminder Log whose one line (C-004's INV-1011 at +1, due today) is of unknown outcome. */
async function withUnknownLine(options: Parameters<typeof environmentWith>[1] = {}) {
  const env = await environmentWith(ENGLISH, options);
  env.spreadsheet.addSheet('Reminder Log', [
    LOG_HEADER,
    [new Date('2026-11-19T01:00:00Z'), 'R1', 'INV-1011|+1', 'INV-1011', 'C-004', "'+1", 'unknown', 'stopped-before-outcome', 'a@example.com', 'Overdue notice'],
  ]);
  return env;
}

describe('confirming a send of unknown outcome', () => {
  it('refuses any answer but "sent" or "not-sent", in the user\'s language, and writes nothing', async () => {
    for (const [locale, message] of [['en_US', /is not an answer/], ['zh_CN', /不是有效的答复/]] as const) {
      const env = await withUnknownLine({ locale });
      const before = JSON.stringify(env.spreadsheet.sheet('Reminder Log').values());
      for (const outcome of ['SENT', 'Sent ', 'yes', 'failed', 'not sent', '', null, undefined, true, 1, { outcome: 'sent' }]) {
        expect(() => env.execution({ authMode: 'FULL' }).call('confirmUnknown', 'INV-1011|+1', outcome)).toThrow(message);
      }
      expect(JSON.stringify(env.spreadsheet.sheet('Reminder Log').values())).toBe(before);
    }
  });

  it('refuses a key that is not of unknown outcome, and creates no Reminder Log when there is none', async () => {
    const env = await withUnknownLine({ locale: 'zh_CN' });
    expect(() => env.execution({ authMode: 'FULL' }).call('confirmUnknown', 'INV-9999|+1', 'sent')).toThrow(/没有键为 INV-9999\|\+1 的待确认发送/);
    expect(() => env.execution({ authMode: 'FULL' }).call('confirmUnknown', null, 'sent')).toThrow(/没有键为/);
    const bare = await environmentWith(ENGLISH);
    const sheets = bare.spreadsheet.sheetNames();
    expect(() => bare.execution({ authMode: 'FULL' }).call('confirmUnknown', 'INV-1011|+1', 'sent')).toThrow(/No send of unknown outcome/);
    expect(bare.spreadsheet.sheetNames()).toEqual(sheets);
  });

  it('"sent" closes the line and the next run does not send it; "not-sent" plans it again; each with a reason code', async () => {
    const key = 'INV-1011|+1';
    const sent = await withUnknownLine();
    expect(sent.execution({ authMode: 'FULL' }).call('confirmUnknown', 'inv-1011|+1', 'sent')).toEqual({ ok: true });
    expect(logRows(sent)[0]).toMatchObject({ State: 'sent', Reason: 'confirmed-sent' });
    const afterSent = sent.execution({ authMode: 'FULL' }).call('runRemindersNow') as { sent: number };
    expect(logRows(sent).filter((r) => r.Key === key).map((r) => r.State)).toEqual(['sent']);

    const notSent = await withUnknownLine();
    notSent.execution({ authMode: 'FULL' }).call('confirmUnknown', key, 'not-sent');
    expect(logRows(notSent)[0]).toMatchObject({ State: 'failed', Reason: 'confirmed-not-sent' });
    const afterNotSent = notSent.execution({ authMode: 'FULL' }).call('runRemindersNow') as { sent: number };
    expect(logRows(notSent).filter((r) => r.Key === key).map((r) => r.State)).toEqual(['failed', 'sent']);
    expect(afterNotSent.sent - afterSent.sent).toBe(1); // C-004's overdue notice, sent again only when it did not go
    // Answered once: a second answer is refused.
    expect(() => notSent.execution({ authMode: 'FULL' }).call('confirmUnknown', key, 'sent')).toThrow(/No send of unknown outcome/);
  });
});

describe('setting the schedule from the sidebar', () => {
  const HOUR = 'creditDesk.reminders.hour';

  it('refuses an `on` that is not a boolean and an hour that is not a whole hour 0-23, in the user\'s language, changing nothing', async () => {
    for (const [locale, badOn, badHour] of [['en_US', /on or off/, /whole number from 0 to 23/], ['zh_CN', /开启还是关闭/, /0 到 23 之间的整数/]] as const) {
      const env = await environmentWith(ENGLISH, { locale });
      env.execution({ authMode: 'FULL' }).call('setSchedule', true, 7);
      const before = { triggers: JSON.stringify(env.triggers), hour: env.properties.document.get(HOUR) };
      expect(before.hour).toBe('7');
      const bad: [unknown, unknown, RegExp][] = [
        ['false', 9, badOn], ['true', 9, badOn], [1, 9, badOn], [0, 9, badOn], [null, 9, badOn], [undefined, 9, badOn],
        [true, null, badHour], [true, undefined, badHour], [true, '9', badHour], [true, 9.5, badHour], [true, 24, badHour], [true, -1, badHour], [true, '', badHour],
      ];
      for (const [on, hour, message] of bad) {
        expect(() => env.execution({ authMode: 'FULL' }).call('setSchedule', on, hour)).toThrow(message);
      }
      expect({ triggers: JSON.stringify(env.triggers), hour: env.properties.document.get(HOUR) }).toEqual(before);
    }
  });

  it('turns the run on at midnight only when asked for hour 0, and off whatever the hour', async () => {
    const env = await environmentWith(ENGLISH);
    const call = (on: unknown, hour: unknown) => env.execution({ authMode: 'FULL' }).call('setSchedule', on, hour) as { installed: boolean; hour: number };
    expect(call(true, 0)).toMatchObject({ installed: true, hour: 0 });
    expect(env.triggers.filter((t) => t.eventType === 'CLOCK').map((t) => t.schedule)).toEqual([expect.objectContaining({ atHour: 0 })]);
    expect(call(false, 7)).toMatchObject({ installed: false, hour: 7 }); // the hour kept for next time
    expect(call(true, 23)).toMatchObject({ installed: true, hour: 23 });
    expect(call(false, null)).toMatchObject({ installed: false, hour: 23 }); // no hour needed to turn it off
    expect(env.triggers.filter((t) => t.eventType === 'CLOCK')).toHaveLength(0);
  });
});

describe('skip reasons in Chinese', () => {
  it('place the level reached inside the text, with no English, in the preview and the Reminder Log', async () => {
    // No Language row in a zh_CN spreadsheet: the file is Chinese, its log is 催收记录.
    const env = await environmentWith(SAMPLE, { locale: 'zh_CN' });
    const panel = env.execution({ authMode: 'FULL' }).call('getReminderPanel') as { skips: { reason: string }[] };
    const missed = panel.skips.filter((s) => s.reason.startsWith('该级别已错过'));
    expect(missed.length).toBeGreaterThan(0);
    for (const s of missed) expect(s.reason).toMatch(/^该级别已错过，已有更高级别（\+\d+）到期$/);
    for (const s of panel.skips) expect(s.reason).not.toMatch(/reached/);
    env.execution({ authMode: 'FULL' }).call('runRemindersNow');
    const logged = logRows(env).filter((r) => r.Reason === 'missed');
    expect(logged.length).toBeGreaterThan(0);
    for (const r of logged) expect(String(r.Subject)).not.toMatch(/reached/);
  });

  it('an old log\'s "reached +30" rows still count: the missed lines are not said again', async () => {
    const env = await environmentWith(SAMPLE);
    env.execution({ authMode: 'FULL' }).call('runRemindersNow');
    const log = env.spreadsheet.sheet('Reminder Log');
    const values = log.values();
    const reason = values[0].indexOf('Reason');
    const subject = values[0].indexOf('Subject');
    // Rewrite the missed rows as an earlier version wrote them.
    const old = values.map((r, i) => (i > 0 && r[reason] === 'missed' ? r.map((c, j) => (j === subject ? 'Level passed before it could be sent; a higher level is due reached +30' : c)) : r));
    log.setValues(old, 'A1');
    const missedBefore = logRows(env).filter((r) => r.Reason === 'missed').length;
    env.execution({ authMode: 'FULL' }).call('runRemindersNow');
    expect(logRows(env).filter((r) => r.Reason === 'missed').length).toBe(missedBefore);
  });
});
