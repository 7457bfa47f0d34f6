/**
 * ScriptApp, following https://developers.google.com/apps-script/reference/script/script-app (and its
 * Service, Trigger, TriggerBuilder and ClockTriggerBuilder pages under .../reference/script/): the web
 * app's URL, and clock triggers (everyMinutes, everyHours, and one-off ones with after) kept in a
 * TriggerStore a test can read, serialize and fire (see `fireTrigger` and `fireDueTriggers` in
 * index.ts). A one-off trigger stays listed after it ran, spent, until the script deletes it
 * (GUESSES.md).
 */
import { countCall, facade, stringOf, unwrapFacade, type FacadeOptions, type ServiceEnvironment } from './script-realm';

export type EventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE' | 'ON_EVENT_UPDATED';
export type TriggerSource = 'SPREADSHEETS' | 'CLOCK' | 'FORMS' | 'DOCUMENTS' | 'CALENDAR';

/** A clock trigger's schedule, as the builder was told it. */
export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  /** A one-off trigger: the milliseconds after(...) was given. */
  after?: number;
  /** A one-off trigger: when it is due (ISO), its creation time plus `after`. */
  runAt?: string;
  /**
   * A recurring trigger: when it runs next (ISO), set when it runs: the first slot of its interval
   * after that run (a run missed while nothing ran is not made up: GUESSES.md). Absent until the
   * first run, which is due at its creation time plus the interval.
   */
  nextRunAt?: string;
}

/** A recurring schedule's interval in milliseconds, or null for a one-off trigger. */
export function intervalMs(schedule: ClockSchedule | null): number | null {
  if (schedule?.everyMinutes !== undefined) return schedule.everyMinutes * 60_000;
  if (schedule?.everyHours !== undefined) return schedule.everyHours * 3_600_000;
  return null;
}

/** When a recurring trigger runs next (ms), or null for a one-off one. */
export function nextRunMs(trigger: TriggerRecord): number | null {
  const every = intervalMs(trigger.schedule);
  if (every === null) return null;
  const next = trigger.schedule?.nextRunAt;
  return next === undefined ? Date.parse(trigger.created) + every : Date.parse(next);
}

/** After a recurring trigger ran at `now`: its next slot, the first one after `now`. */
export function advanceRecurring(trigger: TriggerRecord, now: Date): void {
  const every = intervalMs(trigger.schedule);
  const next = nextRunMs(trigger);
  if (every === null || next === null || trigger.schedule === null) return;
  const missed = next <= now.getTime() ? Math.floor((now.getTime() - next) / every) + 1 : 0;
  trigger.schedule.nextRunAt = new Date(next + missed * every).toISOString();
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
  /** A one-off trigger that has run (ISO): spent, it runs no more but stays listed until deleted. */
  ranAt?: string;
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

  /** One-off clock triggers due at `now` that have not run yet, the earliest first. */
  due(now: Date): TriggerRecord[] {
    return this.triggers
      .filter((t) => t.schedule?.runAt !== undefined && t.ranAt === undefined && Date.parse(t.schedule.runAt) <= now.getTime())
      .sort((a, b) => Date.parse(a.schedule?.runAt ?? '') - Date.parse(b.schedule?.runAt ?? ''));
  }

  /** Recurring clock triggers whose next run is at or before `now`, the earliest first. */
  dueRecurring(now: Date): TriggerRecord[] {
    return this.triggers
      .filter((t) => t.eventType === 'CLOCK' && (nextRunMs(t) ?? Infinity) <= now.getTime())
      .sort((a, b) => (nextRunMs(a) ?? 0) - (nextRunMs(b) ?? 0));
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

  /** The id a clock trigger's event object carries as `triggerUid`. */
  getUniqueId(): string {
    return this.record.uniqueId;
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

  /** "The minimum duration (in milliseconds) after the current time that the trigger runs": an Integer. */
  after(durationMilliseconds: unknown): this {
    const n = Number(durationMilliseconds);
    if (!Number.isInteger(n) || n < 0) throw new Error('Invalid argument: durationMilliseconds');
    this.schedule.after = n;
    return this._self();
  }

  create(): object {
    const s = this.schedule;
    const recurring = s.everyMinutes !== undefined || s.everyHours !== undefined;
    if (!recurring && s.after === undefined) throw new Error('Clock triggers need a schedule: everyMinutes, everyHours or after.');
    if (recurring && s.after !== undefined)
      throw new Error('A clock trigger is either recurring (everyMinutes, everyHours) or one-off (after), not both.');
    return this.scripts.created({
      handlerFunction: this.handler,
      eventType: 'CLOCK',
      triggerSource: 'CLOCK',
      triggerSourceId: null,
      schedule: s.after === undefined ? { ...s } : { after: s.after, runAt: new Date(Date.now() + s.after).toISOString() },
    });
  }

  private _self(): this {
    return facade(this, this.scripts.env.realm, this.scripts.facadeOptions('ClockTriggerBuilder'));
  }
}

class TriggerBuilderImpl {
  constructor(
    private readonly scripts: ScriptService,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilderImpl {
    return facade(
      new ClockTriggerBuilderImpl(this.scripts, this.handler),
      this.scripts.env.realm,
      this.scripts.facadeOptions('ClockTriggerBuilder'),
    );
  }
}

export interface ScriptServiceOptions {
  /** The /exec URL getService().getUrl() returns; null when the script is not deployed. */
  webAppUrl: () => string | null;
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
        getService: () => facade({ getUrl: () => options.webAppUrl() }, realm, this.facadeOptions('Service')),
        newTrigger: (functionName: unknown) =>
          facade(new TriggerBuilderImpl(this, stringOf(functionName)), realm, this.facadeOptions('TriggerBuilder')),
        getProjectTriggers: () =>
          realm.array(store.triggers.map((record) => facade(new TriggerImpl(record), realm, this.facadeOptions('Trigger')))),
        deleteTrigger: (trigger: unknown) => {
          const target = unwrapFacade(trigger);
          if (!(target instanceof TriggerImpl)) throw new Error('Invalid argument: trigger');
          store.remove(target.record.uniqueId);
        },
      },
      realm,
      this.facadeOptions('ScriptApp'),
    );
  }

  /** @internal Every ScriptApp-family call is counted in the execution's serviceCalls. */
  facadeOptions(name: 'ScriptApp' | 'Service' | 'TriggerBuilder' | 'ClockTriggerBuilder' | 'Trigger'): FacadeOptions {
    return {
      name,
      beforeCall: (method) => {
        countCall(this.env, name, method);
      },
    };
  }

  /** @internal */
  created(record: Omit<TriggerRecord, 'uniqueId' | 'created'>): object {
    return facade(new TriggerImpl(this.store.add(record)), this.env.realm, this.facadeOptions('Trigger'));
  }
}
