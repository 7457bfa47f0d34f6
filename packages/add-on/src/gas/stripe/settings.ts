/** What the add-on keeps in script properties, and the only code that reads or writes them. */

import { readSyncIntervalText, type SyncInterval } from '../../core/ledger/stripe-events';
import { SCRIPT_PROPERTIES } from '../../core/contracts/script-properties';
import { modeOfKey, STRIPE_MODES, type StripeMode } from '../../core/stripe/stripe-key';

const { webhookToken: WEBHOOK_TOKEN, syncInterval: SYNC_INTERVAL } = SCRIPT_PROPERTIES;
const {
  stripeApiKey: LEGACY_KEY,
  syncState: LEGACY_SYNC_STATE,
  stripeApiKeys: STRIPE_API_KEYS,
  syncStates: SYNC_STATES,
} = SCRIPT_PROPERTIES;
const { salesChecked: SALES_CHECKED } = SCRIPT_PROPERTIES;
const { pendingRefresh: PENDING_REFRESH } = SCRIPT_PROPERTIES;

const properties = (): GoogleAppsScript.Properties.Properties => PropertiesService.getScriptProperties();

export function webhookToken(): string | null {
  return properties().getProperty(WEBHOOK_TOKEN);
}

/** A new secret for the endpoint URL: two random UUIDs, about 244 bits. */
export function createWebhookToken(): string {
  const token = (Utilities.getUuid() + Utilities.getUuid()).replace(/-/g, '');
  properties().setProperty(WEBHOOK_TOKEN, token);
  return token;
}

/**
 * An earlier version kept one key (`STRIPE_API_KEY`) and one sync state (`SYNC_STATE`): they become
 * the key and the sync state of the mode the key's prefix names, once, never over a key or state
 * that mode already has. A sync state left without its key (an earlier version's disconnect) names
 * no mode and is left alone. Checked once per execution, before any key is read.
 */
let legacyChecked = false;
function migrateSingleKey(): void {
  if (legacyChecked) return;
  legacyChecked = true;
  const store = properties();
  const legacy = store.getProperty(LEGACY_KEY);
  if (legacy === null) return;
  const mode = modeOfKey(legacy);
  if (store.getProperty(STRIPE_API_KEYS[mode]) === null) store.setProperty(STRIPE_API_KEYS[mode], legacy);
  const state = store.getProperty(LEGACY_SYNC_STATE);
  if (state !== null && store.getProperty(SYNC_STATES[mode]) === null) store.setProperty(SYNC_STATES[mode], state);
  store.deleteProperty(LEGACY_SYNC_STATE);
  store.deleteProperty(LEGACY_KEY);
}

/** The restricted key connected for `mode`, or null. */
export function stripeKeyFor(mode: StripeMode): string | null {
  migrateSingleKey();
  return properties().getProperty(STRIPE_API_KEYS[mode]);
}

/** Each mode's key, test first; null where none is connected. */
export function stripeKeys(): Record<StripeMode, string | null> {
  return { test: stripeKeyFor('test'), live: stripeKeyFor('live') };
}

/** The modes that have a key, with it: test first. */
export function connectedKeys(): Array<{ mode: StripeMode; key: string }> {
  return STRIPE_MODES.flatMap((mode) => {
    const key = stripeKeyFor(mode);
    return key === null ? [] : [{ mode, key }];
  });
}

export function setStripeKey(mode: StripeMode, key: string | null): void {
  migrateSingleKey();
  if (key === null) properties().deleteProperty(STRIPE_API_KEYS[mode]);
  else properties().setProperty(STRIPE_API_KEYS[mode], key);
}

export function readSyncState(mode: StripeMode): string | null {
  migrateSingleKey();
  return properties().getProperty(SYNC_STATES[mode]);
}

export function writeSyncState(mode: StripeMode, state: string | null): void {
  if (state === null) properties().deleteProperty(SYNC_STATES[mode]);
  else properties().setProperty(SYNC_STATES[mode], state);
}

/** Where the sync of the mode's balance transactions stands (core/stripe/settled-sync-state.ts), as kept. */
export function readSettledSyncState(mode: StripeMode): string | null {
  return properties().getProperty(SCRIPT_PROPERTIES.settledSyncStates[mode]);
}

export function writeSettledSyncState(mode: StripeMode, state: string): void {
  properties().setProperty(SCRIPT_PROPERTIES.settledSyncStates[mode], state);
}

/** How many sales were checked with Stripe today (core/stripe/sale-checks.ts), as kept. */
export function readSalesCheckedText(): string | null {
  return properties().getProperty(SALES_CHECKED);
}

export function writeSalesCheckedText(text: string): void {
  properties().setProperty(SALES_CHECKED, text);
}

/** The scheduled sync's interval in minutes, or null when none was recorded. */
export function readSyncInterval(): SyncInterval | null {
  return readSyncIntervalText(properties().getProperty(SYNC_INTERVAL));
}

export function writeSyncInterval(minutes: SyncInterval | null): void {
  if (minutes === null) properties().deleteProperty(SYNC_INTERVAL);
  else properties().setProperty(SYNC_INTERVAL, String(minutes));
}

/** What the last scheduled sync did (core/ledger/scheduled-sync.ts), as kept. */
export function readScheduledRunText(): string | null {
  return properties().getProperty(SCRIPT_PROPERTIES.scheduledSyncLastRun);
}

export function writeScheduledRunText(text: string): void {
  properties().setProperty(SCRIPT_PROPERTIES.scheduledSyncLastRun, text);
}

/** The marker of a refresh owed after webhook deliveries (core/attribution/refresh-schedule.ts), or null. */
export function readPendingRefreshText(): string | null {
  return properties().getProperty(PENDING_REFRESH);
}

export function writePendingRefreshText(text: string | null): void {
  if (text === null) properties().deleteProperty(PENDING_REFRESH);
  else properties().setProperty(PENDING_REFRESH, text);
}

/**
 * The spreadsheet's time zone, from the script property where the last refresh left it; asked of
 * Sheets (a round trip) and kept only when none is kept yet. A zone changed in File > Settings is
 * taken up by the next refresh.
 */
export function spreadsheetTimeZone(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const kept = properties().getProperty(SCRIPT_PROPERTIES.timeZone);
  if (kept !== null && kept !== '') return kept;
  const zone = spreadsheet.getSpreadsheetTimeZone();
  properties().setProperty(SCRIPT_PROPERTIES.timeZone, zone);
  return zone;
}

/** Keeps the time zone a refresh read, for the deliveries after it. */
export function keepSpreadsheetTimeZone(zone: string): void {
  if (properties().getProperty(SCRIPT_PROPERTIES.timeZone) !== zone) properties().setProperty(SCRIPT_PROPERTIES.timeZone, zone);
}
