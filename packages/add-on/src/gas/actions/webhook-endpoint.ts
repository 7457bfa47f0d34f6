/**
 * The menu's endpoint items: Set up reconciliation (the ledger and the URL to paste into Stripe or
 * the relay), Show webhook URL, and Rotate webhook token (for a URL that leaked).
 */

import { maskKey } from '../../core/stripe/stripe-key';
import { showDialog } from '../helpers/dialog';
import { ensureReconciliationSheet } from '../ledger/record-store';
import { setupDialogHtml, type TokenNews } from '../reconciliation/setup-dialog';
import { withScriptLockOrFail } from '../script-lock';
import { connectedKeys, createWebhookToken, webhookToken } from '../stripe/settings';
import { tellFrom } from './menu-action';
import { menuLabel } from '../menu';

function endpointUrl(token: string): { endpoint: string | null; devUrl: boolean } {
  const url = ScriptApp.getService().getUrl() as string | null;
  if (url === null || url === '') return { endpoint: null, devUrl: false };
  return { endpoint: `${url}${url.indexOf('?') === -1 ? '?' : '&'}token=${encodeURIComponent(token)}`, devUrl: /\/dev$/.test(url) };
}

/** The endpoint URL to paste into Stripe, the events to pick, and how deliveries are checked. */
function showEndpointDialog(token: string, news: TokenNews): void {
  const keys = connectedKeys();
  // Each mode's deliveries are checked with that mode's key; a mode without one, by the token alone.
  const verification =
    keys.length === 0
      ? null
      : keys.length === 2
        ? `the restricted key of its mode (${keys.map(({ mode, key }) => `${maskKey(key)} for ${mode} mode`).join(', ')})`
        : `the restricted key ${keys.map(({ mode, key }) => `${maskKey(key)} (${mode} mode; ${mode === 'live' ? 'test' : 'live'}-mode deliveries are checked by their token only)`).join('')}`;
  showDialog(HtmlService.createHtmlOutput(setupDialogHtml({ ...endpointUrl(token), verification, news })), 'Stripe webhooks');
}

const SET_UP_LOCK_WAIT_MS = 30_000;
const NOT_SET_UP = 'Not set up yet: choose "Set up reconciliation" first.';

export function setUp(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { notice } = withScriptLockOrFail(SET_UP_LOCK_WAIT_MS, 'Set up reconciliation', (held) =>
    ensureReconciliationSheet(held, spreadsheet),
  );
  if (notice !== null) spreadsheet.toast(notice, 'Reconciliation', 15);
  const token = webhookToken();
  showEndpointDialog(token ?? createWebhookToken(), token === null ? 'created' : 'kept');
}

export function showEndpoint(): void {
  const token = webhookToken();
  if (token === null) {
    tellFrom('showWebhookUrl', NOT_SET_UP);
    return;
  }
  showEndpointDialog(token, 'kept');
}

/** A new token in place of the old one: for a URL that leaked. The webhook reads the token on every delivery, so the old one is refused from now on. */
export function rotateToken(): void {
  const ui = SpreadsheetApp.getUi();
  if (webhookToken() === null) {
    tellFrom('rotateWebhookToken', NOT_SET_UP);
    return;
  }
  const answer = ui.alert(
    menuLabel('rotateWebhookToken'),
    "This makes a new secret token for the endpoint URL. The URL pasted into Stripe (and into the relay's APPS_SCRIPT_URL, if you use it) " +
      'stops working at once: every delivery to it is refused, and asked to be sent again, until you paste the new URL there.\n\n' +
      'Meanwhile, through the relay, Stripe gets a 503 for each event and sends it again with exponential backoff, for up to three days ' +
      'in live mode (a few times over hours in test mode): paste the new URL within that time and nothing is lost. ' +
      "A direct /exec endpoint shows Stripe Google's redirect (302) whatever the add-on answers, so the request to send again never reaches Stripe: " +
      'there, count on Sync now or the scheduled sync to catch those events up.\n\nMake a new token now?',
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) {
    tellFrom('rotateWebhookToken', 'Nothing changed: the current webhook URL still works.');
    return;
  }
  showEndpointDialog(createWebhookToken(), 'rotated');
}
