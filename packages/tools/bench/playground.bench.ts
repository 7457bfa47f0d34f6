/**
 * The playground under load: 1,000 signed webhook deliveries sent 20 at a time on loopback, with
 * nothing lost or duplicated, against a bare HTTP server that only answers, driven the same way;
 * and the relay in front of it (benchRelay, below).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { FakeStripeApi, signPayload } from '../src/fake-stripe';
import { startPlayground } from '../src/playground/server';
import { addOnPath } from '../src/add-on-package';
import { fmt, median, verdict } from './measure';

const SECRET = 'whsec_bench_local_secret';
const DELIVERIES = 1000;
const CONCURRENCY = 20;

/**
 * Sends every body, CONCURRENCY at a time, as Stripe does, and follows each 302 to its echo URL, as
 * the relay does; the front's status of each ('ok' counts echoes that held `ok: true`).
 */
async function sendAll(url: string, bodies: readonly string[]): Promise<{ statuses: number[]; ok: number }> {
  const statuses: number[] = new Array<number>(bodies.length);
  let ok = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const index = next++;
      const body = bodies[index] ?? '';
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signPayload(body, SECRET, Math.floor(Date.now() / 1000)) },
        body,
      });
      const text = await response.text();
      statuses[index] = response.status;
      const location = response.headers.get('location');
      const answer = location === null ? text : await (await fetch(new URL(location, url))).text();
      if (/"ok":true/.test(answer)) ok += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { statuses, ok };
}

export async function benchPlayground(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'playground-bench-'));
  const playground = await startPlayground({
    port: 0,
    stateFile: path.join(dir, 'state.json'),
    reset: true,
    webhookSecret: SECRET,
    quiet: true,
  });
  const baseline = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('{"ok":true}'));
  });
  try {
    const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000) });
    const events = Array.from({ length: DELIVERIES }, () => stripe.scenario.paid().events[0]!);
    const bodies = events.map((event) => JSON.stringify(event));

    let start = performance.now();
    const { statuses, ok } = await sendAll(playground.webhookUrl, bodies);
    const seconds = (performance.now() - start) / 1000;

    await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${String((baseline.address() as AddressInfo).port)}/`;
    start = performance.now();
    await sendAll(baseUrl, bodies);
    const baseSeconds = (performance.now() - start) / 1000;

    const header = playground.app.workbook.sheet('Reconciliation').values();
    const ids = header
      .slice(1)
      .map((row) => row[0])
      .filter((id) => id !== '');
    const expected = new Set(events.map((event) => (event.data.object as { id: string }).id));
    const exact = ids.length === expected.size && ids.every((id) => expected.has(String(id))) && new Set(ids).size === ids.length;
    const redirected = statuses.filter((status) => status === 302).length;
    console.log(
      `playground: ${fmt(DELIVERIES)} signed deliveries, ${String(CONCURRENCY)} at a time on loopback: ${fmt(DELIVERIES / seconds)} deliveries/s ` +
        `(${String(redirected)} answered 302, as Google's /exec, and ${String(ok)} echoes held ok: true); a server that only answers: ${fmt(DELIVERIES / baseSeconds)}/s; ratio ${fmt(seconds / baseSeconds, 1)}`,
    );
    console.log(
      `playground: Reconciliation holds ${fmt(ids.length)} rows for ${fmt(expected.size)} sessions, nothing lost or duplicated: ${verdict(exact)}`,
    );
  } finally {
    baseline.close();
    await playground.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const RELAY_SECRET = 'whsec_bench_relay_secret';
const RELAY_CONCURRENCY = 50;
/** Deliveries sent one at a time, alternately through the relay and straight, for the added time. */
const PAIRS = 100;
const RELAY_REPEATS = 100;
const RELAY_BUNDLE = addOnPath('build', 'relay.mjs');

/**
 * build/relay.mjs behind a tiny node:http server, in a process of its own (as the relay runs on
 * its own machine, Workers or a container, not in the web app's), on 127.0.0.1. Its log lines
 * (one per delivery) are dropped; it prints its port once it listens.
 */
const RELAY_SERVER = `
import http from 'node:http';
console.log = () => {};
const relay = (await import(process.env.RELAY_MODULE)).default;
const env = { STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET, APPS_SCRIPT_URL: process.env.APPS_SCRIPT_URL };
const server = http.createServer(async (incoming, outgoing) => {
  const chunks = [];
  for await (const chunk of incoming) chunks.push(chunk);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
  const post = incoming.method === 'POST';
  const response = await relay.fetch(new Request('http://127.0.0.1' + incoming.url, { method: incoming.method, headers, ...(post ? { body: Buffer.concat(chunks) } : {}) }), env);
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(body);
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\\n'));
`;

async function startRelayProcess(appsScriptUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', RELAY_SERVER], {
    env: {
      ...process.env,
      RELAY_MODULE: pathToFileURL(RELAY_BUNDLE).href,
      STRIPE_WEBHOOK_SECRET: RELAY_SECRET,
      APPS_SCRIPT_URL: appsScriptUrl,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const line = text.split('\n')[0] ?? '';
      if (text.includes('\n')) resolve((JSON.parse(line) as { port: number }).port);
    });
    void exited.then(() => {
      reject(new Error('the relay process exited before it listened'));
    });
  });
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Sent {
  /** What the sender saw: the relay's status, or the front's (302). */
  status: number;
  /** doPost's answer as the sender finally read it (the relay's `answer`, or the echo's JSON). */
  answer: { ok?: boolean; result?: string } | null;
  ms: number;
}

/** One signed delivery through the relay (Stripe's side of it). */
async function viaRelay(relayUrl: string, body: string): Promise<Sent> {
  const start = performance.now();
  const response = await fetch(relayUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signPayload(body, RELAY_SECRET, Math.floor(Date.now() / 1000)) },
    body,
  });
  const reply = (await response.json()) as { answer?: Sent['answer'] };
  return { status: response.status, answer: reply.answer ?? null, ms: performance.now() - start };
}

/** The same delivery straight to the playground's front, following its 302 as the relay does. */
async function viaFront(webhookUrl: string, body: string): Promise<Sent> {
  const start = performance.now();
  const response = await fetch(webhookUrl, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/json' }, body });
  await response.text();
  const location = response.headers.get('location');
  const answer = location === null ? null : ((await (await fetch(new URL(location, webhookUrl))).json()) as Sent['answer']);
  return { status: response.status, answer, ms: performance.now() - start };
}

async function inParallel(
  bodies: readonly string[],
  concurrency: number,
  send: (body: string) => Promise<Sent>,
): Promise<{ sent: Sent[]; seconds: number }> {
  const sent: Sent[] = new Array<Sent>(bodies.length);
  let next = 0;
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const index = next++;
      sent[index] = await send(bodies[index] ?? '');
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { sent, seconds: (performance.now() - start) / 1000 };
}

const medianMs = (sent: readonly Sent[]): number => median(sent.map((one) => one.ms));
const count = (sent: readonly Sent[], test: (one: Sent) => boolean): number => sent.filter(test).length;

/**
 * 1,000 signed deliveries, 50 at a time, through the relay (build/relay.mjs) into the playground's
 * Google-like front, against 1,000 others posted straight to the front (following its 302) in the
 * same run; then the relay's added time per delivery, one at a time, alternately; and the
 * Reconciliation tab checked for every session, once.
 */
export async function benchRelay(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relay-bench-'));
  // No secret on the front: as Apps Script, it never sees Stripe-Signature (the relay checks it).
  const playground = await startPlayground({ port: 0, stateFile: path.join(dir, 'state.json'), reset: true, quiet: true });
  const relay = await startRelayProcess(playground.webhookUrl);
  try {
    const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000) });
    const fresh = (n: number): string[] => Array.from({ length: n }, () => JSON.stringify(stripe.scenario.paid().events[0]!));
    const relayBodies = fresh(DELIVERIES);
    const frontBodies = fresh(DELIVERIES);
    const pairBodies = fresh(2 * PAIRS);

    // Warm up both paths (connections, JIT) with deliveries that are counted like the others.
    const warm = fresh(20);
    await inParallel(warm.slice(0, 10), 5, (body) => viaRelay(relay.url, body));
    await inParallel(warm.slice(10), 5, (body) => viaFront(playground.webhookUrl, body));

    const throughRelay = await inParallel(relayBodies, RELAY_CONCURRENCY, (body) => viaRelay(relay.url, body));
    const straight = await inParallel(frontBodies, RELAY_CONCURRENCY, (body) => viaFront(playground.webhookUrl, body));
    const repeats = await inParallel(relayBodies.slice(0, RELAY_REPEATS), RELAY_CONCURRENCY, (body) => viaRelay(relay.url, body));

    const pairedRelay: Sent[] = [];
    const pairedFront: Sent[] = [];
    const differences: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const a = pairBodies[2 * i] ?? '';
      const b = pairBodies[2 * i + 1] ?? '';
      // Alternate which goes first, so that neither always meets a warmer or busier machine.
      let r: Sent;
      let f: Sent;
      if (i % 2 === 0) {
        r = await viaRelay(relay.url, a);
        f = await viaFront(playground.webhookUrl, b);
      } else {
        f = await viaFront(playground.webhookUrl, b);
        r = await viaRelay(relay.url, a);
      }
      pairedRelay.push(r);
      pairedFront.push(f);
      differences.push(r.ms - f.ms);
    }

    const rows = playground.app.workbook.sheet('Reconciliation').values();
    const column = (rows[0] ?? []).indexOf('session_id');
    const ids = rows
      .slice(1)
      .map((row) => String(row[column] ?? ''))
      .filter((id) => id !== '');
    const expected = new Set(
      [...warm, ...relayBodies, ...frontBodies, ...pairBodies].map(
        (body) => (JSON.parse(body) as { data: { object: { id: string } } }).data.object.id,
      ),
    );
    const exact = ids.length === expected.size && new Set(ids).size === ids.length && ids.every((id) => expected.has(id));

    const relayOk = count(throughRelay.sent, (one) => one.status === 200 && one.answer?.result === 'inserted');
    const frontOk = count(straight.sent, (one) => one.status === 302 && one.answer?.result === 'inserted');
    const repeatOk = count(repeats.sent, (one) => one.status === 200 && one.answer?.result === 'unchanged');
    const added = medianMs(pairedRelay) - medianMs(pairedFront);
    console.log(
      `relay: ${fmt(DELIVERIES)} signed deliveries, ${String(RELAY_CONCURRENCY)} at a time, through build/relay.mjs (its own process) into the playground's front: ` +
        `${fmt(DELIVERIES / throughRelay.seconds)} deliveries/s (${fmt(relayOk)} answered 200 inserted), median ${fmt(medianMs(throughRelay.sent))} ms each; ` +
        `straight to the front, following its 302: ${fmt(DELIVERIES / straight.seconds)}/s (${fmt(frontOk)} answered 302, echo inserted), median ${fmt(medianMs(straight.sent))} ms`,
    );
    console.log(`relay: ${fmt(RELAY_REPEATS)} repeats through the relay: ${fmt(repeatOk)} answered 200 unchanged`);
    console.log(
      `relay: added time per delivery, ${String(PAIRS)} pairs one at a time: median ${fmt(medianMs(pairedRelay), 1)} ms through the relay against ${fmt(medianMs(pairedFront), 1)} ms straight: ` +
        `+${fmt(added, 1)} ms (median of pairwise differences +${fmt(median(differences), 1)} ms); target under 5 ms: ${verdict(added < 5 && median(differences) < 5)}`,
    );
    console.log(
      `relay: Reconciliation holds ${fmt(ids.length)} rows, ${fmt(new Set(ids).size)} distinct session ids, for ${fmt(expected.size)} sessions sent, nothing lost or duplicated: ` +
        verdict(exact && relayOk === DELIVERIES && frontOk === DELIVERIES && repeatOk === RELAY_REPEATS),
    );
  } finally {
    await relay.stop();
    await playground.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
