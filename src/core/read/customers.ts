/**
 * The Customers sheet.
 *
 * - Customer ID is trimmed; its key is upper-cased (`C-001` and `c-001 ` are one customer). A
 *   repeated ID is a Problem and the later row is ignored.
 * - Email and CC may hold several addresses (split on , ; 、 and spaces); each invalid one is a
 *   Problem and the valid ones are kept. Owner is one address (the first, with a Problem, if
 *   several).
 * - Credit Limit blank: no limit. One that cannot be read, is negative or is a lone dash is a
 *   Problem and counts as 0 (cash only) until fixed: an error never lifts a limit. On Hold that
 *   cannot be read (nor is the column's own word, 冻结, nor "yes - reason") counts as held.
 * - Credit Limit is written in the customer's currency and converted to base-currency minor
 *   units with Settings' FX rates; with no rate for that currency it is a Problem and the
 *   limit is left unenforced (null) rather than guessed. A unit in its header applies: 50 under
 *   信用额度（万元） is 500,000; under "Credit Limit (USD)" the limit is in USD when Currency is
 *   blank, and a Currency the header contradicts leaves the limit unenforced, with a Problem.
 */
import type { Customer, Problem } from '../types';
import { convert, minorDigits, parseCurrency } from '../money';
import { isDashOrBlank, parseDay, toHalfWidth } from '../dates';
import { flagKey, isEmail, parseFlag, parseLanguage, parseNumber, parseTermsDays, parseText, splitAddressList } from './cells';
import { CUSTOMERS, type CustomerField } from './headers';
import { customerRowPasses, customerRowSchema, FIELD_RANGES, rowIssues } from './schemas';
import { NO_PARAMS, OpenTable, SKIP_ROW, sheetProblem, tableLabel, type SheetValues, type TableContext } from './table';

const LIMIT_ZERO = Object.freeze({ then: 'limit.assumedZero' as const });
const ASSUMED_HOLD = Object.freeze({ then: 'flag.assumedHold' as const });

/** Words a person writes in Credit Limit for "no limit", read as blank is. */
const NO_LIMIT_WORDS = new Set(['不限', '无限', '无限额', '无限制', '不限额', '不设限', '不设额度', '无额度限制', 'unlimited', 'nolimit', 'nolimitset']);

function isNoLimitWord(cell: unknown): boolean {
  return typeof cell === 'string' && cell.length < 30 && NO_LIMIT_WORDS.has(flagKey(cell));
}

/** A cell holding only a dash (-, –, —, --): accounting's zero. */
function isDash(cell: unknown): boolean {
  return typeof cell === 'string' && cell.trim() !== '' && isDashOrBlank(toHalfWidth(cell).trim());
}

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
    let termsDays = c.take('termsDays', parseTermsDays(c.cell('termsDays')), FIELD_RANGES.termsDays);
    // An unreadable Currency skips the customer (as it skips an invoice row): its limit and every
    // invoice with a blank Currency would otherwise be read in the base currency without a word.
    // `$` or `£` here is the customer's own currency: its usual meaning (USD, GBP), as it always was.
    const currencyGiven = c.take('currency', parseCurrency(c.cell('currency'), { base, usualWhenAmbiguous: true }), NO_PARAMS, SKIP_ROW);
    const currency = currencyGiven ?? base;
    // "信用额度(USD)": the header says the limit's own currency, whatever the customer trades in.
    const limitCurrency = c.headerCurrency('creditLimit', currencyGiven, currency);
    // Fail safe: a Credit Limit that cannot be read counts as 0 (cash only), not as no limit; a
    // lone dash (how accounts show zero) too, since blank is how "no limit" is written. Words that
    // say "no limit" (不限, 无限, unlimited) mean what blank means.
    const noLimitWord = isNoLimitWord(c.cell('creditLimit'));
    let creditLimit = noLimitWord ? null : c.money('creditLimit', limitCurrency, LIMIT_ZERO);
    if (creditLimit === null && isDash(c.cell('creditLimit'))) {
      c.report('creditLimit', 'limit.dash', NO_PARAMS, { skip: false });
      creditLimit = 0;
    }
    // An On Hold cell that cannot be read counts as held until it is fixed.
    const onHold = c.take('onHold', parseFlag(c.cell('onHold'), 'onHold'), NO_PARAMS, ASSUMED_HOLD) ?? c.hasFailed('onHold');
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
    if (c.hasFailed('creditLimit')) creditLimit = 0;
    owner = owner.filter(isEmail);
    if (owner.length > 1) c.report('owner', 'email.oneOnly', { first: owner[0]! }, { skip: false });

    // A limit of 0 is cash only in any currency: it needs no rate.
    if (creditLimit !== null && creditLimit !== 0 && limitCurrency !== base) {
      const rate = ctx.settings.fxRates[limitCurrency];
      if (rate === undefined) {
        c.report('creditLimit', 'fx.missingLimit', { currency: limitCurrency, base }, { skip: false });
        creditLimit = null;
      } else {
        const v = convert(creditLimit, limitCurrency, rate, minorDigits(base));
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
