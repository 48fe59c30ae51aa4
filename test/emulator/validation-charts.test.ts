import { createEnvironment } from '../../emulator';

const NOW = new Date('2026-03-01T02:00:00Z');

function setup() {
  const env = createEnvironment({ now: NOW });
  env.spreadsheet.addSheet('Lists', [['open'], ['paid'], ['void']]);
  env.spreadsheet.addSheet('Data', [['Month', 'Overdue'], ['Jan', 10], ['Feb', 20], ['Mar', 15]]);
  return env;
}

describe('data validation', () => {
  test('builders, rules on ranges, and reading them back', () => {
    const env = setup();
    const out = env.execution({ code: `function f() {
      const ss = SpreadsheetApp.getActive(); const s = ss.getSheetByName('Data');
      const list = SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b'], false).setAllowInvalid(false).setHelpText('Pick one').build();
      const inRange = SpreadsheetApp.newDataValidation().requireValueInRange(ss.getSheetByName('Lists').getRange('A1:A3')).build();
      s.getRange('C2:C4').setDataValidation(list);
      s.getRange('D2').setDataValidation(inRange);
      s.getRange('E2').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
      s.getRange('F2').setDataValidation(SpreadsheetApp.newDataValidation().requireDate().build());
      s.getRange('G2').setDataValidation(SpreadsheetApp.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build());
      s.getRange('C4').clearDataValidations();
      const rules = s.getRange('C2:G2').getDataValidations()[0];
      const v = rules[0];
      return [
        rules.map(r => String(r.getCriteriaType())),
        v.getCriteriaValues(), v.getAllowInvalid(), v.getHelpText(),
        rules[1].getCriteriaValues()[0].getA1Notation(), rules[1].getAllowInvalid(),
        s.getRange('C4').getDataValidation(),
        v.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST,
      ]; }` }).call('f');
    expect(out).toEqual([
      ['VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CHECKBOX', 'DATE_IS_VALID_DATE', 'NUMBER_GREATER_THAN_OR_EQUAL_TO'],
      [['a', 'b'], false], false, 'Pick one',
      'A1:A3', true,
      null,
      true,
    ]);
    const v = env.spreadsheet.sheet('Data').validations('C2:D3');
    expect(v[0][0]).toEqual({ criteria: 'VALUE_IN_LIST', values: [['a', 'b'], false], allowInvalid: false, helpText: 'Pick one' });
    expect(v[0][1]?.values).toEqual(['Lists!A1:A3', true]);
    expect(v[1][1]).toBeNull();
  });

  test('a custom function may not set validations', () => {
    const env = setup();
    expect(() =>
      env.execution({ customFunction: true, code: `function f() { SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1').setDataValidation(null); }` }).call('f'),
    ).toThrow('You do not have permission to call setDataValidation');
  });

  test('insertCheckboxes sets FALSE and a checkbox rule', () => {
    const env = setup();
    env.execution({ code: `function f() { SpreadsheetApp.getActive().getSheetByName('Data').getRange('H2:H3').insertCheckboxes(); }` }).call('f');
    expect(env.spreadsheet.sheet('Data').values('H2:H3')).toEqual([[false], [false]]);
    expect(env.spreadsheet.sheet('Data').validations('H2')[0][0]?.criteria).toBe('CHECKBOX');
  });
});

describe('charts', () => {
  test('build, insert, read back, modify and remove an embedded chart', () => {
    const env = setup();
    const out = env.execution({ code: `function f() {
      const s = SpreadsheetApp.getActive().getSheetByName('Data');
      const chart = s.newChart().setChartType(Charts.ChartType.COLUMN).addRange(s.getRange('A1:B4'))
        .setPosition(2, 4, 0, 0).setOption('title', 'Overdue by month').setStacked().build();
      s.insertChart(chart);
      const got = s.getCharts()[0];
      const info = [s.getCharts().length, got.getRanges().map(r => r.getA1Notation()), got.getOptions().get('title'),
        String(got.modify().getChartType())];
      s.updateChart(got.modify().setChartType(Charts.ChartType.LINE).build());
      info.push(String(s.getCharts()[0].modify().getChartType()));
      return info; }` }).call('f');
    expect(out).toEqual([1, ['A1:B4'], 'Overdue by month', 'COLUMN', 'LINE']);
    expect(env.spreadsheet.sheet('Data').charts()).toEqual([
      { id: expect.any(Number), type: 'LINE', ranges: ['Data!A1:B4'], position: { row: 2, col: 4, offsetX: 0, offsetY: 0 }, options: { title: 'Overdue by month', isStacked: true } },
    ]);
    env.execution({ code: `function f() { const s = SpreadsheetApp.getActive().getSheetByName('Data'); s.removeChart(s.getCharts()[0]); }` }).call('f');
    expect(env.spreadsheet.sheet('Data').charts()).toEqual([]);
  });
});
