import { ReminderLogIndex } from '../../../src/core/reminders/log';
import { planRun, withoutClosed } from '../../../src/core/reminders/plan';
import { DEFAULT_LADDER } from '../../../src/core/reminders/ladder';
import { customer, DAY0, invoice, planInput } from './fixtures';
import { logReasonText, skipReasonText } from '../../../src/i18n/reminders';

describe('planRun', () => {
  it('sends nothing before the first level (-3) is due', () => {
    const plan = planRun(planInput({ asOf: DAY0 - 4 }));
    expect(plan.communications).toEqual([]);
    expect(plan.skips).toEqual([]);
  });

  it('sends the courtesy reminder from three days before the due date', () => {
    const plan = planRun(planInput({ asOf: DAY0 - 3 }));
    expect(plan.communications).toHaveLength(1);
    expect(plan.communications[0].level.days).toBe(-3);
    expect(plan.communications[0].lines.map((l) => l.key)).toEqual(['INV-1|-3']);
  });

  it('sends only the highest due level and records the lower ones as missed', () => {
    const plan = planRun(planInput({ asOf: DAY0 + 16 }));
    expect(plan.communications[0].level.days).toBe(15);
    expect(plan.skips.map((s) => [s.key, s.reason])).toEqual([
      ['INV-1|-3', 'missed'],
      ['INV-1|+1', 'missed'],
    ]);
    // The detail is the level reached, in no language: each language's text places it.
    expect(plan.skips.map((s) => s.detail)).toEqual(['+15', '+15']);
  });

  it('does not plan a key that is sent, pending or unknown, and plans a failed one again', () => {
    for (const state of ['sent', 'pending', 'unknown'] as const) {
      const log = new ReminderLogIndex([{ key: 'INV-1|+1', state, reason: '', row: 2 }]);
      expect(planRun(planInput({ log })).communications).toEqual([]);
    }
    const failed = new ReminderLogIndex([{ key: 'INV-1|+1', state: 'failed', reason: 'Invalid email', row: 2 }]);
    expect(planRun(planInput({ log: failed })).communications).toHaveLength(1);
  });

  it('groups a customer\'s due invoices into one email at the highest level, listing other open items', () => {
    const invoices = [
      invoice({ key: 'A', no: 'A', dueDate: DAY0 - 20 }),
      invoice({ key: 'B', no: 'B', dueDate: DAY0 }),
      invoice({ key: 'C', no: 'C', dueDate: DAY0 + 30 }),
    ];
    const plan = planRun(planInput({ invoices, asOf: DAY0 + 1 }));
    expect(plan.communications).toHaveLength(1);
    const comm = plan.communications[0];
    expect(comm.level.days).toBe(15);
    expect(comm.lines.map((l) => l.key)).toEqual(['A|+15', 'B|+1']);
    expect(comm.otherOpen.map((i) => i.no)).toEqual(['C']);
  });

  it('skips, with a reason each, void, disputed, stopped, paused, no email and under the minimum', () => {
    const cases: [Parameters<typeof planInput>[0], string][] = [
      [{ invoices: [invoice({ status: 'void' })] }, 'void'],
      [{ invoices: [invoice({ disputed: true })] }, 'disputed'],
      [{ invoices: [invoice({ status: 'disputed' })] }, 'disputed'],
      [{ invoices: [invoice({ remindersStopped: true })] }, 'stopped'],
      [{ customers: new Map([['C-1', customer({ remindersPausedUntil: DAY0 + 5 })]]) }, 'paused'],
      [{ customers: new Map([['C-1', customer({ emails: [] })]]) }, 'no-email'],
      [{ invoices: [invoice({ open: 5_00 })], ladder: planInput().ladder.map((l) => ({ ...l, minOpen: 10_00 })) }, 'under-minimum'],
    ];
    for (const [over, reason] of cases) {
      const plan = planRun(planInput(over));
      expect(plan.communications).toEqual([]);
      expect(plan.skips.filter((s) => s.reason !== 'missed').map((s) => [s.key, s.reason])).toEqual([['INV-1|+1', reason]]);
    }
  });

  it('records as missed a lower level deferred by the quota or the time limit, or failed, once the next level is due; not one skipped for a standing reason', () => {
    for (const [state, reason] of [['skipped', 'quota'], ['skipped', 'time'], ['failed', 'Service invoked too many times for one day: email.']] as const) {
      const log = new ReminderLogIndex([{ key: 'INV-1|+1', state, reason, row: 2 }]);
      const plan = planRun(planInput({ asOf: DAY0 + 15, log }));
      expect(plan.communications[0].lines.map((l) => l.key)).toEqual(['INV-1|+15']);
      expect(plan.skips.map((s) => [s.key, s.reason, s.detail])).toEqual([['INV-1|-3', 'missed', '+15'], ['INV-1|+1', 'missed', '+15']]);
      // said once
      const said = new ReminderLogIndex([{ key: 'INV-1|+1', state, reason, row: 2 }, { key: 'INV-1|+1', state: 'skipped', reason: 'missed', row: 3 }, { key: 'INV-1|-3', state: 'skipped', reason: 'missed', row: 4 }]);
      expect(planRun(planInput({ asOf: DAY0 + 15, log: said })).skips).toEqual([]);
    }
    const disputed = new ReminderLogIndex([{ key: 'INV-1|+1', state: 'skipped', reason: 'disputed', row: 2 }, { key: 'INV-1|-3', state: 'sent', reason: '', row: 3 }]);
    expect(planRun(planInput({ asOf: DAY0 + 15, log: disputed })).skips).toEqual([]);
  });

  it('does not repeat a skip already in the log', () => {
    const log = new ReminderLogIndex([{ key: 'INV-1|+1', state: 'skipped', reason: 'disputed', row: 2 }, { key: 'INV-1|-3', state: 'skipped', reason: 'missed', row: 3 }]);
    expect(planRun(planInput({ log, invoices: [invoice({ disputed: true })] })).skips).toEqual([]);
  });

  it('pauses before the Paused Until day only: on that day the reminder goes (contract: "no reminder before it")', () => {
    const paused = new Map([['C-1', customer({ remindersPausedUntil: DAY0 + 1 })]]);
    const dayBefore = planRun(planInput({ asOf: DAY0, customers: paused, invoices: [invoice({ dueDate: DAY0 - 1 })] }));
    expect(dayBefore.communications).toEqual([]);
    expect(dayBefore.skips.map((s) => s.reason)).toContain('paused');
    const onTheDay = planRun(planInput({ asOf: DAY0 + 1, customers: paused, invoices: [invoice({ dueDate: DAY0 })] }));
    expect(onTheDay.communications[0].lines.map((l) => l.key)).toEqual(['INV-1|+1']);
  });

  it('takes a level sent under Days since edited as sent: the log key of the nearest level counts', () => {
    const edited = DEFAULT_LADDER.map((l) => (l.days === 15 ? { ...l, days: 14 } : l));
    const log = new ReminderLogIndex([{ key: 'INV-1|+15', state: 'sent', reason: '', row: 2 }]);
    expect(planRun(planInput({ asOf: DAY0 + 16, ladder: edited, log })).communications).toEqual([]);
    // A later level is not taken for it, and goes when due.
    const at30 = planRun(planInput({ asOf: DAY0 + 30, ladder: edited, log }));
    expect(at30.communications[0].lines.map((l) => l.key)).toEqual(['INV-1|+30']);
    // Without the edit, +15 was never sent: it goes.
    expect(planRun(planInput({ asOf: DAY0 + 16, ladder: edited })).communications[0].lines.map((l) => l.key)).toEqual(['INV-1|+14']);
  });

  it('does not take a deleted level, or an internal level moved, for a customer level still to send', () => {
    // +15 sent, then deleted: +30 (15 days away) still goes when due.
    const without15 = DEFAULT_LADDER.filter((l) => l.days !== 15);
    const sent15 = new ReminderLogIndex([{ key: 'INV-1|+15', state: 'sent', reason: '', row: 2 }]);
    expect(planRun(planInput({ asOf: DAY0 + 30, ladder: without15, log: sent15 })).communications[0].lines.map((l) => l.key)).toEqual(['INV-1|+30']);
    // The internal +45 sent, then moved to +60: the customer +30 (never sent) is not suppressed.
    const moved = DEFAULT_LADDER.map((l) => (l.days === 45 ? { ...l, days: 60 } : l));
    const sent45 = new ReminderLogIndex([{ key: 'INV-1|+45', state: 'sent', reason: '', row: 2 }]);
    const plan = planRun(planInput({ asOf: DAY0 + 50, ladder: moved, log: sent45 }));
    expect(plan.communications.flatMap((c) => c.lines.map((l) => l.key))).toEqual(['INV-1|+30']);
  });

  it('withoutClosed drops paid lines, takes the highest level left and lists only invoices still open', () => {
    const a = invoice({ key: 'A', no: 'A', dueDate: DAY0 - 35 });
    const b = invoice({ key: 'B', no: 'B', dueDate: DAY0 });
    const c = invoice({ key: 'C', no: 'C', dueDate: DAY0 + 20 });
    const plan = planRun(planInput({ asOf: DAY0 + 1, invoices: [a, b, c] }));
    const comm = plan.communications.find((x) => x.audience === 'customer')!;
    expect(comm.level.days).toBe(30);
    const left = withoutClosed(comm, (key) => key !== 'A')!;
    expect(left.lines.map((l) => l.key)).toEqual(['B|+1']);
    expect(left.level.days).toBe(1);
    expect(withoutClosed(comm, (key) => key === 'A')!.otherOpen).toEqual([]);
    expect(withoutClosed(comm, () => false)).toBeNull();
  });

  it('sends again after a pause ends, at the level due then', () => {
    const paused = customer({ remindersPausedUntil: DAY0 + 1 });
    const log = new ReminderLogIndex([{ key: 'INV-1|+1', state: 'skipped', reason: 'paused', row: 2 }]);
    const plan = planRun(planInput({ asOf: DAY0 + 2, log, customers: new Map([['C-1', paused]]) }));
    expect(plan.communications[0].lines.map((l) => l.key)).toEqual(['INV-1|+1']);
  });

  it('escalates internally at +45 to the owner and the credit manager, beside the customer ladder', () => {
    const log = new ReminderLogIndex([{ key: 'INV-1|+30', state: 'sent', reason: '', row: 2 }]);
    const plan = planRun(planInput({ asOf: DAY0 + 45, log }));
    expect(plan.communications).toHaveLength(1);
    expect(plan.communications[0].audience).toBe('internal');
    expect(plan.communications[0].to).toEqual(['li.wei@example.com', 'credit@example.com']);
  });

  it('ignores paid invoices and invoices of unknown customers', () => {
    const plan = planRun(planInput({ invoices: [invoice({ open: 0 }), invoice({ key: 'X', no: 'X', customerKey: 'NOPE' })] }));
    expect(plan.communications).toEqual([]);
  });
});

describe('skip reason texts', () => {
  it('place the missed level inside the sentence of each language, and read an old log\'s "reached +30"', () => {
    expect(skipReasonText('missed', '+30', 'zh')).toBe('该级别已错过，已有更高级别（+30）到期');
    expect(skipReasonText('missed', '+30', 'en')).toBe('Level passed before it could be sent; a higher level (+30) is due');
    expect(skipReasonText('missed', 'reached +30', 'zh')).toBe('该级别已错过，已有更高级别（+30）到期');
    expect(skipReasonText('missed', '', 'zh')).toBe('该级别已错过，已有更高级别到期');
    expect(skipReasonText('paused', '2026-12-31', 'en')).toBe('Reminders paused for this customer until 2026-12-31');
  });

  it('translate the log\'s reason codes and old English confirmations; other text stays as it is', () => {
    expect(logReasonText('confirmed-sent', 'zh')).toBe('已确认发送');
    expect(logReasonText('confirmed not-sent', 'zh')).toBe('已确认未发送');
    expect(logReasonText('plan', 'zh')).toMatch(/^客户正在履行还款计划/);
    expect(logReasonText('Invalid email', 'zh')).toBe('Invalid email');
    expect(logReasonText('toString', 'en')).toBe('toString');
  });
});
