/**
 * A typed, promise-returning wrapper of google.script.run: the sidebar's only way to the server.
 * Arguments and results cross as JSON-like values (no Date objects: ISO strings). Every function
 * and its types come from SidebarServer in api.ts.
 */
import type { SidebarServer } from './api';

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } } | undefined;

export type ServerName = keyof SidebarServer;
export type Remote = {
  [K in ServerName]: (...args: Parameters<SidebarServer[K]>) => Promise<ReturnType<SidebarServer[K]>>;
};

type PendingListener = (pending: number) => void;
let pending = 0;
const listeners: PendingListener[] = [];

/** Called with the number of calls under way whenever it changes (drives the progress bar). */
export function onPending(fn: PendingListener): void {
  listeners.push(fn);
}

function setPending(delta: number): void {
  pending += delta;
  for (const fn of listeners) fn(pending);
}

function message(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

export function callServer<K extends ServerName>(name: K, ...args: Parameters<SidebarServer[K]>): Promise<ReturnType<SidebarServer[K]>> {
  return new Promise<ReturnType<SidebarServer[K]>>((resolve, reject) => {
    if (typeof google === 'undefined' || !google?.script?.run) {
      reject(new Error('google.script.run is not available: open this page from Sheets.'));
      return;
    }
    setPending(1);
    let done = false;
    const finish = (): void => {
      if (!done) { done = true; setPending(-1); }
    };
    const runner = google.script.run
      .withSuccessHandler((v) => { finish(); resolve(v as ReturnType<SidebarServer[K]>); })
      .withFailureHandler((e) => { finish(); reject(new Error(message(e))); });
    const fn = runner[name];
    if (typeof fn !== 'function') {
      finish();
      reject(new Error(`Unknown server function: ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/** Every server function; the record's type makes sure none is missing. */
const NAMES: Record<ServerName, true> = {
  getDashboard: true, getCustomerCard: true, checkOrder: true, overrideBlock: true, setCustomerFlags: true,
  getReminderPanel: true, runRemindersNow: true, setSchedule: true, confirmUnknown: true,
  getSettings: true, saveSettings: true, previewTemplate: true,
  getWatchList: true, getCashForecast: true, getStatement: true, emailStatement: true, logCollectionAction: true,
  getCollectionHistory: true, getDueToday: true, buildEvidencePackFor: true, getPlans: true,
};

/** server.getDashboard().then(…): typed by SidebarServer. */
const untyped = callServer as (name: ServerName, ...args: unknown[]) => Promise<unknown>;
export const server = Object.fromEntries(
  (Object.keys(NAMES) as ServerName[]).map((name) => [name, (...args: unknown[]) => untyped(name, ...args)]),
) as unknown as Remote;
