/**
 * ScriptApp: the web app's URL, and installable triggers kept in a TriggerStore a test can read,
 * serialize and fire (see `fireTrigger` in index.ts).
 */
import { randomUUID } from 'node:crypto';
import { facade, stringOf, unwrapFacade, type ServiceEnvironment } from './script-realm';

export const AUTH_MODE = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const EVENT_TYPE = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const TRIGGER_SOURCE = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;
export const WEEK_DAY = {
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
} as const;

export type EventType = keyof typeof EVENT_TYPE;
export type TriggerSource = keyof typeof TRIGGER_SOURCE;

/** A clock trigger's schedule, as the builder was told it. */
export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  atHour?: number;
  nearMinute?: number;
  /** A one-off trigger: milliseconds after creation. */
  after?: number;
  /** A one-off trigger: at this instant (ISO). */
  at?: string;
  timeZone?: string;
}

export interface TriggerRecord {
  uniqueId: string;
  handlerFunction: string;
  eventType: EventType;
  triggerSource: TriggerSource;
  /** The spreadsheet's id for spreadsheet triggers; null for clock triggers. */
  triggerSourceId: string | null;
  schedule: ClockSchedule | null;
  /** When it was created (ISO). */
  created: string;
}

/** Apps Script allows 20 triggers per user per script. */
export const MAX_TRIGGERS = 20;

export class TriggerStore {
  readonly triggers: TriggerRecord[] = [];
  private counter = 0;

  add(record: Omit<TriggerRecord, 'uniqueId' | 'created'>): TriggerRecord {
    if (this.triggers.length >= MAX_TRIGGERS) {
      throw new Error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    this.counter += 1;
    const trigger: TriggerRecord = { ...record, uniqueId: String(1000000 + this.counter), created: new Date().toISOString() };
    this.triggers.push(trigger);
    return trigger;
  }

  get(uniqueId: string): TriggerRecord | null {
    return this.triggers.find((trigger) => trigger.uniqueId === uniqueId) ?? null;
  }

  remove(uniqueId: string): void {
    const index = this.triggers.findIndex((trigger) => trigger.uniqueId === uniqueId);
    if (index !== -1) this.triggers.splice(index, 1);
  }

  toJSON(): { counter: number; triggers: TriggerRecord[] } {
    return { counter: this.counter, triggers: this.triggers.map((t) => ({ ...t, schedule: t.schedule ? { ...t.schedule } : null })) };
  }

  static fromJSON(json: { counter: number; triggers: TriggerRecord[] }): TriggerStore {
    const store = new TriggerStore();
    store.counter = json.counter;
    for (const trigger of json.triggers) store.triggers.push({ ...trigger, schedule: trigger.schedule ? { ...trigger.schedule } : null });
    return store;
  }
}

class TriggerImpl {
  constructor(readonly record: TriggerRecord) {}

  getHandlerFunction(): string {
    return this.record.handlerFunction;
  }

  getUniqueId(): string {
    return this.record.uniqueId;
  }

  getEventType(): EventType {
    return this.record.eventType;
  }

  getTriggerSource(): TriggerSource {
    return this.record.triggerSource;
  }

  getTriggerSourceId(): string | null {
    return this.record.triggerSourceId;
  }
}

function choose(value: unknown, allowed: readonly number[], method: string): number {
  const n = Number(value);
  if (!allowed.includes(n)) throw new Error(`Invalid argument: ${method} must be one of ${allowed.join(', ')}`);
  return n;
}

class ClockTriggerBuilderImpl {
  private readonly schedule: ClockSchedule = {};

  constructor(
    private readonly scripts: ScriptService,
    private readonly handler: string,
  ) {}

  everyMinutes(n: unknown): this {
    this.schedule.everyMinutes = choose(n, [1, 5, 10, 15, 30], 'everyMinutes');
    return this._self();
  }

  everyHours(n: unknown): this {
    this.schedule.everyHours = choose(n, [1, 2, 4, 6, 8, 12], 'everyHours');
    return this._self();
  }

  everyDays(n: unknown): this {
    this.schedule.everyDays = Number(n);
    return this._self();
  }

  everyWeeks(n: unknown): this {
    this.schedule.everyWeeks = Number(n);
    return this._self();
  }

  onWeekDay(day: unknown): this {
    this.schedule.onWeekDay = stringOf(day);
    return this._self();
  }

  atHour(hour: unknown): this {
    this.schedule.atHour = Number(hour);
    return this._self();
  }

  nearMinute(minute: unknown): this {
    this.schedule.nearMinute = Number(minute);
    return this._self();
  }

  after(durationMilliseconds: unknown): this {
    this.schedule.after = Number(durationMilliseconds);
    return this._self();
  }

  at(date: unknown): this {
    if (Object.prototype.toString.call(date) !== '[object Date]') throw new Error('Invalid argument: date');
    this.schedule.at = new Date((date as Date).getTime()).toISOString();
    return this._self();
  }

  inTimezone(timezone: unknown): this {
    this.schedule.timeZone = stringOf(timezone);
    return this._self();
  }

  create(): object {
    const s = this.schedule;
    const recurring = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks].some((v) => v !== undefined);
    if (!recurring && s.after === undefined && s.at === undefined) {
      throw new Error('Clock triggers need a schedule: everyMinutes, everyHours, everyDays, everyWeeks, after or at.');
    }
    return this.scripts.created({ handlerFunction: this.handler, eventType: 'CLOCK', triggerSource: 'CLOCK', triggerSourceId: null, schedule: { ...s } });
  }

  private _self(): this {
    return facade(this, this.scripts.env.realm, { name: 'ClockTriggerBuilder' });
  }
}

class SpreadsheetTriggerBuilderImpl {
  private eventType: EventType | null = null;

  constructor(
    private readonly scripts: ScriptService,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}

  onOpen(): this {
    return this._on('ON_OPEN');
  }

  onEdit(): this {
    return this._on('ON_EDIT');
  }

  onChange(): this {
    return this._on('ON_CHANGE');
  }

  onFormSubmit(): this {
    return this._on('ON_FORM_SUBMIT');
  }

  create(): object {
    if (!this.eventType) throw new Error('Spreadsheet triggers need an event: onOpen, onEdit, onChange or onFormSubmit.');
    return this.scripts.created({ handlerFunction: this.handler, eventType: this.eventType, triggerSource: 'SPREADSHEETS', triggerSourceId: this.sourceId, schedule: null });
  }

  private _on(eventType: EventType): this {
    this.eventType = eventType;
    return facade(this, this.scripts.env.realm, { name: 'SpreadsheetTriggerBuilder' });
  }
}

class TriggerBuilderImpl {
  constructor(
    private readonly scripts: ScriptService,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilderImpl {
    return facade(new ClockTriggerBuilderImpl(this.scripts, this.handler), this.scripts.env.realm, { name: 'ClockTriggerBuilder' });
  }

  forSpreadsheet(spreadsheet: unknown): SpreadsheetTriggerBuilderImpl {
    const target = unwrapFacade(spreadsheet) as { getId?: () => string } | string;
    const id = typeof target === 'string' ? target : typeof target.getId === 'function' ? target.getId() : this.scripts.options.documentId();
    return facade(new SpreadsheetTriggerBuilderImpl(this.scripts, this.handler, id), this.scripts.env.realm, { name: 'SpreadsheetTriggerBuilder' });
  }
}

export interface ScriptServiceOptions {
  /** The /exec URL getService().getUrl() returns; null when the script is not deployed. */
  webAppUrl: () => string | null;
  scriptId: string;
  documentId: () => string;
}

export class ScriptService {
  /** The ScriptApp global. */
  readonly app: object;

  constructor(
    readonly store: TriggerStore,
    readonly env: ServiceEnvironment,
    readonly options: ScriptServiceOptions,
  ) {
    const realm = env.realm;
    this.app = facade(
      {
        AuthMode: AUTH_MODE,
        EventType: EVENT_TYPE,
        TriggerSource: TRIGGER_SOURCE,
        WeekDay: WEEK_DAY,
        getScriptId: () => options.scriptId,
        getService: () =>
          facade(
            {
              getUrl: () => options.webAppUrl(),
              isEnabled: () => options.webAppUrl() !== null,
            },
            realm,
            { name: 'Service' },
          ),
        getOAuthToken: () => `local-oauth-token-${randomUUID()}`,
        newTrigger: (functionName: unknown) => facade(new TriggerBuilderImpl(this, stringOf(functionName)), realm, { name: 'TriggerBuilder' }),
        getProjectTriggers: () => realm.array(store.triggers.map((record) => facade(new TriggerImpl(record), realm, { name: 'Trigger' }))),
        getUserTriggers: () => realm.array(store.triggers.map((record) => facade(new TriggerImpl(record), realm, { name: 'Trigger' }))),
        deleteTrigger: (trigger: unknown) => {
          const target = unwrapFacade(trigger);
          if (!(target instanceof TriggerImpl)) throw new Error('Invalid argument: trigger');
          store.remove(target.record.uniqueId);
        },
      },
      realm,
      { name: 'ScriptApp' },
    );
  }

  /** @internal */
  created(record: Omit<TriggerRecord, 'uniqueId' | 'created'>): object {
    return facade(new TriggerImpl(this.store.add(record)), this.env.realm, { name: 'Trigger' });
  }
}
