import { createEnvironment, EditRejected } from '../../emulator';

const NOW = new Date('2026-03-01T02:00:00Z');

const CODE = `
function onOpen(e) {
  var menu = SpreadsheetApp.getUi().createAddonMenu();
  if (e && e.authMode == ScriptApp.AuthMode.NONE) {
    menu.addItem('Start', 'start');
  } else {
    menu.addItem('Check limits', 'checkLimits').addSeparator()
      .addSubMenu(SpreadsheetApp.getUi().createMenu('Reminders').addItem('Send now', 'sendNow'));
  }
  menu.addToUi();
  SpreadsheetApp.getUi().createMenu('Tools').addItem('Refresh', 'refresh').addToUi();
}
function onInstall(e) { onOpen(e); }
function onEdit(e) {
  var log = PropertiesService.getDocumentProperties();
  log.setProperty('lastEdit', [String(e.authMode), e.range.getA1Notation(), e.value, e.oldValue, e.user.getEmail()].join('|'));
}
function installTriggers() {
  ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(8).inTimezone('Asia/Shanghai').create();
  ScriptApp.newTrigger('editHandler').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
  return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource())]; });
}
function tooOften() { ScriptApp.newTrigger('daily').timeBased().everyMinutes(30).create(); }
function secondClock() { ScriptApp.newTrigger('daily').timeBased().everyHours(6).create(); }
function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
function daily(e) {
  PropertiesService.getScriptProperties().setProperty('daily', String(e.authMode) + ':' + (e.triggerUid === ScriptApp.getProjectTriggers()[0].getUniqueId()));
  try { SpreadsheetApp.getUi(); } catch (err) { PropertiesService.getScriptProperties().setProperty('ui', err.message); }
}
function editHandler(e) { PropertiesService.getScriptProperties().setProperty('installable', String(e.authMode) + ':' + e.range.getA1Notation()); }
function ask() {
  var ui = SpreadsheetApp.getUi();
  var a = ui.alert('Send reminders?', 'This emails 3 customers.', ui.ButtonSet.YES_NO);
  var p = ui.prompt('Customer id', ui.ButtonSet.OK_CANCEL);
  var b = ui.alert('Done');
  return [a == ui.Button.YES, String(a), p.getResponseText(), String(p.getSelectedButton()), String(b)];
}
function panels() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>side</p>').setTitle('Credit Desk'));
  SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<p>dlg</p>').setWidth(400), 'Details');
  SpreadsheetApp.getActive().toast('Saved', 'Credit Desk', 3);
}
`;

function setup(activeUser?: string) {
  const env = createEnvironment({ now: NOW, code: CODE, activeUser });
  env.spreadsheet.addSheet('Orders', [['Customer', 'Amount'], ['C-1', 10]]);
  return env;
}

describe('menus and UI', () => {
  test('onOpen builds the add-on menu (LIMITED) and a custom menu', () => {
    const env = setup();
    env.open();
    expect(env.ui.menus).toEqual([
      {
        title: 'Credit Desk',
        addon: true,
        items: [
          { caption: 'Check limits', functionName: 'checkLimits' },
          { separator: true },
          { caption: 'Reminders', submenu: { title: 'Reminders', addon: false, items: [{ caption: 'Send now', functionName: 'sendNow' }] } },
        ],
      },
      { title: 'Tools', addon: false, items: [{ caption: 'Refresh', functionName: 'refresh' }] },
    ]);
  });

  test('onOpen in AuthMode.NONE and onInstall', () => {
    const env = setup();
    env.open('NONE');
    expect(env.ui.menu('Credit Desk')?.items).toEqual([{ caption: 'Start', functionName: 'start' }]);
    env.install();
    expect(env.ui.menu('Credit Desk')?.items[0]).toEqual({ caption: 'Check limits', functionName: 'checkLimits' });
  });

  test('alerts and prompts return scripted responses; unanswered ones the first button', () => {
    const env = setup();
    env.ui.respond('NO', { button: 'OK', text: 'C-42' });
    expect(env.execution().call('ask')).toEqual([false, 'NO', 'C-42', 'OK', 'OK']);
    expect(env.ui.alerts.map((a) => [a.kind, a.title, a.message, a.buttons, a.response])).toEqual([
      ['alert', 'Send reminders?', 'This emails 3 customers.', 'YES_NO', 'NO'],
      ['prompt', '', 'Customer id', 'OK_CANCEL', 'OK'],
      ['alert', '', 'Done', 'OK', 'OK'],
    ]);
  });

  test('sidebars, dialogs and toasts are recorded', () => {
    const env = setup();
    env.execution().call('panels');
    expect(env.ui.sidebars[0]).toMatchObject({ title: 'Credit Desk', content: '<p>side</p>' });
    expect(env.ui.dialogs[0]).toMatchObject({ title: 'Details', content: '<p>dlg</p>', width: 400 });
    expect(env.ui.toasts[0]).toMatchObject({ message: 'Saved', title: 'Credit Desk', timeoutSeconds: 3 });
  });
});

describe('triggers', () => {
  test('env.edit writes as a user, keeps oldValue, runs simple and installable onEdit', () => {
    const env = setup('clerk@example.com');
    env.execution({ user: 'owner@example.com' }).call('installTriggers');
    const runs = env.edit('Orders', 'B2', '25');
    expect(runs.map((r) => [r.kind, r.handler])).toEqual([['simple', 'onEdit'], ['installable', 'editHandler']]);
    expect(env.spreadsheet.sheet('Orders').value('B2')).toBe(25);
    expect(env.properties.document.get('lastEdit')).toBe('LIMITED|B2|25|10|clerk@example.com');
    expect(env.properties.script.get('installable')).toBe('FULL:B2');
  });

  test('a simple trigger stops after 30 seconds (an installable one may run 6 minutes)', () => {
    const code = `function onEdit(e) { for (var i = 0; i < 40; i++) PropertiesService.getDocumentProperties().getProperty('x'); PropertiesService.getDocumentProperties().setProperty('done', 'yes'); }`;
    const env = createEnvironment({ now: NOW, callCostMs: 1000, code });
    env.spreadsheet.addSheet('Orders', [['a']]);
    const runs = env.edit('Orders', 'A1', 'b', { throwErrors: false });
    expect(String(runs[0].error)).toMatch(/Exceeded maximum execution time/);
    expect(env.properties.document.get('done') ?? null).toBeNull();
  });

  test('installable triggers list, add-on limits, deletion', () => {
    const env = setup();
    expect(env.execution().call('installTriggers')).toEqual([['daily', 'CLOCK', 'CLOCK'], ['editHandler', 'ON_EDIT', 'SPREADSHEETS']]);
    expect(env.triggers[0].schedule).toEqual({ everyDays: 1, atHour: 8, timeZone: 'Asia/Shanghai' });
    expect(() => env.execution().call('tooOften')).toThrow('Add-ons may not create time-based triggers that run more frequently than once per hour.');
    expect(() => env.execution().call('secondClock')).toThrow('This add-on has created too many time-based triggers in this document for this Google user account.');
    // another user may have their own
    expect(() => env.execution({ user: 'other@example.com' }).call('secondClock')).not.toThrow();
    env.execution().call('removeAll');
    expect(env.triggers.map((t) => t.user)).toEqual(['other@example.com']);
  });

  test('creating triggers needs FULL authorization', () => {
    const env = setup();
    expect(() => env.execution({ authMode: 'LIMITED' }).call('installTriggers')).toThrow(/You do not have permission to call ScriptApp.newTrigger/);
  });

  test('runTimeTriggers runs each clock trigger in FULL mode without UI', () => {
    const env = setup();
    env.execution().call('installTriggers');
    const runs = env.runTimeTriggers();
    expect(runs).toHaveLength(1);
    expect(env.properties.script.get('daily')).toBe('FULL:true');
    expect(env.properties.script.get('ui')).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('runTimeTriggers forwards killAtCall', () => {
    const env = setup();
    env.execution().call('installTriggers');
    expect(() => env.runTimeTriggers({ killAtCall: 1 })).toThrow('Execution killed at service call 1');
    expect(env.properties.script.get('daily')).toBeNull();
  });
});

describe('user edits against protections and validations', () => {
  test('a non-editor cannot edit a protected range; the owner and editors can', () => {
    const env = setup('clerk@example.com');
    env.execution({ user: 'owner@example.com', code: `function p() {
      const s = SpreadsheetApp.getActive().getSheetByName('Orders');
      const prot = s.getRange('A1:B1').protect().setDescription('Headers');
      prot.removeEditors(prot.getEditors()); prot.addEditor('boss@example.com');
      return [prot.getDescription(), prot.getEditors().map(u => u.getEmail()), String(prot.getProtectionType()), prot.canEdit()]; }` }).call('p');
    expect(() => env.edit('Orders', 'A1', 'x')).toThrow(EditRejected);
    expect(() => env.edit('Orders', 'A1', 'x')).toThrow('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
    expect(() => env.edit('Orders', 'A2', 'C-2')).not.toThrow();
    expect(() => env.edit('Orders', 'A1', 'x', { user: 'boss@example.com' })).not.toThrow();
    expect(() => env.edit('Orders', 'B1', 'y', { user: 'owner@example.com' })).not.toThrow();
    // a script running as the clerk is refused too
    expect(() => env.execution({ code: `function w() { SpreadsheetApp.getActive().getSheetByName('Orders').getRange('B1').setValue(1); }` }).call('w')).toThrow(
      /You are trying to edit a protected cell/,
    );
    expect(env.spreadsheet.sheet('Orders').protections()).toEqual([{ type: 'RANGE', range: 'A1:B1', description: 'Headers', editors: ['owner@example.com', 'boss@example.com'], warningOnly: false, unprotectedRanges: [] }]);
  });

  test('warning-only protections and sheet protections with unprotected ranges', () => {
    const env = setup('clerk@example.com');
    env.execution({ user: 'owner@example.com', code: `function p() {
      const ss = SpreadsheetApp.getActive(); const s = ss.getSheetByName('Orders');
      const sp = s.protect(); sp.setUnprotectedRanges([s.getRange('B2:B')]); sp.removeEditors(['clerk@example.com']);
      s.getRange('A1').protect().setWarningOnly(true);
      return [ss.getProtections(SpreadsheetApp.ProtectionType.SHEET).length, s.getProtections(SpreadsheetApp.ProtectionType.RANGE).length]; }` }).call('p');
    expect(() => env.edit('Orders', 'B5', 3)).not.toThrow();
    expect(() => env.edit('Orders', 'C5', 3)).toThrow(EditRejected);
  });

  test('reject-mode validation refuses invalid input; warning mode accepts it', () => {
    const env = setup();
    env.execution({ code: `function v() {
      const s = SpreadsheetApp.getActive().getSheetByName('Orders');
      s.getRange('C2').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['open', 'paid'], true).setAllowInvalid(false).build());
      s.getRange('D2').setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).build()); }` }).call('v');
    expect(() => env.edit('Orders', 'C2', 'lost')).toThrow(/violates the data validation rules/);
    expect(() => env.edit('Orders', 'C2', 'paid')).not.toThrow();
    expect(() => env.edit('Orders', 'D2', 11)).not.toThrow();
    expect(env.spreadsheet.sheet('Orders').values('C2:D2')).toEqual([['paid', 11]]);
  });
});
