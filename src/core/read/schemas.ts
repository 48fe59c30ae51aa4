/**
 * zod schemas for the rows of each table, applied after the per-cell coercion: the coercers
 * (parseDay, parseMoney, parseYesNo …) turn cells into typed values or Problems, and one
 * `safeParse` per row checks what a single cell cannot: required fields, ranges, address
 * syntax, currency codes. Each check's error is a {@link ProblemCode}, so an issue maps
 * straight onto a Problem on the column of its path's first element.
 */
import { z } from 'zod';
import type { ProblemCode } from '../../i18n/problems';
import { isEmail } from './cells';
import { isCurrencyCode } from '../money';

const required = z.string({ error: 'required.blank' }).min(1, { error: 'required.blank' });
const requiredDay = z.number({ error: 'required.blank' }).int({ error: 'required.blank' });
const requiredMinor = z.number({ error: 'required.blank' }).int({ error: 'required.blank' });
const optionalDay = z.number().int().nullable();
const currency = z.string().refine(isCurrencyCode, { error: 'currency.unknown' });
const email = z.string().refine(isEmail, { error: 'email.invalid' });
const days = z
  .number({ error: 'number.unreadable' })
  .int({ error: 'number.whole' })
  .min(0, { error: 'number.range' })
  .max(3650, { error: 'number.range' });

/** Range parameters for the messages of fields with a range. */
export const FIELD_RANGES: Record<string, { min: number; max: number; example: number }> = {
  termsDays: { min: 0, max: 3650, example: 30 },
  externalRating: { min: 0, max: 100, example: 75 },
};

export const customerRowSchema = z.object({
  id: required,
  name: required,
  emails: z.array(email),
  cc: z.array(email),
  owner: z.array(email),
  termsDays: days.nullable(),
  /** In the customer's currency, before conversion. */
  creditLimit: z.number().int().min(0, { error: 'money.negativeLimit' }).nullable(),
  currency,
  externalRating: z
    .number({ error: 'number.unreadable' })
    .min(0, { error: 'number.range' })
    .max(100, { error: 'number.range' })
    .nullable(),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;

export const invoiceRowSchema = z.object({
  no: required,
  customerId: required,
  invoiceDate: requiredDay,
  dueDate: optionalDay,
  amount: requiredMinor,
  currency,
  amountPaid: z.number().int(),
  paidDate: optionalDay,
});
export type InvoiceRow = z.infer<typeof invoiceRowSchema>;

export const paymentRowSchema = z.object({
  date: requiredDay,
  customerId: required,
  amount: requiredMinor.positive({ error: 'money.notPositive' }),
  currency,
  invoiceNo: z.string().nullable(),
});
export type PaymentRow = z.infer<typeof paymentRowSchema>;

export const orderRowSchema = z.object({
  no: required,
  customerId: required,
  orderDate: optionalDay,
  amount: requiredMinor.min(0, { error: 'money.negative' }),
  currency,
});
export type OrderRow = z.infer<typeof orderRowSchema>;

/** Schemas for the values of Settings rows, by kind (see settings.ts). */
export const settingValueSchemas = {
  days: days,
  positiveNumber: z.number().positive(),
  weight: z.number().min(0).max(1000),
  score: z.number().min(0).max(100),
  months: z.number().min(0).max(120),
  ratio: z.number().positive().max(1),
  edges: z
    .array(z.number().int().positive().max(3650))
    .min(1)
    .max(12)
    .refine((a) => a.every((v, i) => i === 0 || v > a[i - 1]!)),
  currency,
  email,
  cutoffs: z
    .object({ A: z.number(), B: z.number(), C: z.number() })
    .refine((c) => c.A > c.B && c.B > c.C, { error: 'setting.cutoffOrder' }),
};

export interface RowIssue {
  /** The field (first element of the issue path). */
  field: string;
  /** The array index for list fields (emails, cc, owner). */
  index: number | null;
  code: ProblemCode;
}

const KNOWN_CODES = new Set<string>([
  'required.blank', 'currency.unknown', 'email.invalid', 'number.unreadable', 'number.whole', 'number.range',
  'money.negativeLimit', 'money.notPositive', 'money.negative', 'setting.cutoffOrder',
]);

/** zod issues as fields and problem codes; an issue without one of our codes becomes 'number.unreadable'. */
export function rowIssues(error: z.ZodError): RowIssue[] {
  const out: RowIssue[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    const idx = issue.path[1];
    const code = (KNOWN_CODES.has(issue.message) ? issue.message : 'number.unreadable') as ProblemCode;
    out.push({ field, index: typeof idx === 'number' ? idx : null, code });
  }
  return out;
}
