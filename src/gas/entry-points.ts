/**
 * The functions Apps Script calls by name: triggers, the web app, and menu items. Each is a
 * thin door into the module that does the work. Their JSDoc is copied into Code.js, which
 * every custom-function start loads, so it is kept to a line.
 */

import type { InsertResult, SidebarContext, TagResult } from '../core/sidebar-api';
import * as menu from './menu';
import { checkSelectedCells as checkCells } from './selection';
import * as sidebar from './sidebar';
import { answerWebhook } from './webhook';

/** Web app: Stripe's Checkout Session webhooks (`?token=` required); answers JSON. */
export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  return answerWebhook(e);
}

/** Web app: a browser opening the endpoint gets a JSON note; Stripe only POSTs. */
export function doGet(): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(
    JSON.stringify({ ok: true, note: 'This endpoint receives Stripe webhooks (POST).' }),
  ).setMimeType(ContentService.MimeType.JSON);
}

/** Trigger: adds the add-on menu. */
export function onOpen(): void {
  menu.buildMenu();
}

/** Trigger: adds the add-on menu right after installation. */
export function onInstall(): void {
  menu.buildMenu();
}

/** Menu: opens the link-builder sidebar. */
export function openLinkBuilder(): void {
  sidebar.openLinkBuilder();
}

/** Menu: marks each selected value Stripe would drop, with a note saying why and what would work. */
export function checkSelectedCells(): void {
  checkCells();
}

/** Menu: how the add-on works. */
export function showHelp(): void {
  menu.showHelp();
}

/** Sidebar: the active tab's link columns, values already used, and the selection. */
export function sidebarContext(): SidebarContext {
  return sidebar.sidebarContext();
}

/** Sidebar: writes the form's values and tagged link into the active row. */
export function sidebarInsertIntoActiveRow(fields: unknown): InsertResult {
  return sidebar.sidebarInsertIntoActiveRow(fields);
}

/** Sidebar: tags the selected rows, the form's values filling their blank cells. */
export function sidebarTagSelectedRows(defaults: unknown): TagResult {
  return sidebar.sidebarTagSelectedRows(defaults);
}

/** Menu: creates the Reconciliation tab and webhook token; shows the endpoint URL. */
export function setUpReconciliation(): void {
  menu.setUpReconciliation();
}

/** Menu: shows the endpoint URL to paste into Stripe. */
export function showWebhookUrl(): void {
  menu.showWebhookUrl();
}

/** Menu: after confirmation, replaces the webhook token (the old URL stops working) and shows the new URL. */
export function rotateWebhookToken(): void {
  menu.rotateWebhookToken();
}

/** Menu: stores a restricted Stripe key once it has proved it can read events. */
export function connectStripeKey(): void {
  menu.connectStripeKey();
}

/** Menu: reads completed Checkout Sessions from Stripe into the Reconciliation tab. */
export function syncNow(): void {
  menu.syncNow();
}

/** Menu: turns the hourly sync from Stripe on or off. */
export function toggleHourlySync(): void {
  menu.toggleHourlySync();
}

/** Trigger: the hourly sync from Stripe. */
export function runScheduledSync(): void {
  menu.scheduledSync();
}
