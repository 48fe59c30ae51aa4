import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './helpers/bundle';

const SERVICES = ['SpreadsheetApp', 'Session', 'MailApp', 'GmailApp', 'DriveApp', 'ScriptApp', 'PropertiesService',
  'CacheService', 'LockService', 'HtmlService', 'Utilities', 'Logger', 'Charts', 'UrlFetchApp'];
const USE = new RegExp(`\\b(${SERVICES.join('|')})\\s*\\.`);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Source lines that reach an Apps Script service, comments left out. */
function serviceUses(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
    .filter((line) => USE.test(line.replace(/GoogleAppsScript\.[\w.]+/g, '')));
}

describe('pure core, thin edges', () => {
  const src = join(ROOT, 'src');

  it('reaches Apps Script services only from src/platform', () => {
    const offenders = filesUnder(src)
      .filter((f) => !relative(src, f).startsWith('platform'))
      .flatMap((f) => serviceUses(f).map((line) => `${relative(ROOT, f)}: ${line.trim()}`));
    expect(offenders).toEqual([]);
  });

  it('keeps src/core free of any Apps Script name, types included', () => {
    const offenders = filesUnder(join(src, 'core')).filter((f) => /GoogleAppsScript|SpreadsheetApp/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
