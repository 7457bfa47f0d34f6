/**
 * `npm run relay`: the relay under Node (src/relay/node-server.ts, run with tsx as the script
 * does), posting through it into the Google-like front.
 */

import Stripe from 'stripe';
import { startGoogleFront, type GoogleFront } from './google-front';
import { startRelayProcess, type RelayProcess } from './relay-process';

const stripe = new Stripe('sk_test_relay_tests');
const SECRET = 'whsec_nodeServerTestSecret012345';
const TOKEN = 'tok-Node_Server_Token_5e6f7a8b';

let front: GoogleFront;
let server: RelayProcess['child'] | undefined;

async function start(env: Record<string, string>): Promise<RelayProcess> {
  const started = await startRelayProcess(env);
  server = started.child;
  return started;
}

beforeAll(async () => {
  front = await startGoogleFront(TOKEN);
});

afterEach(() => {
  server?.kill();
  server = undefined;
});

afterAll(async () => {
  await front.close();
});

test('listens on PORT, says where it forwards with the token masked, and relays a signed delivery', async () => {
  const { output } = await start({ STRIPE_WEBHOOK_SECRET: SECRET, APPS_SCRIPT_URL: front.execUrl, PORT: '0' });
  const line = output();
  expect(line).toMatch(
    new RegExp(
      `^relay: listening on http://127\\.0\\.0\\.1:\\d+/, forwarding to ${front.origin.replace(/\./g, '\\.')}/exec\\?token=\\*\\*\\*\\n`,
    ),
  );
  expect(line).not.toContain(TOKEN);
  const port = /127\.0\.0\.1:(\d+)\//.exec(line)![1]!;

  const payload = JSON.stringify({ id: 'evt_node', object: 'event', data: { object: { id: 'cs_node' } } });
  const response = await fetch(`http://127.0.0.1:${port}/`, {
    method: 'POST',
    headers: { 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }) },
    body: payload,
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ok: true, answer: { ok: true, event: 'evt_node', session: 'cs_node', result: 'inserted' } });
  expect(front.posts.at(-1)?.body.toString('utf8')).toBe(payload);

  const refused = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: payload });
  expect(refused.status).toBe(400);
  expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(405);
  expect(output()).not.toContain(TOKEN);
  expect(output()).not.toContain(SECRET);
});

test('refuses to start without its settings, naming them', async () => {
  const { output, exited } = await start({ APPS_SCRIPT_URL: front.execUrl });
  expect(await exited).toBe(1);
  expect(output()).toMatch(/^relay: set STRIPE_WEBHOOK_SECRET in the environment/);
  expect(output()).not.toContain(TOKEN);
});
