/** The sample events `npm run send-event` sends: one of every kind the add-on handles, about a buyer of a demo links row. */
import { HANDLED_EVENT_TYPES } from '@stripe-utm-sheets/add-on/core/stripe/stripe-event';
import { DEMO_SPRING_LINK, DEMO_LAUNCH_LINK } from '../src/demo-links';
import { createPlaygroundStripe } from '../src/playground/playground-stripe';
import { DEMO_REFERENCES, SAMPLE_KINDS, sampleEventsOf, sampleStory } from '../src/sample-events/sample-events';

const NOW = 1_780_000_000;

test('every kind the add-on handles has a sample, of that type', () => {
  expect([...SAMPLE_KINDS].sort()).toEqual([...HANDLED_EVENT_TYPES].sort());
  const story = sampleStory('nl-0001', NOW);
  for (const kind of SAMPLE_KINDS) {
    const events = sampleEventsOf(story, kind);
    expect(events.map((event) => event.type)).toEqual([kind]);
    expect(events[0]!.created).toBeLessThanOrEqual(NOW);
    expect(events[0]!.livemode).toBe(false);
  }
  expect(sampleEventsOf(story, 'payment_intent.succeeded')).toEqual([]);
});

test("the sale carries the row's reference and the playground's own Payment Link, and the money events are about it", () => {
  const playgroundLinks = new Map(
    createPlaygroundStripe()
      .allPaymentLinks()
      .map((link) => [link.url, link.id]),
  );
  const story = sampleStory('li-0006', NOW);
  const sale = story.byKind.get('checkout.session.completed')!.data.object as Record<string, unknown>;
  expect(sale['client_reference_id']).toBe('li-0006');
  expect(sale['payment_link']).toBe(playgroundLinks.get(DEMO_LAUNCH_LINK));
  expect([sale['currency'], sale['amount_total'], sale['payment_status']]).toEqual(['eur', 2900, 'paid']);
  const refunded = story.byKind.get('charge.refunded')!.data.object as Record<string, unknown>;
  expect(refunded['payment_intent']).toBe(sale['payment_intent']);
  expect(refunded['amount_refunded']).toBe(580);
  const dispute = story.byKind.get('charge.dispute.closed')!.data.object as Record<string, unknown>;
  expect([dispute['charge'], dispute['status']]).toEqual([refunded['id'], 'won']);
  expect(sampleStory('nl-0001', NOW).link).toMatchObject({ url: DEMO_SPRING_LINK, id: playgroundLinks.get(DEMO_SPRING_LINK) });
  expect(DEMO_REFERENCES).toEqual(expect.arrayContaining(['nl-0001', 'fb-0002', 'g-0004', 'li-0006']));
});

test('the same reference is the same buyer on every run, another reference another', () => {
  const first = sampleStory('nl-0001', NOW);
  const later = sampleStory('nl-0001', NOW + 600);
  expect(later.all.map((event) => event.id)).toEqual(first.all.map((event) => event.id));
  const other = sampleStory('fb-0002', NOW);
  expect(other.all.some((event) => first.all.some((mine) => mine.id === event.id))).toBe(false);
});

test('all: every event an endpoint subscribed to the add-on gets, oldest first', () => {
  const all = sampleEventsOf(sampleStory('nl-0001', NOW), 'all');
  expect(new Set(all.map((event) => event.type))).toEqual(new Set(SAMPLE_KINDS));
  expect(all.map((event) => event.created)).toEqual([...all.map((event) => event.created)].sort((a, b) => a - b));
});
