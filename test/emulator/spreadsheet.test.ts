import { createEnvironment, Environment } from '../../emulator';

const NOW = new Date('2026-03-01T02:00:00Z'); // 10:00 in Shanghai

/** Runs `body` as a function in a fresh FULL execution and returns its result. */
function run(env: Environment, body: string, opts: { user?: string } = {}): unknown {
  return env.execution({ code: `function main() { ${body} }`, ...opts }).call('main');
}

function setup(): Environment {
  const env = createEnvironment({ now: NOW });
  env.spreadsheet.addSheet('Data', [
    ['Id', 'Amount', 'Due'],
    ['INV-1', 100, '2026-03-15'],
    ['INV-2', 250.5, ''],
  ]);
  return env;
}

describe('ranges', () => {
  test('are 1-based and report their geometry', () => {
    const env = setup();
    expect(run(env, `const r = SpreadsheetApp.getActive().getSheetByName('Data').getRange(2, 1, 2, 2);
      return [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn(), r.getA1Notation(), r.getValues()];`)).toEqual([
      2, 1, 2, 2, 3, 2, 'A2:B3', [['INV-1', 100], ['INV-2', 250.5]],
    ]);
  });

  test('zero or negative coordinates throw Apps Script errors', () => {
    const env = setup();
    const get = (args: string): unknown => run(env, `SpreadsheetApp.getActive().getSheetByName('Data').getRange(${args});`);
    expect(() => get('0, 1')).toThrow('The starting row of the range is too small.');
    expect(() => get('1, 0')).toThrow('The starting column of the range is too small.');
    expect(() => get('1, 1, 0')).toThrow('The number of rows in the range must be at least 1.');
    expect(() => get('1, 1, 1, -1')).toThrow('The number of columns in the range must be at least 1.');
    expect(() => get('1001, 1')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => get("'1', 1")).toThrow("The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
  });

  test('errors are Errors of the script realm', () => {
    const env = setup();
    expect(run(env, `try { SpreadsheetApp.getActive().getSheets()[0].getRange(0, 1); } catch (e) { return [e instanceof Error, e.name, e.message]; }`)).toEqual([
      true, 'Exception', 'The starting row of the range is too small.',
    ]);
  });

  test('A1 notation incl. open-ended and other sheets', () => {
    const env = setup();
    env.spreadsheet.addSheet('Sheet 2', [['x']]);
    expect(run(env, `const ss = SpreadsheetApp.getActive(); const s = ss.getSheetByName('Data');
      return [s.getRange('A2:A').getNumRows(), s.getRange('B:C').getNumColumns(), ss.getRange("'Sheet 2'!A1").getValue(), s.getRange('C2').getA1Notation()];`)).toEqual([999, 2, 'x', 'C2']);
  });

  test('setValues dimension mismatch uses Apps Script wording', () => {
    const env = setup();
    expect(() => run(env, `SpreadsheetApp.getActive().getSheetByName('Data').getRange(1, 1, 3, 2).setValues([[1, 2], [3, 4]]);`)).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => run(env, `SpreadsheetApp.getActive().getSheetByName('Data').getRange(1, 1, 2, 2).setValues([[1, 2], [3]]);`)).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  test('blanks are empty strings, getValues returns copies', () => {
    const env = setup();
    const out = run(env, `const r = SpreadsheetApp.getActive().getSheetByName('Data').getRange('A3:D3');
      const v = r.getValues(); v[0][0] = 'changed'; return [v, r.getValues()];`) as unknown[][][];
    expect(out[0][0]).toEqual(['changed', 250.5, '', '']);
    expect(out[1][0]).toEqual(['INV-2', 250.5, '', '']);
  });

  test('getLastRow/getLastColumn, 0 on an empty sheet; new sheets are 1000 x 26', () => {
    const env = setup();
    expect(run(env, `const ss = SpreadsheetApp.getActive(); const s = ss.getSheetByName('Data'); const e = ss.insertSheet('Empty');
      return [s.getLastRow(), s.getLastColumn(), e.getLastRow(), e.getLastColumn(), e.getMaxRows(), e.getMaxColumns(), s.getDataRange().getA1Notation()];`)).toEqual([
      3, 3, 0, 0, 1000, 26, 'A1:C3',
    ]);
  });

  test('insertSheet rejects a duplicate name; appendRow and insertRowsAfter grow the sheet', () => {
    const env = setup();
    expect(() => run(env, `SpreadsheetApp.getActive().insertSheet('Data');`)).toThrow('A sheet with the name "Data" already exists. Please enter another name.');
    const out = run(env, `const s = SpreadsheetApp.getActive().insertSheet('Log');
      s.insertRowsAfter(1000, 0); s.getRange(1000, 1).setValue('last'); s.appendRow(['appended', 1]);
      s.insertRowsAfter(1, 2);
      return [s.getMaxRows(), s.getLastRow(), s.getRange(1003, 1).getValue()];`);
    expect(out).toEqual([1003, 1003, 'appended']);
  });

  test('Date cells: instants in the spreadsheet time zone, real Dates in the script', () => {
    const env = setup();
    const out = run(env, `const v = SpreadsheetApp.getActive().getSheetByName('Data').getRange('C2').getValue();
      return [v instanceof Date, v.toISOString(), Utilities.formatDate(v, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm')];`);
    expect(out).toEqual([true, '2026-03-14T16:00:00.000Z', '2026-03-15 00:00']);
    expect(env.spreadsheet.sheet('Data').value('C2')).toEqual(new Date('2026-03-14T16:00:00Z'));
  });

  test('changing the spreadsheet time zone keeps the wall clock', () => {
    const env = setup();
    run(env, `SpreadsheetApp.getActive().setSpreadsheetTimeZone('Europe/London');`);
    expect(env.spreadsheet.sheet('Data').value('C2')).toEqual(new Date('2026-03-15T00:00:00Z'));
    expect(env.spreadsheet.sheet('Data').displayValues('C2')).toEqual([['2026-03-15']]);
  });

  test('new Date() in the script reads the virtual clock', () => {
    const env = setup();
    env.clock.advance(60000);
    expect(run(env, `return [new Date().toISOString(), Date.now()];`)).toEqual(['2026-03-01T02:01:00.000Z', NOW.getTime() + 60000]);
  });
});

describe('writing values as Sheets interprets them', () => {
  test('formulas, apostrophes, numbers, percentages, dates, booleans, nulls', () => {
    const env = setup();
    run(env, `const s = SpreadsheetApp.getActive().insertSheet('W');
      s.getRange(1, 1, 1, 9).setValues([['=SUM(A2:A3)', "'0123", '1,234.5', '12%', '2026-03-01', 'true', null, '0042', new Date(Date.UTC(2026, 0, 2, 4))]]);`);
    const w = env.spreadsheet.sheet('W');
    expect(w.values()).toEqual([['', '0123', 1234.5, 0.12, new Date('2026-02-28T16:00:00Z'), true, '', 42, new Date('2026-01-02T04:00:00Z')]]);
    expect(w.formulas()[0][0]).toBe('=SUM(A2:A3)');
    expect(w.displayValues()[0].slice(0, 6)).toEqual(['', '0123', '1234.5', '12%', '2026-03-01', 'TRUE']);
  });

  test('plain-text format (@) keeps strings as typed', () => {
    const env = setup();
    run(env, `const r = SpreadsheetApp.getActive().getSheetByName('Data').getRange('E1:F1');
      r.setNumberFormat('@'); r.setValues([['0042', '2026-03-01']]);`);
    expect(env.spreadsheet.sheet('Data').values('E1:F1')).toEqual([['0042', '2026-03-01']]);
  });

  test('getFormulas/setFormula', () => {
    const env = setup();
    expect(run(env, `const r = SpreadsheetApp.getActive().getSheetByName('Data').getRange('D2');
      r.setFormula('=B2*2'); return [r.getFormula(), r.getValue(), r.getFormulas()];`)).toEqual(['=B2*2', '', [['=B2*2']]]);
  });
});

describe('display values', () => {
  const cases: Array<[unknown, string, string]> = [
    [1234.5, '0', '1235'],
    [1234.567, '0.00', '1234.57'],
    [1234567.891, '#,##0', '1,234,568'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [0.125, '0%', '13%'],
    [0.125, '0.0%', '12.5%'],
    [1 / 3, '', '0.3333333333'],
    [42, '', '42'],
    ['text', '0.00', 'text'],
    ['2026-03-01 09:05', 'yyyy-mm-dd hh:mm', '2026-03-01 09:05'],
    ['2026-03-01', 'yyyy-mm-dd', '2026-03-01'],
    ['2026-03-01 14:30', 'M/d/yyyy h:mm am/pm', '3/1/2026 2:30 PM'],
    ['2026-03-01', 'dddd, mmmm d', 'Sunday, March 1'],
    [-5, '#,##0.00;(#,##0.00)', '(5.00)'],
    [1234.5, '"¥"#,##0.00', '¥1,234.50'],
    [12, '@', '12'],
  ];
  test.each(cases)('%p under %p shows %p', (value, format, shown) => {
    const env = createEnvironment({ now: NOW });
    const s = env.spreadsheet.addSheet('S');
    if (format) s.setNumberFormat('A1', format);
    s.setValue('A1', value);
    expect(run(env, `return SpreadsheetApp.getActive().getSheetByName('S').getRange('A1').getDisplayValue();`)).toBe(shown);
  });

  test('Date written by a script shows in the spreadsheet time zone', () => {
    const env = setup();
    const out = run(env, `const r = SpreadsheetApp.getActive().getSheetByName('Data').getRange('E1:F1');
      r.setValues([[new Date('2026-03-01T16:00:00Z'), new Date('2026-03-01T17:30:00Z')]]); return r.getDisplayValues();`);
    expect(out).toEqual([['3/2/2026', '3/2/2026 1:30:00']]);
  });
});

describe('formats, notes, fonts', () => {
  test('backgrounds, notes, number formats, font weights round-trip through the API', () => {
    const env = setup();
    const out = run(env, `const r = SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1:B1');
      r.setBackground('red').setNote('header').setFontWeight('bold').setNumberFormat('0.00');
      r.setBackgrounds([['#ABC', null]]);
      return [r.getBackgrounds(), r.getNotes(), r.getFontWeights(), r.getNumberFormats(), SpreadsheetApp.getActive().getSheetByName('Data').getRange('C3').getNumberFormat()];`);
    expect(out).toEqual([[['#aabbcc', '#ffffff']], [['header', 'header']], [['bold', 'bold']], [['0.00', '0.00']], '0.###############']);
    expect(env.spreadsheet.sheet('Data').notes('A1:B1')).toEqual([['header', 'header']]);
  });

  test('clear and clearContent', () => {
    const env = setup();
    run(env, `const s = SpreadsheetApp.getActive().getSheetByName('Data'); s.getRange('A1').setBackground('red');
      s.getRange('A1:A2').clearContent(); s.getRange('B1').clear();`);
    const s = env.spreadsheet.sheet('Data');
    expect(s.values('A1:B2')).toEqual([['', ''], ['', 100]]);
    expect(s.backgrounds('A1')).toEqual([['#ff0000']]);
  });

  test('frozen rows, hidden sheets, active sheet', () => {
    const env = setup();
    const out = run(env, `const ss = SpreadsheetApp.getActive(); const s = ss.getSheetByName('Data'); s.setFrozenRows(1);
      const t = ss.insertSheet('T'); const active = ss.getActiveSheet().getName(); s.activate(); t.hideSheet();
      return [s.getFrozenRows(), active, ss.getActiveSheet().getName(), t.isSheetHidden(), ss.getSheets().map(x => x.getName())];`);
    expect(out).toEqual([1, 'T', 'Data', true, ['Data', 'T']]);
    expect(env.spreadsheet.sheet('Data').frozenRows).toBe(1);
    expect(() => run(env, `SpreadsheetApp.getActive().getSheetByName('Data').hideSheet();`)).toThrow("You can't hide all the sheets in a document.");
  });
});

describe('the active sheet and range', () => {
  const SELECTION = `const ss = SpreadsheetApp.getActiveSpreadsheet();
    const a = (r) => r === null ? null : r.getSheet().getName() + '!' + r.getA1Notation();
    return [ss.getActiveSheet().getName(), a(ss.getActiveRange()), a(SpreadsheetApp.getActiveRange()), a(ss.getActiveCell()), a(ss.getCurrentCell()), a(ss.getSheetByName('Other').getActiveRange())];`;

  function twoSheets(): Environment {
    const env = setup();
    env.spreadsheet.addSheet('Other', [['x', 'y'], [1, 2]]);
    env.edit('Other', 'B2', 3); // the user's selection: Other!B2
    return env;
  }

  test('with a UI (menu, sidebar) the code sees the user\'s selection, and activate() moves it', () => {
    const env = twoSheets();
    expect(run(env, SELECTION)).toEqual(['Other', 'Other!B2', 'Other!B2', 'Other!B2', 'Other!B2', 'Other!B2']);
    run(env, `SpreadsheetApp.getActive().getSheetByName('Data').getRange('A2:B3').activate();`);
    expect(run(env, SELECTION)).toEqual(['Data', 'Data!A2:B3', 'Data!A2:B3', 'Data!A2', 'Data!A2', null]);
  });

  test('without a UI (a time-driven trigger) there is no selection: the first sheet is active and getActiveRange() is null', () => {
    const env = twoSheets();
    const noUi = (body: string) => env.execution({ code: `function main() { ${body} }`, ui: false }).call('main');
    expect(noUi(SELECTION)).toEqual(['Data', null, null, null, null, null]);
    // A range the execution activates is its own, and the user's selection stays where it was.
    expect(noUi(`SpreadsheetApp.getActive().getSheetByName('Other').getRange('A1:B1').activate(); ${SELECTION}`)).toEqual(['Other', 'Other!A1:B1', 'Other!A1:B1', 'Other!A1', 'Other!A1', 'Other!A1:B1']);
    expect(env.spreadsheet.activeRange).toEqual({ row: 2, col: 2, numRows: 1, numCols: 1 });
    expect((run(env, SELECTION) as unknown[])[1]).toBe('Other!B2');
  });

  test('the time-driven trigger helper runs its handlers without a selection', () => {
    const env = twoSheets();
    env.code = `function install() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
      function tick() { const r = SpreadsheetApp.getActiveRange(); PropertiesService.getScriptProperties().setProperty('seen', String(r === null)); }`;
    env.run('install');
    env.runTimeTriggers();
    expect(env.properties.script.get('seen')).toBe('true');
  });

  test('in a custom function the active range is the formula\'s cell', () => {
    const env = twoSheets();
    env.code = `function WHERE() { return SpreadsheetApp.getActiveRange().getA1Notation(); }`;
    env.spreadsheet.sheet('Data').setValue('D4', '=WHERE()');
    expect(env.recalculate().errors).toEqual([]);
    expect(env.spreadsheet.sheet('Data').value('D4')).toBe('D4');
  });
});
