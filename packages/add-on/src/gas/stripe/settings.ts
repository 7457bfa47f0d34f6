/** What the add-on keeps in script properties, and the only code that reads or writes them. */

import { readSyncIntervalText, type SyncInterval } from '../../core/ledger/stripe-events';
import { SCRIPT_PROPERTIES } from '../../core/contracts/script-properties';

const { webhookToken: WEBHOOK_TOKEN, stripeApiKey: STRIPE_API_KEY, syncState: SYNC_STATE, syncInterval: SYNC_INTERVAL } = SCRIPT_PROPERTIES;
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

export function stripeApiKey(): string | null {
  return properties().getProperty(STRIPE_API_KEY);
}

export function setStripeApiKey(key: string | null): void {
  if (key === null) properties().deleteProperty(STRIPE_API_KEY);
  else properties().setProperty(STRIPE_API_KEY, key);
}

export function readSyncState(): string | null {
  return properties().getProperty(SYNC_STATE);
}

export function writeSyncState(state: string | null): void {
  if (state === null) properties().deleteProperty(SYNC_STATE);
  else properties().setProperty(SYNC_STATE, state);
}

/** The scheduled sync's interval in minutes, or null when none was recorded. */
export function readSyncInterval(): SyncInterval | null {
  return readSyncIntervalText(properties().getProperty(SYNC_INTERVAL));
}

export function writeSyncInterval(minutes: SyncInterval | null): void {
  if (minutes === null) properties().deleteProperty(SYNC_INTERVAL);
  else properties().setProperty(SYNC_INTERVAL, String(minutes));
}

/** The marker of a refresh owed after webhook deliveries (core/attribution/refresh-schedule.ts), or null. */
export function readPendingRefreshText(): string | null {
  return properties().getProperty(PENDING_REFRESH);
}

export function writePendingRefreshText(text: string | null): void {
  if (text === null) properties().deleteProperty(PENDING_REFRESH);
  else properties().setProperty(PENDING_REFRESH, text);
}
