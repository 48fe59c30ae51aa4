/**
 * The persistent state of one spreadsheet-bound project, and the ways tests drive it: executions,
 * simple and installable triggers, custom-function recalculation, xlsx import/export.
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { CallCounts, createCallCounts } from './calls';
import { VirtualClock } from './clock';
import { EditRejected, ExecutionKilled } from './errors';
import { AuthMode, AuthModeName } from './enums';
import { Execution, ExecutionHooks, ExecutionOptions } from './execution';
import { RecalcResult, recalculate } from './recalculate';
import { CachesState } from './services/cache';
import { LockTable } from './services/lock';
import { LogEntry } from './services/logger';
import { MailState, SentMail } from './services/mail';
import { PropertiesState } from './services/properties';
import { PROTECTED_MESSAGE, canEditRect } from './services/protection';
import { Range } from './services/range';
import { TriggerModel, TriggerStore } from './services/script-app';
import { User } from './services/session';
import { Spreadsheet } from './services/spreadsheet';
import { UiState } from './services/ui';
import { rectToA1 } from './spreadsheet/a1';
import { coerceWrite } from './spreadsheet/coerce';
import { SpreadsheetModel } from './spreadsheet/model';
import { satisfies } from './spreadsheet/validation';
import { StoredValue, WallTime } from './spreadsheet/values';
import { toWallClock } from './util/timezone';
import { loadXlsx, saveXlsx } from './xlsx';

/** How long a simple trigger (onOpen, onEdit) may run: 30 seconds. */
export const SIMPLE_TRIGGER_MS = 30_000;

/** Options of createEnvironment. */
export interface EnvironmentOptions {
  /** Spreadsheet and script time zone (default 'Asia/Shanghai'). */
  timeZone?: string;
  /** Spreadsheet locale (default 'en_US'). */
  locale?: string;
  /** The spreadsheet's owner (default 'owner@example.com'). */
  owner?: string;
  /** The user at the keyboard (default: the owner). */
  activeUser?: string;
  /** Start of the virtual clock (default: the real time now). */
  now?: Date;
  /** Email recipients per user per 24 hours (default 100: a consumer account). */
  mailQuota?: number;
  /** Virtual milliseconds each service call costs (default 0). */
  callCostMs?: number;
  /** Where Code.js and *.html are read from (default <repo>/build). */
  buildDir?: string;
  /** Script source used by every execution instead of <buildDir>/Code.js. */
  code?: string;
  /** Title of the add-on menu (default 'Credit Desk'). */
  addonName?: string;
  /** Spreadsheet name (default 'Credit Desk test'). */
  spreadsheetName?: string;
  /**
   * The OAuth scopes the project declares. Default: `oauthScopes` of <buildDir>/appsscript.json,
   * or null (nothing checked) when there is no manifest or it lists none. A FULL or LIMITED
   * execution that calls a method whose scope is not declared is refused, as Apps Script does.
   */
  oauthScopes?: readonly string[] | null;
}

/** Options for executions started by the trigger helpers. */
export interface RunOptions {
  killAtCall?: number;
  hooks?: ExecutionHooks;
  maxRuntimeMs?: number;
  code?: string;
  /** Rethrow the first error after running every handler (default true). */
  throwErrors?: boolean;
}

/** One handler run by a trigger helper. */
export interface TriggerRun {
  handler: string;
  kind: 'simple' | 'installable';
  execution: Execution;
  triggerUid?: string;
  result?: unknown;
  error?: unknown;
}

const DEFAULT_BUILD_DIR = path.resolve(__dirname, '..', 'build');

/** State of one spreadsheet-bound project. Create with createEnvironment(). */
export class Environment {
  readonly clock: VirtualClock;
  /** The spreadsheet, with a direct (uncounted) API for setting up and inspecting data. */
  readonly spreadsheet: SpreadsheetModel;
  readonly properties = new PropertiesState();
  readonly caches: CachesState;
  readonly locks: LockTable;
  readonly triggerStore = new TriggerStore();
  readonly mail: MailState;
  readonly ui: UiState;
  /** Service calls over all executions. */
  readonly calls: CallCounts = createCallCounts();
  /** Log lines over all executions. */
  readonly logs: LogEntry[] = [];
  readonly scriptId = '1EmulatedCreditDeskScriptId0000000000000000000000000';
  readonly scriptTimeZone: string;
  readonly locale: string;
  readonly owner: string;
  activeUser: string;
  callCostMs: number;
  buildDir: string;
  /** Script source for executions (instead of <buildDir>/Code.js), if set. */
  code: string | undefined;
  /** The declared OAuth scopes; null: not checked. */
  oauthScopes: readonly string[] | null;

  constructor(opts: EnvironmentOptions = {}) {
    this.clock = new VirtualClock(opts.now ?? new Date());
    this.scriptTimeZone = opts.timeZone ?? 'Asia/Shanghai';
    this.locale = opts.locale ?? 'en_US';
    this.owner = opts.owner ?? 'owner@example.com';
    this.activeUser = opts.activeUser ?? this.owner;
    this.callCostMs = opts.callCostMs ?? 0;
    this.buildDir = opts.buildDir ?? DEFAULT_BUILD_DIR;
    this.code = opts.code;
    this.oauthScopes = opts.oauthScopes !== undefined ? opts.oauthScopes : manifestScopes(this.buildDir);
    this.spreadsheet = new SpreadsheetModel('1EmulatedSpreadsheetId00000000000000000000000', opts.spreadsheetName ?? 'Credit Desk test', this.scriptTimeZone, this.locale, this.owner);
    this.caches = new CachesState(this.clock);
    this.locks = new LockTable(this.clock);
    this.mail = new MailState(this.clock, opts.mailQuota ?? 100, () => this.activeUser);
    this.ui = new UiState(opts.addonName ?? 'Credit Desk');
  }

  /** The sandbox's Date: host Dates, `new Date()` reads the virtual clock. */
  get Date(): DateConstructor {
    return this.clock.Date;
  }
  /** Every message sent. */
  get outbox(): SentMail[] {
    return this.mail.outbox;
  }
  /** Installable triggers. */
  get triggers(): TriggerModel[] {
    return this.triggerStore.list;
  }

  /** A new execution (fresh global) of the project's code. */
  execution(opts: ExecutionOptions = {}): Execution {
    return new Execution(this, opts);
  }

  /** Runs code against the environment in a fresh FULL execution: `env.run('fn', a, b)`. */
  run(fnName: string, ...args: unknown[]): unknown {
    return this.execution().call(fnName, ...args);
  }

  private runAll(runs: TriggerRun[], opts: RunOptions): TriggerRun[] {
    if (opts.throwErrors !== false) {
      const failed = runs.find((r) => r.error !== undefined);
      if (failed) throw failed.error;
    }
    return runs;
  }

  private runOne(run: Omit<TriggerRun, 'result' | 'error'>, makeEvent: (x: Execution) => unknown): TriggerRun {
    const out: TriggerRun = { ...run };
    try {
      out.result = run.execution.call(run.handler, makeEvent(run.execution));
    } catch (e) {
      out.error = e;
    }
    return out;
  }

  private execOpts(opts: RunOptions, extra: ExecutionOptions): ExecutionOptions {
    return { killAtCall: opts.killAtCall, hooks: opts.hooks, maxRuntimeMs: opts.maxRuntimeMs, code: opts.code, ...extra };
  }

  /** Opens the spreadsheet: menus reset, simple onOpen(e) in `authMode`, then installable onOpen triggers. */
  open(authMode: AuthModeName = 'LIMITED', opts: RunOptions & { user?: string } = {}): TriggerRun[] {
    this.ui.clearMenus();
    const user = opts.user ?? this.activeUser;
    const runs: TriggerRun[] = [];
    // A simple trigger runs for 30 seconds at most (installable ones: 6 minutes).
    const x = this.execution(this.execOpts({ ...opts, maxRuntimeMs: opts.maxRuntimeMs ?? SIMPLE_TRIGGER_MS }, { authMode, user }));
    if (typeof x.global('onOpen') === 'function') {
      runs.push(
        this.runOne({ handler: 'onOpen', kind: 'simple', execution: x }, (ex) =>
          authMode === 'NONE' ? { authMode: AuthMode.NONE } : { authMode: AuthMode[authMode], source: ex.wrap(new Spreadsheet(ex)), user: ex.wrap(new User(ex, user)) },
        ),
      );
    } else x.end();
    for (const t of this.triggers.filter((t) => t.eventType === 'ON_OPEN')) {
      const tx = this.execution(this.execOpts(opts, { authMode: 'FULL', user: t.user, trigger: t }));
      runs.push(
        this.runOne({ handler: t.handlerFunction, kind: 'installable', execution: tx, triggerUid: t.uid }, (ex) => ({
          authMode: AuthMode.FULL,
          source: ex.wrap(new Spreadsheet(ex)),
          user: ex.wrap(new User(ex, user)),
          triggerUid: t.uid,
        })),
      );
    }
    return this.runAll(runs, opts);
  }

  /** Installs the add-on: onInstall(e) in FULL mode. */
  install(opts: RunOptions & { user?: string } = {}): TriggerRun[] {
    const x = this.execution(this.execOpts(opts, { authMode: 'FULL', user: opts.user }));
    return this.runAll([this.runOne({ handler: 'onInstall', kind: 'simple', execution: x }, () => ({ authMode: AuthMode.FULL }))], opts);
  }

  /**
   * Edits a cell as a user would (protections and reject-mode validation enforced; the value is
   * interpreted as typed), then runs simple onEdit(e) (LIMITED) and installable onEdit triggers (FULL).
   * A 2-D `value` pastes a block at `a1` (no e.value/e.oldValue).
   */
  edit(sheetName: string, a1: string, value: unknown, opts: RunOptions & { user?: string } = {}): TriggerRun[] {
    const ss = this.spreadsheet;
    const sheet = ss.sheet(sheetName);
    const user = opts.user ?? this.activeUser;
    const start = sheet.rect(a1);
    const block = Array.isArray(value) ? (value as unknown[][]) : null;
    const rect = block ? { row: start.row, col: start.col, numRows: block.length, numCols: Math.max(1, ...block.map((r) => r.length)) } : start;
    if (!canEditRect(ss, user, sheet, rect)) throw new EditRejected(PROTECTED_MESSAGE);
    const values = block ?? Array.from({ length: rect.numRows }, () => new Array<unknown>(rect.numCols).fill(value));
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const c = sheet.peek(rect.row + i, rect.col + j);
        const rule = c?.validation;
        if (!rule || rule.allowInvalid) return;
        const w = coerceWrite(v, c?.numberFormat, ss.locale, ss.timeZone);
        if (!w.formula && !satisfies(rule, w.value, ss)) {
          throw new EditRejected(`There was a problem: The data you entered in cell ${rectToA1({ row: rect.row + i, col: rect.col + j, numRows: 1, numCols: 1 })} violates the data validation rules set on this cell.`);
        }
      }),
    );
    const single = !block && rect.numRows === 1 && rect.numCols === 1;
    const old = single ? sheet.peek(rect.row, rect.col)?.value ?? '' : '';
    values.forEach((row, i) => row.forEach((v, j) => ss.writeCell(sheet, rect.row + i, rect.col + j, v)));
    ss.activeSheetId = sheet.id;
    ss.activeRange = { ...rect };
    const event = (ex: Execution, mode: AuthModeName, triggerUid?: string): Record<string, unknown> => {
      const e: Record<string, unknown> = {
        authMode: AuthMode[mode],
        range: ex.wrap(new Range(ex, sheet, rect)),
        source: ex.wrap(new Spreadsheet(ex)),
        user: ex.wrap(new User(ex, user)),
      };
      if (single) {
        const now = sheet.peek(rect.row, rect.col)?.value ?? '';
        if (now !== '') e.value = eventText(now);
        if (old !== '') e.oldValue = eventText(old);
      }
      if (triggerUid) e.triggerUid = triggerUid;
      return e;
    };
    const runs: TriggerRun[] = [];
    const x = this.execution(this.execOpts({ ...opts, maxRuntimeMs: opts.maxRuntimeMs ?? SIMPLE_TRIGGER_MS }, { authMode: 'LIMITED', user }));
    if (typeof x.global('onEdit') === 'function') runs.push(this.runOne({ handler: 'onEdit', kind: 'simple', execution: x }, (ex) => event(ex, 'LIMITED')));
    else x.end();
    for (const t of this.triggers.filter((t) => t.eventType === 'ON_EDIT')) {
      const tx = this.execution(this.execOpts(opts, { authMode: 'FULL', user: t.user, trigger: t }));
      runs.push(this.runOne({ handler: t.handlerFunction, kind: 'installable', execution: tx, triggerUid: t.uid }, (ex) => event(ex, 'FULL', t.uid)));
    }
    return this.runAll(runs, opts);
  }

  /** Runs every time-driven trigger's handler once (FULL, no UI), as its creator. */
  runTimeTriggers(opts: RunOptions = {}): TriggerRun[] {
    const runs: TriggerRun[] = [];
    for (const t of this.triggers.filter((t) => t.eventType === 'CLOCK')) {
      const x = this.execution(this.execOpts(opts, { authMode: 'FULL', user: t.user, trigger: t, ui: false }));
      runs.push(
        this.runOne({ handler: t.handlerFunction, kind: 'installable', execution: x, triggerUid: t.uid }, () => {
          const w = toWallClock(this.clock.now(), 'UTC');
          return {
            authMode: AuthMode.FULL,
            triggerUid: t.uid,
            year: w.year,
            month: w.month,
            'day-of-month': w.day,
            'day-of-week': w.weekday === 0 ? 7 : w.weekday,
            hour: w.hour,
            minute: w.minute,
            second: w.second,
            timezone: 'UTC',
          };
        }),
      );
    }
    return this.runAll(runs, opts);
  }

  /** Evaluates every `=NAME(args)` formula whose NAME is a function of the code (custom functions). */
  recalculate(opts: Pick<RunOptions, 'code' | 'hooks' | 'maxRuntimeMs'> = {}): RecalcResult {
    return recalculate(this, opts);
  }

  /** Replaces the spreadsheet's sheets with those of an .xlsx file. */
  async loadXlsx(file: string): Promise<void> {
    await loadXlsx(this.spreadsheet, file);
  }

  /** Writes the spreadsheet to an .xlsx file. */
  async saveXlsx(file: string): Promise<void> {
    await saveXlsx(this.spreadsheet, file);
  }

  /** True when `e` is the emulator's kill/timeout error. */
  static isKilled(e: unknown): e is ExecutionKilled {
    return e instanceof ExecutionKilled;
  }
}

/** A stored value as onEdit's e.value / e.oldValue carry it (text). */
function eventText(v: StoredValue): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof WallTime) return String(v.serial());
  return String(v);
}

/** `oauthScopes` of the manifest in `dir`; null when there is none. */
function manifestScopes(dir: string): readonly string[] | null {
  const file = path.join(dir, 'appsscript.json');
  if (!existsSync(file)) return null;
  const scopes = (JSON.parse(readFileSync(file, 'utf8')) as { oauthScopes?: unknown }).oauthScopes;
  return Array.isArray(scopes) ? scopes.map(String) : null;
}
