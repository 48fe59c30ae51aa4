/**
 * Which service calls an execution may make, by authorization mode and custom-function context,
 * with Apps Script's error wording.
 */
import type { Execution } from './execution';

const SHEET_OBJECTS = new Set(['Spreadsheet', 'Sheet', 'Range', 'Protection', 'EmbeddedChart', 'ChartOptions', 'User', 'DeveloperMetadata', 'DeveloperMetadataLocation']);
const READ = /^(get|is|can|has)/;
const READ_EXTRA = new Set(['offset', 'getCell', 'copy']);
const TRIGGER_METHODS = new Set(['newTrigger', 'getProjectTriggers', 'getUserTriggers', 'deleteTrigger', 'getScriptTriggers']);

const SCOPES: Record<string, string> = {
  SpreadsheetApp: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Spreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Sheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Range: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  DeveloperMetadata: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  DeveloperMetadataLocation: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  Session: 'https://www.googleapis.com/auth/userinfo.email',
};

function denied(type: string, method: string): string {
  const scope = SCOPES[type];
  return `You do not have permission to call ${type}.${method}` + (scope ? `. Required permissions: ${scope}` : '');
}

/** The error message if `x` may not call `type.method`, else null. */
export function denial(x: Execution, type: string, method: string): string | null {
  if (x.customFunction) return customFunctionDenial(type, method);
  if (x.authMode === 'NONE') return noneDenial(type, method);
  const undeclared = scopeDenial(x.env.oauthScopes, type, method);
  if (undeclared) return undeclared;
  if (x.authMode === 'LIMITED') return limitedDenial(type, method);
  return null;
}

/** Scopes that include another: a manifest that lists the key may call what needs a value. */
const WIDER: Record<string, string[]> = {
  'https://www.googleapis.com/auth/spreadsheets.currentonly': ['https://www.googleapis.com/auth/spreadsheets'],
  'https://www.googleapis.com/auth/script.send_mail': ['https://mail.google.com/'],
};

/** The scope `type.method` needs, for the services whose scope the manifest must declare. */
function requiredScope(type: string, method: string): string | null {
  if (type === 'Session') return method === 'getActiveUser' || method === 'getEffectiveUser' ? SCOPES.Session : null;
  if (type === 'ScriptApp') return TRIGGER_METHODS.has(method) || method === 'newTrigger' ? SCOPES.ScriptApp : null;
  if (type === 'Ui' || type === 'Menu') return 'https://www.googleapis.com/auth/script.container.ui';
  return SCOPES[type] ?? null;
}

/**
 * A call whose scope the project's manifest does not declare is refused, as Apps Script does once
 * `oauthScopes` is set (no scope is added by inference then). Null scopes: nothing is checked.
 */
function scopeDenial(scopes: readonly string[] | null, type: string, method: string): string | null {
  if (scopes === null) return null;
  const needed = requiredScope(type, method);
  if (needed === null || scopes.includes(needed) || (WIDER[needed] ?? []).some((s) => scopes.includes(s))) return null;
  return denied(type, method).replace(/\. Required permissions: .*$/, '') + `. Required permissions: ${needed}`;
}

function customFunctionDenial(type: string, method: string): string | null {
  if (SHEET_OBJECTS.has(type)) return READ.test(method) || READ_EXTRA.has(method) ? null : `You do not have permission to call ${method}`;
  switch (type) {
    case 'SpreadsheetApp':
      return method === 'getUi' ? `You do not have permission to call ${type}.${method}` : null;
    case 'Ui':
    case 'Menu':
    case 'MailApp':
    case 'LockService':
    case 'Lock':
    case 'TriggerBuilder':
    case 'ClockTriggerBuilder':
    case 'SpreadsheetTriggerBuilder':
    case 'Trigger':
      return denied(type, method);
    case 'ScriptApp':
      return TRIGGER_METHODS.has(method) || method === 'getOAuthToken' ? denied(type, method) : null;
    case 'Properties':
      return READ.test(method) ? null : `You do not have permission to call ${method}`;
    default:
      return null;
  }
}

function noneDenial(type: string, method: string): string | null {
  if (type === 'SpreadsheetApp' && method === 'getUi') return null;
  if (['Ui', 'Menu', 'Logger', 'Utilities', 'Blob'].includes(type)) return null;
  return denied(type, method);
}

function limitedDenial(type: string, method: string): string | null {
  switch (type) {
    case 'MailApp':
    case 'LockService':
    case 'Lock':
    case 'TriggerBuilder':
    case 'ClockTriggerBuilder':
    case 'SpreadsheetTriggerBuilder':
      return denied(type, method);
    case 'ScriptApp':
      return TRIGGER_METHODS.has(method) || method === 'getOAuthToken' ? denied(type, method) : null;
    case 'PropertiesService':
      return method === 'getDocumentProperties' ? null : denied(type, method);
    case 'CacheService':
      return method === 'getDocumentCache' ? null : denied(type, method);
    case 'SpreadsheetApp':
      return method === 'openById' || method === 'openByUrl' || method === 'create' ? denied(type, method) : null;
    default:
      return null;
  }
}
