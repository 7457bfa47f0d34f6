/**
 * `npm run send-event` against a started playground: straight to its webhook endpoint, and through
 * the relay (build/relay.mjs) started as the banner says, with the secret the banner prints.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { signingSecretProblem } from '@stripe-utm-sheets/add-on/core/webhook/signing-secret';
import { banner } from '../../src/playground/banner';
import { sampleEventsOf, sampleStory } from '../../src/sample-events/sample-events';
import { sendEvents } from '../../src/sample-events/send';
import { captureRelayLog, loadBuiltRelay } from './built-relay';
import { startTestPlayground, type TestPlayground } from './helpers';

let pg: TestPlayground;

beforeAll(async () => {
  pg = await startTestPlayground();
});

afterAll(async () => {
  await pg.stop();
});

async function column(sheet: string, header: string): Promise<string[]> {
  const rows = await pg.values(sheet);
  const at = (rows[0] ?? []).indexOf(header);
  return rows.slice(1).map((row) => row[at] ?? '');
}

test('the command posts a signed sale to the running playground, prints it and the answer, and the sale is recorded', async () => {
  const tools = path.resolve(__dirname, '../..');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/sample-events/cli.ts', '--playground', pg.url, 'checkout.session.completed'],
    {
      cwd: tools,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const session = sampleStory('nl-0001').byKind.get('checkout.session.completed')!.data.object as { id: string };
  expect(output).toContain(`Sent checkout.session.completed`);
  expect(output).toContain(`(${session.id}) to ${pg.url}/webhook?token=***`);
  expect(output).toMatch(/Answer: HTTP 302, followed: \{"ok":true,"result":"inserted"/);
  expect(output).toContain('See it in the Reconciliation tab');
  expect(code).toBe(0);
  expect(await column('Reconciliation', 'session_id')).toContain(session.id);
  const row = (await column('Reconciliation', 'session_id')).indexOf(session.id);
  expect((await column('Reconciliation', 'client_reference_id'))[row]).toBe('nl-0001');
}, 30_000);

test('a refund goes to Money after sale, and sending it again changes nothing', async () => {
  const events = sampleEventsOf(sampleStory('nl-0001'), 'charge.refunded');
  const [first] = await sendEvents(events, { target: { kind: 'playground' }, playground: pg.url });
  expect(first).toMatchObject({ status: 302, ok: true });
  expect(JSON.parse(first!.answer)).toMatchObject({ ok: true, result: 'inserted', event: events[0]!.id });
  const [again] = await sendEvents(events, { target: { kind: 'playground' }, playground: pg.url });
  expect(JSON.parse(again!.answer)).toMatchObject({ ok: true, result: 'unchanged' });
});

test("the banner's relay command has a real secret, and the relay started with it takes send-event --to relay", async () => {
  const info = pg.playground.info();
  const printed = banner(info, { url: pg.url, seeded: true });
  expect(printed).not.toMatch(/STRIPE_WEBHOOK_SECRET=whsec_\.\.\./);
  expect(printed).toContain(info.relayCommand);
  expect(printed).toContain(info.sendEvent);
  expect(printed).toContain('npm run send-event -- --to relay');
  const env: Record<string, string> = Object.fromEntries(
    [...info.relayCommand.matchAll(/(\w+)='?([^' ]+)'?/g)].map((match) => [match[1] ?? '', match[2] ?? '']),
  );
  expect(signingSecretProblem(env['STRIPE_WEBHOOK_SECRET'])).toBeNull();
  expect(env['APPS_SCRIPT_URL']).toBe(pg.webhookUrl);

  const relay = await loadBuiltRelay();
  const log = captureRelayLog();
  try {
    const events = sampleEventsOf(sampleStory('fb-0002'), 'checkout.session.completed');
    const relayUrl = 'http://127.0.0.1:8788/';
    const [delivery] = await sendEvents(events, {
      target: { kind: 'relay', url: relayUrl },
      playground: pg.url,
      fetch: (input, init) => (input === relayUrl ? relay.fetch(new Request(relayUrl, init), env) : fetch(input, init)),
    });
    expect(delivery).toMatchObject({ status: 200, ok: true });
    expect(JSON.parse(delivery!.answer)).toMatchObject({ ok: true, answer: { result: 'inserted' } });
    expect(await column('Reconciliation', 'client_reference_id')).toContain('fb-0002');
  } finally {
    log.restore();
  }
});

test('a playground that checks signatures is not sent to without its secret', async () => {
  const secret = 'whsec_sendEventTestSecret0123456789';
  const checking = await startTestPlayground({ webhookSecret: secret });
  try {
    const events = sampleEventsOf(sampleStory('g-0004'), 'checkout.session.expired');
    await expect(sendEvents(events, { target: { kind: 'playground' }, playground: checking.url })).rejects.toThrow(
      /started with STRIPE_WEBHOOK_SECRET\): run this with the same STRIPE_WEBHOOK_SECRET/,
    );
    const [delivery] = await sendEvents(events, { target: { kind: 'playground' }, playground: checking.url, secret });
    expect(JSON.parse(delivery!.answer)).toMatchObject({ ok: true, result: 'inserted' });
  } finally {
    await checking.stop();
  }
});

test('with no playground listening, it says how to start one', async () => {
  await expect(sendEvents([], { target: { kind: 'playground' }, playground: 'http://127.0.0.1:9' })).rejects.toThrow(
    /No playground answers at http:\/\/127\.0\.0\.1:9\. Start it with `npm start`/,
  );
});
