/**
 * The risk watch list through the built bundle: two daily runs a day apart on the English fixture,
 * with an invoice changed between them. The second run's Watch List sheet, its digest (every line)
 * and the sidebar's getWatchList agree.
 */
import type { Environment } from '../../emulator';
import { environmentWith, ENGLISH } from '../helpers/sample';

const DAY_MS = 24 * 60 * 60 * 1000;

function digests(env: Environment) {
  return env.outbox.filter((m) => String(m.subject).startsWith('Credit Desk digest'));
}

describe('risk watch list on the English fixture', () => {
  let env: Environment;
  beforeAll(async () => {
    env = await environmentWith(ENGLISH);
    env.execution({ authMode: 'FULL' }).call('runRemindersNow');
  });

  it('the first run keeps a snapshot with the new columns and writes an empty Watch List', () => {
    const snap = env.spreadsheet.sheet('_CreditDesk_Snapshot');
    expect(snap.hidden).toBe(true);
    const v = snap.values();
    expect(v[0]).toEqual(['Key', 'Customer ID', 'Grade', 'Verdict', 'Exposure', 'Limit', 'Over Limit', 'Max Days Past Due', 'As Of', '2026-11-20']);
    const c4 = v.find((r) => r[0] === 'C-004')!;
    expect(c4.slice(3, 8)).toEqual(['BLOCK', 2650000, 2000000, 1, 6]);
    const c6 = v.find((r) => r[0] === 'C-006')!;
    expect(c6[7]).toBe(93);
    const w = env.spreadsheet.sheet('Watch List').values();
    expect(w[0].slice(0, 4)).toEqual(['As of', new Date('2026-11-19T16:00:00Z'), 'Changes since the run of', '(first run: nothing to compare with)']);
    expect(w[3][0]).toBe('No customer crossed a line since the last run.');
    expect(digests(env)[0].body).toContain('Risk watch list: no customer crossed a line since the last run.');
  });

  it('the next day, after INV-1007 grows from 4,000 to 30,000: C-002 crossed lines, all in the sheet and the digest', () => {
    const inv = env.spreadsheet.sheet('Invoices');
    const row = inv.values().findIndex((r) => r[0] === 'INV-1007') + 1;
    inv.setValue(`E${row}`, 30000);
    env.clock.advance(DAY_MS);
    env.execution({ authMode: 'FULL' }).call('runRemindersNow');

    const s = env.spreadsheet.sheet('Watch List');
    const v = s.values();
    expect(v[0][1]).toEqual(new Date('2026-11-20T16:00:00Z'));
    expect(v[0][3]).toEqual(new Date('2026-11-19T16:00:00Z'));
    expect(v[2]).toEqual(['Customer', 'Customer ID', 'Alert', 'Was', 'Now', 'What happened', 'Exposure', 'Credit Limit', 'Max Days Past Due', 'Grade', 'Owner']);
    const lines = v.slice(3);
    const c2 = lines.filter((r) => r[1] === 'C-002');
    // Exposure 16,800 → 42,800 against a 40,000 limit: a new BLOCK (was WARN), over limit, rising fast.
    expect(c2.map((r) => r[2])).toEqual(expect.arrayContaining(['New BLOCK', 'Over limit', 'Exposure rising fast']));
    const over = c2.find((r) => r[2] === 'Over limit')!;
    expect(over.slice(3, 5)).toEqual(['16,800.00 CNY', '42,800.00 CNY']);
    expect(over.slice(6, 11)).toEqual([42800, 40000, 42, expect.stringMatching(/^[ABCD]$/), 'zhang.min@example.com']);
    expect(c2.find((r) => r[2] === 'New BLOCK')![3]).toBe('WARN');
    expect(c2.find((r) => r[2] === 'Exposure rising fast')![5]).toContain('(+155%)');
    expect(s.numberFormats(`G4:H${3 + lines.length}`).flat().every((f) => f === '#,##0.00')).toBe(true);

    const digest = digests(env)[1];
    expect(digest.subject).toBe(`Credit Desk digest 2026-11-21: 0 reminders sent, ${lines.length} risk changes`);
    expect(digest.body).toContain(`Risk watch list (${lines.length}):`);
    for (const r of lines) expect(digest.body).toContain(String(r[5]));

    const panel = env.execution({ authMode: 'FULL' }).call('getWatchList') as { asOf: string; since: string; lines: { customerId: string; kind: string; exposure: number; limit: number | null; text: string }[] };
    expect(panel.asOf).toBe('2026-11-21');
    expect(panel.since).toBe('2026-11-20');
    expect(panel.lines.map((l) => l.text)).toEqual(lines.map((r) => r[5]));
    expect(panel.lines.find((l) => l.kind === 'over-limit')).toMatchObject({ customerId: 'C-002', exposure: 4_280_000, limit: 4_000_000 });
  });
});

describe('the digest in Chinese', () => {
  it('lists the lines in Chinese when Settings say so', async () => {
    const env = await environmentWith(ENGLISH);
    const settings = env.spreadsheet.sheet('Settings');
    settings.setValues([['Language', 'zh']], `A${settings.values().length + 1}`);
    env.execution({ authMode: 'FULL' }).call('runRemindersNow');
    const cust = env.spreadsheet.sheet('Customers');
    const row = cust.values().findIndex((r) => r[0] === 'C-001') + 1;
    cust.setValue(`I${row}`, 'Yes'); // On Hold
    env.clock.advance(DAY_MS);
    env.execution({ authMode: 'FULL' }).call('runRemindersNow');
    const mails = env.outbox.filter((m) => String(m.subject).startsWith('信用管理日报'));
    expect(mails).toHaveLength(2);
    expect(mails[1].body).toMatch(/风险预警（\d+ 项）：/);
    expect(mails[1].body).toContain('新增冻结：Prompt Pay Co（C-001）— BLOCK: ');
    expect(env.spreadsheet.sheet('风险预警').values()[2][2]).toBe('预警');
  });
});
