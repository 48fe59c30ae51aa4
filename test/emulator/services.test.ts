import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createEnvironment, Environment, type TriggerModel } from '../../emulator';

const NOW = new Date('2026-03-01T02:00:00Z'); // 2026-02-28 18:00 in Los Angeles

function run(env: Environment, body: string): unknown {
  return env.execution({ code: `function main() { ${body} }` }).call('main');
}

describe('MailApp', () => {
  test('sends both signatures into the outbox, counting recipients against the quota', () => {
    const env = createEnvironment({ now: NOW, mailQuota: 10 });
    run(env, `MailApp.sendEmail({ to: 'a@x.com, b@x.com', cc: 'c@x.com', bcc: 'd@x.com', replyTo: 'r@x.com', name: 'Credit Desk', subject: 'Overdue', body: 'Pay', htmlBody: '<b>Pay</b>' });
      MailApp.sendEmail('e@x.com', 'Hi', 'Body', { name: 'CD' });`);
    expect(env.outbox).toHaveLength(2);
    expect(env.outbox[0]).toMatchObject({ to: 'a@x.com, b@x.com', cc: 'c@x.com', bcc: 'd@x.com', replyTo: 'r@x.com', name: 'Credit Desk', subject: 'Overdue', body: 'Pay', htmlBody: '<b>Pay</b>' });
    expect(env.outbox[0].time).toEqual(NOW);
    expect(env.outbox[1]).toMatchObject({ to: 'e@x.com', subject: 'Hi', body: 'Body', name: 'CD' });
    expect(env.mail.remaining).toBe(5);
    expect(run(env, 'return MailApp.getRemainingDailyQuota();')).toBe(5);
  });

  test('per-message limits: 50 recipients, a 200 KB body', () => {
    const env = createEnvironment({ now: NOW, mailQuota: 1000 });
    const to = Array.from({ length: 51 }, (_, i) => `a${i}@x.com`).join(',');
    expect(() => run(env, `MailApp.sendEmail({ to: '${to}', subject: 's', body: 'b' });`)).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(() => run(env, `MailApp.sendEmail({ to: 'a@x.com', subject: 's', body: 'b', htmlBody: 'x'.repeat(205000) });`)).toThrow('Limit Exceeded: Email Body Size.');
    run(env, `MailApp.sendEmail({ to: 'a@x.com', subject: 's', body: 'x'.repeat(200 * 1024) });`);
    expect(env.outbox).toHaveLength(1);
  });

  test('a cell takes 50,000 characters at most, and a longer write changes nothing', () => {
    const env = createEnvironment({ now: NOW });
    env.spreadsheet.addSheet('S', [['a']]);
    expect(() => run(env, `SpreadsheetApp.getActive().getSheetByName('S').getRange('A1:B1').setValues([['ok', 'y'.repeat(50001)]]);`)).toThrow(/more than the maximum of 50000 characters/);
    expect(env.spreadsheet.sheet('S').value('A1')).toBe('a');
    run(env, `SpreadsheetApp.getActive().getSheetByName('S').getRange('A1').setValue('y'.repeat(50000));`);
    expect(String(env.spreadsheet.sheet('S').value('A1')).length).toBe(50000);
  });

  test('quota exhaustion, invalid addresses, bad subjects', () => {
    const env = createEnvironment({ now: NOW, mailQuota: 2 });
    expect(() => run(env, `MailApp.sendEmail('a@x.com,b@x.com,c@x.com', 's', 'b');`)).toThrow('Service invoked too many times for one day: email.');
    expect(env.outbox).toHaveLength(0);
    expect(() => run(env, `MailApp.sendEmail('not-an-address', 's', 'b');`)).toThrow('Invalid email: not-an-address');
    expect(() => run(env, `MailApp.sendEmail('a@x.com', 'line\\nbreak', 'b');`)).toThrow();
    expect(() => run(env, `MailApp.sendEmail({ to: 'a@x.com', subject: 's', name: 'a\\rb', body: 'b' });`)).toThrow();
    expect(() => run(env, `MailApp.sendEmail('a@x.com', 'x'.repeat(251), 'b');`)).toThrow();
    expect(env.mail.remaining).toBe(2);
  });

  test('the quota is a window of 24 hours from its first send, across executions, not a calendar day', () => {
    const HOUR = 3600_000;
    const first = new Date('2026-11-20T01:00:00Z'); // 09:00 in Shanghai, 17:00 the day before in Los Angeles
    const env = createEnvironment({ now: first, mailQuota: 5 });
    run(env, `MailApp.sendEmail('a@x.com,b@x.com', 's', 'b');`);
    // 17:00 in Shanghai: past midnight in Los Angeles, still the same window.
    env.clock.set(first.getTime() + 8 * HOUR);
    expect(run(env, 'return MailApp.getRemainingDailyQuota();')).toBe(3);
    run(env, `MailApp.sendEmail('c@x.com,d@x.com,e@x.com', 's', 'b');`);
    env.clock.set(first.getTime() + 23 * HOUR);
    expect(() => run(env, `MailApp.sendEmail('f@x.com', 's', 'b');`)).toThrow('Service invoked too many times for one day: email.');
    expect(env.mail.remaining).toBe(0);
    // 24 hours after the window's first send, all of it is back, the evening's recipients too.
    env.clock.set(first.getTime() + 24 * HOUR);
    expect(run(env, 'return MailApp.getRemainingDailyQuota();')).toBe(5);
    run(env, `MailApp.sendEmail('f@x.com', 's', 'b');`);
    // and the next window runs from that send
    env.clock.set(first.getTime() + 47 * HOUR);
    expect(env.mail.remaining).toBe(4);
    env.clock.set(first.getTime() + 48 * HOUR);
    expect(env.mail.remaining).toBe(5);
  });

  test('the quota is per user: an installable trigger spends its owner\'s, an execution its user\'s', () => {
    const env = createEnvironment({ now: NOW, mailQuota: 3 });
    const code = `function main() { MailApp.sendEmail('a@x.com,b@x.com', 's', 'b'); return MailApp.getRemainingDailyQuota(); }`;
    expect(env.execution({ code, user: 'editor@example.com' }).call('main')).toBe(1);
    expect(env.mail.remainingFor('editor@example.com')).toBe(1);
    expect(env.mail.remaining).toBe(3); // the active user: the owner
    const trigger: TriggerModel = { uid: '1', handlerFunction: 'main', eventType: 'CLOCK', source: 'CLOCK', sourceId: null, user: 'owner@example.com', documentId: env.spreadsheet.id, schedule: null };
    expect(env.execution({ code, user: 'editor@example.com', trigger }).call('main')).toBe(1);
    expect(env.mail.remainingFor('owner@example.com')).toBe(1);
    expect(env.outbox.map((m) => m.from)).toEqual(['editor@example.com', 'owner@example.com']);
  });

  test('setRemaining leaves that many recipients in the window, opening one now when none is open', () => {
    const env = createEnvironment({ now: NOW, mailQuota: 3 });
    env.mail.setRemaining(0);
    env.clock.set(NOW.getTime() + 24 * 3600_000 - 1);
    expect(env.mail.remaining).toBe(0);
    env.clock.set(NOW.getTime() + 24 * 3600_000);
    expect(env.mail.remaining).toBe(3);
  });
});

describe('PropertiesService', () => {
  test('document/script/user stores with Apps Script semantics', () => {
    const env = createEnvironment({ now: NOW });
    const out = run(env, `const p = PropertiesService.getDocumentProperties();
      p.setProperty('a', 5).setProperties({ b: 'x', c: true });
      const before = [p.getProperty('a'), p.getProperty('missing'), p.getKeys().sort(), p.getProperties()];
      p.setProperties({ z: '1' }, true); p.deleteProperty('nothing');
      PropertiesService.getUserProperties().setProperty('u', '1');
      return [before, p.getProperties(), PropertiesService.getScriptProperties().getKeys()];`);
    expect(out).toEqual([['5', null, ['a', 'b', 'c'], { a: '5', b: 'x', c: 'true' }], { z: '1' }, []]);
    expect(env.properties.user('owner@example.com').get('u')).toBe('1');
  });

  test('a value over 9 KB and a total over 500 KB throw', () => {
    const env = createEnvironment({ now: NOW });
    expect(() => run(env, `PropertiesService.getScriptProperties().setProperty('k', 'x'.repeat(9 * 1024 + 1));`)).toThrow('Argument too large: value');
    expect(() => run(env, `const p = PropertiesService.getScriptProperties(); for (let i = 0; i < 60; i++) p.setProperty('k' + i, 'x'.repeat(9000));`)).toThrow(
      /exceeded the property storage quota/,
    );
    expect(env.properties.script.map.size).toBe(56); // 56 x 9 KB fit in 500 KB
  });
});

describe('CacheService', () => {
  test('put/get/getAll/remove and expiry on the virtual clock', () => {
    const env = createEnvironment({ now: NOW });
    run(env, `const c = CacheService.getDocumentCache(); c.put('a', '1', 60); c.putAll({ b: '2', c: '3' }); c.remove('c'); c.put('long', 'x', 999999);`);
    expect(run(env, `return CacheService.getDocumentCache().getAll(['a', 'b', 'c']);`)).toEqual({ a: '1', b: '2' });
    env.clock.advance(61000);
    expect(run(env, `const c = CacheService.getDocumentCache(); return [c.get('a'), c.get('b')];`)).toEqual([null, '2']);
    env.clock.advance(600000);
    expect(run(env, `return CacheService.getDocumentCache().get('b');`)).toBeNull();
    env.clock.advance(21600000 - 661000 - 1);
    expect(run(env, `return CacheService.getDocumentCache().get('long');`)).toBe('x');
    env.clock.advance(1);
    expect(run(env, `return CacheService.getDocumentCache().get('long');`)).toBeNull();
  });

  test('key and value limits', () => {
    const env = createEnvironment({ now: NOW });
    expect(() => run(env, `CacheService.getScriptCache().put('k'.repeat(251), 'v');`)).toThrow();
    expect(() => run(env, `CacheService.getScriptCache().put('k', 'v'.repeat(100 * 1024 + 1));`)).toThrow('Argument too large: value');
  });
});

describe('LockService', () => {
  test('waitLock on a held lock times out and advances the clock', () => {
    const env = createEnvironment({ now: NOW });
    const code = `function hold() { LockService.getDocumentLock().waitLock(1000); SpreadsheetApp.flush(); }
      function wait() { LockService.getDocumentLock().waitLock(3000); }`;
    let inner: unknown;
    env.execution({
      code,
      hooks: {
        beforeCall(name) {
          if (name === 'SpreadsheetApp.flush') {
            try {
              env.execution({ code }).call('wait');
            } catch (e) {
              inner = e;
            }
          }
        },
      },
    }).call('hold');
    expect(String(inner)).toContain('Lock timeout: another process was holding the lock for too long.');
    expect(env.clock.now() - NOW.getTime()).toBe(3000);
    expect(env.locks.held()).toEqual([]);
  });

  test('releaseLock lets the next execution in; user locks are per user', () => {
    const env = createEnvironment({ now: NOW });
    const out = run(env, `const l = LockService.getScriptLock(); const a = l.tryLock(10); const b = l.hasLock(); l.releaseLock(); return [a, b, l.hasLock()];`);
    expect(out).toEqual([true, true, false]);
  });
});

describe('Utilities, Session, Logger, HtmlService', () => {
  test('formatDate with Java patterns', () => {
    const env = createEnvironment({ now: NOW });
    const d = `new Date('2026-03-01T02:05:09.007Z')`;
    expect(run(env, `return [
      Utilities.formatDate(${d}, 'Asia/Shanghai', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"),
      Utilities.formatDate(${d}, 'America/New_York', 'EEE, d MMM yy h:mm a Z'),
      Utilities.formatDate(${d}, 'UTC', 'MMMM dd, yyyy X'),
      Utilities.formatDate(${d}, 'Asia/Shanghai', "'Q' M/d EEEE"),
    ];`)).toEqual(['2026-03-01T10:05:09.007+08:00', 'Sat, 28 Feb 26 9:05 PM -0500', 'March 01, 2026 Z', 'Q 3/1 Sunday']);
  });

  test('formatString, digests, base64, blobs, uuid, sleep', () => {
    const env = createEnvironment({ now: NOW });
    const out = run(env, `return [
      Utilities.formatString('%s owes %d (%.2f%%) %5s|%-3s|', 'ACME', 42, 12.345, 'x', 'y'),
      Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc').slice(0, 4),
      Utilities.base64Encode('héllo'),
      Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode('héllo'))).getDataAsString(),
      Utilities.newBlob('data', 'text/plain', 'a.txt').getName(),
      /^[0-9a-f-]{36}$/.test(Utilities.getUuid()),
      (Utilities.sleep(1500), Date.now()),
    ];`);
    expect(out).toEqual(['ACME owes 42 (12.35%)     x|y  |', [-112, 1, 80, -104], 'aMOpbGxv', 'héllo', 'a.txt', true, NOW.getTime() + 1500]);
  });

  test('Session reports the execution user and the script time zone', () => {
    const env = createEnvironment({ now: NOW, activeUser: 'clerk@example.com' });
    expect(run(env, `return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone(), Session.getActiveUserLocale()];`)).toEqual([
      'clerk@example.com', 'clerk@example.com', 'Asia/Shanghai', 'en',
    ]);
  });

  test('a call whose scope the manifest does not declare is refused, as Apps Script does', () => {
    const code = `function who() { return Session.getActiveUser().getEmail(); } function zone() { return Session.getScriptTimeZone(); }
      function open() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }`;
    const without = createEnvironment({ now: NOW, oauthScopes: ['https://www.googleapis.com/auth/spreadsheets'] });
    expect(() => without.execution({ code }).call('who')).toThrow('You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email');
    expect(without.execution({ code }).call('zone')).toBe('Asia/Shanghai'); // needs no scope
    expect(without.execution({ code }).call('open')).toBe('Credit Desk test'); // spreadsheets covers spreadsheets.currentonly
    const noSheets = createEnvironment({ now: NOW, oauthScopes: ['https://www.googleapis.com/auth/userinfo.email'] });
    expect(noSheets.execution({ code }).call('who')).toBe('owner@example.com');
    expect(() => noSheets.execution({ code }).call('open')).toThrow(/Required permissions: https:\/\/www.googleapis.com\/auth\/spreadsheets.currentonly/);
    // By default the scopes come from the build's manifest; null checks nothing.
    expect(createEnvironment({ now: NOW }).oauthScopes).toContain('https://www.googleapis.com/auth/userinfo.email');
    expect(createEnvironment({ now: NOW, oauthScopes: null }).execution({ code }).call('who')).toBe('owner@example.com');
  });

  test('Logger and console are captured', () => {
    const env = createEnvironment({ now: NOW });
    const x = env.execution({ code: `function f() { Logger.log('a %s', 1); console.log('b', { c: 1 }); console.error('bad'); }` });
    x.call('f');
    expect(x.logs.map((l) => `${l.level}:${l.message}`)).toEqual(['Logger:a 1', 'log:b { c: 1 }', 'error:bad']);
    expect(env.logs).toHaveLength(3);
  });

  test('templates and files from the build directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-html-'));
    fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<h1><?= title ?></h1><? for (var i = 0; i < n; i++) { ?><i><?= i ?></i><? } ?><?!= raw ?>');
    const env = createEnvironment({ now: NOW, buildDir: dir });
    const out = run(env, `const t = HtmlService.createTemplateFromFile('Sidebar'); t.title = '<A&B>'; t.n = 2; t.raw = '<br>';
      const o = t.evaluate().setTitle('Credit Desk').setWidth(300);
      const plain = HtmlService.createHtmlOutput('<p>').append('x').appendUntrusted('<y>');
      return [o.getContent(), o.getTitle(), plain.getContent()];`);
    expect(out).toEqual(['<h1>&lt;A&amp;B&gt;</h1><i>0</i><i>1</i><br>', 'Credit Desk', '<p>x&lt;y&gt;']);
    expect(() => run(env, `HtmlService.createHtmlOutputFromFile('Missing');`)).toThrow('No HTML file named Missing was found.');
  });
});
