import { DEFAULT_LADDER } from '../../../src/core/reminders/ladder';
import { placeLevels, readLadder } from '../../../src/core/reminders/ladderSheet';

const HEADER = ['Days', 'Audience', 'Name', 'Notes'];

describe('readLadder rows', () => {
  it('gives the sheet row of each level, parallel to the sorted ladder, and none for the rows it leaves out', () => {
    const read = readLadder([
      ['', '', '', ''],
      HEADER,
      [15, 'Customer', 'Second', 'a'],
      ['TBD', 'Customer', 'Draft', 'b'],
      ['', '', '', 'only a note'],
      [1, 'Customer', 'Overdue', ''],
      [1, 'Customer', 'Twice', ''],
      [30, 'Internal', 'Final', ''],
    ], 'Reminder Ladder', 'CNY');
    expect(read.ladder.map((l) => l.days)).toEqual([1, 15, 30]);
    expect(read.rows).toEqual([6, 3, 8]);
    expect(read.problems.map((p) => p.row)).toEqual([4, 7]);
  });

  it('gives no rows for the default ladder', () => {
    expect(readLadder(null, 'Reminder Ladder', 'CNY')).toMatchObject({ ladder: DEFAULT_LADDER, rows: [] });
    expect(readLadder([HEADER, ['TBD', '', 'Draft', '']], 'Reminder Ladder', 'CNY')).toMatchObject({ ladder: DEFAULT_LADDER, rows: [] });
  });
});

describe('placeLevels', () => {
  const read = [{ days: 1, row: 3 }, { days: 15, row: 2 }, { days: 30, row: 4 }];

  it('puts a level with the Days of a level read back into its row', () => {
    expect(placeLevels([1, 15, 30], read, 7)).toEqual({ rows: [3, 2, 4], freed: [] });
  });

  it('gives the other levels the rows left, top down, then the rows from `below`', () => {
    expect(placeLevels([1, 20, 30], read, 7)).toEqual({ rows: [3, 2, 4], freed: [] });
    expect(placeLevels([-3, 1, 20, 30, 60], read, 7)).toEqual({ rows: [2, 3, 7, 4, 8], freed: [] });
  });

  it('frees the rows of levels deleted', () => {
    expect(placeLevels([15], read, 7)).toEqual({ rows: [2], freed: [3, 4] });
    expect(placeLevels([-3], [], 2)).toEqual({ rows: [2], freed: [] });
  });
});
