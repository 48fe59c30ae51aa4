import { confirmation, logReasonCode, readReminderLog, reminderKey } from '../../../src/core/reminders/log';

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
