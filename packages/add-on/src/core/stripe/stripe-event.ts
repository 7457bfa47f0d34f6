/**
 * The parts of Stripe's `checkout.session.*` events the add-on needs, parsed with zod/mini, and
 * the envelope every event shares (the money events' objects are read in money-event.ts).
 * Stripe adds, removes and nulls fields from one API version to the next, so the schemas name only
 * what is used, accept null or absence wherever some version does, and ignore everything else.
 */

import * as z from 'zod/mini';
import { lazily } from '../helpers/lazily';
import { MONEY_EVENT_TYPES, readMoneyObject, type MoneyEvent, type MoneyEventType } from './money-event';

// One parse per Apps Script execution: compiling a fast path first would only cost start-up time.
z.config({ jitless: true });

export const SESSION_EVENT_TYPES = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
] as const;
export type SessionEventType = (typeof SESSION_EVENT_TYPES)[number];
export type HandledEventType = SessionEventType | MoneyEventType;
export const HANDLED_EVENT_TYPES: readonly HandledEventType[] = [...SESSION_EVENT_TYPES, ...MONEY_EVENT_TYPES];

export function isHandledEventType(type: string): type is HandledEventType {
  return (HANDLED_EVENT_TYPES as readonly string[]).indexOf(type) !== -1;
}

function isSessionEventType(type: HandledEventType): type is SessionEventType {
  return (SESSION_EVENT_TYPES as readonly string[]).indexOf(type) !== -1;
}

// Ids are written into the sheet and looked up by exact match: only Stripe's own shapes pass.
export const EVENT_ID = /^evt_[A-Za-z0-9_]{1,250}$/;
export const SESSION_ID = /^cs_(?:test|live)_[A-Za-z0-9]{1,250}$/;
/** A Payment Link's id, as a session names it and as the Payment Links list gives it. */
export const PAYMENT_LINK_ID = /^plink_[A-Za-z0-9]{1,250}$/;

const nullableText = (max: number) => z.optional(z.nullable(z.string().check(z.maxLength(max))));

// Schemas are built on first use, not at load: every custom-function recalculation loads
// Code.js, and building them would cost it about a millisecond for nothing.
const eventEnvelope = lazily(() =>
  z.object({
    id: z.string().check(z.regex(EVENT_ID)),
    object: z.literal('event'),
    type: z.string().check(z.maxLength(200)),
    created: z.number().check(z.int(), z.nonnegative()),
    livemode: z.boolean(),
    api_version: z.optional(z.nullable(z.string())),
    // The session schema below checks the object itself, with paths that say where.
    data: z.object({ object: z.unknown() }),
  }),
);

const checkoutSessionSchema = lazily(() =>
  z.object({
    id: z.string().check(z.regex(SESSION_ID)),
    object: z.literal('checkout.session'),
    created: z.number().check(z.int(), z.nonnegative()),
    livemode: z.boolean(),
    payment_status: z.enum(['paid', 'unpaid', 'no_payment_required']),
    status: z.optional(z.nullable(z.enum(['open', 'complete', 'expired']))),
    // Stripe never charges a negative total; a body that says so was not made by Stripe.
    amount_total: z.optional(z.nullable(z.number().check(z.int(), z.nonnegative()))),
    currency: z.optional(z.nullable(z.string().check(z.regex(/^[a-zA-Z]{3}$/)))),
    client_reference_id: nullableText(500),
    customer_email: nullableText(512),
    customer_details: z.optional(z.nullable(z.object({ email: nullableText(512) }))),
    // An id, or the whole Payment Link object when expanded: read by paymentLinkId, which bounds it.
    payment_link: z.optional(z.unknown()),
    // Ids (or expanded objects, read by idOf): how refunds, disputes and renewals find the session.
    payment_intent: z.optional(z.unknown()),
    subscription: z.optional(z.unknown()),
  }),
);

export type CheckoutSession = z.infer<ReturnType<typeof checkoutSessionSchema>>;

export interface CheckoutSessionEvent {
  id: string;
  type: SessionEventType;
  created: number;
  livemode: boolean;
  session: CheckoutSession;
}

export type EventReading =
  | { kind: 'session_event'; event: CheckoutSessionEvent }
  | { kind: 'money_event'; event: MoneyEvent }
  | { kind: 'other_event'; id: string; type: string }
  | { kind: 'invalid'; error: string };

/** `data.object.amount_total: expected a number, got "12"` for the first problem zod found. */
function describeIssue(issues: readonly z.core.$ZodIssue[], prefix: string, value: unknown): string {
  const issue = issues[0];
  if (!issue) return 'the event is not valid';
  const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
  const at = valueAt(value, issue.path);
  const got = at === undefined ? 'nothing' : JSON.stringify(at).slice(0, 60);
  switch (issue.code) {
    case 'invalid_type':
      return `${path}: expected ${issue.expected}, got ${got}`;
    case 'invalid_value':
      return `${path}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'invalid_format':
      return `${path}: ${got} is not in Stripe's format for this field`;
    case 'too_big':
      return `${path}: too long`;
    case 'custom':
      return `${path}: ${issue.message}`;
    case 'too_small':
      return Number(issue.minimum) === 0 ? `${path}: ${got} is negative, which Stripe never sends` : `${path}: ${got} is too small`;
    default:
      return `${path}: not valid (${issue.code}), got ${got}`;
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Clocks differ a little; an event from further ahead than this is not a real one (a row dated
 * 2200 would also sort above every genuine later event).
 */
export const MAX_CLOCK_SKEW_SECONDS = 3600;

function fromTheFuture(field: string, created: number, nowSeconds: number | undefined): string | null {
  if (nowSeconds === undefined || created <= nowSeconds + MAX_CLOCK_SKEW_SECONDS) return null;
  return `${field}: ${new Date(created * 1000).toISOString()} is in the future; no Stripe event is`;
}

/**
 * Reads a parsed JSON body as a Stripe event: a Checkout Session event or a money event we
 * handle, another event, or invalid. With `nowSeconds`, times ahead of it are refused too.
 */
export function readEvent(json: unknown, nowSeconds?: number): EventReading {
  const envelope = eventEnvelope().safeParse(json);
  if (!envelope.success) {
    if (json === null || typeof json !== 'object' || Array.isArray(json))
      return { kind: 'invalid', error: 'the body is not a Stripe event object' };
    return { kind: 'invalid', error: describeIssue(envelope.error.issues, '', json) };
  }
  const { id, type, created, livemode, data } = envelope.data;
  if (!isHandledEventType(type)) return { kind: 'other_event', id, type };
  if (!isSessionEventType(type)) {
    const money = readMoneyObject(type, data.object);
    if (!money.ok) return { kind: 'invalid', error: describeIssue(money.issues, 'data.object', data.object) };
    if (money.object.livemode !== livemode) return { kind: 'invalid', error: 'data.object.livemode: does not match the event' };
    const ahead = fromTheFuture('created', created, nowSeconds) ?? fromTheFuture('data.object.created', money.object.created, nowSeconds);
    if (ahead !== null) return { kind: 'invalid', error: ahead };
    return { kind: 'money_event', event: { id, type, created, livemode, object: money.object } };
  }
  const session = checkoutSessionSchema().safeParse(data.object);
  if (!session.success) return { kind: 'invalid', error: describeIssue(session.error.issues, 'data.object', data.object) };
  if (session.data.livemode !== livemode) return { kind: 'invalid', error: 'data.object.livemode: does not match the event' };
  const future = fromTheFuture('created', created, nowSeconds) ?? fromTheFuture('data.object.created', session.data.created, nowSeconds);
  if (future !== null) return { kind: 'invalid', error: future };
  return { kind: 'session_event', event: { id, type, created, livemode, session: session.data } };
}

/** Reads a Checkout Session fetched from Stripe's API. */
export function readCheckoutSession(json: unknown): { ok: true; session: CheckoutSession } | { ok: false; error: string } {
  const session = checkoutSessionSchema().safeParse(json);
  return session.success ? { ok: true, session: session.data } : { ok: false, error: describeIssue(session.error.issues, 'session', json) };
}
