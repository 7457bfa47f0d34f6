/**
 * The playground runs the one-off trigger a delivery schedules: after a posted sale, the Attribution
 * tab follows on its own once the trigger is due, and the page is told (version moves on).
 */
import { FakeStripeApi } from '../../src/fake-stripe';
import { runDueTriggers } from '../../src/playground/due-triggers';
import { deliverTo, startTestPlayground, type TestPlayground } from './helpers';

const HANDLER = 'refreshAfterDeliveries';

let pg: TestPlayground;

beforeAll(async () => {
  pg = await startTestPlayground();
});

afterAll(async () => {
  await pg.stop();
});

/** A sale through the demo's newsletter row (reference nl-0001), posted to the webhook endpoint. */
async function postSale(amount: number): Promise<void> {
  const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000), seed: amount });
  const event = stripe.scenario.paid({ clientReferenceId: 'nl-0001', amount, currency: 'usd' }).events[0]!;
  const delivery = await deliverTo(pg.webhookUrl, JSON.stringify(event));
  expect(await delivery.answer?.json()).toMatchObject({ ok: true, result: 'inserted' });
}

/** The newsletter row's revenue in the Attribution tab as the page shows it, or null before any refresh. */
async function newsletterRevenue(): Promise<string | null> {
  const rows = await pg.values('Attribution').catch(() => null);
  if (rows === null) return null;
  const header = rows[0] ?? [];
  const row = rows.find((cells) => cells[header.indexOf('utm_source')] === 'newsletter' && cells[header.indexOf('currency')] === 'usd');
  return row?.[header.indexOf('revenue')] ?? null;
}

const ours = () => pg.app.triggers.triggers.filter((t) => t.handlerFunction === HANDLER);

describe('after a posted sale', () => {
  it('runs the refresh once it is due, and tells the page', async () => {
    await postSale(4200);
    expect(ours()).toHaveLength(1);
    expect(runDueTriggers(pg.playground, new Date(), () => undefined)).toEqual([]);
    const version = (await pg.state()).version;
    const fired = runDueTriggers(pg.playground, new Date(Date.now() + 3 * 60_000), () => undefined);
    expect(fired.map((f) => [f.trigger.handlerFunction, f.ok])).toEqual([[HANDLER, true]]);
    expect(await newsletterRevenue()).toBe('42.00 USD');
    expect((await pg.state()).version).toBeGreaterThan(version);
    expect(ours()).toEqual([]);
  });

  it('runs it on its own, on the server, when it comes due', async () => {
    await postSale(1000);
    const [trigger] = ours();
    // Apps Script's two minutes, passed: the server's clock runs it within a few seconds.
    trigger!.schedule!.runAt = new Date(Date.now() - 1000).toISOString();
    const deadline = Date.now() + 15_000;
    while (ours().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ours()).toEqual([]);
    expect(await newsletterRevenue()).toBe('52.00 USD');
  });
});
