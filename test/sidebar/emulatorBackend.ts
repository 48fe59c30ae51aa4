/**
 * Adapter for the real server: build/Code.js running in the offline Apps Script emulator.
 * Each call is a fresh execution, as google.script.run makes one, and arguments and results
 * cross as JSON, as they do between the sidebar and Apps Script. The lead's
 * test/sidebar/realBackend.ts can be as small as:
 *
 *   import { createEnvironment } from '../../emulator';
 *   import { emulatorBackend } from './emulatorBackend';
 *   export async function createRealBackend() {
 *     const env = createEnvironment({ now: new Date('2026-03-01T09:00:00+08:00') });
 *     // …load a credit file into env.spreadsheet…
 *     return emulatorBackend(env);
 *   }
 */
import type { SidebarServer } from '../../src/sidebar/api';
import type { Backend } from './harness';

/** What the adapter needs of an emulator environment. */
export interface ExecutingEnvironment {
  execution(): { call(fnName: string, ...args: unknown[]): unknown };
}

/** The functions the sidebar may call: SidebarServer's names, checked by the compiler. */
export const SIDEBAR_FUNCTIONS: Record<keyof SidebarServer, true> = {
  getDashboard: true, getCustomerCard: true, checkOrder: true, overrideBlock: true, setCustomerFlags: true,
  getReminderPanel: true, runRemindersNow: true, setSchedule: true, confirmUnknown: true,
  getSettings: true, saveSettings: true, previewTemplate: true,
  getWatchList: true, getCashForecast: true, getStatement: true, emailStatement: true, logCollectionAction: true,
  getCollectionHistory: true, getDueToday: true, buildEvidencePackFor: true, getPlans: true,
};

export function emulatorBackend(env: ExecutingEnvironment, onCall?: (fn: string, args: unknown[]) => void): Backend {
  return async (fn, args) => {
    if (!Object.prototype.hasOwnProperty.call(SIDEBAR_FUNCTIONS, fn)) throw new Error(`Script function not found: ${fn}`);
    const jsonArgs = JSON.parse(JSON.stringify(args)) as unknown[];
    onCall?.(fn, jsonArgs);
    const value = env.execution().call(fn, ...jsonArgs);
    return value === undefined ? null : JSON.parse(JSON.stringify(value));
  };
}
