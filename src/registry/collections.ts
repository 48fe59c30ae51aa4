import { emailSelectedStatement, emailStatement, getStatement, runMonthlyStatements, showStatement } from '../entry/statements';
import { getCollectionHistory, getDueToday, logCollectionAction, showDueToday } from '../entry/collections';
import { buildEvidencePack, buildEvidencePackFor } from '../entry/legal';
import { entry } from './types';

/** The collections workbench: statements of account, the collections log, the legal hand-off. */
export const collectionEntries = {
  runMonthlyStatements: entry({
    kind: 'trigger',
    doc: "Emails last month's statement of account to every customer with a balance, on the Statement Day; exactly once per customer and month.",
    params: [{ name: 'e', type: 'Object', doc: 'The time-driven event.', optional: true }],
    run: runMonthlyStatements,
  }),
  showStatement: entry({
    kind: 'menu',
    doc: 'Writes the Statement sheet for the customer of the selected row, for the last full month.',
    params: [],
    run: showStatement,
  }),
  emailSelectedStatement: entry({
    kind: 'menu',
    doc: "Emails the last full month's statement of account to the customer of the selected row.",
    params: [],
    run: emailSelectedStatement,
  }),
  getStatement: entry({
    kind: 'sidebar',
    doc: "A customer's statement of account for a period: opening balance, lines with a running balance, closing balance and aging.",
    params: [
      { name: 'customerId', type: 'string', doc: 'The customer ID.' },
      { name: 'fromIso', type: 'string|null', doc: "First day, 'YYYY-MM-DD'; blank with toIso blank: the last full month.", optional: true },
      { name: 'toIso', type: 'string|null', doc: "Last day, 'YYYY-MM-DD'; blank: today.", optional: true },
    ],
    run: getStatement,
  }),
  emailStatement: entry({
    kind: 'sidebar',
    doc: "Emails a customer's statement of account for a period now, and logs it in the Reminder Log.",
    params: [
      { name: 'customerId', type: 'string', doc: 'The customer ID.' },
      { name: 'fromIso', type: 'string|null', doc: "First day, 'YYYY-MM-DD'; blank with toIso blank: the last full month.", optional: true },
      { name: 'toIso', type: 'string|null', doc: "Last day, 'YYYY-MM-DD'; blank: today.", optional: true },
    ],
    run: emailStatement,
  }),
  logCollectionAction: entry({
    kind: 'sidebar',
    doc: 'Checks a collection action (call, letter, visit, promise …) and appends it to the Collections Log; returns field errors when it is not valid.',
    params: [{ name: 'entry', type: 'Object', doc: 'customerId, type, summary, outcome, nextAction, nextActionDate, owner, date.' }],
    run: logCollectionAction,
  }),
  getCollectionHistory: entry({
    kind: 'sidebar',
    doc: "A customer's collections history: logged actions and emails sent, in date order.",
    params: [{ name: 'customerId', type: 'string', doc: 'The customer ID.' }],
    run: getCollectionHistory,
  }),
  getDueToday: entry({
    kind: 'sidebar',
    doc: 'Next actions due today or overdue for an owner (default: you).',
    params: [{ name: 'owner', type: 'string|null', doc: "The owner's email; blank or 'all' for everyone.", optional: true }],
    run: getDueToday,
  }),
  showDueToday: entry({
    kind: 'menu',
    doc: "Writes the Due Today sheet: every owner's next actions due today or overdue.",
    params: [],
    run: showDueToday,
  }),
  buildEvidencePack: entry({
    kind: 'menu',
    doc: 'Writes the evidence pack sheet for the customer of the selected row: details, invoices, statement, reminders, actions, promises.',
    params: [],
    run: buildEvidencePack,
  }),
  buildEvidencePackFor: entry({
    kind: 'sidebar',
    doc: 'Writes the evidence pack sheet for a customer.',
    params: [{ name: 'customerId', type: 'string', doc: 'The customer ID.' }],
    run: buildEvidencePackFor,
  }),
};
