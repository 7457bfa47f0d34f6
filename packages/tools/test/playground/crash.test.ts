/**
 * A delivery the playground acknowledged survives a crash: the real server in a child process
 * takes 200 signed deliveries at once, is killed with SIGKILL at a random moment soon after the
 * first acknowledgements, and restarted on the same state file; every session whose delivery was
 * answered inserted (302, then the echo's JSON, as the relay reads it) must be in Reconciliation.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { StateView } from '../../src/playground/api-types';
import { FakeStripeApi, signPayload } from '../../src/fake-stripe';
import { tempStateFile } from './helpers';

const SECRET = 'whsec_crash_test_secret';
const DELIVERIES = 200;
const CHILD = path.join(__dirname, 'playground-child.ts');

interface Child {
  url: string;
  webhookUrl: string;
  process: ChildProcess;
  exited: Promise<void>;
}

async function startChild(stateFile: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, PLAYGROUND_STATE_FILE: stateFile, PLAYGROUND_WEBHOOK_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const started = await new Promise<{ url: string; webhookUrl: string }>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const line = text.split('\n')[0] ?? '';
      if (text.includes('\n')) resolve(JSON.parse(line) as { url: string; webhookUrl: string });
    });
    void exited.then(() => {
      reject(new Error(`the playground exited before it listened:\n${errors}`));
    });
  });
  return { ...started, process: child, exited };
}

async function kill(child: Child): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  await child.exited;
}

async function sessionIds(url: string): Promise<Set<string>> {
  const view = (await (await fetch(`${url}/api/state?sheet=Reconciliation`)).json()) as StateView;
  const tab = view.sheets?.find((sheet) => sheet.name === 'Reconciliation');
  const header = (tab?.cells ?? []).filter(([row]) => row === 1).find(([, , shown]) => shown === 'session_id');
  if (!tab || !header) throw new Error('no Reconciliation tab with a session_id column');
  return new Set((tab.cells ?? []).filter(([row, column]) => row > 1 && column === header[1]).map(([, , shown]) => shown));
}

/** doPost's result for one delivery, read as the relay reads it; null when the process died first. */
async function deliver(webhookUrl: string, body: string): Promise<string | null> {
  try {
    const signature = signPayload(body, SECRET, Math.floor(Date.now() / 1000));
    const front = await fetch(webhookUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body,
    });
    await front.text();
    const location = front.headers.get('location');
    if (front.status !== 302 || location === null) return null;
    const answer = (await (await fetch(new URL(location, webhookUrl))).json()) as { ok?: boolean; result?: string };
    return answer.ok === true ? (answer.result ?? null) : null;
  } catch {
    return null; // the connection died with the process
  }
}

/**
 * Sends `count` fresh signed deliveries at once and kills the process right after the `killAfter`-th
 * acknowledgement; the session ids acknowledged as inserted or updated.
 */
async function deliverAndCrash(child: Child, stripe: FakeStripeApi, killAfter: number): Promise<{ acknowledged: string[]; sent: number }> {
  const sessions = Array.from({ length: DELIVERIES }, () => stripe.scenario.paid().events[0]!);
  const acknowledged: string[] = [];
  const crash: { killing: Promise<void> | null } = { killing: null };
  await Promise.all(
    sessions.map(async (event) => {
      const result = await deliver(child.webhookUrl, JSON.stringify(event));
      if (crash.killing !== null || (result !== 'inserted' && result !== 'updated')) return;
      acknowledged.push((event.data.object as { id: string }).id);
      if (acknowledged.length >= killAfter) crash.killing = kill(child);
    }),
  );
  await (crash.killing ?? kill(child));
  return { acknowledged, sent: sessions.length };
}

const randomBetween = (low: number, high: number): number => low + Math.floor(Math.random() * (high - low + 1));

it('keeps every delivery it acknowledged when killed with SIGKILL mid-burst, twice', async () => {
  const { dir, stateFile } = tempStateFile();
  const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000), seed: 4242 });
  const everyAcknowledged = new Set<string>();
  let child = await startChild(stateFile);
  try {
    for (const round of [1, 2]) {
      const killAfter = randomBetween(1, 40);
      const { acknowledged } = await deliverAndCrash(child, stripe, killAfter);
      // The kill came mid-burst: some deliveries were acknowledged, not all of them.
      expect(acknowledged.length).toBeGreaterThanOrEqual(1);
      expect(acknowledged.length).toBeLessThan(DELIVERIES);
      for (const id of acknowledged) everyAcknowledged.add(id);

      child = await startChild(stateFile);
      const present = await sessionIds(child.url);
      const lost = [...everyAcknowledged].filter((id) => !present.has(id));
      expect({ round, killAfter, acknowledged: everyAcknowledged.size, lost: lost.length }).toEqual({
        round,
        killAfter,
        acknowledged: everyAcknowledged.size,
        lost: 0,
      });
      expect(statSync(stateFile).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(stateFile)).mode & 0o777).toBe(0o700);
    }
  } finally {
    await kill(child);
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
