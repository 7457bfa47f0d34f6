/**
 * The menu's Scheduled sync…: one dialog that shows the current choice (off, every 15 minutes,
 * every hour) and what the last scheduled run did, and sets the choice. It replaces two on/off
 * toggles that hid which was on. Triggers are per person (getProjectTriggers lists only the
 * current user's), so a choice changes only the chooser's own trigger.
 */

import { fillTemplate } from '../../core/helpers/html';
import {
  choiceMessage,
  describeSchedule,
  parseScheduledRun,
  parseSyncChoice,
  SYNC_CHOICES,
  type SyncChoice,
} from '../../core/ledger/scheduled-sync';
import { parseSyncState } from '../../core/stripe/sync-state';
import { showDialog } from '../helpers/dialog';
import type { GlobalName } from '../menu';
import { connectedKeys, readScheduledRunText, readSyncInterval, readSyncState, writeSyncInterval } from '../stripe/settings';
import { CONNECT_KEY_FIRST } from './sync';

/** The global the scheduled sync's trigger calls (main.ts). */
export const SCHEDULED_SYNC_HANDLER: GlobalName = 'runScheduledSync';

/** This person's scheduled-sync triggers (normally one). */
function myTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((trigger) => trigger.getHandlerFunction() === SCHEDULED_SYNC_HANDLER);
}

/** A trigger does not say its interval: the recorded one, else an hour (what an earlier version made). */
function myChoice(triggers: readonly GoogleAppsScript.Script.Trigger[]): SyncChoice {
  return triggers.length === 0 ? null : (readSyncInterval() ?? 60);
}

function scheduleView(): ReturnType<typeof describeSchedule> {
  const triggers = myTriggers();
  const lastRun = parseScheduledRun(readScheduledRunText());
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lastRunAt =
    lastRun === null ? '' : Utilities.formatDate(new Date(lastRun.at), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm');
  return describeSchedule({
    mine: myChoice(triggers),
    recorded: readSyncInterval(),
    lastRun,
    lastRunAt,
    lastRunMine: lastRun !== null && triggers.some((trigger) => trigger.getUniqueId() === lastRun.trigger),
    nowMs: Date.now(),
  });
}

/** The dialog, its choices drawn with the current one checked. */
export function openScheduledSyncDialog(): void {
  const view = scheduleView();
  const template = HtmlService.createHtmlOutputFromFile('ScheduledSync').getContent();
  const values: Record<string, string> = { current: view.current, last_run: view.lastRun, others: view.others };
  const flags: Record<string, boolean> = { others: view.others !== '' };
  for (const option of SYNC_CHOICES) values[`label_${option.value}`] = option.label;
  // The one radio with this value is the current choice.
  const html = fillTemplate(template, values, flags).replace(`value="${view.checked}"`, `value="${view.checked}" checked`);
  showDialog(HtmlService.createHtmlOutput(html), 'Scheduled sync', 420);
}

/** What the dialog's Save answers: done or not, what to tell the person, and the line on what runs now. */
export interface ScheduleChoiceResult {
  ok: boolean;
  message: string;
  current: string;
}

/** Sets this person's scheduled sync to `value` (`off`, `15`, `60`); at most one trigger of theirs exists afterwards. */
export function chooseSchedule(value: unknown): ScheduleChoiceResult {
  const parsed = parseSyncChoice(value);
  if (!parsed.ok) return { ok: false, message: parsed.error, current: scheduleView().current };
  const choice = parsed.choice;
  const triggers = myTriggers();
  const before = myChoice(triggers);
  if (choice !== null && choice !== before) {
    const keys = connectedKeys();
    const refusal =
      keys.length === 0
        ? CONNECT_KEY_FIRST
        : keys.some(({ mode }) => parseSyncState(readSyncState(mode)).cursor === null)
          ? 'Run Sync now once first, to choose how far back to start; then choose the scheduled sync here.'
          : null;
    if (refusal !== null) return { ok: false, message: refusal, current: scheduleView().current };
  }
  if (choice !== before) {
    triggers.forEach((trigger) => {
      ScriptApp.deleteTrigger(trigger);
    });
    if (choice !== null) {
      const clock = ScriptApp.newTrigger(SCHEDULED_SYNC_HANDLER).timeBased();
      (choice < 60 ? clock.everyMinutes(choice) : clock.everyHours(choice / 60)).create();
    }
    writeSyncInterval(choice);
  }
  return { ok: true, message: choiceMessage(before, choice), current: scheduleView().current };
}
