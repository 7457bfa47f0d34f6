/**
 * `npm run relay`: the relay under Node, for a server or a container. Node's requests become
 * Fetch Requests for the same handler Workers runs, with STRIPE_WEBHOOK_SECRET and
 * APPS_SCRIPT_URL from the environment; its Responses are written back as they are.
 *
 *   STRIPE_WEBHOOK_SECRET=<your endpoint's signing secret> APPS_SCRIPT_URL='https://script.google.com/.../exec?token=...' npm run relay
 *
 * It does not start with a secret that cannot be one (missing, or an example's `whsec_...`).
 * PORT (default 8788) and HOST (default 127.0.0.1; 0.0.0.0 in a container) say where it listens.
 * Node only: not part of the Workers bundle (src/relay/worker.ts is).
 */

import { signingSecretProblem, WHERE_TO_FIND_THE_SECRET } from '../core/webhook/signing-secret';
import { serveRelay } from './node-adapter';
import { REQUIRED_SETTINGS, type RelayEnv } from './relay';
import { maskUrl } from './secrets';

const DEFAULT_PORT = 8788;

function main(): void {
  const env: RelayEnv = {};
  const missing: string[] = [];
  for (const name of REQUIRED_SETTINGS) {
    const value = process.env[name];
    if (value === undefined || value === '') missing.push(name);
    else env[name] = value;
  }
  if (missing.length > 0) {
    console.error(
      `relay: set ${missing.join(' and ')} in the environment (the signing secret of the Stripe endpoint, and the web app's /exec URL with its ?token=).${missing.includes('STRIPE_WEBHOOK_SECRET') ? ` ${WHERE_TO_FIND_THE_SECRET}` : ''}`,
    );
    process.exit(1);
  }
  // A placeholder would be the key every delivery is checked with: refuse to start rather than refuse every delivery.
  const secretProblem = signingSecretProblem(env.STRIPE_WEBHOOK_SECRET);
  if (secretProblem !== null) {
    console.error(`relay: not started: ${secretProblem}`);
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = serveRelay(env);
  server.listen(port, host, () => {
    const address = server.address();
    const listening = typeof address === 'object' && address !== null ? address.port : port;
    console.log(`relay: listening on http://${host}:${listening}/, forwarding to ${maskUrl(env.APPS_SCRIPT_URL ?? '')}`);
  });
}

main();
