/**
 * The relay contract (docs/DESIGN.md, "The relay"), judged on build/relay.mjs in Node, only
 * through its `fetch(request, env)`, against a Google-like front on loopback that answers POST
 * /exec with a 302 to a one-time echo URL, as Apps Script does.
 */

import Stripe from 'stripe';
import { ANSWER_RESULTS, type WebhookAnswer } from '../../src/core/contracts/webhook-answer';
import { MAX_BODY_BYTES } from '../../src/core/webhook/webhook-limits';
import { loadBuiltRelay, mainConsole, mainGlobal, type FetchHandler } from './built-relay';
import { sessionsDoPost, startGoogleFront, type GoogleFront } from './google-front';

const stripe = new Stripe('sk_test_relay_tests');
const SECRET = 'whsec_relayTestSecret0123456789abcdef';
const TOKEN = 'tok-Relay_Test_Token_9f8e7d6c5b4a';

let relay: FetchHandler;
let front: GoogleFront;
let env: { STRIPE_WEBHOOK_SECRET: string; APPS_SCRIPT_URL: string; RELAY_TIMEOUT_MS?: string };
/** Every line the built relay logged, and every body it answered, checked for secrets at the end. */
const logged: string[] = [];
const answered: string[] = [];

function event(session: string, id = `evt_${session}`): string {
  // Pretty-printed, with non-ASCII text and a CRLF, as a body that must arrive byte for byte.
  return `${JSON.stringify({ id, object: 'event', type: 'checkout.session.completed', data: { object: { id: session, object: 'checkout.session', customer_details: { name: 'Zoë Ünïcode 山田' } } } }, null, 2)}\r\n`;
}

function signed(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? SECRET,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
}

function delivery(payload: string, signature: string | null = signed(payload), init: RequestInit = {}): Request {
  const headers = new Headers({
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
  });
  if (signature !== null) headers.set('stripe-signature', signature);
  return new Request('https://relay.example.workers.dev/', { method: 'POST', headers, body: payload, ...init });
}

interface Answer {
  status: number;
  json: { ok: boolean; error?: string; retry?: true; answer?: Record<string, unknown> };
  text: string;
}

async function send(request: Request, withEnv: unknown = env): Promise<Answer> {
  const response = await relay.fetch(request, withEnv);
  const text = await response.text();
  answered.push(text);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return { status: response.status, json: JSON.parse(text) as Answer['json'], text };
}

beforeAll(async () => {
  relay = await loadBuiltRelay();
  const console = mainConsole();
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
  }
});

beforeEach(async () => {
  front = await startGoogleFront(TOKEN);
  env = { STRIPE_WEBHOOK_SECRET: SECRET, APPS_SCRIPT_URL: front.execUrl };
});

afterEach(async () => {
  await front.close();
});

afterAll(() => {
  jest.restoreAllMocks();
});

describe('a valid delivery is forwarded, and Stripe gets 200 or 503 from what doPost answered', () => {
  test('200 on insert and on repeat; the body arrives unchanged, as a POST, and the redirect is followed with a GET', async () => {
    const payload = event('cs_test_a');
    const first = await send(delivery(payload));
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ ok: true, answer: { ok: true, event: 'evt_cs_test_a', session: 'cs_test_a', result: 'inserted' } });
    const again = await send(delivery(payload));
    expect(again.status).toBe(200);
    expect(again.json.answer).toMatchObject({ ok: true, result: 'unchanged' });

    expect(front.posts).toHaveLength(2);
    for (const post of front.posts) {
      expect(post.body.equals(Buffer.from(payload, 'utf8'))).toBe(true);
      expect(post.token).toBe(TOKEN);
      expect(post.contentType).toBe('application/json; charset=utf-8');
    }
    expect(front.echoes).toEqual([
      { method: 'GET', served: true },
      { method: 'GET', served: true },
    ]);
  });

  test("passes through every result core's answer lists, and no other", async () => {
    for (const result of [...ANSWER_RESULTS, 'deleted']) {
      front.setDoPost(() => ({ kind: 'answer', answer: { ok: true, event: 'evt_r', result } as WebhookAnswer }));
      const answer = await send(delivery(event('cs_test_r')));
      expect(answer.status).toBe(200);
      expect(answer.json.answer).toEqual(result === 'deleted' ? { ok: true, event: 'evt_r' } : { ok: true, event: 'evt_r', result });
    }
  });

  test('200 when doPost refuses for good (ok: false without retry), with its answer passed through', async () => {
    front.setDoPost(() => ({ kind: 'answer', answer: { ok: false, error: 'Not a Stripe event: no id', note: 'logged in Webhook log' } }));
    const answer = await send(delivery(event('cs_test_b')));
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      ok: false,
      error: 'the add-on refused the event, and a retry would not change that: Not a Stripe event: no id',
      answer: { ok: false, error: 'Not a Stripe event: no id', note: 'logged in Webhook log' },
    });
  });

  test('a token refused (a rotated token, an old APPS_SCRIPT_URL) is a retry: 503, so Stripe keeps the event; no answer or log line carries the token', async () => {
    const wrong = `${front.origin}/exec?token=tok-the-wrong-one-123456`;
    // The add-on's answer, with the token it was given echoed as written and URL-encoded.
    front.setDoPost((post) => ({
      kind: 'answer',
      answer: { ok: false, retry: true, error: `Wrong or missing token ${post.token ?? ''} (${encodeURIComponent(post.token ?? '')})` },
    }));
    const before = logged.length;
    const answer = await send(delivery(event('cs_test_c')), { ...env, APPS_SCRIPT_URL: wrong });
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({
      ok: false,
      retry: true,
      error: 'the add-on asked for a retry: Wrong or missing token [redacted] ([redacted])',
      answer: { ok: false, retry: true, error: 'Wrong or missing token [redacted] ([redacted])' },
    });
    expect(answer.text).not.toContain('tok-the-wrong-one-123456');
    const lines = logged.slice(before);
    expect(lines).toEqual([
      expect.stringMatching(/^relay: 503 the add-on asked for a retry: Wrong or missing token \[redacted\] \(\[redacted\]\), in \d+ ms$/),
    ]);
    // The front's own doPost refuses a wrong token as the add-on does.
    front.setDoPost(sessionsDoPost(TOKEN));
    expect(await send(delivery(event('cs_test_c')), { ...env, APPS_SCRIPT_URL: wrong })).toMatchObject({
      status: 503,
      json: { retry: true, answer: { ok: false, retry: true, error: 'Wrong or missing token' } },
    });
    expect((await send(delivery(event('cs_test_c')))).status).toBe(200);
  });

  test('503 when doPost asks for a retry', async () => {
    front.setDoPost(() => ({ kind: 'answer', answer: { ok: false, retry: true, error: 'The sheet is busy (script lock)' } }));
    const answer = await send(delivery(event('cs_test_d')));
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({
      ok: false,
      retry: true,
      error: 'the add-on asked for a retry: The sheet is busy (script lock)',
      answer: { ok: false, retry: true, error: 'The sheet is busy (script lock)' },
    });
  });

  test("503 on Google's HTML error page behind the redirect", async () => {
    front.setDoPost(() => ({ kind: 'html-error' }));
    const answer = await send(delivery(event('cs_test_e')));
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({
      ok: false,
      retry: true,
      error: "the web app answered HTTP 200 (text/html), not the add-on's JSON; Stripe will send the event again",
    });
  });

  test('503 on a 5xx from Google', async () => {
    for (const status of [500, 502]) {
      front.setDoPost(() => ({ kind: 'server-error', status }));
      const answer = await send(delivery(event('cs_test_f')));
      expect(answer.status).toBe(503);
      expect(answer.json.error).toBe(
        `the web app answered HTTP ${status} (text/html), not the add-on's JSON; Stripe will send the event again`,
      );
    }
  });

  test('503 when the web app cannot be reached', async () => {
    const closed = `${front.origin}/exec?token=${TOKEN}`;
    await front.close();
    const answer = await send(delivery(event('cs_test_g')), { ...env, APPS_SCRIPT_URL: closed });
    expect(answer.status).toBe(503);
    expect(answer.json).toMatchObject({ ok: false, retry: true, error: expect.stringMatching(/^the web app could not be reached/) });
    front = await startGoogleFront(TOKEN);
  });

  test('503 on a hang, within RELAY_TIMEOUT_MS', async () => {
    front.setDoPost(() => ({ kind: 'hang' }));
    const started = Date.now();
    const answer = await send(delivery(event('cs_test_h')), { ...env, RELAY_TIMEOUT_MS: '300' });
    const took = Date.now() - started;
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({
      ok: false,
      retry: true,
      error: 'the web app did not answer within 0.3 s; Stripe will send the event again',
    });
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(3000);
  });

  test('by default the relay waits 9 s, under the 10 s Stripe waits; a longer RELAY_TIMEOUT_MS is capped there', async () => {
    // The built relay's deadline is AbortSignal.timeout(ms): record what it asks for, and let it
    // run out at once so the test does not wait 9 s.
    const timeout = AbortSignal.timeout.bind(AbortSignal);
    const asked: number[] = [];
    const spy = jest.spyOn(AbortSignal, 'timeout').mockImplementation((ms: number) => {
      asked.push(ms);
      return timeout(50);
    });
    try {
      front.setDoPost(() => ({ kind: 'hang' }));
      const answer = await send(delivery(event('cs_test_i')));
      expect(answer.status).toBe(503);
      expect(answer.json.error).toBe('the web app did not answer within 9 s; Stripe will send the event again');
      await send(delivery(event('cs_test_i')), { ...env, RELAY_TIMEOUT_MS: '60000' });
      await send(delivery(event('cs_test_i')), { ...env, RELAY_TIMEOUT_MS: 'soon' });
    } finally {
      spy.mockRestore();
    }
    expect(asked).toEqual([9000, 9000, 9000]);
    expect(Math.max(...asked)).toBeLessThan(10_000);
  });
});

describe('nothing is forwarded for a bad signature, a wrong method or a large body', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, (payload: string) => string | null, RegExp][] = [
    ['missing', () => null, /^the request has no Stripe-Signature header; not forwarded$/],
    ['malformed (no v1)', () => `t=${now()}`, /^the Stripe-Signature header is malformed: it has no v1= signature/],
    ['malformed (garbage)', () => 'garbage', /^the Stripe-Signature header is malformed: it has no t= timestamp/],
    [
      'made with another secret',
      (payload) => signed(payload, { secret: 'whsec_someone_else' }),
      /^no v1 signature in the Stripe-Signature header matches the body/,
    ],
    ['for another body', () => signed(event('cs_test_other')), /^no v1 signature .* matches/],
    [
      'too old',
      (payload) => signed(payload, { timestamp: now() - 301 }),
      /^the signature's timestamp is 30\d s old, more than the 300 s allowed/,
    ],
    ['in the future', (payload) => signed(payload, { timestamp: now() + 600 }), /^the signature's timestamp is \d+ s in the future/],
  ];
  test.each(cases)('400 for a signature %s', async (_name, signature, why) => {
    const payload = event('cs_test_j');
    const answer = await send(delivery(payload, signature(payload)));
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ ok: false, error: expect.stringMatching(why) });
    expect(front.posts).toHaveLength(0);
  });

  test('405 for anything but POST', async () => {
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await relay.fetch(new Request('https://relay.example.workers.dev/', { method }), env);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      if (method !== 'HEAD') expect(await response.json()).toMatchObject({ ok: false, error: expect.stringContaining(`not ${method}`) });
    }
    expect(front.posts).toHaveLength(0);
  });

  test('413 for a body over MAX_BODY_BYTES, by its Content-Length or as it streams (validly signed all the same)', async () => {
    const large = JSON.stringify({ id: 'evt_large', padding: 'x'.repeat(MAX_BODY_BYTES) });
    const request = delivery(large);
    request.headers.set('content-length', String(Buffer.byteLength(large)));
    expect(request.headers.get('content-length')).toBe(String(Buffer.byteLength(large)));
    const byLength = await send(request);
    expect(byLength.status).toBe(413);
    expect(byLength.json).toEqual({ ok: false, error: 'the body is over 256 KiB, larger than any Checkout Session event; not forwarded' });

    const bytes = new TextEncoder().encode(large);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 16_384) controller.enqueue(bytes.slice(at, at + 16_384));
        controller.close();
      },
    });
    const streamed = await send(
      new Request('https://relay.example.workers.dev/', {
        method: 'POST',
        headers: { 'stripe-signature': signed(large) },
        body: stream,
        duplex: 'half',
      }),
    );
    expect(streamed.status).toBe(413);

    // Exactly at the limit is forwarded (and answered by doPost).
    const base = event('cs_test_k');
    const atLimit = `${base}${' '.repeat(MAX_BODY_BYTES - Buffer.byteLength(base))}`;
    expect((await send(delivery(atLimit))).status).toBe(200);
    expect(front.posts).toHaveLength(1);
  });
});

describe('settings', () => {
  test('500 naming a missing setting, never its value', async () => {
    const none = await send(delivery(event('cs_test_l')), {});
    expect(none.status).toBe(500);
    expect(none.json).toEqual({ ok: false, error: 'the relay is not configured: STRIPE_WEBHOOK_SECRET and APPS_SCRIPT_URL are not set' });
    const noSecret = await send(delivery(event('cs_test_l')), { APPS_SCRIPT_URL: env.APPS_SCRIPT_URL });
    expect(noSecret.json.error).toBe('the relay is not configured: STRIPE_WEBHOOK_SECRET is not set');
    const noUrl = await send(delivery(event('cs_test_l')), { STRIPE_WEBHOOK_SECRET: SECRET, APPS_SCRIPT_URL: '' });
    expect(noUrl.json.error).toBe('the relay is not configured: APPS_SCRIPT_URL is not set');
    const notUrl = await send(delivery(event('cs_test_l')), { ...env, APPS_SCRIPT_URL: `script.google.com/exec?token=${TOKEN}` });
    expect(notUrl.status).toBe(500);
    expect(notUrl.json.error).toMatch(/^the relay is not configured: APPS_SCRIPT_URL is not an http\(s\) URL/);
    expect(front.posts).toHaveLength(0);
  });

  test('under Deno (fetch(request, info), no env) the settings come from Deno.env', async () => {
    const main = mainGlobal();
    const values: Record<string, string> = { STRIPE_WEBHOOK_SECRET: SECRET, APPS_SCRIPT_URL: env.APPS_SCRIPT_URL };
    main.Deno = { env: { get: (name: string) => values[name] } };
    try {
      const info = { remoteAddr: { transport: 'tcp', hostname: '127.0.0.1', port: 50000 }, completed: Promise.resolve() };
      const answer = await send(delivery(event('cs_test_m')), info);
      expect(answer.status).toBe(200);
      expect(answer.json.answer).toMatchObject({ result: 'inserted' });
      // Deno without --allow-env throws: that is an unset setting, named.
      main.Deno = {
        env: {
          get: () => {
            throw new Error('Requires env access to "STRIPE_WEBHOOK_SECRET", run again with the --allow-env flag');
          },
        },
      };
      const denied = await send(delivery(event('cs_test_m')), info);
      expect(denied.status).toBe(500);
      expect(denied.json.error).toBe('the relay is not configured: STRIPE_WEBHOOK_SECRET and APPS_SCRIPT_URL are not set');
    } finally {
      delete main.Deno;
    }
  });
});

test('no answer and no log line carries the token or the signing secret', async () => {
  // An answer that tries to echo both, and every path above, have written to these.
  front.setDoPost(() => ({
    kind: 'answer',
    answer: { ok: true, event: 'evt_x', note: `token ${TOKEN} secret ${SECRET} url ${env.APPS_SCRIPT_URL}` },
  }));
  const echoing = await send(delivery(event('cs_test_n')));
  expect(echoing.json.answer?.note).toBe('token [redacted] secret [redacted] url [redacted]');
  expect(logged.length).toBeGreaterThan(20);
  expect(answered.length).toBeGreaterThan(20);
  for (const text of [...logged, ...answered]) {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('tok-the-wrong-one-123456');
  }
  expect(logged).toContainEqual(expect.stringMatching(/^relay: 200 evt_cs_test_a cs_test_a inserted, in \d+ ms$/));
  expect(logged).toContainEqual('relay: 400 signature no_match, not forwarded');
});
