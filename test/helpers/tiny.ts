/**
 * A small credit file built in the emulator from rows, for tests that need one customer and a few
 * invoices rather than a fixture: C-1 Alpha Ltd (ap@alpha.example.com, owner rep@example.com,
 * 30 days, limit 100,000), empty Invoices and Payments, Settings with a company and a credit
 * manager; any sheet can be given instead.
 */
import { createEnvironment, type Environment } from '../../emulator';

/** Midnight of an ISO day in Shanghai (the default zone). */
export const sh = (iso: string): Date => new Date(`${iso}T00:00:00+08:00`);
export const TINY_NOW = new Date('2026-11-20T09:00:00+08:00');

export function tinyEnvironment(sheets: Record<string, unknown[][]>, opts: { timeZone?: string; now?: Date } = {}): Environment {
  const env = createEnvironment({ timeZone: opts.timeZone ?? 'Asia/Shanghai', now: opts.now ?? TINY_NOW, owner: 'owner@example.com', activeUser: 'owner@example.com' });
  const base: Record<string, unknown[][]> = {
    Customers: [['Customer ID', 'Name', 'Email', 'CC', 'Owner', 'Terms (days)', 'Credit Limit'], ['C-1', 'Alpha Ltd', 'ap@alpha.example.com', '', 'rep@example.com', 30, 100000]],
    Invoices: [['Invoice No', 'Customer ID', 'Invoice Date', 'Due Date', 'Amount', 'Currency', 'Amount Paid', 'Paid Date', 'Status', 'Disputed']],
    Payments: [['Payment Date', 'Customer ID', 'Amount', 'Invoice No']],
    Settings: [['Setting', 'Value'], ['Base Currency', 'CNY'], ['Company Name', 'Example Co'], ['Credit Manager', 'credit@example.com']],
    ...sheets,
  };
  for (const [name, rows] of Object.entries(base)) env.spreadsheet.addSheet(name, rows);
  return env;
}

/** Reminder Log rows as objects by header. */
export function reminderLogRows(env: Environment): Record<string, unknown>[] {
  if (!env.spreadsheet.sheetNames().includes('Reminder Log')) return [];
  const [header, ...rows] = env.spreadsheet.sheet('Reminder Log').values();
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}
