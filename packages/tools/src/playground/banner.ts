/**
 * What `npm start` prints once the playground listens. Every command in it runs as printed, offline:
 * the relay's secret is the playground's own (relay-secret.ts), never a placeholder to fill in.
 */
import path from 'node:path';
import type { PlaygroundInfo } from './api-types';

export function banner(info: PlaygroundInfo, options: { url: string; seeded: boolean }): string {
  const relativeState = path.relative(process.cwd(), info.stateFile) || info.stateFile;
  const lines = [
    '',
    `  Payment-link tracking playground: ${options.url}`,
    '',
    `  Webhook URL      ${info.webhookUrl}`,
    "                   answers like Google's /exec: doPost runs, then a 302 to a one-time echo URL",
    '                   that serves its JSON once. Stripe counts that 302 as a failed delivery.',
    `  State            ${relativeState} (${options.seeded ? 'fresh seed' : 'restored'}; \`npm start -- --reset\` or RESET=1 starts afresh)`,
    `  Stripe API key   ${info.stripeKey}  (restricted test key of the offline fake Stripe API: "Connect Stripe key…", then "Sync now")`,
    '  Triggers         run when due while the playground runs: the Attribution tab follows a delivery about 2 minutes later.',
    `                   ${info.schedule}`,
    `  Signatures       ${info.signatureChecked ? 'checked with STRIPE_WEBHOOK_SECRET' : 'not checked (set STRIPE_WEBHOOK_SECRET to the whsec_... that `stripe listen` prints)'}`,
    '',
    '  Sample events, no Stripe account needed (signed and posted as Stripe would; --list for every kind):',
    `    ${info.sendEvent}`,
    '',
    '  Real Stripe test events, straight to the endpoint (stripe listen shows the 302 Stripe would record):',
    `    ${info.stripeListen}`,
    '    stripe trigger checkout.session.completed',
    '',
    '  Through the relay, as in production (it checks Stripe-Signature, follows the 302, and Stripe sees 200):',
    `    ${info.relayCommand}`,
    `    ${info.sendEventToRelay}`,
    "    That secret is the playground's own, made for this relay. For real test events through it, start it",
    '    with the whsec_ that `stripe listen` prints instead, then:',
    `    ${info.relayListen}`,
    '    With a Stripe key connected, the add-on asks the fake Stripe API for each event, which knows only its',
    '    demo and what this playground verified itself: events through the relay are refused as unconfirmed.',
    ...(info.signatureChecked
      ? [
          '    The relay forwards only the body, as Google receives it: restart the playground without',
          '    STRIPE_WEBHOOK_SECRET behind it, or this playground refuses its deliveries (and the relay answers 503).',
        ]
      : []),
    '',
    '  Ctrl+C stops it; the state is saved.',
    '',
  ];
  return lines.join('\n');
}
