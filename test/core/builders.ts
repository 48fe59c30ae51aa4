import type { CreditFile, Customer, Day, Invoice, Order, Payment, Settings } from '../../src/core/types';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { dayOf } from '../../src/core/calendar';

/** A Day from 'YYYY-MM-DD'. */
export function d(iso: string): Day {
  const [y, m, day] = iso.split('-').map(Number);
  return dayOf(y, m, day);
}

/** Money in minor units from major units (2 decimals): yuan(12.34) === 1234. */
export function yuan(major: number): number {
  return Math.round(major * 100);
}

let row = 2;
const nextRow = (): number => row++;

export function customer(id: string, over: Partial<Customer> = {}): Customer {
  return {
    id,
    key: id.trim().toUpperCase(),
    row: nextRow(),
    name: `Customer ${id}`,
    emails: [],
    cc: [],
    owner: '',
    termsDays: null,
    creditLimit: null,
    currency: 'CNY',
    onHold: false,
    remindersPausedUntil: null,
    externalRating: null,
    customerSince: null,
    language: null,
    ...over,
  };
}

/** An invoice; `date` and `due` as ISO strings; due defaults to date + 30. */
export function invoice(
  no: string,
  customerId: string,
  date: string,
  amount: number,
  over: Partial<Omit<Invoice, 'dueDate' | 'invoiceDate' | 'paidDate'>> & { due?: string; paid?: string } = {},
): Invoice {
  const { due, paid, ...rest } = over;
  const invoiceDate = d(date);
  return {
    no,
    key: no.trim().toUpperCase(),
    row: nextRow(),
    customerKey: customerId.trim().toUpperCase(),
    invoiceDate,
    dueDate: due ? d(due) : invoiceDate + 30,
    amount,
    currency: 'CNY',
    amountPaid: 0,
    paidDate: paid ? d(paid) : null,
    status: 'open',
    disputed: false,
    remindersStopped: false,
    ...rest,
  };
}

export function payment(customerId: string, date: string, amount: number, invoiceNo: string | null = null, over: Partial<Payment> = {}): Payment {
  return {
    row: nextRow(),
    date: d(date),
    customerKey: customerId.trim().toUpperCase(),
    amount,
    invoiceKey: invoiceNo === null ? null : invoiceNo.trim().toUpperCase(),
    ...over,
  };
}

export function order(no: string, customerId: string, amount: number, status: Order['status'] = 'pending', date: string | null = null): Order {
  return { no, row: nextRow(), customerKey: customerId.trim().toUpperCase(), orderDate: date ? d(date) : null, amount, status };
}

export function settings(over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...over };
}

export function file(parts: Partial<CreditFile> = {}): CreditFile {
  return {
    customers: [],
    invoices: [],
    payments: [],
    orders: [],
    settings: settings(),
    problems: [],
    ...parts,
  };
}
