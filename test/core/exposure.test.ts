import { available, exposure, pendingOrdersTotal } from '../../src/core/exposure';
import { d, order } from './builders';

describe('exposure', () => {
  it('is open invoices − unapplied credit + Pending and Approved orders', () => {
    const orders = [
      order('O1', 'C1', 1000, 'pending'),
      order('O2', 'C1', 2000, 'approved', '2024-06-01'),
      order('O3', 'C1', 4000, 'blocked'),
      order('O4', 'C1', 8000, 'invoiced'),
      order('O5', 'C1', 16000, 'cancelled'),
      order('O6', 'C1', 32000, 'pending', '2024-07-01'), // after as-of
    ];
    const pending = pendingOrdersTotal(orders, d('2024-06-30'));
    expect(pending).toBe(3000);
    expect(exposure(50000, 2000, pending)).toBe(51000);
  });

  it('gives available only with a limit, possibly negative', () => {
    expect(available(null, 500)).toBeNull();
    expect(available(1000, 400)).toBe(600);
    expect(available(0, 400)).toBe(-400);
  });
});
