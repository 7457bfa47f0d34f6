/**
 * `npm run relay` as a user runs it, in front of a playground: a child process (its own process
 * group, so that stopping it stops npm's children too) on a free port of 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/** The repository's root, where a user types `npm run relay`. */
const ROOT = path.resolve(__dirname, '../../../..');

export interface RelayProcess {
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** Every line it printed. */
  output: string[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export async function startRelay(
  env: { STRIPE_WEBHOOK_SECRET: string; APPS_SCRIPT_URL: string },
  timeoutMs = 30_000,
): Promise<RelayProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'relay'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  let exited = false;
  const gone = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`npm run relay did not listen within ${String(timeoutMs)} ms:\n${output.join('\n')}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) if (line !== '') output.push(line);
      if (output.some((line) => /listening on/.test(line))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void gone.then(() => {
      clearTimeout(timer);
      reject(new Error(`npm run relay exited:\n${output.join('\n')}`));
    });
  });
  const stop = async (): Promise<void> => {
    if (exited || child.pid === undefined) return;
    process.kill(-child.pid, 'SIGTERM');
    await gone;
  };
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${String(port)}/`, output, stop };
}
