/**
 * The playground in a process of its own, for the crash test: startPlayground (what `npm start`
 * runs) on a free port of 127.0.0.1 over PLAYGROUND_STATE_FILE, checking signatures with
 * PLAYGROUND_WEBHOOK_SECRET. Prints one JSON line, { url, webhookUrl }, once it listens.
 */
import { startPlayground } from '../../src/playground/server';

async function main(): Promise<void> {
  const stateFile = process.env['PLAYGROUND_STATE_FILE'];
  if (stateFile === undefined || stateFile === '') throw new Error('PLAYGROUND_STATE_FILE is not set');
  const secret = process.env['PLAYGROUND_WEBHOOK_SECRET'];
  const running = await startPlayground({
    port: 0,
    stateFile,
    quiet: true,
    ...(secret === undefined || secret === '' ? {} : { webhookSecret: secret }),
  });
  process.stdout.write(`${JSON.stringify({ url: running.url, webhookUrl: running.webhookUrl })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
