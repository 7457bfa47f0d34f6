/** Which Stripe keys the add-on accepts: restricted keys only, so a leak cannot move money. */

import { keyPermissionsText } from '../ledger/stripe-events';

/** Stripe keeps test and live apart: a key of one mode neither reads nor confirms the other's objects. */
export type StripeMode = 'test' | 'live';
export const STRIPE_MODES: readonly StripeMode[] = ['test', 'live'];

export function modeOf(livemode: boolean): StripeMode {
  return livemode ? 'live' : 'test';
}

/** The mode a key's prefix names (`rk_live_`, `sk_live_`: live; anything else test, as Stripe's own test keys are). */
export function modeOfKey(key: string): StripeMode {
  return /^[a-z]{2}_live_/.test(key.trim()) ? 'live' : 'test';
}

export type KeyCheck = { ok: true; mode: StripeMode } | { ok: false; error: string };

export function checkStripeKey(key: string): KeyCheck {
  const trimmed = key.trim();
  if (/^rk_(test|live)_[A-Za-z0-9]{10,}$/.test(trimmed)) return { ok: true, mode: modeOfKey(trimmed) };
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
