/**
 * The scheduled sync as a person chooses and sees it (issue 17): off, every 15 minutes or every
 * hour, chosen in one dialog that shows the current choice and what the last scheduled run did.
 * Apps Script's installable triggers belong to the person who made them (getProjectTriggers lists
 * only the current user's), so the dialog tells "yours" from "another person's" and says so.
 */

import { SYNC_INTERVALS, syncIntervalWords, type SyncInterval } from './stripe-events';
import { storedObject } from '../helpers/stored-json';

/** The menu item that opens the dialog. */
export const SCHEDULED_SYNC_MENU_ITEM = 'Scheduled sync…';

/** A choice in the dialog: an interval in minutes, or null for off. */
export type SyncChoice = SyncInterval | null;

/** The dialog's radio values: `off`, `15`, `60`. */
export const SYNC_CHOICES: ReadonlyArray<{ value: string; label: string; choice: SyncChoice }> = [
  { value: 'off', label: 'Off', choice: null },
  ...SYNC_INTERVALS.map((interval) => ({
    value: String(interval.minutes),
    label: interval.every.charAt(0).toUpperCase() + interval.every.slice(1),
    choice: interval.minutes,
  })),
];

/** What the dialog sent, as a choice; an unknown value says what the dialog offers. */
export function parseSyncChoice(value: unknown): { ok: true; choice: SyncChoice } | { ok: false; error: string } {
  const found = SYNC_CHOICES.find((option) => option.value === String(value));
  if (found !== undefined) return { ok: true, choice: found.choice };
  return {
    ok: false,
    error: `Choose one of ${SYNC_CHOICES.map((option) => option.label).join(', ')}, then Save. Close this dialog and open Scheduled sync… again if the choices do not show.`,
  };
}

/** What the last scheduled run did, kept in a script property at the end of each run. */
export interface ScheduledRun {
  /** When it ended (ISO). */
  readonly at: string;
  /** False when a mode stopped or the refresh failed. */
  readonly ok: boolean;
  /** The run's own words: what each mode synced, and the refresh. */
  readonly summary: string;
  /** The id of the trigger that ran it (the event's triggerUid): tells yours from another person's. */
  readonly trigger: string | null;
}

/** A script property holds 9 kB; a summary this long is already more than the dialog shows. */
const SUMMARY_LIMIT = 600;

export function scheduledRunText(run: ScheduledRun): string {
  const summary = run.summary.length > SUMMARY_LIMIT ? `${run.summary.slice(0, SUMMARY_LIMIT - 1)}…` : run.summary;
  return JSON.stringify({ ...run, summary });
}

/** The kept record, or null when there is none or it is not one (an older or hand-edited value). */
export function parseScheduledRun(text: string | null): ScheduledRun | null {
  const value = storedObject(text);
  if (value === null) return null;
  const { at, ok, summary, trigger } = value;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof ok !== 'boolean' || typeof summary !== 'string') return null;
  return { at, ok, summary, trigger: typeof trigger === 'string' ? trigger : null };
}

function count(n: number, unit: string): string {
  return `${String(n)} ${unit}${n === 1 ? '' : 's'}`;
}

/** `just now`, `1 minute ago`, `3 hours ago`, `2 days ago`. */
export function agoInWords(thenMs: number, nowMs: number): string {
  const minutes = Math.floor((nowMs - thenMs) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${count(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${count(hours, 'hour')} ago`;
  return `${count(Math.floor(hours / 24), 'day')} ago`;
}

/** What the dialog is drawn from. */
export interface ScheduleFacts {
  /** This person's scheduled sync: its interval, or null when they have none. */
  readonly mine: SyncChoice;
  /** The interval the add-on recorded when someone last turned it on (script-wide), or null. */
  readonly recorded: SyncChoice;
  readonly lastRun: ScheduledRun | null;
  /** The last run's time in the spreadsheet's time zone, as the gas side formats it. */
  readonly lastRunAt: string;
  /** True when the last run's trigger is one of this person's. */
  readonly lastRunMine: boolean;
  readonly nowMs: number;
}

export interface ScheduleView {
  /** The radio value to check: this person's choice. */
  readonly checked: string;
  /** One line: what runs now. */
  readonly current: string;
  /** One line: when the scheduled sync last ran and what it did. */
  readonly lastRun: string;
  /** Another person's scheduled sync, when there are signs of one; else empty. */
  readonly others: string;
}

const PER_USER =
  'Apps Script runs each scheduled sync under the Google account of the person who turned it on, also while the spreadsheet is closed; only that person sees it here and can turn it off.';

export function describeSchedule(facts: ScheduleFacts): ScheduleView {
  const current =
    facts.mine === null
      ? 'Your scheduled sync is off: new sales arrive by webhook, or when you choose Sync now.'
      : `Your scheduled sync is on: ${syncIntervalWords(facts.mine).every} the add-on reads new events from Stripe, then refreshes attribution.`;
  const run = facts.lastRun;
  const lastRun =
    run === null
      ? 'The scheduled sync has not run yet.'
      : `Last run: ${facts.lastRunAt} (${agoInWords(Date.parse(run.at), facts.nowMs)})${facts.lastRunMine ? '' : ", by another person's scheduled sync"}. ` +
        `${run.ok ? '' : 'It did not finish: '}${run.summary}`;
  const signs: string[] = [];
  if (facts.mine === null && facts.recorded !== null)
    signs.push(`Another person turned a scheduled sync on (${syncIntervalWords(facts.recorded).every}).`);
  else if (run !== null && !facts.lastRunMine) signs.push("The last run was another person's scheduled sync.");
  const others = signs.length === 0 ? '' : `${signs.join(' ')} ${PER_USER}`;
  return { checked: facts.mine === null ? 'off' : String(facts.mine), current, lastRun, others };
}

/** What choosing says, once it is done. */
export function choiceMessage(before: SyncChoice, after: SyncChoice): string {
  if (after === null) {
    return before === null
      ? 'Your scheduled sync was already off: nothing changed.'
      : 'Your scheduled sync is off. New sales now arrive only by webhook, or when you choose Sync now.';
  }
  const every = syncIntervalWords(after).every;
  if (before === after) return `Your scheduled sync already runs ${every}: nothing changed.`;
  const was = before === null ? '' : ` (it ran ${syncIntervalWords(before).every} before)`;
  return `Your scheduled sync is on${was}: ${every} the add-on reads new events from Stripe, then refreshes attribution. It runs under your Google account, also while the spreadsheet is closed.`;
}
