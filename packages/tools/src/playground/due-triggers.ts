/**
 * The playground's stand-in for Apps Script's clock: every few seconds it fires the one-off
 * time-driven triggers that are due (the Attribution refresh that webhook deliveries schedule, about
 * two minutes after the first delivery of a burst), each in a fresh 'trigger' execution, and tells
 * the page. Recurring triggers (the scheduled sync) are not run here (issue 17).
 */
import { fireDueTriggers, type FiredTrigger } from '../services';
import type { Playground } from './playground';

/** How often the playground looks for due triggers: small beside the add-on's two-minute delay. */
export const DUE_TRIGGER_POLL_MS = 5000;

/** Fires what is due at `now` and, when anything ran, redraws and saves; returns what ran. */
export function runDueTriggers(playground: Playground, now: Date, log: (message: string) => void): FiredTrigger[] {
  const fired = fireDueTriggers(playground.app.triggers, now, () => playground.execution('trigger'));
  for (const { trigger, ok, error } of fired) {
    log(
      `ran the one-off trigger ${trigger.handlerFunction} (due ${trigger.schedule?.runAt ?? '?'})${ok ? '' : `: it failed: ${error ?? ''}`}`,
    );
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
