/**
 * Offline Apps Script emulator for Credit Desk.
 *
 *   const env = createEnvironment({ now: new Date('2026-03-01T09:00:00+08:00') });
 *   env.spreadsheet.addSheet('Invoices', [['Id', 'Due'], ['INV-1', '2026-03-15']]);
 *   env.open();                                  // onOpen(e), menus in env.ui.menus
 *   const x = env.execution({ killAtCall: 12 }); // fresh vm context with the services
 *   x.call('sendReminders');                     // counts in x.calls / env.calls
 */
import { Environment, EnvironmentOptions } from './environment';

export { Environment } from './environment';
export type { EnvironmentOptions, RunOptions, TriggerRun } from './environment';
export { Execution } from './execution';
export type { ExecutionHooks, ExecutionOptions } from './execution';
export { ExecutionKilled, EditRejected, ServiceError } from './errors';
export type { CallCounts } from './calls';
export { VirtualClock } from './clock';
export { AuthMode, Button, ButtonSet, EnumValue, EventType, ProtectionType } from './enums';
export type { AuthModeName, ButtonName } from './enums';
export { SheetModel, SpreadsheetModel } from './spreadsheet/model';
export type { Cell, ChartInfo, ProtectionInfo, ValidationInfo } from './spreadsheet/model';
export { WallTime } from './spreadsheet/values';
export { formatDisplay } from './spreadsheet/number-format';
export type { SentMail } from './services/mail';
export type { AlertInfo, MenuEntry, MenuInfo, PanelInfo, ScriptedResponse, ToastInfo } from './services/ui';
export type { LogEntry } from './services/logger';
export type { TriggerModel, ClockSchedule } from './services/script-app';
export type { RecalcResult } from './recalculate';

/** A fresh environment: one spreadsheet-bound project with its persistent state. */
export function createEnvironment(options: EnvironmentOptions = {}): Environment {
  return new Environment(options);
}
