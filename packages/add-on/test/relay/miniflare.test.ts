/**
 * build/relay.mjs in Cloudflare's own runtime: workerd, through Miniflare, with wrangler.toml's
 * compatibility date, its two settings as bindings, reaching the Google-like front on loopback
 * and following its 302 from inside the Worker.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Miniflare } from 'miniflare';
import Stripe from 'stripe';
import { MAX_BODY_BYTES } from '../../src/core/webhook/webhook-limits';
import { RELAY_BUNDLE } from './built-relay';
import { startGoogleFront, type GoogleFront } from './google-front';

const stripe = new Stripe('sk_test_relay_tests');
const SECRET = 'whsec_miniflareTestSecret0123456789';
const TOKEN = 'tok-Miniflare_Test_Token_1a2b3c4d';

const wrangler = readFileSync(path.resolve(__dirname, '../../wrangler.toml'), 'utf8');
const compatibilityDate = /^compatibility_date\s*=\s*"([\d-]+)"/m.exec(wrangler)?.[1];

let front: GoogleFront;
let worker: Miniflare;
const logged: string[] = [];

function event(session: string): string {
  return `${JSON.stringify({ id: `evt_${session}`, object: 'event', type: 'checkout.session.completed', data: { object: { id: session, customer_details: { name: 'Zoë 山田' } } } }, null, 2)}\n`;
}

async function post(payload: string, signature: string | null = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET })) {
  const response = await worker.dispatchFetch('https://relay.example.workers.dev/', {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...(signature === null ? {} : { 'stripe-signature': signature }) },
    body: payload,
  });
  const text = await response.text();
  return {
    status: response.status,
    json: JSON.parse(text) as { ok: boolean; error?: string; retry?: true; answer?: Record<string, unknown> },
    text,
  };
}

beforeAll(async () => {
  front = await startGoogleFront(TOKEN);
  worker = new Miniflare({
    modules: true,
    scriptPath: RELAY_BUNDLE,
    compatibilityDate: compatibilityDate ?? '',
    bindings: { STRIPE_WEBHOOK_SECRET: SECRET, APPS_SCRIPT_URL: front.execUrl, RELAY_TIMEOUT_MS: '500' },
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      for (const stream of [stdout, stderr]) stream.on('data', (chunk: Buffer) => logged.push(chunk.toString('utf8')));
    },
  });
  await worker.ready;
});

afterAll(async () => {
  await worker.dispose();
  await front.close();
});

beforeEach(() => {
  front.posts.length = 0;
  front.echoes.length = 0;
});

test('wrangler.toml deploys build/relay.mjs as it is, with a compatibility date workerd knows', () => {
  expect(wrangler).toMatch(/^main\s*=\s*"build\/relay\.mjs"$/m);
  expect(wrangler).toMatch(/^no_bundle\s*=\s*true$/m);
  expect(compatibilityDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(wrangler).toContain('wrangler secret put STRIPE_WEBHOOK_SECRET');
  expect(wrangler).toContain('wrangler secret put APPS_SCRIPT_URL');
});

test('200 on insert and on repeat: the Worker posts the body unchanged and follows the 302 with a GET', async () => {
  const payload = event('cs_test_mf1');
  const first = await post(payload);
  expect(first.status).toBe(200);
  expect(first.json).toEqual({ ok: true, answer: { ok: true, event: 'evt_cs_test_mf1', session: 'cs_test_mf1', result: 'inserted' } });
  const again = await post(payload);
  expect(again.status).toBe(200);
  expect(again.json.answer).toMatchObject({ result: 'unchanged' });
  expect(front.posts.map((p) => p.body.equals(Buffer.from(payload, 'utf8')))).toEqual([true, true]);
  expect(front.posts.map((p) => p.token)).toEqual([TOKEN, TOKEN]);
  expect(front.echoes).toEqual([
    { method: 'GET', served: true },
    { method: 'GET', served: true },
  ]);
});

test('503 on a retry, an HTML error page, a 5xx and a hang', async () => {
  front.setDoPost(() => ({ kind: 'answer', answer: { ok: false, retry: true, error: 'busy' } }));
  expect(await post(event('cs_test_mf2'))).toMatchObject({
    status: 503,
    json: { retry: true, error: 'the add-on asked for a retry: busy' },
  });
  front.setDoPost(() => ({ kind: 'html-error' }));
  expect(await post(event('cs_test_mf2'))).toMatchObject({ status: 503, json: { error: expect.stringContaining('HTTP 200 (text/html)') } });
  front.setDoPost(() => ({ kind: 'server-error', status: 500 }));
  expect(await post(event('cs_test_mf2'))).toMatchObject({ status: 503, json: { error: expect.stringContaining('HTTP 500 (text/html)') } });
  front.setDoPost(() => ({ kind: 'hang' }));
  const started = Date.now();
  expect(await post(event('cs_test_mf2'))).toMatchObject({
    status: 503,
    json: { error: 'the web app did not answer within 0.5 s; Stripe will send the event again' },
  });
  expect(Date.now() - started).toBeLessThan(5000);
});

test("redirects are followed by hand in workerd too: its own origin's hops, and a 503 for another host or port", async () => {
  front.setDoPost(() => ({ kind: 'hops', redirects: 3, answer: { ok: true, result: 'inserted' } }));
  expect(await post(event('cs_test_mf5'))).toMatchObject({ status: 200, json: { ok: true } });
  const port = new URL(front.origin).port;
  const refused: [string, string][] = [
    ['https://evil.example/collect', 'https://evil.example'],
    [`http://127.0.0.1:${Number(port) + 1}/echo/1`, `http://127.0.0.1:${Number(port) + 1}`],
  ];
  for (const [location, named] of refused) {
    front.setDoPost(() => ({ kind: 'redirect', location }));
    expect(await post(event('cs_test_mf5'))).toMatchObject({
      status: 503,
      json: { retry: true, error: expect.stringContaining(`the web app redirected to ${named}, which the relay does not follow`) },
    });
  }
  front.setDoPost(() => ({ kind: 'hops', redirects: 4, answer: { ok: true } }));
  expect(await post(event('cs_test_mf5'))).toMatchObject({
    status: 503,
    json: { error: 'the web app redirected more than 3 times in a row; Stripe will send the event again' },
  });
});

test('400 for a bad signature, 405, 413: nothing forwarded', async () => {
  const payload = event('cs_test_mf3');
  expect(await post(payload, null)).toMatchObject({
    status: 400,
    json: { ok: false, error: 'the request has no Stripe-Signature header; not forwarded' },
  });
  expect(await post(payload, stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' }))).toMatchObject({
    status: 400,
    json: { error: expect.stringMatching(/^no v1 signature/) },
  });
  const old = Math.floor(Date.now() / 1000) - 400;
  expect(await post(payload, stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: old }))).toMatchObject({
    status: 400,
    json: { error: expect.stringMatching(/s old, more than the 300 s allowed/) },
  });
  expect(await post(payload, 't=abc,v1=00')).toMatchObject({ status: 400, json: { error: expect.stringMatching(/malformed/) } });
  const get = await worker.dispatchFetch('https://relay.example.workers.dev/');
  expect(get.status).toBe(405);
  await get.arrayBuffer();
  const large = JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) });
  expect(await post(large)).toMatchObject({ status: 413 });
  expect(front.posts).toHaveLength(0);
});

test('no answer or log line of the Worker carries the token or the secret', async () => {
  front.setDoPost(() => ({ kind: 'answer', answer: { ok: true, note: `${TOKEN} ${SECRET}` } }));
  const echoing = await post(event('cs_test_mf4'));
  expect(echoing.json.answer).toEqual({ ok: true, note: '[redacted] [redacted]' });
  const output = logged.join('');
  expect(output).toMatch(/relay: 200/);
  expect(output).not.toContain(TOKEN);
  expect(output).not.toContain(SECRET);
  expect(echoing.text).not.toContain(TOKEN);
});
