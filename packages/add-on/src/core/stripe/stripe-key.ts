/** Which Stripe keys the add-on accepts: restricted keys only, so a leak cannot move money. */

import { keyPermissionsText } from '../ledger/stripe-events';

export type KeyCheck = { ok: true; mode: 'test' | 'live' } | { ok: false; error: string };

export function checkStripeKey(key: string): KeyCheck {
  const trimmed = key.trim();
  if (/^rk_(test|live)_[A-Za-z0-9]{10,}$/.test(trimmed)) return { ok: true, mode: trimmed.startsWith('rk_live_') ? 'live' : 'test' };
  if (/^sk_(test|live)_/.test(trimmed)) {
    return {
      ok: false,
      error: `That is a secret key, which can move money. Create a restricted key (rk_...) with read access to ${keyPermissionsText()}, and nothing else.`,
    };
  }
  if (/^pk_/.test(trimmed))
    return { ok: false, error: 'That is a publishable key; it cannot read sessions. Create a restricted key (rk_...).' };
  return { ok: false, error: 'That does not look like a Stripe restricted key (it should start with rk_live_ or rk_test_).' };
}

/** `rk_live_…x4Yz`: enough to recognise the key, not to use it. */
export function maskKey(key: string): string {
  return `${key.slice(0, key.indexOf('_', 3) + 1)}…${key.slice(-4)}`;
}
