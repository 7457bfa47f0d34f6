/**
 * `npm start`: the playground on http://localhost:8787 (PORT to change it).
 *   npm start -- --reset     (or RESET=1) start from a fresh seed
 *   STRIPE_WEBHOOK_SECRET=whsec_... npm start     check Stripe-Signature on every delivery
 *
 * Imported (by the browser tests, the benchmark), it only exports startPlayground.
 */
import { signingSecretProblem } from '@stripe-utm-sheets/add-on/core/webhook/signing-secret';
import { banner } from './banner';
import { DEFAULT_PORT, startPlayground } from './start-playground';

export { startPlayground, DEFAULT_PORT, DEFAULT_STATE_FILE } from './start-playground';
export type { RunningPlayground, StartPlaygroundOptions } from './start-playground';

async function main(): Promise<void> {
  const port = process.env['PORT'] === undefined || process.env['PORT'] === '' ? DEFAULT_PORT : Number(process.env['PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${String(process.env['PORT'])}`);
  const reset = process.argv.includes('--reset') || /^(1|true|yes)$/i.test(process.env['RESET'] ?? '');
  const secret = process.env['STRIPE_WEBHOOK_SECRET'];
  // As the relay: a placeholder would be what every delivery is checked against.
  const secretProblem = secret === undefined || secret === '' ? null : signingSecretProblem(secret);
  if (secretProblem !== null) throw new Error(`${secretProblem} Or leave it unset: the playground then checks no signature.`);
  const running = await startPlayground({ port, reset, ...(secret === undefined || secret === '' ? {} : { webhookSecret: secret }) });
  const info = running.playground.info();
  console.log(banner(info, { url: `http://localhost:${new URL(running.url).port}`, seeded: running.playground.seeded }));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[playground] ${signal}: saving ${running.stateFile} and stopping.`);
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[playground] could not start: ${message}`);
    if (/EADDRINUSE/.test(message))
      console.error('[playground] Another program uses that port: stop it, or choose another with PORT=8788 npm start.');
    process.exit(1);
  });
}
