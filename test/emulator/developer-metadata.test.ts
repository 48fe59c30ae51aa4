/** Developer metadata on a sheet: Sheet.addDeveloperMetadata / getDeveloperMetadata and the DeveloperMetadata object. */
import { createEnvironment } from '../../emulator';

const NOW = new Date('2026-03-01T02:00:00Z');

function setup() {
  const env = createEnvironment({ now: NOW });
  env.spreadsheet.addSheet('Data', [['a']]);
  env.spreadsheet.addSheet('Other');
  return env;
}

function run(env: ReturnType<typeof setup>, body: string): unknown {
  return env.execution({ code: `function main() { ${body} }` }).call('main');
}

describe('developer metadata on a sheet', () => {
  test('the four signatures of addDeveloperMetadata, read back in one call', () => {
    const env = setup();
    const out = run(env, `const s = SpreadsheetApp.getActive().getSheetByName('Data');
      const V = SpreadsheetApp.DeveloperMetadataVisibility;
      const chained = s.addDeveloperMetadata('tag').addDeveloperMetadata('k', 'v')
        .addDeveloperMetadata('mine', V.PROJECT).addDeveloperMetadata('both', 'x', V.DOCUMENT);
      const list = s.getDeveloperMetadata();
      return [chained.getName(), list.map(m => [m.getKey(), m.getValue(), String(m.getVisibility())]),
        list.map(m => m.getId()).every(id => id > 0), new Set(list.map(m => m.getId())).size];`);
    expect(out).toEqual([
      'Data',
      [['tag', null, 'DOCUMENT'], ['k', 'v', 'DOCUMENT'], ['mine', null, 'PROJECT'], ['both', 'x', 'DOCUMENT']],
      true,
      4,
    ]);
    expect(env.spreadsheet.sheet('Data').metadata()).toEqual([
      { key: 'tag', value: null, visibility: 'DOCUMENT' },
      { key: 'k', value: 'v', visibility: 'DOCUMENT' },
      { key: 'mine', value: null, visibility: 'PROJECT' },
      { key: 'both', value: 'x', visibility: 'DOCUMENT' },
    ]);
    expect(env.spreadsheet.sheet('Other').metadata()).toEqual([]);
  });

  test('is counted like any call: one getDeveloperMetadata for the list, one call per getter', () => {
    const env = setup();
    env.spreadsheet.sheet('Data').addMetadata('k', 'v', 'DOCUMENT');
    env.calls.reset();
    run(env, `const s = SpreadsheetApp.getActive().getSheetByName('Data'); s.getDeveloperMetadata().forEach(m => m.getKey());`);
    expect(env.calls['Sheet.getDeveloperMetadata']).toBe(1);
    expect(env.calls['DeveloperMetadata.getKey']).toBe(1);
  });

  test("another project's PROJECT metadata is invisible; its DOCUMENT metadata is visible", () => {
    const env = setup();
    env.spreadsheet.sheet('Data').addMetadata('theirs', 'secret', 'PROJECT').addMetadata('shared', 's', 'DOCUMENT');
    const out = run(env, `return SpreadsheetApp.getActive().getSheetByName('Data').getDeveloperMetadata().map(m => m.getKey());`);
    expect(out).toEqual(['shared']);
  });

  test('stays with the sheet through renames and clearing; goes with the sheet', () => {
    const env = setup();
    run(env, `const s = SpreadsheetApp.getActive().getSheetByName('Data'); s.addDeveloperMetadata('owner', 'me'); s.setName('Renamed'); s.clear();`);
    expect(run(env, `return SpreadsheetApp.getActive().getSheetByName('Renamed').getDeveloperMetadata().map(m => m.getValue());`)).toEqual(['me']);
    const id = env.spreadsheet.sheet('Renamed').id;
    run(env, `const ss = SpreadsheetApp.getActive(); ss.deleteSheet(ss.getSheetByName('Renamed')); ss.insertSheet('Renamed');`);
    expect(env.spreadsheet.sheet('Renamed').id).not.toBe(id);
    expect(run(env, `return SpreadsheetApp.getActive().getSheetByName('Renamed').getDeveloperMetadata().length;`)).toBe(0);
  });

  test('location, setters, move and remove', () => {
    const env = setup();
    const out = run(env, `const ss = SpreadsheetApp.getActive(); const s = ss.getSheetByName('Data');
      s.addDeveloperMetadata('k', 'v');
      const m = s.getDeveloperMetadata()[0];
      const loc = m.getLocation();
      const where = [String(loc.getLocationType()), loc.getSheet().getName(), loc.getRow(), loc.getColumn(),
        loc.getLocationType() === SpreadsheetApp.DeveloperMetadataLocationType.SHEET];
      m.setKey('k2').setValue('v2').setVisibility(SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
      const changed = [m.getKey(), m.getValue(), String(m.getVisibility())];
      m.moveToSheet(ss.getSheetByName('Other'));
      const moved = [s.getDeveloperMetadata().length, ss.getSheetByName('Other').getDeveloperMetadata().map(x => x.getKey()), m.getLocation().getSheet().getName()];
      m.remove();
      return [where, changed, moved, ss.getSheetByName('Other').getDeveloperMetadata().length];`);
    expect(out).toEqual([['SHEET', 'Data', null, null, true], ['k2', 'v2', 'PROJECT'], [0, ['k2'], 'Other'], 0]);
  });

  test('a missing or empty key, a bad visibility and a wrong number of arguments throw', () => {
    const env = setup();
    const s = `const s = SpreadsheetApp.getActive().getSheetByName('Data');`;
    expect(() => run(env, `${s} s.addDeveloperMetadata('');`)).toThrow('Invalid argument: key');
    expect(() => run(env, `${s} s.addDeveloperMetadata();`)).toThrow();
    expect(() => run(env, `${s} s.addDeveloperMetadata('k', 'v', 'EVERYONE');`)).toThrow('Invalid argument: visibility');
    expect(() => run(env, `${s} s.addDeveloperMetadata('k', 'v', SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT, 1);`)).toThrow();
    expect(env.spreadsheet.sheet('Data').metadata()).toEqual([]);
  });

  test('a custom function may read metadata but not add it', () => {
    const env = setup();
    env.spreadsheet.sheet('Data').addMetadata('k', 'v', 'DOCUMENT');
    const x = () => env.execution({ customFunction: true, code: `function f() { return SpreadsheetApp.getActive().getSheetByName('Data').getDeveloperMetadata()[0].getValue(); }
      function g() { SpreadsheetApp.getActive().getSheetByName('Data').addDeveloperMetadata('x'); }` });
    expect(x().call('f')).toBe('v');
    expect(() => x().call('g')).toThrow('You do not have permission to call addDeveloperMetadata');
  });
});
