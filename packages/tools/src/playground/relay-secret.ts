/**
 * The signing secret of the playground's own relay. The banner used to print `whsec_...` for the
 * user to fill in, and the relay ran with that literal text as its secret; offline there is no
 * Stripe endpoint to take a real one from. So the playground makes one, printed in the relay
 * command it shows, and `npm run send-event -- --to relay` signs with the same. It is derived from
 * the webhook token, so it stays the same across restarts and changes when the token is rotated,
 * which is exactly when the relay's APPS_SCRIPT_URL must change too. It is a local demo secret:
 * a relay for real Stripe events takes the endpoint's own (or the one `stripe listen` prints).
 */
import { createHmac } from 'node:crypto';

const PURPOSE = 'stripe-utm-sheets playground relay signing secret';

/** `whsec_` and 32 hex characters, the length of a Dashboard secret. */
export function playgroundRelaySecret(webhookToken: string): string {
  return `whsec_${createHmac('sha256', webhookToken).update(PURPOSE).digest('hex').slice(0, 32)}`;
}
