/** Logger and the sandbox console, both captured into execution.logs and env.logs. */
import { format } from 'util';
import { GasObject } from '../gas-object';
import type { Execution } from '../execution';

/** One captured log line. */
export interface LogEntry {
  level: 'Logger' | 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
  /** Virtual time. */
  time: Date;
  executionId: number;
}

function record(x: Execution, level: LogEntry['level'], message: string): void {
  const entry: LogEntry = { level, message, time: x.env.clock.date(), executionId: x.id };
  x.logs.push(entry);
  x.env.logs.push(entry);
}

/** Apps Script's Logger. */
export class LoggerService extends GasObject {
  readonly _type = 'Logger';
  constructor(x: Execution) {
    super(x);
  }
  log(data: unknown, ...values: unknown[]): LoggerService {
    const message = values.length && typeof data === 'string' ? format(data, ...values) : typeof data === 'string' ? data : format('%o', data);
    record(this._x, 'Logger', message);
    return this;
  }
  getLog(): string {
    return this._x.logs.filter((l) => l.level === 'Logger').map((l) => l.message).join('\n');
  }
  clear(): void {
    for (let i = this._x.logs.length - 1; i >= 0; i--) if (this._x.logs[i].level === 'Logger') this._x.logs.splice(i, 1);
  }
}

/** The sandbox's console (not a service: calls are not counted). */
export function makeConsole(x: Execution): Record<string, (...args: unknown[]) => void> {
  const at = (level: LogEntry['level']) => (...args: unknown[]): void => record(x, level, format(...args));
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug'), time: () => {}, timeEnd: () => {} };
}
