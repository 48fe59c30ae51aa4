/**
 * The Customers sheet.
 *
 * - Customer ID is trimmed; its key is upper-cased (`C-001` and `c-001 ` are one customer). A
 *   repeated ID is a Problem and the later row is ignored.
 * - Email and CC may hold several addresses (split on , ; 、 and spaces); each invalid one is a
 *   Problem and the valid ones are kept. Owner is one address (the first, with a Problem, if
 *   several).
 * - Credit Limit is written in the customer's currency and converted to base-currency minor
 *   units with Settings' FX rates; with no rate for that currency it is a Problem and the
 *   limit is left unenforced (null) rather than guessed.
 */
import type { Customer, Problem } from '../types';
import { parseDay } from '../dates';
import { convert, minorDigits, parseCurrency, parseMoney } from '../money';
import { DAY_UNITS, isEmail, parseLanguage, parseNumber, parseText, parseYesNo, splitAddressList } from './cells';
import { CUSTOMERS, type CustomerField } from './headers';
import { customerRowPasses, customerRowSchema, FIELD_RANGES, rowIssues } from './schemas';
import { NO_PARAMS, OpenTable, SKIP_ROW, sheetProblem, tableLabel, type SheetValues, type TableContext } from './table';

export interface CustomersRead {
  customers: Customer[];
  /** Keys of customers whose row was rejected (key → sheet row), so invoices can say so. */
  rejected: Map<string, number>;
  problems: Problem[];
}

export function readCustomers(sheet: SheetValues | undefined, ctx: TableContext): CustomersRead {
  const customers: Customer[] = [];
  const rejected = new Map<string, number>();
  const problems: Problem[] = [];
  if (!sheet) {
    problems.push(sheetProblem(tableLabel('customers', ctx.language), 0, 'sheet.missing', ctx.language, {
      table: tableLabel('customers', ctx.language),
      name: ctx.language === 'zh' ? CUSTOMERS.zh : CUSTOMERS.en,
    }));
    return { customers, rejected, problems };
  }
  const t = new OpenTable('customers', sheet, ctx, problems);
  const base = ctx.settings.baseCurrency;
  const seen = new Map<string, number>();
  t.forEachRow<CustomerField>((c) => {
    const r = c.r;
    const { id: id, key, duplicate } = c.takeUniqueId('id', 'customer.duplicate', seen);
    if (duplicate) return;
    const name = c.take('name', parseText(c.cell('name')));
    const emails = c.take('emails', splitAddressList(c.cell('emails'))) ?? [];
    const cc = c.take('cc', splitAddressList(c.cell('cc'))) ?? [];
    let owner = c.take('owner', splitAddressList(c.cell('owner'))) ?? [];
    let termsDays = c.take('termsDays', parseNumber(c.cell('termsDays'), DAY_UNITS), FIELD_RANGES.termsDays);
    // An unreadable Currency skips the customer (as it skips an invoice row): its limit and every
    // invoice with a blank Currency would otherwise be read in the base currency without a word.
    const currency = c.take('currency', parseCurrency(c.cell('currency')), NO_PARAMS, SKIP_ROW) ?? base;
    let creditLimit = c.take('creditLimit', parseMoney(c.cell('creditLimit'), minorDigits(currency), currency));
    const onHold = c.take('onHold', parseYesNo(c.cell('onHold'))) ?? false;
    const remindersPausedUntil = c.take('remindersPausedUntil', parseDay(c.cell('remindersPausedUntil'), ctx.timeZone));
    let externalRating = c.take('externalRating', parseNumber(c.cell('externalRating')), FIELD_RANGES.externalRating);
    const customerSince = c.take('customerSince', parseDay(c.cell('customerSince'), ctx.timeZone));
    const language = c.take('language', parseLanguage(c.cell('language')));

    // Most rows pass: the schema runs (and its issues are mapped) only when the direct check fails.
    const row = { id, name, emails, cc, owner, termsDays, creditLimit, currency, externalRating };
    if (!customerRowPasses(row)) {
      const parsed = customerRowSchema().safeParse(row);
      if (!parsed.success) c.reportIssues(rowIssues(parsed.error), FIELD_RANGES, { emails, cc, owner });
    }
    if (c.skipped || id === null || name === null) {
      if (key) rejected.set(key, r + 1);
      return;
    }
    if (c.hasFailed('termsDays')) termsDays = null;
    if (c.hasFailed('externalRating')) externalRating = null;
    if (c.hasFailed('creditLimit')) creditLimit = null;
    owner = owner.filter(isEmail);
    if (owner.length > 1) c.report('owner', 'email.oneOnly', { first: owner[0]! }, { skip: false });

    if (creditLimit !== null && currency !== base) {
      const rate = ctx.settings.fxRates[currency];
      if (rate === undefined) {
        c.report('creditLimit', 'fx.missingLimit', { currency, base }, { skip: false });
        creditLimit = null;
      } else {
        const v = convert(creditLimit, currency, rate, minorDigits(base));
        if (Number.isNaN(v)) {
          c.report('creditLimit', 'money.tooLarge', {}, { skip: false });
          creditLimit = null;
        } else creditLimit = v;
      }
    }

    customers.push({
      id,
      key,
      row: r + 1,
      index: customers.length,
      name,
      emails: emails.filter(isEmail),
      cc: cc.filter(isEmail),
      owner: owner[0] ?? '',
      termsDays,
      creditLimit,
      currency,
      onHold,
      remindersPausedUntil,
      externalRating,
      customerSince,
      language,
    });
  });
  return { customers, rejected, problems };
}
