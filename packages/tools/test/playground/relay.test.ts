/**
 * The relay (build/relay.mjs, judged only through its `fetch(request, env)`) in front of the
 * playground's Google-like front on 127.0.0.1: it checks Stripe-Signature, forwards the body,
 * follows the 302 to the one-time echo URL, and answers Stripe 200 or 503 from doPost's JSON.
 * The playground runs without a webhook secret here, as Apps Script does: it never sees headers.
 */
import Stripe from 'stripe';
import { FakeStripeApi, type StripeEvent } from '../../src/fake-stripe';
import { captureRelayLog, loadBuiltRelay, type FetchHandler } from './built-relay';
import { startTestPlayground, type TestPlayground } from './helpers';

const SECRET = 'whsec_relay_playground_test';
const stripe = new Stripe('sk_test_unused');

let pg: TestPlayground;
let relay: FetchHandler;
let log: ReturnType<typeof captureRelayLog>;
let env: { STRIPE_WEBHOOK_SECRET: string; APPS_SCRIPT_URL: string };

beforeAll(async () => {
  relay = await loadBuiltRelay();
  log = captureRelayLog();
  pg = await startTestPlayground();
  env = { STRIPE_WEBHOOK_SECRET: SECRET, APPS_SCRIPT_URL: pg.webhookUrl };
});

afterAll(async () => {
  log.restore();
  await pg.stop();
});

let seed = 500;
function paidEvent(): StripeEvent {
  const fake = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000), seed: seed++ });
  return fake.scenario.paid({ clientReferenceId: 'nl-0001' }).events[0]!;
}

const sessionOf = (event: StripeEvent): string => (event.data.object as { id: string }).id;

/** What Stripe would send the relay: the raw body and its Stripe-Signature, made by Stripe's own helper. */
function delivery(payload: string, options: { secret?: string; signature?: string | null; body?: string } = {}): Request {
  const signature =
    options.signature === undefined
      ? stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? SECRET })
      : options.signature;
  return new Request('https://relay.example.workers.dev/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...(signature === null ? {} : { 'Stripe-Signature': signature }) },
    body: options.body ?? payload,
  });
}

async function sessionIds(): Promise<string[]> {
  const rows = await pg.values('Reconciliation');
  const column = (rows[0] ?? []).indexOf('session_id');
  return rows
    .slice(1)
    .map((row) => row[column] ?? '')
    .filter((id) => id !== '');
}

describe('the relay in front of the playground', () => {
  it('answers 200 to a signed delivery, whose row appears once; its repeat 200 and still one row', async () => {
    const event = paidEvent();
    const payload = JSON.stringify(event);
    const first = await relay.fetch(delivery(payload), env);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      ok: true,
      answer: { ok: true, result: 'inserted', event: event.id, session: sessionOf(event) },
    });
    expect((await sessionIds()).filter((id) => id === sessionOf(event))).toHaveLength(1);

    const repeat = await relay.fetch(delivery(payload), env);
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toMatchObject({ ok: true, answer: { ok: true, result: 'unchanged' } });
    expect((await sessionIds()).filter((id) => id === sessionOf(event))).toHaveLength(1);
    // The relay read each delivery's echo URL, once.
    expect(pg.playground.echoes.size).toBe(0);
  });

  it('answers 400 to a bad signature and forwards nothing', async () => {
    const before = await sessionIds();
    const version = pg.playground.version;
    const event = paidEvent();
    const payload = JSON.stringify(event);
    const bad = [
      delivery(payload, { secret: 'whsec_not_the_endpoints' }),
      delivery(payload, { signature: null }),
      delivery(payload, { signature: 'nonsense' }),
      delivery(payload, { body: `${payload} ` }), // signed, then tampered with
      delivery(payload, {
        signature: stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 }),
      }),
    ];
    for (const request of bad) {
      const response = await relay.fetch(request, env);
      expect(response.status).toBe(400);
      expect((await response.json()) as { ok: boolean }).toMatchObject({ ok: false });
    }
    expect(await sessionIds()).toEqual(before);
    expect(pg.playground.version).toBe(version); // doPost never ran
    expect(pg.playground.echoes.size).toBe(0);
  });

  it('answers 503 to a wrong token (a relay with an old URL), so Stripe keeps the event until a person fixes the URL', async () => {
    const before = await sessionIds();
    const event = paidEvent();
    const payload = JSON.stringify(event);
    const response = await relay.fetch(delivery(payload), { ...env, APPS_SCRIPT_URL: pg.webhookUrl.replace(/token=[^&]+/, 'token=wrong') });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      ok: false,
      retry: true,
      answer: { ok: false, error: 'Wrong or missing token', retry: true },
    });
    expect(await sessionIds()).toEqual(before);

    // The relay gets the current URL; Stripe's next try of the same event goes through.
    const retried = await relay.fetch(delivery(payload), env);
    expect(retried.status).toBe(200);
    expect(await sessionIds()).toEqual([...before, sessionOf(event)]);
  });

  it('answers 503 when the add-on asks for a retry (the header row is gone), and 200 once it is back', async () => {
    const header = (await pg.values('Reconciliation'))[0] ?? [];
    expect(header).toContain('session_id');
    const before = await sessionIds();
    await pg.post('/api/clear', { sheet: 'Reconciliation', ranges: ['1:1'] });
    const event = paidEvent();
    const payload = JSON.stringify(event);
    const refused = await relay.fetch(delivery(payload), env);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ ok: false, retry: true, answer: { ok: false, retry: true } });

    // A person puts the headers back; Stripe's next try goes through.
    for (const [index, name] of header.entries()) {
      if (name !== '') await pg.post('/api/cell', { sheet: 'Reconciliation', cell: `${String.fromCharCode(65 + index)}1`, input: name });
    }
    const retried = await relay.fetch(delivery(payload), env);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ ok: true, answer: { result: 'inserted' } });
    expect(await sessionIds()).toEqual([...before, sessionOf(event)]);
  });

  it('never writes the token or the secret into its answers or log lines', () => {
    const token = new URL(pg.webhookUrl).searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThan(8);
    expect(log.lines.length).toBeGreaterThan(0);
    for (const line of log.lines) {
      expect(line).not.toContain(token);
      expect(line).not.toContain(SECRET);
    }
  });
});
