/** The add-on menu, built from one list; each item names the global (main.ts) it runs. */

import { SCHEDULED_SYNC_MENU_ITEM } from '../core/ledger/scheduled-sync';
import type * as Globals from './main';

export type GlobalName = keyof typeof Globals;

const SEPARATOR = null;

const ITEMS: ReadonlyArray<readonly [label: string, handler: GlobalName] | typeof SEPARATOR> = [
  ['Open link builder', 'openLinkBuilder'],
  ['Check selected cells', 'checkSelectedCells'],
  ['Add references', 'addReferences'],
  SEPARATOR,
  ['Set up reconciliation', 'setUpReconciliation'],
  ['Show webhook URL', 'showWebhookUrl'],
  ['Rotate webhook token…', 'rotateWebhookToken'],
  SEPARATOR,
  ['Connect Stripe key…', 'connectStripeKey'],
  ['Sync now', 'syncNow'],
  [SCHEDULED_SYNC_MENU_ITEM, 'openScheduledSync'],
  ['Refresh attribution', 'refreshAttribution'],
  ['Re-attribute past sales', 'reattributePastSales'],
  SEPARATOR,
  ['Help', 'showHelp'],
];

/** The menu item's label (`Check selected cells`), for what it shows; the global's name when no item calls it. */
export function menuLabel(handler: GlobalName): string {
  for (const item of ITEMS) if (item !== SEPARATOR && item[1] === handler) return item[0].replace(/…$/, '');
  return handler;
}

export function buildMenu(): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of ITEMS) {
    if (item === SEPARATOR) menu.addSeparator();
    else menu.addItem(item[0], item[1]);
  }
  menu.addToUi();
}
