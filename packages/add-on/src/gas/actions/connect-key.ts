/**
 * The menu's Connect Stripe key…: a restricted key, checked by its shape and by Stripe before it is
 * kept, as the key of its own mode (a test key and a live key can both be connected: each event is
 * checked, and each mode synced, with its own); `remove test` or `remove live` disconnects one, and
 * an empty answer every one.
 */

import { keyPermissionsText } from '../../core/ledger/stripe-events';
import { KEY_PROBE_PATH } from '../../core/stripe/stripe-api';
import { checkStripeKey, maskKey, STRIPE_MODES, type StripeMode } from '../../core/stripe/stripe-key';
import { reopenFlaggedSales } from '../reconciliation/confirm-sales';
import { setStripeKey, stripeKeys } from '../stripe/settings';
import { stripeGet, SYNC_RETRIES } from '../stripe/stripe-client';
import { tellFrom } from './menu-action';

/** `Test mode: rk_test_…abcd. Live mode: none (live events are checked by their token only).` */
function connectedModes(keys: Record<StripeMode, string | null>): string {
  return STRIPE_MODES.map((mode) => {
    const key = keys[mode];
    const name = `${mode === 'live' ? 'Live' : 'Test'} mode`;
    return key === null ? `${name}: no key (${mode}-mode deliveries are checked by their token only).` : `${name}: ${maskKey(key)}.`;
  }).join('\n');
}

function disconnect(text: string, keys: Record<StripeMode, string | null>): string | null {
  const removal = /^(?:remove|disconnect)\s+(test|live)$/i.exec(text);
  if (text !== '' && removal === null) return null;
  const modes = removal === null ? STRIPE_MODES : [removal[1]?.toLowerCase() === 'live' ? 'live' : ('test' as StripeMode)];
  for (const mode of modes) setStripeKey(mode, null);
  const left = STRIPE_MODES.filter((mode) => !modes.includes(mode) && keys[mode] !== null);
  if (left.length === 0) return 'Disconnected. Webhooks are now checked by their token only, and sync is off.';
  const gone = modes[0] ?? 'test';
  return (
    `Disconnected the ${gone}-mode key: ${gone}-mode deliveries are now checked by their token only, and ${gone} mode is no longer synced. ` +
    `The ${left.join(' and ')}-mode key stays connected.`
  );
}

export function connectKey(): void {
  const ui = SpreadsheetApp.getUi();
  const keys = stripeKeys();
  const any = STRIPE_MODES.some((mode) => keys[mode] !== null);
  const answer = ui.prompt(
    'Connect Stripe key',
    `${any ? connectedModes(keys) : 'No key is connected: webhooks are checked by their token only.'}\n\n` +
      'Paste a restricted key (Stripe Dashboard > Developers > API keys > Create restricted key) with Read access to ' +
      `${keyPermissionsText()}, and nothing else. A test key (rk_test_) and a live key (rk_live_) can both be connected: ` +
      "a key replaces only its own mode's. Type remove test or remove live to disconnect one; leave it empty and press OK to disconnect every key.",
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const text = answer.getResponseText().trim();
  const disconnected = disconnect(text, keys);
  if (disconnected !== null) {
    tellFrom('connectStripeKey', disconnected);
    return;
  }
  const check = checkStripeKey(text);
  if (!check.ok) {
    tellFrom('connectStripeKey', check.error);
    return;
  }
  // Prove the key can read events before keeping it.
  const probe = stripeGet(text, KEY_PROBE_PATH, SYNC_RETRIES);
  if (!probe.ok) {
    tellFrom('connectStripeKey', `The key was not saved. ${probe.error}`);
    return;
  }
  setStripeKey(check.mode, text);
  // A sale another key flagged (another account's, say) is asked again with this one.
  let reopened = 0;
  let unreopened = '';
  try {
    reopened = reopenFlaggedSales(check.mode);
  } catch (error) {
    unreopened = ` Its flagged sales could not be set to be checked again (${error instanceof Error ? error.message : String(error)}); connect the key again once that is fixed.`;
  }
  const other: StripeMode = check.mode === 'live' ? 'test' : 'live';
  const otherKey = keys[other];
  tellFrom(
    'connectStripeKey',
    `Connected ${maskKey(text)} (${check.mode} mode). Every ${check.mode}-mode delivery is now confirmed with Stripe, and Sync now can fill gaps` +
      ` and confirm the ${check.mode}-mode sales recorded without it.` +
      (reopened > 0 ? ` ${String(reopened)} flagged ${reopened === 1 ? 'sale is' : 'sales are'} checked again by the next sync.` : '') +
      (otherKey === null
        ? ` ${other === 'live' ? 'Live' : 'Test'}-mode deliveries are still checked by their token only.`
        : ` The ${other}-mode key ${maskKey(otherKey)} stays connected.`) +
      unreopened,
  );
}
