/**
 * The relay refuses a STRIPE_WEBHOOK_SECRET that cannot be one (the `whsec_...` of an example, the
 * banner's old command): the Worker (build/relay.mjs) answers a configuration error and forwards
 * nothing; `npm run relay` does not start. Both say which variable to set and where its value is.
 */

import Stripe from 'stripe';
import { loadBuiltRelay, mainConsole, type FetchHandler } from './built-relay';
import { startGoogleFront, type GoogleFront } from './google-front';
import { startRelayProcess, type RelayProcess } from './relay-process';

const stripe = new Stripe('sk_test_relay_tests');
const TOKEN = 'tok-Placeholder_Test_Token_1a2b3c';
const PLACEHOLDER = 'whsec_...';

let relay: FetchHandler;
let front: GoogleFront;
let child: RelayProcess['child'] | undefined;

beforeAll(async () => {
  relay = await loadBuiltRelay();
  front = await startGoogleFront(TOKEN);
  jest.spyOn(mainConsole(), 'log').mockImplementation(() => undefined);
});

afterEach(() => {
  child?.kill();
  child = undefined;
});

afterAll(async () => {
  jest.restoreAllMocks();
  await front.close();
});

const payload = JSON.stringify({ id: 'evt_placeholder', object: 'event', data: { object: { id: 'cs_placeholder' } } });

test('the Worker answers 500 naming STRIPE_WEBHOOK_SECRET and where to find it, and forwards nothing', async () => {
  // Signed with the placeholder itself: before the check, the relay took this as a good signature.
  const request = new Request('https://relay.example.workers.dev/', {
    method: 'POST',
    headers: { 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret: PLACEHOLDER }) },
    body: payload,
  });
  const response = await relay.fetch(request, { STRIPE_WEBHOOK_SECRET: PLACEHOLDER, APPS_SCRIPT_URL: front.execUrl });
  expect(response.status).toBe(500);
  const body = (await response.json()) as { ok: boolean; error: string };
  expect(body.ok).toBe(false);
  expect(body.error).toMatch(/^the relay is not configured: STRIPE_WEBHOOK_SECRET is a placeholder from an example, not a signing secret/);
  expect(body.error).toContain('Developers > Webhooks > your endpoint > Signing secret');
  expect(body.error).toContain('stripe listen');
  expect(front.posts).toHaveLength(0);
});

test('npm run relay does not start with a placeholder, and says what to set', async () => {
  const started = await startRelayProcess({ STRIPE_WEBHOOK_SECRET: PLACEHOLDER, APPS_SCRIPT_URL: front.execUrl, PORT: '0' });
  child = started.child;
  expect(await started.exited).toBe(1);
  expect(started.output()).toMatch(/^relay: not started: STRIPE_WEBHOOK_SECRET is a placeholder/);
  expect(started.output()).toContain('Signing secret');
  expect(started.output()).not.toContain('listening');
  expect(started.output()).not.toContain(TOKEN);
});

test('npm run relay without the secret says where to find it', async () => {
  const started = await startRelayProcess({ APPS_SCRIPT_URL: front.execUrl, PORT: '0' });
  child = started.child;
  expect(await started.exited).toBe(1);
  expect(started.output()).toMatch(/^relay: set STRIPE_WEBHOOK_SECRET in the environment/);
  expect(started.output()).toContain('Developers > Webhooks > your endpoint > Signing secret');
});
