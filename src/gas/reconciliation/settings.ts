/** What the add-on keeps in script properties, and the only code that reads or writes them. */

import { SCRIPT_PROPERTIES } from '../../core/script-properties';

const { webhookToken: WEBHOOK_TOKEN, stripeApiKey: STRIPE_API_KEY, syncState: SYNC_STATE } = SCRIPT_PROPERTIES;

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
