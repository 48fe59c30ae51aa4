import { createEnvironment, ExecutionKilled } from '../../emulator';

const NOW = new Date('2026-03-01T02:00:00Z');

const CODE = `
function writeThree() {
  const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data');
  s.getRange('A1').setValue(1);
  s.getRange('A2').setValue(2);
  s.getRange('A3').setValue(3);
  return 'done';
}
function swallow() {
  const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data');
  try { s.getRange('A1').setValue(1); } catch (e) { /* ignored */ }
  try { s.getRange('A2').setValue(2); } catch (e) { /* ignored */ }
  return 'carried on';
}
function locked() {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(5000)) return 'busy';
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('B1').setValue('locked');
  return lock.hasLock();
}
function reader(x) { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('A1').getValue() + x; }
function writer() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange('A1').setValue(5); }
function mailer() { MailApp.sendEmail('a@example.com', 's', 'b'); }
function ui() { SpreadsheetApp.getUi(); }
function whoami() { return Session.getActiveUser().getEmail(); }
function props() { PropertiesService.getDocumentProperties().setProperty('k', 'v'); return PropertiesService.getDocumentProperties().getProperty('k'); }
function scriptProps() { return PropertiesService.getScriptProperties().getProperty('k'); }
function trig() { ScriptApp.newTrigger('writer').timeBased().everyHours(1).create(); }
function slow() { for (let i = 0; i < 10; i++) Utilities.sleep(5000); return 'finished'; }
`;

function setup(extra: { callCostMs?: number } = {}) {
  const env = createEnvironment({ now: NOW, code: CODE, ...extra });
  env.spreadsheet.addSheet('Data', []);
  return env;
}

describe('call counting', () => {
  test('every service method call is counted as Type.method, per execution and in total', () => {
    const env = setup();
    const x = env.execution();
    expect(x.call('writeThree')).toBe('done');
    expect({ ...x.calls }).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 3,
      'Range.setValue': 3,
    });
    expect(x.callCount).toBe(8);
    expect(x.calls.total()).toBe(8);
    expect(x.calls.total(['Range', 'Sheet.getRange'])).toBe(6);
    env.execution().call('reader', 1);
    expect(env.calls['Sheet.getRange']).toBe(4);
    expect(env.calls.total(['Range.getValue'])).toBe(1);
    env.calls.reset();
    expect(env.calls.total()).toBe(0);
  });

  test('enum reads are not calls', () => {
    const env = setup();
    const x = env.execution({ code: 'function f() { return [String(ScriptApp.AuthMode.FULL), String(SpreadsheetApp.ProtectionType.RANGE), String(Charts.ChartType.BAR)]; }' });
    expect(x.call('f')).toEqual(['FULL', 'RANGE', 'BAR']);
    expect(x.callCount).toBe(0);
  });

  test('callCostMs advances the virtual clock per call', () => {
    const env = setup({ callCostMs: 100 });
    env.execution().call('writeThree');
    expect(env.clock.now() - NOW.getTime()).toBe(800);
  });
});

describe('fault injection', () => {
  test('killAtCall stops the execution at the n-th call', () => {
    const env = setup();
    const x = env.execution({ killAtCall: 7 });
    expect(() => x.call('writeThree')).toThrow(ExecutionKilled);
    expect(x.killed?.atCall).toBe(7);
    expect(x.killed?.callName).toBe('Sheet.getRange');
    expect(env.spreadsheet.sheet('Data').values('A1:A3')).toEqual([[1], [2], ['']]);
  });

  test('later calls throw too, even if the code catches the first', () => {
    const env = setup();
    const x = env.execution({ killAtCall: 3 });
    expect(() => x.call('swallow')).toThrow(ExecutionKilled);
    expect(env.spreadsheet.sheet('Data').values('A1:A2')).toEqual([[''], ['']]);
  });

  test('locks are released when a killed execution ends', () => {
    const env = setup();
    const first = env.execution({ killAtCall: 3 });
    expect(() => first.call('locked')).toThrow(ExecutionKilled);
    expect(env.locks.held()).toEqual([]);
    expect(env.execution().call('locked')).toBe(true);
  });

  test('a hook can start an overlapping execution that finds the lock held', () => {
    const env = setup();
    const seen: string[] = [];
    const outer = env.execution({
      hooks: {
        beforeCall(name, count) {
          seen.push(`${count}:${name}`);
          if (name === 'Range.setValue') seen.push(String(env.execution().call('locked')));
        },
      },
    });
    expect(outer.call('locked')).toBe(true);
    expect(seen).toContain('busy');
    // the overlapping tryLock waited 5 s of virtual time
    expect(env.clock.now() - NOW.getTime()).toBe(5000);
  });

  test('maxRuntimeMs: a call after the limit throws "Exceeded maximum execution time"', () => {
    const env = setup();
    const x = env.execution({ maxRuntimeMs: 20000 });
    expect(() => x.call('slow')).toThrow('Exceeded maximum execution time');
    expect(x.killed?.reason).toBe('timeout');
  });
});

describe('authorization', () => {
  test('custom functions may read but not write, mail, lock, trigger or use the UI', () => {
    const env = setup();
    env.spreadsheet.sheet('Data').setValue('A1', 2);
    const cf = () => env.execution({ customFunction: true });
    expect(cf().call('reader', 1)).toBe(3);
    expect(() => cf().call('writer')).toThrow('You do not have permission to call setValue');
    expect(() => cf().call('mailer')).toThrow(/You do not have permission to call MailApp.sendEmail/);
    expect(() => cf().call('locked')).toThrow(/You do not have permission to call LockService.getScriptLock/);
    expect(() => cf().call('trig')).toThrow(/You do not have permission to call ScriptApp.newTrigger/);
    expect(() => cf().call('ui')).toThrow(/You do not have permission to call SpreadsheetApp.getUi/);
    expect(() => cf().call('props')).toThrow('You do not have permission to call setProperty');
    expect(cf().call('whoami')).toBe('');
  });

  test('AuthMode.NONE allows only the UI', () => {
    const env = setup();
    const none = () => env.execution({ authMode: 'NONE' });
    expect(() => none().call('reader', 0)).toThrow(/You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/);
    expect(() => none().call('ui')).not.toThrow();
    expect(() => none().call('whoami')).toThrow(/Session.getActiveUser/);
  });

  test('AuthMode.LIMITED: bound spreadsheet and document properties, no mail/locks/triggers', () => {
    const env = setup();
    const limited = () => env.execution({ authMode: 'LIMITED' });
    expect(() => limited().call('writer')).not.toThrow();
    expect(limited().call('props')).toBe('v');
    expect(() => limited().call('scriptProps')).toThrow(/getScriptProperties/);
    expect(() => limited().call('mailer')).toThrow(/MailApp.sendEmail/);
    expect(() => limited().call('locked')).toThrow(/LockService/);
    expect(() => limited().call('trig')).toThrow(/ScriptApp.newTrigger/);
  });

  test('each execution gets a fresh global', () => {
    const env = setup();
    const code = 'var n = 0; function bump() { n++; return n; }';
    expect(env.execution({ code }).call('bump')).toBe(1);
    expect(env.execution({ code }).call('bump')).toBe(1);
  });

  test('an unknown function name throws', () => {
    const env = setup();
    expect(() => env.execution().call('nope')).toThrow('Script function not found: nope');
  });
});

describe('realm fidelity', () => {
  test('arrays from services are arrays of the script realm; objects stringify as {}', () => {
    const env = setup();
    const out = env.execution({ code: `function f(arg) {
      const r = SpreadsheetApp.getActive().getSheetByName('Data').getRange('A1:B2');
      return [r.getValues() instanceof Array, r.getValues()[0] instanceof Array, arg instanceof Array, JSON.stringify(r), String(r)]; }` }).call('f', [[1]]);
    expect(out).toEqual([true, true, true, '{}', 'Range']);
  });
});
