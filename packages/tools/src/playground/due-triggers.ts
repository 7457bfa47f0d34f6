/**
 * The playground's stand-in for Apps Script's clock: every few seconds it fires the time-driven
 * triggers that are due, each in a fresh 'trigger' execution, and tells the page: one-off ones (the
 * Attribution refresh that webhook deliveries schedule, about two minutes after the first delivery
 * of a burst) and recurring ones (the scheduled sync chosen in Scheduled sync…, every 15 minutes or
 * every hour), so what a user turns on runs here as it would in Sheets (issue 17).
 */
import { fireDueTriggers, nextRunMs, TriggerStore, type FiredTrigger, type TriggerRecord } from '../services';
import type { Playground } from './playground';

/** How often the playground looks for due triggers: small beside the add-on's two-minute delay. */
export const DUE_TRIGGER_POLL_MS = 5000;

/** Fires what is due at `now` and, when anything ran, redraws and saves; returns what ran. */
export function runDueTriggers(playground: Playground, now: Date, log: (message: string) => void): FiredTrigger[] {
  const fired = fireDueTriggers(playground.app.triggers, now, () => playground.execution('trigger'), { recurring: true });
  for (const { trigger, ok, error } of fired) {
    const which =
      trigger.schedule?.runAt === undefined
        ? `scheduled trigger ${trigger.handlerFunction} (${everyWords(trigger)})`
        : `one-off trigger ${trigger.handlerFunction} (due ${trigger.schedule.runAt})`;
    log(`ran the ${which}${ok ? '' : `: it failed: ${error ?? ''}`}`);
  }
  if (fired.length > 0) playground.changed();
  return fired;
}

/** Starts the clock; the function it returns stops it. The timer never keeps the process alive. */
export function startDueTriggerClock(playground: Playground, log: (message: string) => void, everyMs = DUE_TRIGGER_POLL_MS): () => void {
  const timer = setInterval(() => {
    try {
      runDueTriggers(playground, new Date(), log);
    } catch (error) {
      log(`Could not run due triggers: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}

/** `every 15 minutes`, `every hour`, `every 2 hours`. */
function everyWords(trigger: TriggerRecord): string {
  const { everyMinutes, everyHours } = trigger.schedule ?? {};
  if (everyMinutes !== undefined) return `every ${String(everyMinutes)} minute${everyMinutes === 1 ? '' : 's'}`;
  if (everyHours !== undefined) return everyHours === 1 ? 'every hour' : `every ${String(everyHours)} hours`;
  return 'once';
}

/**
 * What the banner and the page say of the scheduled triggers: that they run here on their
 * schedule, and which are on with when each runs next (in the server's local time).
 */
export function scheduleLine(store: TriggerStore): string {
  const recurring = store.triggers.filter((trigger) => nextRunMs(trigger) !== null);
  if (recurring.length === 0)
    return 'Scheduled syncs run on their schedule while the playground runs. None is on: choose "Scheduled sync…" on the add-on menu.';
  const each = recurring.map((trigger) => {
    const next = new Date(nextRunMs(trigger) ?? 0).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    const name = trigger.handlerFunction === 'runScheduledSync' ? 'the scheduled sync' : trigger.handlerFunction;
    return `${name} ${everyWords(trigger)}, next at ${next}`;
  });
  return `Scheduled syncs run on their schedule while the playground runs: ${each.join('; ')}.`;
}
