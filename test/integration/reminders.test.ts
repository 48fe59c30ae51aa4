import { environmentWith, SAMPLE } from '../helpers/sample';

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
