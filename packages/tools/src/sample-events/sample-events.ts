/**
 * Sample Stripe events of every kind the add-on handles, for `npm run send-event`: what Stripe
 * would send about one buyer who came through a demo link row, made by the fake Stripe API (whose
 * objects have the keys of Stripe's own fixtures, packages/add-on/test/fixtures/stripe) on the real
 * clock. One story, so each event counts against the others: a card sale through the row's link
 * with its reference, a partial refund of it, a dispute of it from opening to won, a weekly plan
 * renewed once, a delayed payment that succeeds and one that fails, and a checkout left to expire.
 *
 * Ids are the same on every run for a reference (the fake's ids come from a seed, here the
 * reference's own), so sending a kind twice sends the same event, which the add-on writes once;
 * another row's reference is another buyer. The Payment Link ids are the playground's own (the demo's
 * seed makes them), so with a key connected the sale is also matched by its link.
 */
import { SUBSCRIBED_EVENT_TYPES } from '@stripe-utm-sheets/add-on/core/ledger/stripe-events';
import type { HandledEventType } from '@stripe-utm-sheets/add-on/core/stripe/stripe-event';
import { DEMO_LAUNCH_LINK, DEMO_LINK_ROWS, DEMO_SPRING_LINK } from '../demo-links';
import { FakeStripeApi, type StripeEvent } from '../fake-stripe';
import { addDemoPaymentLinks } from '../playground/demo-sales';
import { createPlaygroundStripe } from '../playground/playground-stripe';

/** Every kind the add-on handles: what `npm run send-event -- <kind>` takes. */
export const SAMPLE_KINDS: readonly HandledEventType[] = SUBSCRIBED_EVENT_TYPES;

/** The demo row whose reference a sample carries unless told otherwise (the newsletter's). */
export const DEFAULT_SAMPLE_REFERENCE = 'nl-0001';

/** The demo links tab's references, each a row a sample sale is attributed to. */
export const DEMO_REFERENCES: readonly string[] = DEMO_LINK_ROWS.map((row) => String(row[6] ?? '')).filter((reference) =>
  /^[A-Za-z0-9_-]+$/.test(reference),
);

const HOUR = 3600;
const DAY = 24 * HOUR;

/** What each demo link sells, as the demo's sales do (demo-sales.ts). */
const PRICES: Record<string, { currency: string; amount: number }> = {
  [DEMO_SPRING_LINK]: { currency: 'usd', amount: 4900 },
  [DEMO_LAUNCH_LINK]: { currency: 'eur', amount: 2900 },
};

export interface SampleStory {
  reference: string;
  /** The demo link the buyer came through, its `plink_` id, and what it sells. */
  link: { url: string; id: string; currency: string; amount: number };
  /** The event of each kind. */
  byKind: ReadonlyMap<HandledEventType, StripeEvent>;
  /** Every event of the story, as Stripe would have sent them, oldest first. */
  all: readonly StripeEvent[];
}

/** The playground's Payment Link ids by URL: the demo's seed makes the same ones in every fake it starts. */
function demoPaymentLinkIds(): Map<string, string> {
  let ids = new Map<string, string>();
  createPlaygroundStripe((stripe) => {
    ids = addDemoPaymentLinks(stripe);
  });
  return ids;
}

function seedOf(reference: string): number {
  let hash = 7;
  for (const char of `sample:${reference}`) hash = (hash * 31 + char.charCodeAt(0)) % 2_147_483_647;
  return hash;
}

/** The link a reference's row has (the spring link for a reference no demo row has). */
function linkOf(reference: string): string {
  const row = DEMO_LINK_ROWS.find((candidate) => candidate[6] === reference);
  const url = String(row?.[0] ?? DEMO_SPRING_LINK).split('?')[0] ?? DEMO_SPRING_LINK;
  return url in PRICES ? url : DEMO_SPRING_LINK;
}

/** The story of one buyer with this reference, its last event a few minutes before `now` (Unix seconds). */
export function sampleStory(reference: string = DEFAULT_SAMPLE_REFERENCE, now: number = Math.floor(Date.now() / 1000)): SampleStory {
  const url = linkOf(reference);
  const price = PRICES[url] ?? { currency: 'usd', amount: 4900 };
  const id = demoPaymentLinkIds().get(url) ?? '';
  const stripe = new FakeStripeApi({ now: () => now, seed: seedOf(reference) });
  const buyer = { clientReferenceId: reference, paymentLink: id, ...price };
  const at = (secondsAgo: number) => ({ created: now - secondsAgo });

  const sale = stripe.scenario.paid({ ...buyer, name: 'Sam Sample', email: 'sam.sample@example.com', created: now - 2 * HOUR });
  const refund = stripe.afterSale.refund(sale.session.id, { amount: Math.round(price.amount / 5), ...at(100 * 60) });
  const opened = stripe.afterSale.dispute(sale.session.id, { reason: 'product_not_received', ...at(90 * 60) });
  const disputeId = String(opened.object['id']);
  const evidence = stripe.afterSale.submitEvidence(disputeId, at(80 * 60));
  const closed = stripe.afterSale.closeDispute(disputeId, 'won', at(70 * 60));
  const plan = stripe.scenario.subscription({
    ...buyer,
    amount: Math.round(price.amount / 4),
    interval: 'week',
    created: now - 7 * DAY - HOUR,
    name: 'Pat Plan',
    email: 'pat.plan@example.com',
  });
  const renewal = stripe.afterSale.renew(plan.subscription, at(60 * 60));
  const delayed = (outcome: 'succeeded' | 'failed', minutesAgo: number, name: string) =>
    stripe.scenario.asyncPayment({ ...buyer, outcome, daysLater: 3, created: now - 3 * DAY - minutesAgo * 60 - 90, name });
  const succeeded = delayed('succeeded', 50, 'Dana Debit');
  const failed = delayed('failed', 40, 'Frankie Fail');
  const expired = stripe.scenario.expired({ ...buyer, created: now - DAY - 30 * 60 });

  const all = [sale, refund, opened, evidence, closed, plan, renewal, succeeded, failed, expired]
    .flatMap((flow) => flow.events)
    // What an endpoint subscribed to the add-on's events receives (not refund.created, say).
    .filter((event) => SAMPLE_KINDS.some((kind) => kind === event.type))
    .sort((a, b) => a.created - b.created);
  const byKind = new Map<HandledEventType, StripeEvent>();
  const pick = (events: readonly StripeEvent[]) => {
    for (const event of events) {
      const kind = SAMPLE_KINDS.find((candidate) => candidate === event.type);
      if (kind !== undefined) byKind.set(kind, event);
    }
  };
  // The sale's own completed event, not the plan's or a delayed payment's; the plan's renewal, not its first invoice.
  pick([...succeeded.events, ...failed.events, ...plan.events, ...renewal.events, ...expired.events]);
  pick([...sale.events, ...refund.events, ...opened.events, ...evidence.events, ...closed.events]);
  return { reference, link: { url, id, ...price }, byKind, all };
}

/** The events `npm run send-event -- <kind>` sends: the story's one of that kind, or all of them for `all`. */
export function sampleEventsOf(story: SampleStory, kind: string): StripeEvent[] {
  if (kind === 'all') return [...story.all];
  const event = story.byKind.get(kind as HandledEventType);
  return event === undefined ? [] : [event];
}
