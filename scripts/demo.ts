/**
 * npm run demo — the daily credit-control run, offline, on the sample credit file.
 *
 * The built bundle (build/Code.js) runs inside the Apps Script emulator over
 * examples/sample-credit-file.xlsx, on the sample's as-of morning (2026-11-20 09:00, Shanghai).
 * It prints the aging, the riskiest customers and what the reminder run sent and skipped, and
 * writes each email to demo-output/outbox/ as an .eml file. The spreadsheet, Reminder Log
 * included, is saved to demo-output/credit-file.xlsx, so a second run finds what the first sent
 * and sends nothing again. `npm run demo -- --reset` starts over from the sample.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEnvironment } from '../emulator';
import { toEml } from '../emulator/eml';

const ROOT = join(__dirname, '..');
const SAMPLE = join(ROOT, 'examples/sample-credit-file.xlsx');
const OUT = join(ROOT, 'demo-output');
const STATE = join(OUT, 'credit-file.xlsx');
const OUTBOX = join(OUT, 'outbox');
const NOW = new Date('2026-11-20T09:00:00+08:00');

type Row = unknown[];

function money(v: unknown): string {
  const n = Number(v);
  return Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(v ?? '');
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows.map((r) => r.map((c, i) => (i === 0 ? pad(c, widths[i]) : padStart(c, widths[i]))).join('  ')).join('\n');
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

function slug(s: string): string {
  return s.replace(/[^\w.-]+/g, '_').slice(0, 60);
}

async function main(): Promise<void> {
  if (process.argv.includes('--reset')) rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUTBOX, { recursive: true });
  const resumed = existsSync(STATE);
  const env = createEnvironment({ timeZone: 'Asia/Shanghai', now: NOW, owner: 'owner@example.com', activeUser: 'owner@example.com', mailQuota: 100 });
  await env.loadXlsx(resumed ? STATE : SAMPLE);
  console.log(`Credit Desk demo — ${resumed ? 'resuming demo-output/credit-file.xlsx' : 'examples/sample-credit-file.xlsx'}, as of 2026-11-20 09:00 (Asia/Shanghai)\n`);

  const full = () => env.execution({ authMode: 'FULL', user: 'owner@example.com' });

  // Aging, from the add-on's own Aging Report.
  full().call('showAgingReport');
  const aging = env.spreadsheet.sheet(env.spreadsheet.sheetNames().find((n) => /aging report|账龄报告/i.test(n)) ?? 'Aging Report').values();
  const headerAt = aging.findIndex((r) => r.some((c) => /^current$/i.test(String(c))));
  if (headerAt >= 0) {
    const header = aging[headerAt].map(String);
    const body = aging.slice(headerAt + 1).filter((r) => r.some((c) => c !== ''));
    const moneyCols = header.map((h, i) => i).filter((i) => i >= 2);
    const shown = [...body.slice(0, 8), ...body.slice(-1)];
    console.log('Aging (top 8 customers by open balance, and the total):');
    console.log(table([header.slice(0, 1).concat(header.slice(2)), ...shown.map((r: Row) => [String(r[0]).slice(0, 28), ...moneyCols.map((i) => money(r[i]))])]));
    console.log('');
  }

  // Top risks, from the Credit Scores sheet.
  full().call('showCreditScores');
  const scores = env.spreadsheet.sheet(env.spreadsheet.sheetNames().find((n) => /credit scores|信用评分/i.test(n)) ?? 'Credit Scores').values();
  const sh = scores.findIndex((r) => r.some((c) => /^score$|^评分$/i.test(String(c))));
  if (sh >= 0) {
    const header = scores[sh].map(String);
    const col = (re: RegExp) => header.findIndex((h) => re.test(h));
    const [name, id, score, grade] = [col(/^customer$|name|客户名称|^客户$/i), col(/customer id|编号/i), col(/^score$|^评分$/i), col(/^grade$|^等级$/i)];
    const rows = scores.slice(sh + 1).filter((r) => r[score] !== '' && r[score] !== undefined);
    rows.sort((a, b) => Number(a[score]) - Number(b[score]));
    console.log('Top risks (lowest credit scores):');
    console.log(table([['Customer', 'ID', 'Score', 'Grade'], ...rows.slice(0, 5).map((r) => [String(r[name]).slice(0, 28), String(r[id]), String(r[score]), String(r[grade])])]));
    console.log('');
  }

  // The reminder run, as the daily trigger runs it.
  const before = env.outbox.length;
  const logName = () => env.spreadsheet.sheetNames().find((n) => /reminder log|催收记录/i.test(n));
  const logRowsBefore = logName() ? env.spreadsheet.sheet(logName()!).values().length : 1;
  full().call('runScheduledReminders');
  const sent = env.outbox.slice(before);
  const log = env.spreadsheet.sheet(logName() ?? 'Reminder Log').values();
  const [lh] = log;
  const c = (name: string) => lh.findIndex((h) => String(h) === name);
  // This run's lines: the ones it appended.
  const thisRun = log.slice(Math.max(1, logRowsBefore));
  const lastRun = String(thisRun[thisRun.length - 1]?.[c('Run')] ?? '');
  const skipped = thisRun.filter((r) => r[c('State')] === 'skipped');

  const customerMails = sent.filter((m) => !/^Credit Desk digest|^信用管理日报/.test(m.subject));
  if (customerMails.length === 0) {
    console.log('Reminders: nothing to send — every reminder due today was already sent or logged (see the Reminder Log).');
  } else {
    console.log(`Reminders sent: ${customerMails.length}`);
    for (const m of customerMails) console.log(`  → ${m.to}${m.cc ? ` (cc ${m.cc})` : ''}: ${m.subject}`);
  }
  if (skipped.length) {
    const byReason = new Map<string, Row[]>();
    for (const r of skipped) byReason.set(String(r[c('Reason')]), [...(byReason.get(String(r[c('Reason')])) ?? []), r]);
    console.log(`Reminder lines skipped: ${skipped.length}`);
    for (const [reason, rows] of byReason) {
      const examples = rows.slice(0, 3).map((r) => `${r[c('Invoice No')]} ${r[c('Level')]}`).join(', ');
      console.log(`  ${reason}: ${rows.length} (${examples}${rows.length > 3 ? ', …' : ''}) — ${String(rows[0][c('Subject')])}`);
    }
  }
  const summary = thisRun.find((r) => r[c('State')] === 'run');
  if (summary) console.log(`Run ${lastRun}: ${String(summary[c('Subject')])}`);

  for (const [i, m] of sent.entries()) {
    const file = join(OUTBOX, `${lastRun}-${String(i + 1).padStart(3, '0')}-${slug(m.to.split(',')[0])}.eml`);
    writeFileSync(file, toEml(m));
  }
  if (sent.length) console.log(`\n${sent.length} email(s) written to demo-output/outbox/ as .eml (the last one is the credit manager's digest).`);
  await env.saveXlsx(STATE);
  console.log(`Spreadsheet saved to demo-output/credit-file.xlsx. Run \`npm run demo\` again: nothing is sent twice. \`npm run demo -- --reset\` starts over.`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
