import { confirmation, logKey, logReasonCode, readReminderLog, reminderKey } from '../../../src/core/reminders/log';
import { brokenKey, instalmentKey } from '../../../src/core/plans/remind';
import { dayFromYMD } from '../../../src/core/dates';

describe('the reminder log', () => {
  it('keys a line by invoice number (upper-cased) and level', () => {
    expect(reminderKey(' inv-7 ', 15)).toBe('INV-7|+15');
    expect(reminderKey('INV-7', -3)).toBe('INV-7|-3');
  });

  it('reads states by header in English or Chinese, ignoring notes a person added', () => {
    const en = readReminderLog([
      ['Time', 'Run', 'Key', 'Invoice No', 'Customer ID', 'Level', 'State', 'Reason'],
      ['', '', 'INV-1|+1', '', '', '', 'sent', ''],
      ['', '', 'INV-2|+1', '', '', '', 'pending', ''],
      ['', '', 'called them', '', '', '', 'n/a', ''],
      ['', '', 'INV-3|+1', '', '', '', 'skipped', 'disputed'],
    ]);
    expect(en.state('INV-1|+1')).toBe('sent');
    expect(en.pending().map((r) => [r.key, r.row])).toEqual([['INV-2|+1', 3]]);
    expect(en.hasSkip('INV-3|+1', 'disputed')).toBe(true);
    const zh = readReminderLog([['时间', '键', '状态', '原因'], ['', 'inv-9|+15', 'SENT', '']]);
    expect(zh.state('INV-9|+15')).toBe('sent');
  });

  it("reads a statement's or a plan's key written before IDs were folded as the key built today", () => {
    expect(logKey(' stmt|ｋｈ００１|2026-10 ')).toBe('STMT|KH001|2026-10');
    expect(logKey('STMT|KH–001|2026-10-05..2026-11-04|M20261105T090000')).toBe('STMT|KH-001|2026-10-05..2026-11-04|M20261105T090000');
    expect(logKey('PLAN|ＰＬ－７|2026-11-23')).toBe('PLAN|PL-7|2026-11-23');
    expect(logKey('PLAN|P\u200b7|BROKEN')).toBe('PLAN|P7|BROKEN');
    expect(logKey('STMT|C-1|2026-10')).toBe('STMT|C-1|2026-10');
    expect(logKey('ＩＮＶ－１|+15')).toBe('INV-1|+15'); // invoice keys: the number folded, as reminderKey builds them
    expect(logKey('inv-1|+15')).toBe('INV-1|+15');
    expect(logKey('A|B|-3')).toBe('A|B|-3'); // a number holding a bar: folded up to the last one
    expect(reminderKey(' ｉｎｖ－１\u200b', 15)).toBe('INV-1|+15');
    expect(reminderKey('INV-1', -3)).toBe('INV-1|-3');
    expect(logKey('STMT|ＫＨ')).toBe('STMT|ＫＨ');
    expect(logKey(null)).toBe('');
    const log = readReminderLog([
      ['Key', 'State', 'Reason'],
      ['STMT|ＫＨ００１|2026-10', 'sent', ''],
      ['PLAN|ＰＬ－７|2026-11-23', 'unknown', ''],
      ['STMT|KH–002|2026-10', 'skipped', 'no-email'],
    ]);
    expect(log.state('STMT|KH001|2026-10')).toBe('sent');
    expect(log.state('PLAN|PL-7|2026-11-23')).toBe('unknown');
    expect(log.state(instalmentKey('ＰＬ－７', dayFromYMD(2026, 11, 23)))).toBe('unknown'); // the key the run builds today
    expect(readReminderLog([['Key', 'State', 'Reason'], ['PLAN|ＰＬ－７|BROKEN', 'skipped', 'plan-broken']]).hasSkip(brokenKey('PL–7'), 'plan-broken')).toBe(true);
    expect(log.unknown().map((r) => r.key)).toEqual(['PLAN|PL-7|2026-11-23']);
    expect(log.hasSkip('STMT|KH-002|2026-10', 'no-email')).toBe(true);
  });

  it('never lets a later failure undo a sent line, and a failed retry then sent ends sent', () => {
    const log = readReminderLog([
      ['Key', 'State'],
      ['A|+1', 'sent'],
      ['A|+1', 'failed'],
      ['B|+1', 'failed'],
      ['B|+1', 'sent'],
    ]);
    expect(log.state('A|+1')).toBe('sent');
    expect(log.state('B|+1')).toBe('sent');
  });

  it('records a person\'s answer only when it is exactly "sent" or "not-sent"', () => {
    expect(confirmation('sent')).toEqual({ state: 'sent', reason: 'confirmed-sent' });
    expect(confirmation('not-sent')).toEqual({ state: 'failed', reason: 'confirmed-not-sent' });
    for (const other of ['SENT', ' sent', 'not sent', 'failed', 'yes', '', null, undefined, true, 1, {}]) expect(confirmation(other)).toBeNull();
  });

  it('reads reason codes as they are and the English texts earlier versions wrote as their codes', () => {
    expect(logReasonCode('confirmed-sent')).toBe('confirmed-sent');
    expect(logReasonCode('confirmed sent')).toBe('confirmed-sent');
    expect(logReasonCode(' Confirmed  not-sent ')).toBe('confirmed-not-sent');
    expect(logReasonCode('confirmed not sent')).toBe('confirmed-not-sent');
    expect(logReasonCode('missed')).toBe('missed');
    expect(logReasonCode(' Invalid email ')).toBe('Invalid email');
    expect(logReasonCode('constructor')).toBe('constructor');
    expect(logReasonCode(null)).toBe('');
  });

  it('keeps a line a person confirmed sent closed, and plans one confirmed not sent again', () => {
    const log = readReminderLog([
      ['Key', 'State', 'Reason'],
      ['A|+1', 'sent', 'confirmed-sent'],
      ['B|+1', 'failed', 'confirmed-not-sent'],
      ['C|+1', 'sent', 'confirmed sent'],
    ]);
    expect([log.state('A|+1'), log.state('B|+1'), log.state('C|+1')]).toEqual(['sent', 'failed', 'sent']);
  });
});
