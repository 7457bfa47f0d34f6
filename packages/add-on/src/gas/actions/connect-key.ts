/** The menu's Connect Stripe key…: a restricted key, checked by its shape and by Stripe before it is kept, or none. */

import { keyPermissionsText } from '../../core/ledger/stripe-events';
import { KEY_PROBE_PATH } from '../../core/stripe/stripe-api';
import { checkStripeKey, maskKey } from '../../core/stripe/stripe-key';
import { setStripeApiKey, stripeApiKey } from '../stripe/settings';
import { stripeGet, SYNC_RETRIES } from '../stripe/stripe-client';

export function connectKey(): void {
  const ui = SpreadsheetApp.getUi();
  const current = stripeApiKey();
  const answer = ui.prompt(
    'Connect Stripe key',
    `${current === null ? 'No key is connected: webhooks are checked by their token only.' : `Connected: ${maskKey(current)}.`}\n\n` +
      'Paste a restricted key (Stripe Dashboard > Developers > API keys > Create restricted key) with Read access to ' +
      `${keyPermissionsText()}, and nothing else. Leave it empty and press OK to disconnect.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const text = answer.getResponseText().trim();
  if (text === '') {
    setStripeApiKey(null);
    ui.alert('Disconnected. Webhooks are now checked by their token only, and sync is off.');
    return;
  }
  const check = checkStripeKey(text);
  if (!check.ok) {
    ui.alert(check.error);
    return;
  }
  // Prove the key can read events before keeping it.
  const probe = stripeGet(text, KEY_PROBE_PATH, SYNC_RETRIES);
  if (!probe.ok) {
    ui.alert(`The key was not saved. ${probe.error}`);
    return;
  }
  setStripeApiKey(text);
  ui.alert(`Connected ${maskKey(text)} (${check.mode} mode). Every delivery is now confirmed with Stripe, and Sync now can fill gaps.`);
}
