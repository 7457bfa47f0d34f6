/**
 * The playground under load: 1,000 signed webhook deliveries sent 20 at a time on loopback, with
 * nothing lost or duplicated, against a bare HTTP server that only answers, driven the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FakeStripeApi, signPayload } from '../../src/local/fake-stripe';
import { startPlayground } from '../../src/local/playground/server';
import { fmt, verdict } from './measure';

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
  const playground = await startPlayground({ port: 0, stateFile: path.join(dir, 'state.json'), reset: true, webhookSecret: SECRET, quiet: true });
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
    const ids = header.slice(1).map((row) => row[0]).filter((id) => id !== '');
    const expected = new Set(events.map((event) => (event.data.object as { id: string }).id));
    const exact = ids.length === expected.size && ids.every((id) => expected.has(String(id))) && new Set(ids).size === ids.length;
    const redirected = statuses.filter((status) => status === 302).length;
    console.log(
      `playground: ${fmt(DELIVERIES)} signed deliveries, ${String(CONCURRENCY)} at a time on loopback: ${fmt(DELIVERIES / seconds)} deliveries/s ` +
        `(${String(redirected)} answered 302, as Google's /exec, and ${String(ok)} echoes held ok: true); a server that only answers: ${fmt(DELIVERIES / baseSeconds)}/s; ratio ${fmt(seconds / baseSeconds, 1)}`,
    );
    console.log(`playground: Reconciliation holds ${fmt(ids.length)} rows for ${fmt(expected.size)} sessions, nothing lost or duplicated: ${verdict(exact)}`);
  } finally {
    baseline.close();
    await playground.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
