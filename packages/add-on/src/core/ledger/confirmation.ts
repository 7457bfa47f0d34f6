/**
 * Whether Stripe confirmed a sale: the Reconciliation tab's `confirmed` column. A row written from
 * a session the add-on fetched from Stripe with a key of its mode (a delivery checked with a key,
 * the sync) is `yes`; one written from a delivery's body alone (no key of its mode) is `not yet`,
 * and so is a row an earlier version wrote (its cell is empty). When a key of its mode is
 * connected, the sync asks Stripe about each such row: `yes`, or flagged, `not found in Stripe` (a
 * forged sale, or another account's) or `differs from Stripe` (Stripe has the session, but not with
 * the amount, currency or payment the row claims). Flagged sales are left out of revenue.
 */

import { textOfCell } from '../helpers/literal-text';
import type { CheckoutSession } from '../stripe/stripe-event';

export const CONFIRMED = 'yes';
export const NOT_YET = 'not yet';
export const NOT_FOUND = 'not found in Stripe';
export const DIFFERS = 'differs from Stripe';

export type Confirmation = typeof CONFIRMED | typeof NOT_YET | typeof NOT_FOUND | typeof DIFFERS;

/** What a row says before anyone asked Stripe: `yes` only when it was written from Stripe's own copy. */
export function confirmationOnWrite(fromStripe: boolean): Confirmation {
  return fromStripe ? CONFIRMED : NOT_YET;
}

/** Left out of revenue: Stripe has no such session, or not as the row says. */
export function isFlagged(cell: unknown): boolean {
  const text = textOfCell(cell).trim();
  return text === NOT_FOUND || text === DIFFERS;
}

/** Still to be asked about: neither confirmed nor flagged (an empty cell, `not yet`, or anything a person typed). */
export function needsCheck(cell: unknown): boolean {
  return textOfCell(cell).trim() !== CONFIRMED && !isFlagged(cell);
}

/** A row's claim about its session, as the sync checks it against Stripe's copy. */
export interface SaleClaim {
  /** 1-based row in the tab. */
  row: number;
  session_id: string;
  livemode: boolean;
  payment_status: string;
  amount_minor: number | null;
  currency: string;
  /** The event the row was written from: a row rewritten since it was read is not the row that was checked. */
  last_event: string;
}

/**
 * What Stripe's answer says of a row: `null` is Stripe's 404 (no such session for this key).
 * Confirmed when Stripe has the session in the row's mode with the row's amount and currency, and
 * paid if the row says paid; a row that claims less than Stripe (a delayed payment that has since
 * settled) claims no revenue it does not have, and is confirmed too.
 */
export function verdictOf(claim: SaleClaim, stripe: CheckoutSession | null): Confirmation {
  if (stripe === null) return NOT_FOUND;
  const sameMoney =
    stripe.livemode === claim.livemode &&
    (stripe.currency ?? '').toLowerCase() === claim.currency &&
    (stripe.amount_total ?? null) === claim.amount_minor;
  const paidAsClaimed = claim.payment_status !== 'paid' || stripe.payment_status === 'paid';
  return sameMoney && paidAsClaimed ? CONFIRMED : DIFFERS;
}
