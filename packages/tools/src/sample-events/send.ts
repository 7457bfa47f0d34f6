/**
 * Signs sample events and posts them as Stripe would (`Stripe-Signature` made by the fake Stripe's
 * signer, the body as sent): to the running playground's webhook endpoint, to the relay in front
 * of it, or to any URL. The secret is the one the target checks: the relay's is the playground's
 * own (relay-secret.ts, read from the playground) unless one is given; the playground checks
 * signatures only when it was started with STRIPE_WEBHOOK_SECRET, and then takes that one.
 * Like the relay, it follows the playground's 302 to read the add-on's answer.
 */
import { signPayload, type StripeEvent } from '../fake-stripe';
import type { PlaygroundInfo, StateView } from '../playground/api-types';
import { DEFAULT_PORT, RELAY_DEFAULT_PORT } from '../playground/ports';

export const DEFAULT_PLAYGROUND = `http://127.0.0.1:${String(DEFAULT_PORT)}`;
export const DEFAULT_RELAY = `http://127.0.0.1:${String(RELAY_DEFAULT_PORT)}/`;

export type Target = { kind: 'playground' } | { kind: 'relay'; url: string } | { kind: 'url'; url: string };

export interface SendOptions {
  target: Target;
  /** Where the playground listens (its webhook URL and relay secret are read from it). */
  playground: string;
  /** A secret to sign with instead of the target's (STRIPE_WEBHOOK_SECRET in the command's environment). */
  secret?: string;
  fetch?: typeof fetch;
  /** Unix seconds, for the signature. */
  now?: () => number;
}

export interface Delivery {
  event: StripeEvent;
  url: string;
  status: number;
  /** The add-on's (or the relay's) answer as text; after a 302, the text at its Location. */
  answer: string;
  /** 2xx or a 302 followed to an answer whose `ok` is true. */
  ok: boolean;
}

/** Something the user has to do before anything is sent. */
export class SendError extends Error {}

/** The URL with its `?token=` hidden, for what is printed. */
export function maskToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/i, '$1***');
}

async function playgroundInfo(origin: string, get: typeof fetch): Promise<PlaygroundInfo> {
  let response: Response;
  try {
    response = await get(`${origin.replace(/\/+$/, '')}/api/state`);
  } catch {
    throw new SendError(
      `No playground answers at ${origin}. Start it with \`npm start\` in another terminal, or say where it listens with --playground http://127.0.0.1:PORT.`,
    );
  }
  const view = (await response.json().catch(() => ({}))) as StateView;
  if (!response.ok || view.info === undefined) {
    throw new SendError(`${origin} answered HTTP ${String(response.status)}, not as the playground does: is it the playground's address?`);
  }
  return view.info;
}

/** Where to post and the secret to sign with, for the target. */
export async function resolveTarget(options: SendOptions): Promise<{ url: string; secret: string }> {
  const get = options.fetch ?? fetch;
  const given = options.secret === undefined || options.secret === '' ? undefined : options.secret;
  if (options.target.kind === 'url' && given !== undefined) return { url: options.target.url, secret: given };
  const info = await playgroundInfo(options.playground, get);
  if (options.target.kind === 'playground') {
    if (info.signatureChecked && given === undefined) {
      throw new SendError(
        'The playground checks signatures (it was started with STRIPE_WEBHOOK_SECRET): run this with the same STRIPE_WEBHOOK_SECRET in the environment.',
      );
    }
    // Without its own secret the playground checks nothing; the event is signed all the same, as Stripe's are.
    return { url: info.webhookUrl.replace('//localhost:', '//127.0.0.1:'), secret: given ?? info.relaySecret };
  }
  return { url: options.target.url, secret: given ?? info.relaySecret };
}

function answerOk(text: string): boolean {
  try {
    return (JSON.parse(text) as { ok?: unknown }).ok === true;
  } catch {
    return false;
  }
}

/** Posts each event in turn, signed now; what each target answered. */
export async function sendEvents(events: readonly StripeEvent[], options: SendOptions): Promise<Delivery[]> {
  const post = options.fetch ?? fetch;
  const { url, secret } = await resolveTarget(options);
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const deliveries: Delivery[] = [];
  for (const event of events) {
    // Pretty-printed, as Stripe sends it: the signature covers these exact bytes.
    const body = JSON.stringify(event, null, 2);
    let response: Response;
    try {
      response = await post(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': signPayload(body, secret, now()) },
        body,
      });
    } catch {
      const what = options.target.kind === 'relay' ? 'The relay' : 'Nothing';
      throw new SendError(
        `${what} answers at ${maskToken(url)}.${options.target.kind === 'relay' ? ' Start it with the relay command the playground prints (npm run relay), or say where it listens with --url.' : ''}`,
      );
    }
    let answer = await response.text();
    const location = response.headers.get('location');
    if (response.status === 302 && location !== null) answer = await (await post(new URL(location, url).href)).text();
    const ok = (response.status >= 200 && response.status < 300) || response.status === 302 ? answerOk(answer) : false;
    deliveries.push({ event, url, status: response.status, answer, ok });
  }
  return deliveries;
}
