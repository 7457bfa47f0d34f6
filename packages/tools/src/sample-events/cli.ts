/**
 * `npm run send-event -- <kind> [options]`: signs a sample Stripe event and posts it to the running
 * playground (default), to the relay, or to a URL, then prints what was sent and the answer. No
 * Stripe account needed. The work is in sample-events.ts (the events) and send.ts (signing, posting).
 *
 *   npm run send-event -- checkout.session.completed
 *   npm run send-event -- --to relay charge.refunded
 *   npm run send-event -- --reference fb-0002 all
 *   npm run send-event -- --list
 */
import { EVENT_ROUTES } from '@stripe-utm-sheets/add-on/core/ledger/stripe-events';
import { OWN_TAB_DECLARATIONS } from '@stripe-utm-sheets/add-on/core/ledger/declaration';
import type { HandledEventType } from '@stripe-utm-sheets/add-on/core/stripe/stripe-event';
import { DEFAULT_SAMPLE_REFERENCE, DEMO_REFERENCES, SAMPLE_KINDS, sampleEventsOf, sampleStory } from './sample-events';
import { DEFAULT_PLAYGROUND, DEFAULT_RELAY, maskToken, SendError, sendEvents, type Target } from './send';

const USAGE = `Usage: npm run send-event -- <kind | all> [--to playground | --to relay] [--url URL] [--playground URL] [--reference REF]

Signs a sample Stripe event and posts it, as Stripe would, to:
  the playground (default)     its webhook URL, read from the running playground (${DEFAULT_PLAYGROUND})
  --to relay                   the relay the playground's banner starts (${DEFAULT_RELAY}), signed with its secret
  --url URL                    any endpoint; signed with STRIPE_WEBHOOK_SECRET, or else the playground's relay secret
--reference REF                the demo links row the buyer came through (${DEMO_REFERENCES.join(', ')}; default ${DEFAULT_SAMPLE_REFERENCE})
STRIPE_WEBHOOK_SECRET=...      sign with this secret instead (a playground started with one checks it)

Kinds (every event the add-on handles), or all of them in the order Stripe sends them:
${SAMPLE_KINDS.map((kind) => `  ${kind.padEnd(42)}${EVENT_ROUTES[kind].meaning}`).join('\n')}`;

interface Parsed {
  kind: string;
  target: Target;
  playground: string;
  reference: string;
}

function parse(args: readonly string[]): Parsed | 'help' {
  let kind: string | undefined;
  let to = 'playground';
  let url: string | undefined;
  let playground = DEFAULT_PLAYGROUND;
  let reference = DEFAULT_SAMPLE_REFERENCE;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = (): string => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new SendError(`${arg} needs a value. ${USAGE.split('\n')[0] ?? ''}`);
      return next;
    };
    if (arg === '--help' || arg === '-h' || arg === '--list') return 'help';
    else if (arg === '--to') to = value();
    else if (arg === '--url') url = value();
    else if (arg === '--playground') playground = value();
    else if (arg === '--reference') reference = value();
    else if (arg.startsWith('--')) throw new SendError(`Unknown option ${arg}.\n\n${USAGE}`);
    else if (kind === undefined) kind = arg;
    else throw new SendError(`Give one kind, not "${kind}" and "${arg}" (all sends every kind).`);
  }
  if (kind === undefined) throw new SendError(`Say which event to send.\n\n${USAGE}`);
  if (kind !== 'all' && !SAMPLE_KINDS.some((known) => known === kind)) {
    throw new SendError(
      `The add-on handles no event "${kind}". Choose one of these, or all:\n${SAMPLE_KINDS.map((k) => `  ${k}`).join('\n')}`,
    );
  }
  if (to !== 'playground' && to !== 'relay') throw new SendError(`--to takes playground or relay, not "${to}".`);
  const target: Target =
    url !== undefined ? { kind: 'url', url } : to === 'relay' ? { kind: 'relay', url: DEFAULT_RELAY } : { kind: 'playground' };
  return { kind, target, playground, reference };
}

function tabOf(type: string): string {
  const route = EVENT_ROUTES[type as HandledEventType] as (typeof EVENT_ROUTES)[HandledEventType] | undefined;
  return OWN_TAB_DECLARATIONS.find((tab) => tab.role === route?.tab)?.name ?? 'Webhook log';
}

async function main(args: readonly string[]): Promise<number> {
  const parsed = parse(args);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  const story = sampleStory(parsed.reference);
  const events = sampleEventsOf(story, parsed.kind);
  const deliveries = await sendEvents(events, {
    target: parsed.target,
    playground: parsed.playground,
    ...(process.env['STRIPE_WEBHOOK_SECRET'] === undefined ? {} : { secret: process.env['STRIPE_WEBHOOK_SECRET'] }),
  });
  const amount = `${(story.link.amount / 100).toFixed(2)} ${story.link.currency.toUpperCase()}`;
  console.log(`Sample buyer of the links row with reference ${story.reference} (${story.link.url}, ${story.link.id}, ${amount}):`);
  for (const delivery of deliveries) {
    const object = delivery.event.data.object as { id?: unknown };
    console.log(`\nSent ${delivery.event.type} ${delivery.event.id} (${String(object.id)}) to ${maskToken(delivery.url)}`);
    console.log(`Answer: HTTP ${String(delivery.status)}${delivery.status === 302 ? ', followed' : ''}: ${delivery.answer.trim()}`);
    console.log(
      delivery.ok
        ? `See it in the ${tabOf(delivery.event.type)} tab; Refresh attribution (or wait about two minutes) for the Attribution tab.`
        : 'Not recorded: the answer says why (the Webhook log tab counts refusals).',
    );
  }
  return deliveries.every((delivery) => delivery.ok) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof SendError ? error.message : `send-event failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
