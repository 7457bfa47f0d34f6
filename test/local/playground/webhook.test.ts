/**
 * POST /webhook: doPost's JSON with status 200 (and the 302 Apps Script would send, in a header),
 * Stripe-Signature checked with Stripe's library when a secret is set, and deliveries in parallel
 * with nothing lost or duplicated.
 */
import Stripe from 'stripe';
import { FakeStripeApi, signPayload, type StripeEvent } from '../../../src/local/fake-stripe';
import { PLAYGROUND_STRIPE_KEY } from '../../../src/local/playground/playground-stripe';
import { startTestPlayground, type TestPlayground } from './helpers';

const SECRET = 'whsec_playground_test_secret';

let seed = 100;

/** Another Stripe account's events (new ones at every call): what `stripe listen` would forward. */
function stripeEvents(count: number): StripeEvent[] {
  const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000), seed: seed++ });
  return Array.from({ length: count }, (_, i) => stripe.scenario.paid({ clientReferenceId: `row-${String(i)}` }).events[0]!);
}

function deliver(pg: TestPlayground, body: string, signature?: string): Promise<Response> {
  return fetch(pg.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8', ...(signature ? { 'Stripe-Signature': signature } : {}) }, body });
}

function sign(body: string, secret = SECRET): string {
  return signPayload(body, secret, Math.floor(Date.now() / 1000));
}

async function sessionIds(pg: TestPlayground): Promise<string[]> {
  const rows = await pg.values('Reconciliation');
  const column = (rows[0] ?? []).indexOf('session_id');
  return rows.slice(1).map((row) => row[column] ?? '').filter((id) => id !== '');
}

/** Sends every body, `concurrency` at a time; the statuses in order. */
async function sendAll(pg: TestPlayground, bodies: string[], concurrency: number): Promise<number[]> {
  const statuses = new Array<number>(bodies.length).fill(0);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const index = next++;
      const body = bodies[index] ?? '';
      const response = await deliver(pg, body, sign(body));
      await response.text();
      statuses[index] = response.status;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

describe('without a webhook secret', () => {
  let pg: TestPlayground;
  beforeAll(async () => {
    pg = await startTestPlayground();
  });
  afterAll(async () => {
    await pg.stop();
  });

  it('hands the body and query to doPost and answers its JSON with 200', async () => {
    const [event] = stripeEvents(1);
    const response = await deliver(pg, JSON.stringify(event));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-apps-script-would-answer')).toBe('302');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ ok: true, result: 'inserted', event: event!.id });
    expect(await sessionIds(pg)).toEqual([(event!.data.object as { id: string }).id]);
  });

  it('lets doPost refuse a wrong token and bad input', async () => {
    const wrong = await fetch(pg.webhookUrl.replace(/token=[^&]+/, 'token=nope'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(wrong.status).toBe(200);
    expect(await wrong.json()).toMatchObject({ ok: false, error: 'Wrong or missing token' });
    const notJson = await deliver(pg, 'hello');
    expect(await notJson.json()).toMatchObject({ ok: false });
    expect((await fetch(pg.webhookUrl)).status).toBe(405);
    expect(await sessionIds(pg)).toHaveLength(1);
  });
});

describe('with STRIPE_WEBHOOK_SECRET', () => {
  let pg: TestPlayground;
  beforeAll(async () => {
    pg = await startTestPlayground({ webhookSecret: SECRET });
  });
  afterAll(async () => {
    await pg.stop();
  });

  it('accepts a delivery signed with the secret (by the fake or by Stripe\'s own library)', async () => {
    const [first, second] = stripeEvents(2);
    const body = JSON.stringify(first);
    const response = await deliver(pg, body, sign(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, result: 'inserted' });
    const other = JSON.stringify(second, null, 2);
    const header = new Stripe('sk_test_unused').webhooks.generateTestHeaderString({ payload: other, secret: SECRET });
    expect((await deliver(pg, other, header)).status).toBe(200);
    expect(await sessionIds(pg)).toHaveLength(2);
  });

  it('refuses a missing, wrong or stale signature with 400, without calling doPost', async () => {
    const [event] = stripeEvents(1);
    const body = JSON.stringify({ ...event, id: 'evt_forged' });
    const before = await sessionIds(pg);
    const missing = await deliver(pg, body);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ ok: false, error: expect.stringMatching(/^bad signature: /) });
    expect(missing.headers.get('x-apps-script-would-answer')).toBeNull();
    expect((await deliver(pg, body, sign(body, 'whsec_other'))).status).toBe(400);
    expect((await deliver(pg, body, signPayload(body, SECRET, Math.floor(Date.now() / 1000) - 3600))).status).toBe(400);
    expect((await deliver(pg, `${body} `, sign(body))).status).toBe(400);
    expect(await sessionIds(pg)).toEqual(before);
  });

  it('with the playground key connected, finds verified deliveries in the fake Stripe API', async () => {
    await pg.menu('connectStripeKey', [{ button: 'OK', text: PLAYGROUND_STRIPE_KEY }]);
    const [event] = stripeEvents(1);
    const body = JSON.stringify({ ...event, id: 'evt_1VerifiedByPlayground00000' });
    const response = await deliver(pg, body, sign(body));
    expect(await response.json()).toMatchObject({ ok: true, verified: true });
  });

  it('takes 100 signed deliveries, 20 at a time, and their repeats, with nothing lost or duplicated', async () => {
    await pg.menu('connectStripeKey', [{ button: 'OK', text: '' }]); // disconnect: token and signature only
    const before = new Set(await sessionIds(pg));
    const events = stripeEvents(100);
    const bodies = events.map((event) => JSON.stringify(event));
    const statuses = await sendAll(pg, [...bodies, ...bodies.slice(0, 30)], 20);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const ids = (await sessionIds(pg)).filter((id) => !before.has(id));
    expect(ids).toHaveLength(100);
    expect(new Set(ids)).toEqual(new Set(events.map((event) => (event.data.object as { id: string }).id)));
  });
});
