/**
 * zod schemas for the rows of each table, applied after the per-cell coercion: the coercers
 * (parseDay, parseMoney, parseYesNo …) turn cells into typed values or Problems, and one
 * `safeParse` per row checks what a single cell cannot: required fields, ranges, address
 * syntax, currency codes. Each check's error is a {@link ProblemCode}, so an issue maps
 * straight onto a Problem on the column of its path's first element.
 */
import * as z from 'zod/mini';
import type { ProblemCode } from '../../i18n/problems';
import { isEmail } from './cells';
import { isCurrencyCode } from '../money';
import { lazy } from '../lazy';

// zod/mini: the same schemas, with checks as functions, so the bundle keeps only what is used.
// Each schema is built on first use (lazy): loading the bundle builds none.
const required = lazy(() => z.string({ error: 'required.blank' }).check(z.minLength(1, { error: 'required.blank' })));
const wholeNumber = (error?: string) => z.number(error ? { error } : undefined).check(z.refine(Number.isInteger, { error: error ?? 'number.whole' }));
/** A required day or amount in minor units. */
const requiredWhole = lazy(() => wholeNumber('required.blank'));
const optionalDay = lazy(() => z.nullable(wholeNumber()));
const currency = lazy(() => z.string().check(z.refine(isCurrencyCode, { error: 'currency.unknown' })));
const email = lazy(() => z.string().check(z.refine(isEmail, { error: 'email.invalid' })));
const days = lazy(() => z.number({ error: 'number.unreadable' }).check(
  z.refine(Number.isInteger, { error: 'number.whole' }),
  z.gte(0, { error: 'number.range' }),
  z.lte(3650, { error: 'number.range' }),
));

/** Range parameters for the messages of fields with a range. */
export const FIELD_RANGES: Record<string, { min: number; max: number; example: number }> = {
  termsDays: { min: 0, max: 3650, example: 30 },
  externalRating: { min: 0, max: 100, example: 75 },
};

export const customerRowSchema = lazy(() => z.object({
  id: required(),
  name: required(),
  emails: z.array(email()),
  cc: z.array(email()),
  owner: z.array(email()),
  termsDays: z.nullable(days()),
  /** In the customer's currency, before conversion. */
  creditLimit: z.nullable(wholeNumber().check(z.gte(0, { error: 'money.negativeLimit' }))),
  currency: currency(),
  externalRating: z.nullable(
    z.number({ error: 'number.unreadable' }).check(z.gte(0, { error: 'number.range' }), z.lte(100, { error: 'number.range' })),
  ),
}));
export type CustomerRow = z.infer<ReturnType<typeof customerRowSchema>>;

/**
 * Whether customerRowSchema accepts the row, checked directly (no zod run): the customer reader
 * runs the schema, and maps its issues, only when this says no (schemas.test checks that the two
 * always agree).
 */
export function customerRowPasses(row: {
  id: unknown; name: unknown; emails: readonly unknown[]; cc: readonly unknown[]; owner: readonly unknown[];
  termsDays: unknown; creditLimit: unknown; currency: unknown; externalRating: unknown;
}): boolean {
  const text = (v: unknown) => typeof v === 'string' && v.length >= 1;
  const emails = (list: readonly unknown[]) => {
    for (const e of list) if (typeof e !== 'string' || !isEmail(e)) return false;
    return true;
  };
  const { termsDays: t, creditLimit: l, externalRating: x } = row;
  return (
    text(row.id) && text(row.name) && emails(row.emails) && emails(row.cc) && emails(row.owner) &&
    (t === null || (Number.isInteger(t) && (t as number) >= 0 && (t as number) <= 3650)) &&
    (l === null || (Number.isInteger(l) && (l as number) >= 0)) &&
    typeof row.currency === 'string' && isCurrencyCode(row.currency) &&
    (x === null || (typeof x === 'number' && x >= 0 && x <= 100))
  );
}

export const invoiceRowSchema = lazy(() => z.object({
  no: required(),
  customerId: required(),
  invoiceDate: requiredWhole(),
  dueDate: optionalDay(),
  amount: requiredWhole(),
  currency: currency(),
  amountPaid: wholeNumber(),
  paidDate: optionalDay(),
}));
export type InvoiceRow = z.infer<ReturnType<typeof invoiceRowSchema>>;

export const paymentRowSchema = lazy(() => z.object({
  date: requiredWhole(),
  customerId: required(),
  amount: requiredWhole().check(z.gt(0, { error: 'money.notPositive' })),
  currency: currency(),
  invoiceNo: z.nullable(z.string()),
}));
export type PaymentRow = z.infer<ReturnType<typeof paymentRowSchema>>;

export const orderRowSchema = lazy(() => z.object({
  no: required(),
  customerId: required(),
  orderDate: optionalDay(),
  amount: requiredWhole().check(z.gte(0, { error: 'money.negative' })),
  currency: currency(),
}));
export type OrderRow = z.infer<ReturnType<typeof orderRowSchema>>;

/** Schemas for the values of Settings rows, by kind (see settings.ts). */
export const settingValueSchemas = lazy(() => ({
  days: days(),
  positiveNumber: z.number().check(z.gt(0)),
  weight: z.number().check(z.gte(0), z.lte(1000)),
  score: z.number().check(z.gte(0), z.lte(100)),
  months: z.number().check(z.gte(0), z.lte(120)),
  ratio: z.number().check(z.gt(0), z.lte(1)),
  edges: z
    .array(z.number().check(z.refine(Number.isInteger), z.gt(0), z.lte(3650)))
    .check(
      z.minLength(1),
      z.maxLength(12),
      z.refine((a: number[]) => a.every((v, i) => i === 0 || v > a[i - 1]!)),
    ),
  currency: currency(),
  email: email(),
  cutoffs: z
    .object({ A: z.number(), B: z.number(), C: z.number() })
    .check(z.refine((c: { A: number; B: number; C: number }) => c.A > c.B && c.B > c.C, { error: 'setting.cutoffOrder' })),
}));
export type SettingValueKind = keyof ReturnType<typeof settingValueSchemas>;

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
export function rowIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): RowIssue[] {
  const out: RowIssue[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    const idx = issue.path[1];
    const code = (KNOWN_CODES.has(issue.message) ? issue.message : 'number.unreadable') as ProblemCode;
    out.push({ field, index: typeof idx === 'number' ? idx : null, code });
  }
  return out;
}
