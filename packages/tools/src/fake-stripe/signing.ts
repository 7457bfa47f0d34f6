/**
 * Webhook signing as Stripe does it, so tests and the playground can send deliveries the relay
 * accepts. Its own file because it has nothing to do with the API fake's state: the relay's tests
 * use it without a FakeStripeApi.
 */

import { createHmac } from 'node:crypto';

/**
 * The `Stripe-Signature` header Stripe sends with a webhook: `t=<timestamp>,v1=<hex HMAC-SHA256 of
 * "<timestamp>.<payload>" keyed with the endpoint secret>`.
 */
export function signPayload(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${signature}`;
}
