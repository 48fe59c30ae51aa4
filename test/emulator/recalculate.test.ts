import { createEnvironment } from '../../emulator';

const NOW = new Date('2026-03-01T02:00:00Z');

const CODE = `
/** @customfunction */
function DOUBLE(input) {
  return Array.isArray(input) ? input.filter(function (r) { return r[0] !== ''; }).map(function (r) { return [r[0] * 2]; }) : input * 2;
}
function GREET(name, punct) { return 'Hello ' + name + (punct || ''); }
function WHO() { return Session.getActiveUser().getEmail(); }
function BAD() { throw new Error('Customer not found'); }
function WRITES() { SpreadsheetApp.getActive().getSheets()[0].getRange('Z1').setValue(1); return 1; }
function ROWCOUNT(range) { return range.length; }
function TABLE() { return [[1, 2], [3, 4]]; }
function STAMP(d) { return d instanceof Date ? d.getTime() : 'not a date'; }
function helper_() { return 1; }
`;

function setup() {
  const env = createEnvironment({ now: NOW, code: CODE });
  env.spreadsheet.addSheet('Sheet 1', [['Amount'], [1], [2], [3]]);
  return env;
}

describe('recalculate', () => {
  test('a custom function over an open-ended column spills down', () => {
    const env = setup();
    const s = env.spreadsheet.sheet('Sheet 1');
    s.setValue('C1', "=DOUBLE('Sheet 1'!A2:A)");
    s.setValue('D1', '=double(A2)');
    const r = env.recalculate();
    expect(r.errors).toEqual([]);
    expect(s.values('C1:D4')).toEqual([[2, 2], [4, ''], [6, ''], ['', '']]);
    expect(s.formulas('C1:C2')).toEqual([["=DOUBLE('Sheet 1'!A2:A)"], ['']]);
  });

  test('ranges are passed to the end of the sheet, blanks included, as Sheets does', () => {
    const env = setup();
    const s = env.spreadsheet.sheet('Sheet 1');
    s.setValue('B1', '=ROWCOUNT(A2:A)');
    env.recalculate();
    expect(s.value('B1')).toBe(999);
  });

  test('literal arguments, dates, 2-D results, re-spill after data changes', () => {
    const env = setup();
    const s = env.spreadsheet.sheet('Sheet 1');
    s.setValues([['=GREET("Ann", "!")', '=TABLE()', '', '=STAMP(F7)'], ['', '', '', '', '2026-03-01']], 'B6');
    env.recalculate();
    expect(s.values('B6:E7')).toEqual([['Hello Ann!', 1, 2, new Date('2026-02-28T16:00:00Z').getTime()], ['', 3, 4, '']]);
    s.setValue('C6', '=DOUBLE(A2:A3)');
    env.recalculate();
    expect(s.values('C6:D7')).toEqual([[2, ''], [4, '']]);
  });

  test('errors: thrown messages, permissions, unknown names, blocked spills', () => {
    const env = setup();
    const s = env.spreadsheet.sheet('Sheet 1');
    s.setValues([['=BAD()', '=WRITES()', '=NOPE(1)', '=helper_()', '=WHO()', '=SUM(A2:A4)']], 'B10');
    s.setValues([['=DOUBLE(A2:A4)'], [''], ['blocker']], 'H10');
    const r = env.recalculate();
    expect(s.values('B10:H10')).toEqual([['#ERROR!', '#ERROR!', '#NAME?', '#NAME?', '', '', '#REF!']]);
    expect(s.errors('B10:H10')[0]).toEqual([
      'Customer not found',
      'You do not have permission to call setValue',
      "Unknown function: 'NOPE'.",
      "Unknown function: 'helper_'.",
      '',
      '',
      'Array result was not expanded because it would overwrite data in H12.',
    ]);
    expect(r.errors.map((e) => e.a1)).toEqual(['B10', 'C10', 'D10', 'E10', 'H10']);
  });

  test('each evaluation is a counted custom-function execution', () => {
    const env = setup();
    env.spreadsheet.sheet('Sheet 1').setValue('B1', '=WHO()');
    env.recalculate();
    expect(env.calls['Session.getActiveUser']).toBe(1);
  });
});
