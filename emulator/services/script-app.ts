/** ScriptApp, trigger builders, Trigger, and the project's trigger store. */
import { createHash } from 'crypto';
import { ServiceError } from '../errors';
import { AuthMode, AuthorizationStatus, EventType, TriggerSource } from '../enums';
import { GasObject } from '../gas-object';
import { isValidTimeZone } from '../util/timezone';
import type { Execution } from '../execution';

/** Schedule of a time-driven trigger, as built. */
export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  at?: Date;
  afterMs?: number;
  timeZone?: string;
}

/** An installable trigger. */
export interface TriggerModel {
  uid: string;
  handlerFunction: string;
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  source: 'CLOCK' | 'SPREADSHEETS';
  /** The spreadsheet id for spreadsheet triggers, null for clock triggers. */
  sourceId: string | null;
  /** The user who created it (the trigger runs as this user). */
  user: string;
  /** The document it was created from (add-on triggers are per user and document). */
  documentId: string;
  schedule: ClockSchedule | null;
}

/** The project's installable triggers (env.triggers). */
export class TriggerStore {
  readonly list: TriggerModel[] = [];
  private seq = 0;
  /** A new unique id, as a numeric string like Apps Script's. */
  nextUid(): string {
    this.seq++;
    return String(9000000000000000000n + BigInt(this.seq) * 7919n).slice(0, 19);
  }
  remove(uid: string): void {
    const i = this.list.findIndex((t) => t.uid === uid);
    if (i >= 0) this.list.splice(i, 1);
  }
}

/** Apps Script's Trigger. */
export class Trigger extends GasObject {
  readonly _type = 'Trigger';
  constructor(x: Execution, readonly _model: TriggerModel) {
    super(x);
  }
  getHandlerFunction(): string {
    return this._model.handlerFunction;
  }
  getEventType(): unknown {
    return EventType[this._model.eventType];
  }
  getUniqueId(): string {
    return this._model.uid;
  }
  getTriggerSource(): unknown {
    return TriggerSource[this._model.source];
  }
  getTriggerSourceId(): string | null {
    return this._model.sourceId;
  }
}

function register(x: Execution, t: Omit<TriggerModel, 'uid' | 'user' | 'documentId'>): Trigger {
  const env = x.env;
  const mine = env.triggerStore.list.filter((m) => m.user === x.user && m.documentId === env.spreadsheet.id);
  if (t.eventType === 'CLOCK' && mine.some((m) => m.eventType === 'CLOCK')) {
    throw new ServiceError('This add-on has created too many time-based triggers in this document for this Google user account.');
  }
  if (t.eventType !== 'CLOCK' && mine.some((m) => m.eventType === t.eventType)) {
    throw new ServiceError(`This add-on has created too many ${t.eventType.toLowerCase().replace('on_', '')} triggers in this document for this Google user account.`);
  }
  if (mine.length >= 20) throw new ServiceError('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
  const model: TriggerModel = { ...t, uid: env.triggerStore.nextUid(), user: x.user, documentId: env.spreadsheet.id };
  env.triggerStore.list.push(model);
  return new Trigger(x, model);
}

/** Apps Script's ClockTriggerBuilder, with the add-on limits applied on create(). */
export class ClockTriggerBuilder extends GasObject {
  readonly _type = 'ClockTriggerBuilder';
  readonly _s: ClockSchedule = {};
  constructor(x: Execution, readonly _handler: string) {
    super(x);
  }
  everyMinutes(n: number): ClockTriggerBuilder {
    if (![1, 5, 10, 15, 30].includes(n)) throw new ServiceError('The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.');
    this._s.everyMinutes = n;
    return this;
  }
  everyHours(n: number): ClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new ServiceError('The value passed to everyHours must be one of 1, 2, 4, 6, 8 or 12.');
    this._s.everyHours = n;
    return this;
  }
  everyDays(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw new ServiceError('Invalid argument: days');
    this._s.everyDays = n;
    return this;
  }
  everyWeeks(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw new ServiceError('Invalid argument: weeks');
    this._s.everyWeeks = n;
    return this;
  }
  atHour(hour: number): ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new ServiceError('Invalid argument: hour');
    this._s.atHour = hour;
    return this;
  }
  nearMinute(minute: number): ClockTriggerBuilder {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new ServiceError('Invalid argument: minute');
    this._s.nearMinute = minute;
    return this;
  }
  onWeekDay(day: unknown): ClockTriggerBuilder {
    this._s.onWeekDay = String(day);
    return this;
  }
  onMonthDay(day: number): ClockTriggerBuilder {
    this._s.onMonthDay = day;
    return this;
  }
  inTimezone(timezone: string): ClockTriggerBuilder {
    if (!isValidTimeZone(String(timezone))) throw new ServiceError('Invalid argument: timezone');
    this._s.timeZone = String(timezone);
    return this;
  }
  at(date: Date): ClockTriggerBuilder {
    this._s.at = new Date(date.getTime());
    return this;
  }
  after(durationMilliseconds: number): ClockTriggerBuilder {
    this._s.afterMs = durationMilliseconds;
    return this;
  }
  create(): Trigger {
    const s = this._s;
    if (s.everyMinutes !== undefined) throw new ServiceError('Add-ons may not create time-based triggers that run more frequently than once per hour.');
    const recurring = s.everyHours !== undefined || s.everyDays !== undefined || s.everyWeeks !== undefined || s.onMonthDay !== undefined;
    if (!recurring && s.at === undefined && s.afterMs === undefined) throw new ServiceError('Missing the recurrence interval for the clock trigger.');
    if ((s.atHour !== undefined || s.nearMinute !== undefined) && s.everyDays === undefined && s.everyWeeks === undefined && s.onMonthDay === undefined) {
      throw new ServiceError('atHour and nearMinute can only be used with everyDays, everyWeeks or onMonthDay.');
    }
    return register(this._x, { handlerFunction: this._handler, eventType: 'CLOCK', source: 'CLOCK', sourceId: null, schedule: { ...s } });
  }
}

/** Apps Script's SpreadsheetTriggerBuilder. */
export class SpreadsheetTriggerBuilder extends GasObject {
  readonly _type = 'SpreadsheetTriggerBuilder';
  _event: TriggerModel['eventType'] | null = null;
  constructor(x: Execution, readonly _handler: string, readonly _sourceId: string) {
    super(x);
  }
  onOpen(): SpreadsheetTriggerBuilder {
    this._event = 'ON_OPEN';
    return this;
  }
  onEdit(): SpreadsheetTriggerBuilder {
    this._event = 'ON_EDIT';
    return this;
  }
  onChange(): SpreadsheetTriggerBuilder {
    this._event = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): SpreadsheetTriggerBuilder {
    this._event = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): Trigger {
    if (!this._event) throw new ServiceError('Missing the event type for the spreadsheet trigger.');
    return register(this._x, { handlerFunction: this._handler, eventType: this._event, source: 'SPREADSHEETS', sourceId: this._sourceId, schedule: null });
  }
}

/** Apps Script's TriggerBuilder. */
export class TriggerBuilder extends GasObject {
  readonly _type = 'TriggerBuilder';
  constructor(x: Execution, readonly _handler: string) {
    super(x);
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this._x, this._handler);
  }
  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : String((sheet as { getId(): string }).getId());
    if (id !== this._x.env.spreadsheet.id) throw new ServiceError('Add-ons can only create triggers for the document they are installed in.');
    return new SpreadsheetTriggerBuilder(this._x, this._handler, id);
  }
}

/** Apps Script's AuthorizationInfo: the emulated project is always authorized. */
export class AuthorizationInfo extends GasObject {
  readonly _type = 'AuthorizationInfo';
  getAuthorizationStatus(): unknown {
    return AuthorizationStatus.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string | null {
    return null;
  }
  getAuthorizedScopes(): string[] {
    return [];
  }
}

/** Apps Script's ScriptApp. */
export class ScriptAppService extends GasObject {
  readonly _type = 'ScriptApp';
  readonly AuthMode = AuthMode;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthorizationStatus = AuthorizationStatus;
  constructor(x: Execution) {
    super(x);
  }
  newTrigger(functionName: string): TriggerBuilder {
    return new TriggerBuilder(this._x, String(functionName));
  }
  /** The current user's triggers in this project. */
  getProjectTriggers(): Trigger[] {
    return this._x.env.triggerStore.list.filter((t) => t.user === this._x.user).map((t) => new Trigger(this._x, t));
  }
  /** The current user's triggers for that document. */
  getUserTriggers(document: unknown): Trigger[] {
    const id = typeof document === 'string' ? document : String((document as { getId(): string }).getId());
    return this._x.env.triggerStore.list.filter((t) => t.user === this._x.user && t.documentId === id).map((t) => new Trigger(this._x, t));
  }
  deleteTrigger(trigger: Trigger): void {
    this._x.env.triggerStore.remove(trigger._model.uid);
  }
  getScriptId(): string {
    return this._x.env.scriptId;
  }
  getOAuthToken(): string {
    return 'ya29.emulated-' + createHash('sha1').update(this._x.user).digest('hex').slice(0, 24);
  }
  getAuthorizationInfo(_authMode: unknown): AuthorizationInfo {
    return new AuthorizationInfo(this._x);
  }
}
