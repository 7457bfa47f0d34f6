/**
 * Everything Apps Script can call by name, in one place: custom functions, triggers, the web app,
 * menu items and the sidebar's server functions. Each calls the module that does the work. The
 * build turns each export into a top-level `function NAME(...)` in dist/Code.js; only the custom
 * functions keep their JSDoc there (Sheets shows it as argument hints), since every
 * custom-function start loads that file.
 */

import { utmClean, utmIssues, utmLink } from '../core/custom-functions/formulas';
import type { ApplyResult, InsertResult, SidebarContext, TagResult } from '../core/contracts/sidebar-api';
import { addMissingReferences, describeReferencesAdded } from './links/add-references';
import { refreshAndReport } from './attribution/refresh';
import { showHelpDialog } from './helpers/dialog';
import { buildMenu } from './menu';
import { connectKey } from './actions/connect-key';
import { askAndReattribute } from './actions/reattribute-past-sales';
import { syncFromMenu, syncFromTrigger } from './actions/sync';
import { chooseSchedule, openScheduledSyncDialog, type ScheduleChoiceResult } from './actions/scheduled-sync';
import { asMenuAction, tellFrom } from './actions/menu-action';
import { refreshAfterDeliveriesFromTrigger } from './actions/refresh-after-deliveries';
import { rotateToken, setUp, showEndpoint } from './actions/webhook-endpoint';
import { answerWebhook } from './reconciliation/webhook';
import { markSelectedCells } from './links/selection';
import { namingRulesForFunctions } from './links/naming-rules';
import * as sidebar from './links/sidebar';

/** A cell's value, or a range of them as rows of cells. */
type CellArgument = string | number | boolean | Date | null | undefined | unknown[][];
type FormulaResult = string | string[][];

/**
 * Tags a Stripe Payment Link with UTM codes and a client_reference_id, so Stripe passes them on
 * after payment. Give whole columns (A2:A, B2:B, ...) to tag every row in one go. A row with a
 * value Stripe would silently drop, or without a source, medium or campaign, shows what is wrong
 * instead of a link.
 *
 * @param {string|Array<Array<string>>} payment_link The Stripe Payment Link, like https://buy.stripe.com/...; or a column of them.
 * @param {string|Array<Array<string>>} utm_source Required. Where the traffic comes from, like newsletter or facebook. Letters, digits, - and _ only.
 * @param {string|Array<Array<string>>} utm_medium Required. The marketing medium, like email or cpc.
 * @param {string|Array<Array<string>>} utm_campaign Required. The campaign, like spring_sale.
 * @param {string|Array<Array<string>>} utm_term Optional. The paid search keyword.
 * @param {string|Array<Array<string>>} utm_content Optional. Which ad or link was clicked, like hero_button.
 * @param {string|Array<Array<string>>} client_reference_id Optional. Your own reference, sent back with the completed Checkout Session (up to 200 characters).
 * @return The tagged link, or what is wrong with the row.
 * @customfunction
 */
export function UTM_LINK(
  payment_link: CellArgument,
  utm_source?: CellArgument,
  utm_medium?: CellArgument,
  utm_campaign?: CellArgument,
  utm_term?: CellArgument,
  utm_content?: CellArgument,
  client_reference_id?: CellArgument,
): FormulaResult {
  return utmLink(
    [payment_link, utm_source, utm_medium, utm_campaign, utm_term, utm_content, client_reference_id],
    namingRulesForFunctions(),
  );
}

/**
 * Lists every value Stripe would silently drop, each with its parameter, the reason and a value
 * that would work; empty when the row is fine. Takes the same arguments as UTM_LINK.
 *
 * @param {string|Array<Array<string>>} payment_link The Stripe Payment Link, or a column of them.
 * @param {string|Array<Array<string>>} utm_source Required. Where the traffic comes from.
 * @param {string|Array<Array<string>>} utm_medium Required. The marketing medium.
 * @param {string|Array<Array<string>>} utm_campaign Required. The campaign.
 * @param {string|Array<Array<string>>} utm_term Optional. The paid search keyword.
 * @param {string|Array<Array<string>>} utm_content Optional. Which ad or link was clicked.
 * @param {string|Array<Array<string>>} client_reference_id Optional. Your own reference for the sale.
 * @return Empty when Stripe keeps every value, else one line per problem.
 * @customfunction
 */
export function UTM_ISSUES(
  payment_link: CellArgument,
  utm_source?: CellArgument,
  utm_medium?: CellArgument,
  utm_campaign?: CellArgument,
  utm_term?: CellArgument,
  utm_content?: CellArgument,
  client_reference_id?: CellArgument,
): FormulaResult {
  return utmIssues(
    [payment_link, utm_source, utm_medium, utm_campaign, utm_term, utm_content, client_reference_id],
    namingRulesForFunctions(),
  );
}

/**
 * Turns a value into one Stripe keeps, close to what was meant: accents become plain letters,
 * spaces and other characters become _, and it is cut to 150 characters. "Été 2024 / Promo"
 * becomes Ete_2024_Promo.
 *
 * @param {string|Array<Array<string>>} value The value to clean, or a range of them.
 * @param {boolean} lowercase Optional. TRUE to also make it lowercase (Facebook and facebook count as two sources).
 * @return A value made only of letters, digits, - and _.
 * @customfunction
 */
export function UTM_CLEAN(value: CellArgument, lowercase?: CellArgument): FormulaResult {
  return utmClean(value, lowercase);
}

/** Web app: Stripe's Checkout Session webhooks (`?token=` required); answers JSON. */
export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  return answerWebhook(e);
}

/** Web app: a browser opening the endpoint gets a JSON note; Stripe only POSTs. */
export function doGet(): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify({ ok: true, note: 'This endpoint receives Stripe webhooks (POST).' })).setMimeType(
    ContentService.MimeType.JSON,
  );
}

/** Trigger: adds the add-on menu. */
export function onOpen(): void {
  buildMenu();
}

/** Trigger: adds the add-on menu right after installation. */
export function onInstall(): void {
  buildMenu();
}

/** Menu: opens the link-builder sidebar. */
export function openLinkBuilder(): void {
  sidebar.openSidebar();
}

/** Menu: marks each selected value Stripe would drop, with a note saying why and what would work. */
export function checkSelectedCells(): void {
  asMenuAction('checkSelectedCells', markSelectedCells);
}

/** Menu: how the add-on works. */
export function showHelp(): void {
  showHelpDialog();
}

/** Sidebar: the active tab's link columns, the active row's values, values already used, the selection. */
export function sidebarContext(): SidebarContext {
  return sidebar.readSidebarContext();
}

/** Sidebar: writes the form's values and tagged link into the active row, asking before replacing a filled cell. */
export function sidebarInsertIntoActiveRow(request: unknown): InsertResult {
  return sidebar.insertIntoActiveRow(request);
}

/** Sidebar: tags the selected rows, the form's values filling their blank cells, asking before replacing a link. */
export function sidebarTagSelectedRows(request: unknown): TagResult {
  return sidebar.tagRowsFromSidebar(request);
}

/** Sidebar: writes the add-on's own suggestions into the cells Tag selected rows could not tag, each checked again first. */
export function sidebarApplySuggestions(request: unknown): ApplyResult {
  return sidebar.applySuggestionsFromSidebar(request);
}

/** Menu: creates the Reconciliation tab and webhook token; shows the endpoint URL. */
export function setUpReconciliation(): void {
  asMenuAction('setUpReconciliation', setUp);
}

/** Menu: shows the endpoint URL to paste into Stripe. */
export function showWebhookUrl(): void {
  showEndpoint();
}

/** Menu: after confirmation, replaces the webhook token (the old URL stops working) and shows the new URL. */
export function rotateWebhookToken(): void {
  rotateToken();
}

/** Menu: stores a restricted Stripe key once it has proved it can read events. */
export function connectStripeKey(): void {
  connectKey();
}

/** Menu: reads completed Checkout Sessions from Stripe into the Reconciliation tab. */
export function syncNow(): void {
  asMenuAction('syncNow', syncFromMenu);
}

/** Menu: the scheduled sync's one dialog: the current choice, its last run, and off / every 15 minutes / every hour. */
export function openScheduledSync(): void {
  openScheduledSyncDialog();
}

/** Scheduled sync dialog: sets this person's scheduled sync to `off`, `15` or `60` (minutes). */
export function chooseScheduledSync(choice: unknown): ScheduleChoiceResult {
  return chooseSchedule(choice);
}

/** Trigger: the scheduled sync from Stripe, at the interval chosen in Scheduled sync…; `e.triggerUid` names the trigger. */
export function runScheduledSync(e?: { triggerUid?: unknown }): void {
  syncFromTrigger(typeof e?.triggerUid === 'string' ? e.triggerUid : null);
}

/** Trigger: the one-off refresh that webhook deliveries schedule, a couple of minutes after the first of a burst. */
export function refreshAfterDeliveries(): void {
  refreshAfterDeliveriesFromTrigger();
}

/** Menu, trigger and after every sync: fills the campaign of each sale that has none from its link row and rewrites the Attribution tab; no Ui, so safe from a trigger. */
export function refreshAttribution(): void {
  asMenuAction('refreshAttribution', () => {
    refreshAndReport();
  });
}

/** Menu: after saying which sales would move and asking, rewrites every sale's campaign from today's link rows. */
export function reattributePastSales(): void {
  asMenuAction('reattributePastSales', askAndReattribute);
}

/** Menu: gives every link row without a client_reference_id its own, never replacing one. */
export function addReferences(): void {
  asMenuAction('addReferences', () => {
    tellFrom('addReferences', describeReferencesAdded(addMissingReferences()));
  });
}
