/** What the fake Stripe API's tests share: a call through its UrlFetchApp handler, and readers of its answers. */
import {
  DEFAULT_TEST_KEY,
  type FakeStripeApi,
  type StripeApiReply,
  type StripeErrorBody,
  type StripeEvent,
  type StripeList,
} from '../src/fake-stripe';
import type { FetchHandler } from '../src/services/url-fetch';

export interface CallOptions {
  key?: string | null;
  method?: string;
  headers?: Record<string, string>;
}

export function call(
  handler: FetchHandler<StripeApiReply>,
  pathAndQuery: string,
  options: CallOptions = {},
): StripeApiReply & { json: unknown } {
  const key = options.key === undefined ? DEFAULT_TEST_KEY : options.key;
  const headers: Record<string, string> = { ...(key === null ? {} : { Authorization: `Bearer ${key}` }), ...options.headers };
  const response = handler({ url: `https://api.stripe.com${pathAndQuery}`, method: options.method ?? 'get', headers });
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    json = undefined;
  }
  return { ...response, json };
}

export const list = (response: { json: unknown }) => response.json as StripeList<StripeEvent>;
export const failure = (response: { json: unknown }) => (response.json as StripeErrorBody).error;
export const ids = (response: { json: unknown }) => list(response).data.map((event) => event.id);

/** 250 events over ~4 hours, every fifth sharing its second with the previous one. */
export function twoHundredFiftyEvents(api: FakeStripeApi): StripeEvent[] {
  const start = api.now() - 250 * 60;
  const events: StripeEvent[] = [];
  for (let i = 0; i < 250; i++) {
    const session = api.addSession({ created: start + i * 60 - 120 });
    const created = i % 5 === 4 ? events[i - 1]!.created : start + i * 60;
    events.push(api.addEvent('checkout.session.completed', session, { created }));
  }
  return events;
}

/** Newest first: created desc, later insertion first on ties. */
export function newestFirst(events: StripeEvent[]): string[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => b.event.created - a.event.created || b.index - a.index)
    .map(({ event }) => event.id);
}
