/**
 * The real server for the sidebar's browser tests: build/Code.js in the offline Apps Script
 * emulator, over the English fixture (test/fixtures/english.xlsx, as of 2026-11-20). Each call is
 * a fresh execution and crosses as JSON (see emulatorBackend.ts).
 *
 * Options: the language (the user and spreadsheet locale: en_US or zh_CN), the user at the
 * keyboard, and a hook to change the workbook before the run (the XSS case adds a customer).
 */
import type { Environment } from '../../emulator';
import { ENGLISH, environmentWith } from '../helpers/sample';
import { emulatorBackend } from './emulatorBackend';
import type { Backend } from './harness';

export interface RealBackendOptions {
  language?: 'en' | 'zh';
  activeUser?: string;
  prepare?: (env: Environment) => void;
  onCall?: (fn: string, args: unknown[]) => void;
}

export interface RealBackend {
  backend: Backend;
  env: Environment;
}

export async function createRealBackend(opts: RealBackendOptions = {}): Promise<RealBackend> {
  const locale = opts.language === 'zh' ? 'zh_CN' : 'en_US';
  const env = await environmentWith(ENGLISH, { locale, ...(opts.activeUser ? { activeUser: opts.activeUser } : {}) });
  env.spreadsheet.locale = locale;
  opts.prepare?.(env);
  return { backend: emulatorBackend(env, opts.onCall), env };
}
