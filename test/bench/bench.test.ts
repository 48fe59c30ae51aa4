/**
 * The benchmark code runs end to end at tiny sizes and prints its one table; a section that
 * throws becomes an error cell and the table still prints. No timing is asserted.
 * (Integration: the calls section runs build/Code.js, which `npm test` builds first.)
 */
import { runBench, type BenchConfig } from '../../bench/bench';
import { barePass, coercingPass } from '../../bench/core';
import { BEGIN, END, replaceBetweenMarkers } from '../../bench/run';
import { markdownTable } from '../../bench/lib';

const TINY: BenchConfig = {
  name: 'tiny',
  core: { customers: 20, invoices: 200, payments: 160, runs: 1, scale: 2, scaleRuns: 1 },
  calls: { sizes: [{ invoices: 10, customers: 5 }, { invoices: 40, customers: 10 }], orders: 8 },
  column: { customers: 15, invoices: 60, payments: 48 },
  bundle: { coldStarts: 2, targetKb: 150, targetMs: 20, metafile: false },
};

beforeAll(() => {
  process.env.BENCH_SILENT = '1';
});

describe('npm run bench, at tiny sizes', () => {
  let markdown: string;
  let ids: string[];

  beforeAll(async () => {
    const result = await runBench(TINY);
    markdown = result.markdown;
    ids = result.rows.map((r) => r.id);
  }, 120_000);

  it('prints one table with the machine line', () => {
    expect(markdown).toMatch(/^Run: `tiny` sizes · node v\d+/);
    expect(markdown).toMatch(/load average [\d.]+ \/ [\d.]+ \/ [\d.]+/);
    expect(markdown.match(/^\| # \| Figure \| Result \| Target \| Verdict \|$/gm)).toHaveLength(1);
  });

  it('has a row for every figure of the four sections', () => {
    for (const id of ['1a', '1b', '1c', '1d', '1e', '1f', '1g', '1h', '1i', '1j']) expect(ids).toContain(id);
    for (let i = 0; i < 11; i++) expect(ids).toContain(`2${String.fromCharCode(97 + i)}`);
    for (const id of ['3a', '3b', '4a', '4b']) expect(ids).toContain(id);
  });

  it('counts service calls through the built bundle at each size', () => {
    const setup = markdown.split('\n').find((l) => l.startsWith('| 2c |'));
    expect(setup).toMatch(/calls \d+ · \d+; SpreadsheetApp family \d+ · \d+/);
  });
});

describe('robustness', () => {
  it('a section that throws prints its error in its cell and the table still prints', async () => {
    const core = { ...TINY.core! };
    Object.defineProperty(core, 'customers', { get: () => { throw new Error('boom'); } });
    const result = await runBench({ ...TINY, core, calls: null, column: null, bundle: { ...TINY.bundle!, coldStarts: 1 } });
    expect(result.markdown).toMatch(/\| 1 \| .* \| error: boom \|/);
    expect(result.rows.some((r) => r.id === '4a')).toBe(true);
  });

  it('escapes pipes and line breaks inside cells', () => {
    const t = markdownTable([{ id: '9', figure: 'a|b', result: 'x\ny', target: '—', verdict: '—' }]);
    expect(t.split('\n')[2]).toBe('| 9 | a\\|b | x<br>y | — | — |');
  });
});

describe('the baselines', () => {
  it('touch every cell', () => {
    const sheets = [{ name: 'S', values: [['a', 1, new Date(Date.UTC(2026, 0, 2)), true]] }];
    expect(barePass(sheets)).toBe(1 + 2 + 3 + 4);
    expect(coercingPass(sheets, 'UTC')).toBe(1 + 100 + Date.UTC(2026, 0, 2) / 86_400_000 + 3);
  });
});

describe('docs/performance.md markers', () => {
  it('replaces only the text between the markers', () => {
    const doc = `intro\n${BEGIN}\nold\n${END}\noutro\n`;
    expect(replaceBetweenMarkers(doc, 'new')).toBe(`intro\n${BEGIN}\nnew\n${END}\noutro\n`);
    expect(replaceBetweenMarkers('no markers', 'new')).toBeNull();
  });
});
