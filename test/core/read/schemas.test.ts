import fc from 'fast-check';
import { invoiceRowSchema, orderRowSchema, paymentRowSchema, rowIssues, customerRowPasses, customerRowSchema } from '../../../src/core/read/schemas';

/**
 * The invoice, payment and order readers skip the zod schema when a cheap guard says the
 * coerced row is complete (see invoices.ts). These properties check that on every row the
 * coercers can produce, the guard and the schema agree.
 */
const id = fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: null });
const dayV = fc.option(fc.integer({ min: -25_567, max: 84_005 }), { nil: null });
const minor = fc.option(fc.integer({ min: -1e12, max: 1e12 }), { nil: null });
const currency = fc.constantFrom('CNY', 'USD', 'JPY', 'KWD');

describe('schema guards agree with the schemas', () => {
  test('invoices', () => {
    fc.assert(
      fc.property(id, id, dayV, dayV, minor, currency, fc.integer({ min: -1e9, max: 1e9 }), dayV, (no, customerId, invoiceDate, dueDate, amount, cur, amountPaid, paidDate) => {
        const guardSaysOk = !(no === null || customerId === null || invoiceDate === null || amount === null);
        const ok = invoiceRowSchema().safeParse({ no, customerId, invoiceDate, dueDate, amount, currency: cur, amountPaid, paidDate }).success;
        expect(ok).toBe(guardSaysOk);
      }),
    );
  });

  test('payments', () => {
    fc.assert(
      fc.property(dayV, id, minor, currency, id, (date, customerId, amount, cur, invoiceNo) => {
        const guardSaysOk = !(date === null || customerId === null || amount === null || amount <= 0);
        expect(paymentRowSchema().safeParse({ date, customerId, amount, currency: cur, invoiceNo }).success).toBe(guardSaysOk);
      }),
    );
  });

  test('orders', () => {
    fc.assert(
      fc.property(id, id, dayV, minor, currency, (no, customerId, orderDate, amount, cur) => {
        const guardSaysOk = !(no === null || customerId === null || amount === null || amount < 0);
        expect(orderRowSchema().safeParse({ no, customerId, orderDate, amount, currency: cur }).success).toBe(guardSaysOk);
      }),
    );
  });
});

describe('customerRowPasses agrees with customerRowSchema', () => {
  const text = fc.option(fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 8 })), { nil: null });
  const address = fc.oneof(fc.constantFrom('a@b.com', '王@例子.中国', 'x.y@mail.example.org', 'bad', 'a@b', '', 'a b@c.com'), fc.string({ maxLength: 12 }));
  const addresses = fc.array(address, { maxLength: 3 });
  const num = fc.option(fc.oneof(fc.integer({ min: -10, max: 4000 }), fc.double(), fc.constantFrom(0, 100, 3650, 3651, 100.5, -0, NaN, Infinity, -Infinity)), { nil: null });
  const cur = fc.constantFrom('CNY', 'USD', 'JPY', 'KWD', 'XXX', 'cny', '');

  test('on any coerced row', () => {
    fc.assert(
      fc.property(text, text, addresses, addresses, addresses, num, num, cur, num, (id, name, emails, cc, owner, termsDays, creditLimit, currency, externalRating) => {
        const row = { id, name, emails, cc, owner, termsDays, creditLimit, currency, externalRating };
        expect(customerRowPasses(row)).toBe(customerRowSchema().safeParse(row).success);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('rowIssues', () => {
  test('maps zod issues to fields, list indexes and problem codes', () => {
    const r = customerRowSchema().safeParse({
      id: null, name: 'A', emails: ['a@b.com', 'bad'], cc: [], owner: [], termsDays: 4000, creditLimit: -1, currency: 'XXX', externalRating: 101,
    });
    expect(r.success).toBe(false);
    expect(rowIssues(r.error!)).toEqual([
      { field: 'id', index: null, code: 'required.blank' },
      { field: 'emails', index: 1, code: 'email.invalid' },
      { field: 'termsDays', index: null, code: 'number.range' },
      { field: 'creditLimit', index: null, code: 'money.negativeLimit' },
      { field: 'currency', index: null, code: 'currency.unknown' },
      { field: 'externalRating', index: null, code: 'number.range' },
    ]);
  });
});
