/** Error classes of the emulator. */

/**
 * An error a service raises the way Apps Script would. The execution gate turns it into an
 * Error of the sandbox's realm (name "Exception") so `e instanceof Error` holds in the bundle.
 */
export class ServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/**
 * The execution was killed (fault injection via `killAtCall`) or ran out of time. Once raised,
 * every later service call in that execution raises it again, and `Execution.call` rethrows it
 * even if the bundle caught it.
 */
export class ExecutionKilled extends Error {
  constructor(
    message: string,
    /** 'killed' for killAtCall, 'timeout' for maxRuntimeMs. */
    readonly reason: 'killed' | 'timeout',
    /** The 1-based service call number at which it happened. */
    readonly atCall: number,
    /** The service call name, e.g. "MailApp.sendEmail". */
    readonly callName: string,
  ) {
    super(message);
    this.name = 'ExecutionKilled';
  }
}

/** A user edit (env.edit) that Sheets would reject, e.g. data validation in reject mode. */
export class EditRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditRejected';
  }
}

/** Signature-mismatch message in Apps Script's wording. */
export function signatureError(service: string, method: string, args: unknown[]): ServiceError {
  const types = args.map(typeLabel).join(',');
  return new ServiceError(`The parameters (${types}) don't match the method signature for ${service}.${method}.`);
}

function typeLabel(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) return v.length && Array.isArray(v[0]) ? 'number[][]' : 'number[]';
  if (v instanceof Date) return 'Date';
  return 'Object';
}
