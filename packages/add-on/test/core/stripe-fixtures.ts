/**
 * Stripe's own object shapes (test/fixtures/stripe), made into the events a real Checkout Session
 * sends. The fixtures' values are filler; their field names and nesting are Stripe's, which is
 * what the schemas must accept.
 */
import { readFixture, type Json } from '../fixtures/stripe';

export { readFixture, type Json } from '../fixtures/stripe';

export const CURRENT_SESSION = 'checkout_session_fixture.json';
export const OLD_SESSION = 'checkout_session_fixture_2024-06-20.json';
export const SESSION_FIXTURES = [CURRENT_SESSION, OLD_SESSION] as const;

/** The fixture session, filled in as Stripe fills a session that has just been paid by card. */
export function completedSession(name: string = CURRENT_SESSION, overrides: Json = {}): Json {
  const session = readFixture(name);
  return {
    ...session,
    status: 'complete',
    payment_status: 'paid',
    amount_total: 1999,
    currency: 'usd',
    client_reference_id: 'row_42',
    customer_email: null,
    customer_details: { ...(session.customer_details as Json), email: 'buyer@example.com' },
    payment_link: 'plink_1PgafmB7WZ01zgkWabc',
    ...overrides,
  };
}

/** An event built like event_fixture.json, carrying `object` as its `data.object`. */
export function eventFor(object: Json, overrides: Json = {}): Json {
  const event = readFixture('event_fixture.json');
  return {
    ...event,
    id: 'evt_1Pgc76B7WZ01zgkWwyRHS12y',
    type: 'checkout.session.completed',
    created: 1721948600,
    livemode: object.livemode,
    data: { object },
    ...overrides,
  };
}

/** A deep copy with `value` set at `path` (a path that does not exist is created). */
export function withField(json: Json, fieldPath: string, value: unknown): Json {
  const copy = JSON.parse(JSON.stringify(json)) as Json;
  const keys = fieldPath.split('.');
  const last = keys.pop()!;
  let target = copy;
  for (const key of keys) {
    const next = target[key];
    if (next === null || typeof next !== 'object') target[key] = {};
    target = target[key] as Json;
  }
  target[last] = value;
  return copy;
}

/** A deep copy without the field at `path`. */
export function withoutField(json: Json, fieldPath: string): Json {
  const copy = JSON.parse(JSON.stringify(json)) as Json;
  const keys = fieldPath.split('.');
  const last = keys.pop()!;
  let target = copy;
  for (const key of keys) target = target[key] as Json;
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
  delete target[last];
  return copy;
}
