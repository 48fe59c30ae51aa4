/**
 * Writes the example and fixture workbooks from examples/generate.ts (their source of truth):
 *
 *   examples/sample-credit-file.xlsx   sampleCreditFile({ asOf: '2026-11-20' })
 *   test/fixtures/english.xlsx         englishFixture()
 *   test/fixtures/chinese-messy.xlsx   chineseMessyFixture()
 *
 *   npx tsx scripts/make-examples.ts              write them where they belong
 *   npx tsx scripts/make-examples.ts --out DIR    write the three files flat into DIR instead
 *
 * Cells: Date → a date cell (format yyyy-mm-dd; exceljs reads it back as the same UTC-midnight
 * Date); number → a number (format #,##0.00 in money columns); string → text, kept as written
 * ('2026/3/1' stays text); '#N/A' → an error cell, as a broken formula leaves it; '' → no cell.
 * The header row (the first non-empty row) is bold and frozen. No other styling.
 * The grids are deterministic; the xlsx bytes may differ run to run only by zip timestamps.
 */
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  MONEY_HEADERS,
  chineseMessyFixture,
  englishFixture,
  sampleCreditFile,
  type Cell,
  type CreditWorkbook,
} from '../examples/generate';

const ROOT = resolve(__dirname, '..');
const FIXED_TIME = new Date(Date.UTC(2026, 10, 20));

/** Writes a workbook of grids to an .xlsx file. */
export async function writeCreditXlsx(book: CreditWorkbook, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Credit Desk examples';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  for (const [name, grid] of Object.entries(book)) {
    const headerIndex = Math.max(0, grid.findIndex((r) => r.some((c) => c !== '')));
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerIndex + 1 }] });
    const header = grid[headerIndex] ?? [];
    const money = header.map((h) => typeof h === 'string' && MONEY_HEADERS.includes(h));
    const widths: number[] = [];
    grid.forEach((row, r) => {
      row.forEach((value, c) => {
        widths[c] = Math.max(widths[c] ?? 8, Math.min(40, displayWidth(value) + 2));
        if (value === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        if (value === '#N/A') cell.value = { error: '#N/A' } as ExcelJS.CellErrorValue;
        else cell.value = value;
        if (r === headerIndex) cell.font = { bold: true };
        else if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
        else if (typeof value === 'number' && money[c]) cell.numFmt = '#,##0.00';
      });
    });
    widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  }
  mkdirSync(dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
}

function displayWidth(v: Cell): number {
  if (v instanceof Date) return 10;
  const s = String(v);
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Writes the three workbooks; `outDir` puts them flat there instead of in the repo. Returns their paths. */
export async function makeExamples(outDir?: string): Promise<string[]> {
  const targets: [string, CreditWorkbook][] = [
    [outDir ? join(outDir, 'sample-credit-file.xlsx') : join(ROOT, 'examples/sample-credit-file.xlsx'), sampleCreditFile({ asOf: '2026-11-20' })],
    [outDir ? join(outDir, 'english.xlsx') : join(ROOT, 'test/fixtures/english.xlsx'), englishFixture()],
    [outDir ? join(outDir, 'chinese-messy.xlsx') : join(ROOT, 'test/fixtures/chinese-messy.xlsx'), chineseMessyFixture()],
  ];
  for (const [file, book] of targets) await writeCreditXlsx(book, file);
  return targets.map(([file]) => file);
}

if (require.main === module) {
  const i = process.argv.indexOf('--out');
  const out = i >= 0 ? process.argv[i + 1] : undefined;
  if (i >= 0 && !out) {
    console.error('usage: tsx scripts/make-examples.ts [--out DIR]');
    process.exit(2);
  }
  makeExamples(out && resolve(out)).then(
    (files) => files.forEach((f) => console.log(`wrote ${f}`)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
