import { AGING, AGINGBUCKET, CREDITAVAILABLE, CREDITCHECK, CREDITGRADE, CREDITSCORE, DAYSOVERDUE, OPENBALANCE } from '../entry/cells';
import { onEdit } from '../entry/onEdit';
import { checkOrder, checkSelectedOrder, overrideBlock, recalculate } from '../entry/orders';
import { entry, type EntryParam } from './types';

const customerId: EntryParam = {
  name: 'customer_id',
  type: 'string|Array<Array<string>>',
  doc: 'A customer ID, or a range of them (a whole column such as A2:A).',
};
const dueDate: EntryParam = {
  name: 'due_date',
  type: 'Date|string|number|Array<Array<Date>>',
  doc: 'A due date, or a range of them.',
};
const asOf: EntryParam = {
  name: 'as_of',
  type: 'Date|string|number',
  doc: 'The date to compute as of (a date, YYYY-MM-DD text or a serial); blank means today.',
  optional: true,
};
const refresh: EntryParam = {
  name: 'refresh',
  type: 'number',
  doc: 'Optional: the Recalc Token cell in Settings, so the formula updates whenever the credit file changes.',
  optional: true,
};

/** Custom functions, the on-edit trigger, Recalculate, Check selected order and the sidebar's order check and override. */
export const cellEntries = {
  CREDITSCORE: entry({
    kind: 'customFunction',
    doc: 'The credit score (0-100) of a customer, or of each customer in a range.',
    params: [customerId, asOf, refresh],
    returns: { type: 'number|Array<Array<number>>', doc: 'The score, 0-100.' },
    run: CREDITSCORE,
  }),
  CREDITGRADE: entry({
    kind: 'customFunction',
    doc: 'The credit grade (A, B, C or D) of a customer, or of each customer in a range.',
    params: [customerId, asOf, refresh],
    returns: { type: 'string|Array<Array<string>>', doc: 'A, B, C or D.' },
    run: CREDITGRADE,
  }),
  OPENBALANCE: entry({
    kind: 'customFunction',
    doc: 'The open invoice amounts of a customer net of unapplied credit, in the base currency.',
    params: [customerId, asOf, refresh],
    returns: { type: 'number|Array<Array<number>>', doc: 'The open balance.' },
    run: OPENBALANCE,
  }),
  CREDITAVAILABLE: entry({
    kind: 'customFunction',
    doc: 'Credit limit minus exposure (open balance plus Pending and Approved orders); blank when the customer has no limit.',
    params: [customerId, asOf, refresh],
    returns: { type: 'number|Array<Array<number>>', doc: 'The credit still available.' },
    run: CREDITAVAILABLE,
  }),
  CREDITCHECK: entry({
    kind: 'customFunction',
    doc: 'The credit check of a new amount for a customer: OK, WARN: reason or BLOCK: reason.',
    params: [
      customerId,
      { name: 'amount', type: 'number|Array<Array<number>>', doc: 'The new amount (one for all, or a range beside the IDs); blank is 0.' },
      asOf,
      refresh,
    ],
    returns: { type: 'string|Array<Array<string>>', doc: 'OK, WARN: … or BLOCK: …' },
    run: CREDITCHECK,
  }),
  DAYSOVERDUE: entry({
    kind: 'customFunction',
    doc: 'Days past a due date, 0 when not yet due.',
    params: [dueDate, asOf, refresh],
    returns: { type: 'number|Array<Array<number>>', doc: 'Days overdue.' },
    run: DAYSOVERDUE,
  }),
  AGINGBUCKET: entry({
    kind: 'customFunction',
    doc: 'The aging bucket of a due date: Current, 1-30, 31-60, 61-90 or 91+.',
    params: [dueDate, asOf, refresh],
    returns: { type: 'string|Array<Array<string>>', doc: 'The bucket label.' },
    run: AGINGBUCKET,
  }),
  AGING: entry({
    kind: 'customFunction',
    doc: 'One row per customer: the open amounts Current, 1-30, 31-60, 61-90 and 91+.',
    params: [customerId, asOf, refresh],
    returns: { type: 'Array<Array<number>>', doc: 'Open amounts by aging bucket.' },
    run: AGING,
  }),
  onEdit: entry({
    kind: 'trigger',
    doc: 'Checks edited order rows and keeps Credit Desk formulas up to date.',
    params: [{ name: 'e', type: 'Object', doc: 'The edit event.', optional: true }],
    run: onEdit,
  }),
  recalculate: entry({
    kind: 'menu',
    doc: 'Recomputes every Credit Desk formula and re-checks open orders.',
    params: [],
    run: recalculate,
  }),
  checkSelectedOrder: entry({
    kind: 'menu',
    doc: 'Runs the credit check on the selected order rows.',
    params: [],
    run: checkSelectedOrder,
  }),
  checkOrder: entry({
    kind: 'sidebar',
    doc: 'Checks a new amount for a customer (sidebar).',
    params: [
      { name: 'customerId', type: 'string', doc: 'Customer ID.' },
      { name: 'amount', type: 'string', doc: 'Amount as typed.' },
    ],
    run: checkOrder,
  }),
  overrideBlock: entry({
    kind: 'sidebar',
    doc: 'Lets an approver override a BLOCK; recorded in the Audit Log (sidebar).',
    params: [
      { name: 'customerId', type: 'string', doc: 'Customer ID.' },
      { name: 'amount', type: 'string', doc: 'Amount as typed.' },
      { name: 'reason', type: 'string', doc: 'Why the override is given.' },
      { name: 'orderNo', type: 'string', doc: 'Order number, or empty.' },
    ],
    run: overrideBlock,
  }),
};
