/**
 * startPlayground: the playground's HTTP server on 127.0.0.1, over the saved state (or a fresh seed),
 * for `npm start`, the browser tests and the benchmark (port 0 and a temporary state file).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { LocalAddOn } from '../local-add-on';
import { createRouter } from './http-server';
import { startDueTriggerClock } from './due-triggers';
import { buildPageAssets } from './page-assets';
import { Playground } from './playground';
import type { SalesSeed } from './playground-stripe';

import { DEFAULT_PORT } from './ports';

export { DEFAULT_PORT } from './ports';
export const DEFAULT_STATE_FILE = path.resolve(__dirname, '../../.playground/state.json');

export interface StartPlaygroundOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default .playground/state.json in the repository. */
  stateFile?: string;
  /** Start from a fresh seed, whatever the state file holds. */
  reset?: boolean;
  /** Stripe's webhook signing secret (whsec_...): deliveries must then carry a good Stripe-Signature. */
  webhookSecret?: string;
  /** No log lines on the console. */
  quiet?: boolean;
  /** Another dist/Code.js (default the repository's). */
  bundlePath?: string;
  /** What the fake Stripe API holds at start (default the demo's sales). */
  seedSales?: SalesSeed;
}

export interface RunningPlayground {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The webhook endpoint with its token. */
  webhookUrl: string;
  stateFile: string;
  /** Stops the server, waits for the save under way and writes the state. */
  close(): Promise<void>;
  app: LocalAddOn;
  playground: Playground;
}

export async function startPlayground(options: StartPlaygroundOptions = {}): Promise<RunningPlayground> {
  const log = options.quiet
    ? () => undefined
    : (message: string) => {
        console.log(`[playground] ${message}`);
      };
  const stateFile = path.resolve(options.stateFile ?? DEFAULT_STATE_FILE);
  const assets = await buildPageAssets();
  const playground = new Playground({
    stateFile,
    reset: options.reset ?? false,
    webhookSecret: options.webhookSecret ?? null,
    log,
    ...(options.bundlePath === undefined ? {} : { bundlePath: options.bundlePath }),
    ...(options.seedSales === undefined ? {} : { seedSales: options.seedSales }),
  });
  const server = createServer(createRouter({ playground, assets, log }));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  try {
    playground.open(`http://localhost:${String(port)}`);
  } catch (error) {
    server.close();
    throw error;
  }

  // One-off triggers (the Attribution refresh after deliveries) run when due, as Apps Script's clock runs them.
  const stopClock = startDueTriggerClock(playground, log);

  // Whatever ends the process, the last changes reach the disk.
  const flushOnExit = (): void => {
    playground.flush();
  };
  process.on('exit', flushOnExit);

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      stopClock();
      process.off('exit', flushOnExit);
      const stopped = new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      server.closeAllConnections();
      // The asynchronous save under way first (a failure is logged), then whatever is left, at once.
      await playground.saved().catch(() => undefined);
      playground.flush();
      await stopped;
    })();
    return closed;
  };

  const url = `http://127.0.0.1:${String(port)}`;
  return {
    url,
    webhookUrl: playground.webhookUrl.replace(`http://localhost:${String(port)}`, url),
    stateFile,
    close,
    app: playground.app,
    playground,
  };
}
