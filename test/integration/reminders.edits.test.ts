/**
 * The reminder run when the books or the ladder change under it: an invoice paid between planning
 * and sending, a level whose Days were edited after it was sent; and how one email shows in the
 * customer's collections history.
 */
import type { Environment } from '../../emulator';
import { DAY_MS } from '../helpers/faults';
import { reminderLogRows, sh, tinyEnvironment } from '../helpers/tiny';

const INVOICE_HEADER = ['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount'];
const run = (env: Environment, hooks = {}): unknown => env.execution({ authMode: 'FULL', hooks }).call('runRemindersNow');
const toCustomer = (env: Environment) => env.outbox.filter((m) => m.to.includes('ap@alpha.example.com'));

/** INV-A 36 days overdue (the +30 final notice) and INV-B 1 day overdue (+1), both C-1's. */
const twoLevels = () => tinyEnvironment({
  Invoices: [INVOICE_HEADER, ['INV-A', 'C-1', sh('2026-09-15'), sh('2026-10-15'), 1000], ['INV-B', 'C-1', sh('2026-10-20'), sh('2026-11-19'), 500]],
});

describe('an invoice paid between planning and sending', () => {
  it('leaves the email to the other lines, at their own level, listing only invoices still open', () => {
    const env = twoLevels();
    let zoneReads = 0;
    run(env, {
      beforeCall: (name: string) => {
        // The run reads the zone once to plan and once more for the fresh re-read before sending.
        if (name === 'Spreadsheet.getSpreadsheetTimeZone' && ++zoneReads === 2) {
          env.spreadsheet.sheet('Payments').setValues([[sh('2026-11-20'), 'C-1', 1000, 'INV-A']], 'A2');
        }
      },
    });
    expect(zoneReads).toBeGreaterThanOrEqual(2);
    const mails = toCustomer(env);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/^Overdue notice/);
    expect(mails[0].body).not.toContain('INV-A');
    const states = reminderLogRows(env).map((r) => `${r.Key} ${r.State} ${r.Reason}`);
    expect(states).toContain('INV-A|+30 skipped paid');
    expect(states).toContain('INV-B|+1 sent ');
  });
});

describe('a level whose Days are edited after it was sent', () => {
  const ladder = (second: number) => [
    ['Days', 'Audience', 'Name'], [-3, 'Customer', 'Courtesy reminder'], [1, 'Customer', 'Overdue notice'],
    [second, 'Customer', 'Second notice'], [30, 'Customer', 'Final notice'], [45, 'Internal', 'Internal escalation'],
  ];
  const invoice = [INVOICE_HEADER, ['INV-X', 'C-1', sh('2026-10-05'), sh('2026-11-04'), 800]]; // 16 days overdue

  it('is not sent again when moved earlier (+15 to +14)', () => {
    const env = tinyEnvironment({ Invoices: invoice, 'Reminder Ladder': ladder(15) });
    run(env);
    expect(toCustomer(env).map((m) => m.subject)).toEqual([expect.stringMatching(/^Second notice/)]);
    env.spreadsheet.sheet('Reminder Ladder').setValues([[14]], 'A4');
    env.clock.advance(DAY_MS);
    run(env);
    expect(toCustomer(env)).toHaveLength(1);
    // The next level still goes when it falls due.
    env.clock.advance(13 * DAY_MS); // 30 days overdue
    run(env);
    expect(toCustomer(env).map((m) => m.subject)).toEqual([expect.stringMatching(/^Second notice/), expect.stringMatching(/^Final notice/)]);
  });

  it('is not sent again for an invoice number that folding changes (ＩＮＶ－Ｘ, INV–X with an en dash)', () => {
    for (const no of ['ＩＮＶ－Ｘ', 'INV\u2013X']) {
      const env = tinyEnvironment({ Invoices: [INVOICE_HEADER, [no, 'C-1', sh('2026-10-05'), sh('2026-11-04'), 800]], 'Reminder Ladder': ladder(15) });
      run(env);
      expect(toCustomer(env)).toHaveLength(1);
      env.spreadsheet.sheet('Reminder Ladder').setValues([[14]], 'A4');
      env.clock.advance(DAY_MS);
      run(env);
      expect(toCustomer(env)).toHaveLength(1);
    }
  });

  it('a new level inserted between two sent ones is not mistaken for either', () => {
    const env = tinyEnvironment({ Invoices: invoice, 'Reminder Ladder': ladder(15) });
    run(env); // +15 sent on day 16
    const withNew = ladder(15);
    withNew.splice(4, 0, [20, 'Customer', 'Third notice']);
    env.spreadsheet.sheet('Reminder Ladder').setValues(withNew, 'A1');
    env.clock.advance(4 * DAY_MS); // 20 days overdue
    run(env);
    expect(toCustomer(env)).toHaveLength(2);
    const sent = reminderLogRows(env).filter((r) => r.State === 'sent').map((r) => r.Key);
    expect(sent).toEqual(['INV-X|+15', 'INV-X|+20']);
  });
});

describe('an invoice number retyped after its reminder was sent', () => {
  it('is the same invoice: full-width ＩＮＶ－Ｘ retyped as INV-X, or a log line written before numbers were folded, sends nothing again', () => {
    const env = tinyEnvironment({ Invoices: [INVOICE_HEADER, ['ＩＮＶ－Ｘ', 'C-1', sh('2026-10-05'), sh('2026-11-04'), 800]] }); // 16 days overdue
    run(env);
    expect(toCustomer(env)).toHaveLength(1);
    expect(reminderLogRows(env).filter((r) => r.State === 'sent').map((r) => r.Key)).toEqual(['INV-X|+15']);
    env.spreadsheet.sheet('Invoices').setValues([['INV-X']], 'A2');
    run(env);
    expect(toCustomer(env)).toHaveLength(1);
    // A line written by an earlier version, which keyed the number upper-cased only.
    const log = env.spreadsheet.sheet('Reminder Log');
    const keyCol = log.values()[0].indexOf('Key');
    const sentRow = log.values().findIndex((r) => r[keyCol] === 'INV-X|+15');
    log.setValues([['ＩＮＶ－Ｘ|+15']], `${String.fromCharCode(65 + keyCol)}${sentRow + 1}`);
    run(env);
    expect(toCustomer(env)).toHaveLength(1);
  });
});

describe('a send that fails with a message quoting a formula', () => {
  it('logs the message as text in Reason, never as a formula', () => {
    const env = twoLevels();
    const message = '=HYPERLINK("http://evil.example","x") is not a valid address';
    let sends = 0; // the first send is the customer's email (the digest comes last)
    run(env, { beforeCall: (name: string) => { if (name === 'MailApp.sendEmail' && ++sends === 1) throw message; } }); // thrown as is: the Reason is the text itself
    const failed = reminderLogRows(env).filter((r) => r.State === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const r of failed) expect(r.Reason).toBe(message);
    expect(env.spreadsheet.sheet('Reminder Log').formulas().flat().every((f) => f === '')).toBe(true);
  });
});

describe('a digest that fails to send', () => {
  it('does not fail the run: the failure is logged, and the customer email stays sent', () => {
    const env = twoLevels();
    let sends = 0; // the customer's one email, then the digest
    run(env, { beforeCall: (name: string) => { if (name === 'MailApp.sendEmail' && ++sends === 2) throw 'Service unavailable: Mail'; } });
    expect(sends).toBe(2);
    expect(toCustomer(env)).toHaveLength(1);
    const rows = reminderLogRows(env);
    expect(rows.filter((r) => r.State === 'sent').map((r) => r.Key)).toEqual(['INV-A|+30', 'INV-B|+1']);
    expect(rows.map((r) => Object.values(r).join(' ')).some((l) => l.includes('The digest to the credit manager was not sent: Service unavailable: Mail'))).toBe(true);
  });
});

describe('the collections history', () => {
  it('shows one ladder email with lines at two levels as one action, at its highest level', () => {
    const env = twoLevels();
    run(env);
    expect(toCustomer(env)).toHaveLength(1);
    const history = env.execution({ authMode: 'FULL' }).call('getCollectionHistory', 'C-1') as { source: string; summary: string }[];
    const emails = history.filter((h) => h.source === 'reminders');
    expect(emails).toHaveLength(1);
    expect(emails[0].summary).toMatch(/\+30/);
    expect(emails[0].summary).toMatch(/INV-A/);
    expect(emails[0].summary).toMatch(/INV-B/);
  });
});
