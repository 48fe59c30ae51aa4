import { ENGLISH, environmentWith, SAMPLE } from '../helpers/sample';

/** Reminder Log rows as objects. */
function logRows(env: Awaited<ReturnType<typeof environmentWith>>) {
  const [header, ...rows] = env.spreadsheet.sheet('Reminder Log').values();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
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
    expect([...names]).toEqual(['ACME Ltd Bcc: spy@evil.example']);
    for (const m of env.outbox) expect(`${m.subject}${m.to}${m.cc ?? ''}`).not.toMatch(/[\r\n]/);
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
