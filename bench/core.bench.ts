/**
 * Timing of the credit picture on a large file: 10k customers, 100k invoices, 80k payments.
 * Run: npx tsx bench/core.bench.ts
 */
import { computePicture } from '../src/core/picture';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { dayFromYMD } from '../src/core/dates';
import type { CreditFile, Customer, Invoice, Order, Payment } from '../src/core/types';

function makeFile(nCustomers: number, nInvoices: number, nPayments: number): { file: CreditFile; asOf: number } {
  let seed = 42;
  const rnd = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const start = dayFromYMD(2023, 1, 1);
  const asOf = dayFromYMD(2024, 12, 31);
  const customers: Customer[] = [];
  for (let i = 0; i < nCustomers; i++) {
    const id = `C-${String(i).padStart(5, '0')}`;
    customers.push({
      id, key: id, row: i + 2, name: id, emails: [], cc: [], owner: '', termsDays: 30,
      creditLimit: rnd() < 0.2 ? null : Math.floor(rnd() * 10_000_000), currency: 'CNY', onHold: rnd() < 0.02,
      remindersPausedUntil: null, externalRating: rnd() < 0.3 ? Math.floor(rnd() * 100) : null,
      customerSince: rnd() < 0.5 ? start - Math.floor(rnd() * 2000) : null, language: null,
    });
  }
  const invoices: Invoice[] = [];
  for (let i = 0; i < nInvoices; i++) {
    const c = customers[Math.floor(rnd() * nCustomers)];
    const date = start + Math.floor(rnd() * 730);
    const credit = rnd() < 0.03;
    const paid = rnd() < 0.2;
    invoices.push({
      no: `INV-${i}`, key: `INV-${i}`, row: i + 2, customerKey: c.key, invoiceDate: date, dueDate: date + 30,
      amount: credit ? -Math.floor(rnd() * 100_000) : Math.floor(rnd() * 1_000_000), currency: 'CNY', amountPaid: 0,
      paidDate: paid ? date + Math.floor(rnd() * 90) : null, status: rnd() < 0.01 ? 'void' : 'open',
      disputed: rnd() < 0.02, remindersStopped: false,
    });
  }
  const payments: Payment[] = [];
  for (let i = 0; i < nPayments; i++) {
    const inv = invoices[Math.floor(rnd() * nInvoices)];
    payments.push({
      row: i + 2, date: inv.invoiceDate + Math.floor(rnd() * 120), customerKey: inv.customerKey,
      amount: Math.max(1, Math.floor(rnd() * 800_000)), invoiceKey: rnd() < 0.6 ? inv.key : null,
    });
  }
  const orders: Order[] = customers.slice(0, 2000).map((c, i) => ({ no: `SO-${i}`, row: i + 2, customerKey: c.key, orderDate: null, amount: 50_000, status: 'pending' }));
  return { file: { customers, invoices, payments, orders, settings: DEFAULT_SETTINGS, problems: [] }, asOf };
}

const { file, asOf } = makeFile(10_000, 100_000, 80_000);
const times: number[] = [];
let picture = computePicture(file, asOf);
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  picture = computePicture(file, asOf);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const lean: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  computePicture(file, asOf, { kpis: false });
  lean.push(performance.now() - t0);
}
lean.sort((a, b) => a - b);
console.log(`computePicture 10k customers / 100k invoices / 80k payments: median ${times[2].toFixed(0)} ms, best ${times[0].toFixed(0)} ms`);
console.log(`  without KPIs (custom functions): median ${lean[2].toFixed(0)} ms, best ${lean[0].toFixed(0)} ms`);
console.log(`AR ${picture.kpis?.ar}, DSO ${picture.kpis?.dso?.toFixed(1)}, problems ${picture.problems.length}`);
