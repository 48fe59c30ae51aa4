import { CustomerSlots } from '../../src/core/slots';

describe('CustomerSlots', () => {
  const made: string[] = [];
  const slots = () => new CustomerSlots(3, (key) => {
    made.push(key);
    return { key, n: 0 };
  });

  beforeEach(() => made.splice(0));

  test('one value per key, whether found by index or by key; made once, kept in order of first appearance', () => {
    const s = slots();
    s.get('B', 1).n++;
    s.get('A', undefined).n++;
    s.get('B', undefined).n++;
    s.get('A', 0).n++;
    s.get('B', 1).n++;
    expect(made).toEqual(['B', 'A']);
    expect([...s.map].map(([k, v]) => [k, v.n])).toEqual([['B', 3], ['A', 2]]);
  });

  test('an index that points at another key, or outside the range, falls back to the key', () => {
    const s = slots();
    s.get('A', 0).n++;
    s.get('Z', 0).n++; // slot 0 belongs to A: Z is found by key
    s.get('Y', 7).n++;
    s.get('Y', -1).n++;
    expect([...s.map].map(([k, v]) => [k, v.n])).toEqual([['A', 1], ['Z', 1], ['Y', 2]]);
    expect(s.get('A', 0)).toBe(s.map.get('A'));
  });
});
