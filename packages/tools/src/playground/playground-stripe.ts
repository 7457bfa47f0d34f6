/**
 * Stripe's API as the playground's add-on sees it: a FakeStripeApi on the real clock, seeded with the
 * demo's sales (demo-sales.ts), accepting one restricted test key, settling in USD with the fake's
 * standard fees, each charge's balance transaction there at once. Its data lives in memory only.
 *
 * A delivery whose Stripe-Signature checked out really came from Stripe (`stripe listen`), so it is
 * copied into the fake: with the playground key connected, the add-on fetches each delivered event
 * (and a refund's, dispute's or invoice's object) back from "Stripe" before writing it, and finds it.
 */
import { FakeStripeApi, type CheckoutSession, type JsonObject } from '../fake-stripe';
import { seedDemoSales } from './demo-sales';

export const PLAYGROUND_STRIPE_KEY = 'rk_test_playground0000000000';

/** The objects of money after the sale a delivery may carry. */
const MONEY_OBJECTS = ['charge', 'refund', 'dispute', 'invoice'];

/** What the playground's fake Stripe API holds at start: by default the demo's sales. */
export type SalesSeed = (stripe: FakeStripeApi) => void;

export function createPlaygroundStripe(seedSales: SalesSeed = seedDemoSales): FakeStripeApi {
  const stripe = new FakeStripeApi({
    keys: [PLAYGROUND_STRIPE_KEY],
    now: () => Math.floor(Date.now() / 1000),
    seed: 2026,
    // The demo's account is American: EUR sales are converted, with their fees, into USD.
    settlementCurrency: 'usd',
  });
  seedSales(stripe);
  return stripe;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Copies verified deliveries into the fake: the session (or charge, refund, dispute, invoice) as of
 * its newest delivered event (an older event arriving late leaves it as it is), and every event once.
 */
export class VerifiedEventMirror {
  private readonly newestEvent = new Map<string, number>();

  constructor(private readonly stripe: FakeStripeApi) {}

  /** Stores the delivery's event and its session, charge, refund, dispute or invoice; what it did, for the log. */
  mirror(body: string): string | null {
    let event: unknown;
    try {
      event = JSON.parse(body);
    } catch {
      return null;
    }
    if (!isObject(event) || typeof event['id'] !== 'string' || typeof event['type'] !== 'string') return null;
    const data = event['data'];
    const object = isObject(data) ? data['object'] : undefined;
    if (!isObject(object) || typeof object['id'] !== 'string') return null;
    if (this.stripe.getEvent(event['id']) !== undefined) return null;
    const id = object['id'];
    const created = typeof event['created'] === 'number' ? event['created'] : this.stripe.now();
    if (MONEY_OBJECTS.includes(String(object['object']))) {
      return this.mirrorMoney(event['id'], event['type'], object, created, event['api_version']);
    }
    if (object['object'] !== 'checkout.session') return null;
    const fields = object as unknown as CheckoutSession;
    if (this.stripe.getSession(id) === undefined) this.stripe.addSession(fields);
    else if (created >= (this.newestEvent.get(id) ?? 0)) this.stripe.updateSession(id, fields);
    this.newestEvent.set(id, Math.max(created, this.newestEvent.get(id) ?? 0));
    this.stripe.addEvent(event['type'], fields, { id: event['id'], created });
    return `copied ${event['id']} (${event['type']}) into the fake Stripe API`;
  }

  /** The object as of its newest delivered event, and the event as it came (its version's shape). */
  private mirrorMoney(eventId: string, type: string, object: JsonObject, created: number, version: unknown): string {
    const id = String(object['id']);
    const newest = this.newestEvent.get(id);
    if (newest === undefined || created >= newest) this.stripe.putObject(object);
    this.newestEvent.set(id, Math.max(created, newest ?? created));
    const apiVersion = typeof version === 'string' ? version : undefined;
    this.stripe.addEvent(type, object, { id: eventId, created, apiVersion, verbatim: true });
    return `copied ${eventId} (${type}) into the fake Stripe API`;
  }
}
