import { readReminderLog, reminderKey } from '../../../src/core/reminders/log';

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
});
