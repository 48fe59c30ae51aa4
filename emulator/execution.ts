/**
 * One Apps Script execution: a fresh vm context holding the bundle and the services, a call
 * counter, fault injection (killAtCall), hooks, a runtime limit and authorization checks.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { CallCounts, bump, createCallCounts } from './calls';
import { ExecutionKilled, ServiceError } from './errors';
import { AuthModeName } from './enums';
import { GasObject } from './gas-object';
import { denial } from './permissions';
import type { Environment } from './environment';
import { CacheServiceImpl } from './services/cache';
import { ChartsGlobal } from './services/charts';
import { HtmlServiceImpl } from './services/html';
import { LockServiceImpl } from './services/lock';
import { LogEntry, LoggerService, makeConsole } from './services/logger';
import { MailAppService } from './services/mail';
import { PropertiesServiceImpl } from './services/properties';
import { ScriptAppService } from './services/script-app';
import { SessionService } from './services/session';
import { SpreadsheetAppService } from './services/spreadsheet-app';
import { UtilitiesService } from './services/utilities';
import type { TriggerModel } from './services/script-app';
import type { ActiveSelection } from './spreadsheet/model';
import type { Rect } from './spreadsheet/a1';

/** Callbacks around service calls, for tests that act at a given call. */
export interface ExecutionHooks {
  /** Before service call number `count` (1-based) named `name` runs (also before kill/permission checks). */
  beforeCall?(name: string, count: number, env: Environment): void;
  /** After service call `count` returned normally. */
  afterCall?(name: string, count: number, env: Environment): void;
}

/** Options of `env.execution()`. */
export interface ExecutionOptions {
  /** Authorization mode (default FULL; CUSTOM_FUNCTION when customFunction). */
  authMode?: AuthModeName;
  /** The active user (default: the environment's activeUser). */
  user?: string;
  /** Run as a custom function (read-only access, 30 s limit, no user identity). */
  customFunction?: boolean;
  /** The n-th service call (1-based) throws ExecutionKilled, and so does every later one. */
  killAtCall?: number;
  hooks?: ExecutionHooks;
  /** Virtual-time limit (default 360000; 30000 for custom functions). */
  maxRuntimeMs?: number;
  /** Script source to run instead of the environment's code / build/Code.js. */
  code?: string;
  /** False for executions without a user interface (time-driven triggers): getUi throws. */
  ui?: boolean;
  /** The installable trigger that started this execution, if any. */
  trigger?: TriggerModel;
  /**
   * For an execution without a UI: the active sheet and range it starts with (a custom function:
   * its formula's cell). Default none: the first sheet is active and getActiveRange() is null.
   */
  selection?: { sheetId: number; rect: Rect };
}

const SERVICE_GLOBALS = ['SpreadsheetApp', 'Charts', 'Session', 'MailApp', 'ScriptApp', 'PropertiesService', 'CacheService', 'LockService', 'HtmlService', 'Utilities', 'Logger', 'console', 'Date'];
const scriptCache = new Map<string, vm.Script>();
const fileCache = new Map<string, { mtimeMs: number; code: string }>();

/** Reads a file, cached by modification time. */
export function readCodeFile(file: string): string {
  const stat = fs.statSync(file);
  const hit = fileCache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.code;
  const code = fs.readFileSync(file, 'utf8');
  fileCache.set(file, { mtimeMs: stat.mtimeMs, code });
  return code;
}

function compile(code: string, filename: string): vm.Script {
  let s = scriptCache.get(code);
  if (!s) {
    s = new vm.Script(code, { filename });
    if (scriptCache.size > 50) scriptCache.clear();
    scriptCache.set(code, s);
  }
  return s;
}

let nextExecutionId = 1;

/** One execution of the project. Create with `env.execution(options)`. */
export class Execution {
  readonly id = nextExecutionId++;
  readonly authMode: AuthModeName;
  readonly user: string;
  readonly customFunction: boolean;
  readonly hasUi: boolean;
  readonly trigger: TriggerModel | null;
  /**
   * The active sheet and range the code sees. With a UI it is the user's, in the spreadsheet (a
   * sidebar call or a menu item sees the user's selection, and activate() moves it). Without one
   * (time-driven triggers, custom functions) there is no user selection: the execution has its
   * own, starting with none (or the custom function's cell), and what it activates stays in it.
   */
  readonly selection: ActiveSelection;
  /** Service calls made by this execution, by `<Type>.<method>`. */
  readonly calls: CallCounts = createCallCounts();
  /** Number of service calls so far (the sequence number of the last one). */
  callCount = 0;
  /** Logger.log and console output of this execution. */
  readonly logs: LogEntry[] = [];
  /** The vm context (the execution's global object). */
  readonly context: vm.Context;
  /** Set once the execution was killed or timed out. */
  killed: ExecutionKilled | null = null;
  /** Virtual time at which the execution started. */
  readonly startedAt: number;
  readonly maxRuntimeMs: number;
  /** True once `call` returned or `end` was called; its locks are then released. */
  ended = false;
  private readonly killAtCall: number | undefined;
  private readonly hooks: ExecutionHooks;
  private readonly proxies = new WeakMap<object, object>();
  private readonly RealmError: ErrorConstructor;
  private readonly RealmArray: ArrayConstructor;
  private readonly sandbox: Record<string, unknown>;

  constructor(
    readonly env: Environment,
    opts: ExecutionOptions = {},
  ) {
    this.customFunction = !!opts.customFunction;
    this.authMode = this.customFunction ? 'CUSTOM_FUNCTION' : opts.authMode ?? 'FULL';
    this.user = opts.user ?? env.activeUser;
    this.hasUi = opts.ui ?? !this.customFunction;
    this.trigger = opts.trigger ?? null;
    this.selection = this.hasUi ? env.spreadsheet : { activeSheetId: opts.selection?.sheetId ?? null, activeRange: opts.selection ? { ...opts.selection.rect } : null };
    this.killAtCall = opts.killAtCall;
    this.hooks = opts.hooks ?? {};
    this.maxRuntimeMs = opts.maxRuntimeMs ?? (this.customFunction ? 30000 : 360000);
    this.startedAt = env.clock.now();
    this.sandbox = {
      SpreadsheetApp: this.wrap(new SpreadsheetAppService(this)),
      Charts: new ChartsGlobal(),
      Session: this.wrap(new SessionService(this)),
      MailApp: this.wrap(new MailAppService(this)),
      ScriptApp: this.wrap(new ScriptAppService(this)),
      PropertiesService: this.wrap(new PropertiesServiceImpl(this)),
      CacheService: this.wrap(new CacheServiceImpl(this)),
      LockService: this.wrap(new LockServiceImpl(this)),
      HtmlService: this.wrap(new HtmlServiceImpl(this)),
      Utilities: this.wrap(new UtilitiesService(this)),
      Logger: this.wrap(new LoggerService(this)),
      console: makeConsole(this),
      Date: env.clock.Date,
    };
    this.context = vm.createContext(this.sandbox, { name: `execution-${this.id}` });
    this.RealmError = vm.runInContext('Error', this.context) as ErrorConstructor;
    this.RealmArray = vm.runInContext('Array', this.context) as ArrayConstructor;
    const code = opts.code ?? env.code ?? readCodeFile(path.join(env.buildDir, 'Code.js'));
    compile(code, opts.code || env.code ? 'code.js' : 'Code.js').runInContext(this.context);
  }

  /** Names of the functions the code defines at top level (candidates for custom functions). */
  functionNames(): string[] {
    return Object.keys(this.sandbox).filter((k) => !SERVICE_GLOBALS.includes(k) && typeof this.sandbox[k] === 'function');
  }

  /** The global `name` of the context (function declarations, var, and let/const bindings). */
  global(name: string): unknown {
    if (name in this.sandbox) return this.sandbox[name];
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) return undefined;
    try {
      return vm.runInContext(`typeof ${name} === 'undefined' ? undefined : ${name}`, this.context) as unknown;
    } catch {
      return undefined;
    }
  }

  /**
   * Calls the top-level function `fnName` with `args`, then ends the execution (locks released).
   * Rethrows what the function throws; if the execution was killed, throws ExecutionKilled even
   * when the code caught it.
   */
  call(fnName: string, ...args: unknown[]): unknown {
    const fn = this.global(fnName);
    if (typeof fn !== 'function') {
      this.end();
      throw new Error(`Script function not found: ${fnName}`);
    }
    try {
      const result: unknown = (fn as (...a: unknown[]) => unknown)(...args.map((a) => this.export(a)));
      if (this.killed) throw this.killed;
      return result;
    } catch (e) {
      if (this.killed) throw this.killed;
      throw e;
    } finally {
      this.end();
    }
  }

  /** Ends the execution: releases every lock it holds. */
  end(): void {
    this.ended = true;
    this.env.locks.releaseAll(this);
  }

  /** The counted, gated view of a service object handed to the code. */
  wrap<T extends GasObject>(target: T): T {
    const existing = this.proxies.get(target);
    if (existing) return existing as T;
    const methods = new Map<PropertyKey, (...a: unknown[]) => unknown>();
    const proxy = new Proxy(target, {
      get: (t, prop) => {
        const v: unknown = Reflect.get(t, prop, t);
        if (typeof v !== 'function') return v;
        if (typeof prop !== 'string' || prop.startsWith('_') || prop === 'toString' || prop === 'toJSON' || prop in Object.prototype) {
          return (v as (...a: unknown[]) => unknown).bind(t);
        }
        let m = methods.get(prop);
        if (!m) {
          m = (...args: unknown[]) => this.invoke(t, prop, v as (...a: unknown[]) => unknown, args);
          methods.set(prop, m);
        }
        return m;
      },
    });
    this.proxies.set(target, proxy);
    return proxy;
  }

  /** An Error of the sandbox's realm, as Apps Script raises ("Exception: ..."). */
  scriptError(message: string): Error {
    const e = new this.RealmError(message);
    e.name = 'Exception';
    return e;
  }

  /** Milliseconds of virtual time since the execution started. */
  elapsedMs(): number {
    return this.env.clock.now() - this.startedAt;
  }

  private invoke(target: GasObject, method: string, fn: (...a: unknown[]) => unknown, args: unknown[]): unknown {
    const name = `${target._type}.${method}`;
    const count = ++this.callCount;
    bump(this.calls, name);
    bump(this.env.calls, name);
    this.hooks.beforeCall?.(name, count, this.env);
    if (this.killed) throw this.killed;
    if (this.killAtCall !== undefined && count >= this.killAtCall) {
      this.killed = new ExecutionKilled(`Execution killed at service call ${count} (${name})`, 'killed', count, name);
      throw this.killed;
    }
    if (this.elapsedMs() > this.maxRuntimeMs) {
      this.killed = new ExecutionKilled('Exceeded maximum execution time', 'timeout', count, name);
      throw this.killed;
    }
    const refused = denial(this, target._type, method);
    if (refused) throw this.scriptError(refused);
    this.env.clock.advance(this.env.callCostMs);
    let result: unknown;
    try {
      result = fn.apply(target, args);
    } catch (e) {
      if (e instanceof ServiceError) throw this.scriptError(e.message);
      throw e;
    }
    this.hooks.afterCall?.(name, count, this.env);
    return this.export(result);
  }

  /**
   * Prepares a value going out to the code: GasObjects are wrapped, and arrays (2 levels deep)
   * become arrays of the sandbox's realm so `x instanceof Array` holds there.
   */
  private export(v: unknown): unknown {
    if (v instanceof GasObject) return this.wrap(v);
    if (!Array.isArray(v)) return v;
    const one = (e: unknown): unknown => (e instanceof GasObject ? this.wrap(e) : e);
    return this.RealmArray.from(v, (e: unknown) => (Array.isArray(e) ? this.RealmArray.from(e, one) : one(e)));
  }
}
