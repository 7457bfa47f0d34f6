/**
 * POST /webhook answers as Google's /exec does: doPost runs, then a 302 whose Location is a one-time
 * echo URL serving doPost's JSON once. Stripe-Signature is checked with Stripe's library when a
 * secret is set, and deliveries in parallel lose or duplicate nothing.
 */
import Stripe from 'stripe';
import { FakeStripeApi, signPayload, type StripeEvent } from '../../src/fake-stripe';
import { EchoStore } from '../../src/playground/echo-store';
import { PLAYGROUND_STRIPE_KEY } from '../../src/playground/playground-stripe';
import { deliverTo, startTestPlayground, type Delivery, type TestPlayground } from './helpers';

const SECRET = 'whsec_playground_test_secret';

let seed = 100;

/** Another Stripe account's events (new ones at every call): what `stripe listen` would forward. */
function stripeEvents(count: number): StripeEvent[] {
  const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000), seed: seed++ });
  return Array.from({ length: count }, (_, i) => stripe.scenario.paid({ clientReferenceId: `row-${String(i)}` }).events[0]!);
}

function deliver(pg: TestPlayground, body: string, signature?: string): Promise<Delivery> {
  return deliverTo(pg.webhookUrl, body, signature ? { 'Stripe-Signature': signature } : {});
}

/** doPost's answer, read from the echo URL the 302 points to. */
async function answerOf(delivery: Delivery): Promise<unknown> {
  expect(delivery.front.status).toBe(302);
  expect(delivery.answer?.status).toBe(200);
  return delivery.answer?.json();
}

function sign(body: string, secret = SECRET): string {
  return signPayload(body, secret, Math.floor(Date.now() / 1000));
}

async function sessionIds(pg: TestPlayground): Promise<string[]> {
  const rows = await pg.values('Reconciliation');
  const column = (rows[0] ?? []).indexOf('session_id');
  return rows
    .slice(1)
    .map((row) => row[column] ?? '')
    .filter((id) => id !== '');
}

/** Sends every body, `concurrency` at a time, following each 302; the front's statuses and doPost's answers, in order. */
async function sendAll(pg: TestPlayground, bodies: string[], concurrency: number): Promise<{ statuses: number[]; answers: unknown[] }> {
  const statuses = new Array<number>(bodies.length).fill(0);
  const answers = new Array<unknown>(bodies.length).fill(null);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const index = next++;
      const body = bodies[index] ?? '';
      const delivery = await deliver(pg, body, sign(body));
      statuses[index] = delivery.front.status;
      answers[index] = delivery.answer ? await delivery.answer.json() : await delivery.front.text();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { statuses, answers };
}

describe('without a webhook secret', () => {
  let pg: TestPlayground;
  beforeAll(async () => {
    pg = await startTestPlayground();
  });
  afterAll(async () => {
    await pg.stop();
  });

  it("runs doPost and answers 302 to a one-time echo URL whose GET gives doPost's JSON once", async () => {
    const [event] = stripeEvents(1);
    const { front, answer } = await deliver(pg, JSON.stringify(event));
    expect(front.status).toBe(302);
    expect(front.headers.get('x-apps-script-would-answer')).toBeNull();
    const location = front.headers.get('location') ?? '';
    // Back to where the request went (127.0.0.1:port), on a path of its own.
    expect(location).toMatch(new RegExp(`^${pg.url.replace(/\./g, '\\.')}/echo/[0-9a-f]{32}$`));
    // The row is written before the redirect is read: the 302 comes after doPost has run.
    expect(await sessionIds(pg)).toEqual([(event!.data.object as { id: string }).id]);

    expect(answer?.status).toBe(200);
    expect(answer?.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await answer?.json()).toMatchObject({ ok: true, result: 'inserted', event: event!.id });
    const again = await fetch(location);
    expect(again.status).toBe(410);
    expect(again.headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await fetch(`${pg.url}/echo/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(`${pg.url}/echo/not-an-id`)).status).toBe(404);
    expect((await fetch(location, { method: 'POST', body: '' })).status).toBe(405);
    expect(await sessionIds(pg)).toHaveLength(1);
  });

  it('gives a repeated delivery its own 302 and echo, and still one row', async () => {
    const [event] = stripeEvents(1);
    const body = JSON.stringify(event);
    const first = await deliver(pg, body);
    const second = await deliver(pg, body);
    expect(first.front.headers.get('location')).not.toBe(second.front.headers.get('location'));
    expect(await answerOf(first)).toMatchObject({ ok: true, result: 'inserted' });
    expect(await answerOf(second)).toMatchObject({ ok: true, result: 'unchanged' });
    expect((await sessionIds(pg)).filter((id) => id === (event!.data.object as { id: string }).id)).toHaveLength(1);
  });

  it("follows the 302 as fetch does by default (a POST's redirect is read with GET)", async () => {
    const [event] = stripeEvents(1);
    const response = await fetch(pg.webhookUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(event),
    });
    expect(response.redirected).toBe(true);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, result: 'inserted' });
  });

  it('lets doPost refuse a wrong token and bad input, still with a 302 (as Google does)', async () => {
    const before = await sessionIds(pg);
    const wrong = await deliverTo(pg.webhookUrl.replace(/token=[^&]+/, 'token=nope'), '{}');
    expect(await answerOf(wrong)).toMatchObject({ ok: false, error: 'Wrong or missing token' });
    expect(await answerOf(await deliver(pg, 'hello'))).toMatchObject({ ok: false });
    expect((await fetch(pg.webhookUrl)).status).toBe(405);
    expect(await sessionIds(pg)).toEqual(before);
  });

  it('answers with the host the delivery was sent to (localhost stays localhost)', async () => {
    const port = new URL(pg.url).port;
    const [event] = stripeEvents(1);
    const front = await fetch(`http://localhost:${port}/webhook?${new URL(pg.webhookUrl).search.slice(1)}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(event),
    }).catch(() => null);
    // Some machines resolve localhost to ::1 only; the playground listens on 127.0.0.1.
    if (front === null) return;
    expect(front.status).toBe(302);
    expect(front.headers.get('location')).toMatch(new RegExp(`^http://localhost:${port}/echo/[0-9a-f]{32}$`));
  });
});

describe('the echo URLs', () => {
  it('serve once, expire unread after their time, and are bounded in number', () => {
    let now = 0;
    const echoes = new EchoStore({ ttlMs: 60_000, max: 3, now: () => now });
    const echo = { contentType: 'application/json; charset=utf-8', body: '{"ok":true}' };
    const read = echoes.put(echo);
    expect(echoes.take(read)).toEqual({ found: true, echo });
    expect(echoes.take(read)).toMatchObject({ found: false, status: 410 });

    const unread = echoes.put(echo);
    now += 59_999;
    const later = echoes.put(echo);
    now += 1;
    expect(echoes.take(unread)).toMatchObject({ found: false, status: 410, reason: expect.stringMatching(/expired/) });
    expect(echoes.take(later)).toMatchObject({ found: true });

    const many = Array.from({ length: 5 }, () => echoes.put(echo));
    expect(echoes.size).toBe(3);
    expect(echoes.take(many[0]!)).toMatchObject({ found: false, status: 410 });
    expect(echoes.take(many[4]!)).toMatchObject({ found: true });
    expect(echoes.take('f'.repeat(32))).toMatchObject({ found: false, status: 404 });
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

  it("accepts a delivery signed with the secret (by the fake or by Stripe's own library)", async () => {
    const [first, second] = stripeEvents(2);
    const body = JSON.stringify(first);
    expect(await answerOf(await deliver(pg, body, sign(body)))).toMatchObject({ ok: true, result: 'inserted' });
    const other = JSON.stringify(second, null, 2);
    const header = new Stripe('sk_test_unused').webhooks.generateTestHeaderString({ payload: other, secret: SECRET });
    expect(await answerOf(await deliver(pg, other, header))).toMatchObject({ ok: true, result: 'inserted' });
    expect(await sessionIds(pg)).toHaveLength(2);
  });

  it('refuses a missing, wrong or stale signature with 400, without calling doPost', async () => {
    const [event] = stripeEvents(1);
    const body = JSON.stringify({ ...event, id: 'evt_forged' });
    const before = await sessionIds(pg);
    const missing = await deliver(pg, body);
    expect(missing.front.status).toBe(400);
    expect(missing.front.headers.get('location')).toBeNull();
    expect(await missing.front.json()).toEqual({ ok: false, error: expect.stringMatching(/^bad signature: /) });
    expect((await deliver(pg, body, sign(body, 'whsec_other'))).front.status).toBe(400);
    expect((await deliver(pg, body, signPayload(body, SECRET, Math.floor(Date.now() / 1000) - 3600))).front.status).toBe(400);
    expect((await deliver(pg, `${body} `, sign(body))).front.status).toBe(400);
    expect(await sessionIds(pg)).toEqual(before);
  });

  it('with the playground key connected, finds verified deliveries in the fake Stripe API', async () => {
    await pg.menu('connectStripeKey', [{ button: 'OK', text: PLAYGROUND_STRIPE_KEY }]);
    const [event] = stripeEvents(1);
    const body = JSON.stringify({ ...event, id: 'evt_1VerifiedByPlayground00000' });
    expect(await answerOf(await deliver(pg, body, sign(body)))).toMatchObject({ ok: true, verified: true });
  });

  it('takes 100 signed deliveries, 20 at a time, and their repeats, with nothing lost or duplicated', async () => {
    await pg.menu('connectStripeKey', [{ button: 'OK', text: '' }]); // disconnect: token and signature only
    const before = new Set(await sessionIds(pg));
    const events = stripeEvents(100);
    const bodies = events.map((event) => JSON.stringify(event));
    const { statuses, answers } = await sendAll(pg, [...bodies, ...bodies.slice(0, 30)], 20);
    expect(statuses.every((status) => status === 302)).toBe(true);
    expect(answers.every((answer) => (answer as { ok?: unknown }).ok === true)).toBe(true);
    expect(pg.playground.echoes.size).toBe(0); // every echo was read once
    const ids = (await sessionIds(pg)).filter((id) => !before.has(id));
    expect(ids).toHaveLength(100);
    expect(new Set(ids)).toEqual(new Set(events.map((event) => (event.data.object as { id: string }).id)));
  });
});
