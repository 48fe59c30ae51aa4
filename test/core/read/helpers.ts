import type { Cell, Problem } from '../../../src/core/types';
import { dateOfDay, dayFromYMD } from '../../../src/core/dates';

export const TZ = 'Asia/Shanghai';

/** A date cell as Sheets' getValues() gives it: midnight of that day in the zone. */
export function dateCell(y: number, m: number, d: number, tz = TZ): Date {
  return dateOfDay(dayFromYMD(y, m, d), tz);
}

export function day(y: number, m: number, d: number): number {
  return dayFromYMD(y, m, d);
}

export const CUSTOMER_HEADERS: Cell[] = ['Customer ID', 'Name', 'Email', 'CC', 'Owner', 'Terms (days)', 'Credit Limit', 'Currency', 'On Hold'];
export const INVOICE_HEADERS: Cell[] = ['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount', 'Currency', 'Amount Paid', 'Paid Date', 'Status', 'Disputed'];

export function customersSheet(rows: Cell[][], headers: Cell[] = CUSTOMER_HEADERS) {
  return { name: 'Customers', values: [headers, ...rows] };
}

export function invoicesSheet(rows: Cell[][], headers: Cell[] = INVOICE_HEADERS) {
  return { name: 'Invoices', values: [headers, ...rows] };
}

/** Problems without their messages, for compact expectations. */
export function where(problems: Problem[]): string[] {
  return problems.map((p) => `${p.sheet}!${p.column}${p.row}`);
}

export function find(problems: Problem[], sheet: string, row: number, column?: string): Problem[] {
  return problems.filter((p) => p.sheet === sheet && p.row === row && (column === undefined || p.column === column));
}
