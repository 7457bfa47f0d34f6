/**
 * Which Checkout Sessions the add-on read from Stripe's API itself, with a key of their mode (the
 * webhook's check, the sync's event pages), as against the copy a delivery's body only claims.
 * The ledger's `confirmed` column says which a row was written from. Kept beside the objects, not
 * in them: nothing in a posted body can make a session look fetched.
 */

const readFromStripe = new WeakSet();

/** Marks `session` as Stripe's own copy, and returns it. */
export function asStripesCopy<T extends object>(session: T): T {
  readFromStripe.add(session);
  return session;
}

export function isStripesCopy(session: object): boolean {
  return readFromStripe.has(session);
}
