/**
 * `npm run bench` (builds, then runs this): prints one table and, for the full sizes, writes it
 * into docs/performance.md between the bench markers.
 *
 *   npm run bench                     full sizes (several minutes); updates docs/performance.md
 *   npm run bench -- --quick          small sizes; prints only
 *   npm run bench -- --no-write       full sizes, prints only
 *   npm run bench -- --only=core,calls,column,bundle   some sections only (prints only)
 *
 * Progress goes to stderr, the table to stdout.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FULL, QUICK, runBench, type BenchConfig } from './bench';

export const BEGIN = '<!-- bench:begin -->';
export const END = '<!-- bench:end -->';
const DOC = join(__dirname, '..', 'docs', 'performance.md');

/** `doc` with the text between the markers replaced; null when the markers are missing. */
export function replaceBetweenMarkers(doc: string, body: string): string | null {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) return null;
  return `${doc.slice(0, a + BEGIN.length)}\n${body}\n${doc.slice(b)}`;
}

async function main(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const base = quick ? QUICK : FULL;
  const cfg: BenchConfig = only
    ? {
        ...base,
        core: only.includes('core') ? base.core : null,
        calls: only.includes('calls') ? base.calls : null,
        column: only.includes('column') ? base.column : null,
        bundle: only.includes('bundle') ? base.bundle : null,
      }
    : base;
  const result = await runBench(cfg);
  process.stdout.write(`${result.markdown}\n`);
  const write = !quick && !only && !argv.includes('--no-write');
  if (!write) return;
  try {
    const doc = readFileSync(DOC, 'utf8');
    const next = replaceBetweenMarkers(doc, result.markdown);
    if (next === null) {
      process.stderr.write(`${DOC} has no ${BEGIN} … ${END} markers: paste the table in by hand.\n`);
      return;
    }
    writeFileSync(DOC, next);
    process.stderr.write(`wrote the table into ${DOC}\n`);
  } catch (e) {
    process.stderr.write(`could not update ${DOC}: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
