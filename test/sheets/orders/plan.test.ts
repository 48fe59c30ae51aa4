import { overrideKey, overridesFrom } from '../../../src/sheets/orders/plan';

const record = (c: string, by = 'boss@example.com') => JSON.stringify({ c, a: 100, by, at: '2026-11-19T01:00:00.000Z', r: 'ok', t: 'BLOCK: x' });

describe('override records from the document properties', () => {
  it('reads one stored before IDs were folded by the folded order number, with the folded customer key', () => {
    const o = overridesFrom({ 'creditDesk.override.ＳＯ－１': record('ＫＨ００１'), 'creditDesk.override.SO-2': record('KH–002 '), other: 'x' });
    expect([...o.keys()]).toEqual([overrideKey('ＳＯ－１'), overrideKey('so-2')]);
    expect(overrideKey('ＳＯ－１')).toBe('creditDesk.override.SO-1');
    expect(o.get(overrideKey('SO-1'))).toMatchObject({ c: 'KH001', a: 100 });
    expect(o.get(overrideKey('SO-2'))?.c).toBe('KH-002');
  });

  it('prefers the record stored under the folded key to an older one for the same order, in either order', () => {
    const older = ['creditDesk.override.ＳＯ－１', record('ＫＨ００１', 'old@example.com')] as const;
    const newer = ['creditDesk.override.SO-1', record('KH001', 'new@example.com')] as const;
    for (const props of [[older, newer], [newer, older]]) {
      const o = overridesFrom(Object.fromEntries(props));
      expect(o.size).toBe(1);
      expect(o.get('creditDesk.override.SO-1')?.by).toBe('new@example.com');
    }
  });

  it('ignores a damaged record', () => {
    expect(overridesFrom({ 'creditDesk.override.SO-1': '{', 'creditDesk.override.SO-2': JSON.stringify({ c: 1 }) }).size).toBe(0);
  });
});
