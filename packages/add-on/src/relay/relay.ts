/**
 * The relay: a Fetch-API handler between Stripe and the web app. Stripe counts Apps Script's 302
 * as a failed delivery and doPost never sees headers, so the relay checks Stripe-Signature over
 * the raw body, forwards the body unchanged to the web app's /exec URL (with its ?token=),
 * follows Google's redirect (by hand, only where redirects.ts allows) to read doPost's JSON
 * answer, and gives Stripe a status it believes:
 *
 *   200  the add-on took the event (ok: true), or refused it for good (ok: false, no retry)
 *   503  the add-on asked for a retry (a token refused too), Google answered something that is
 *        not the add-on's JSON (its HTML error page, a 5xx), a redirect led somewhere the relay
 *        does not follow, or no answer came in time (Stripe waits 10 s)
 *   400  missing, malformed, wrong or expired signature: nothing is forwarded
 *   405  not a POST; 413 a body over MAX_BODY_BYTES; 500 a missing setting (named, never shown),
 *        or a STRIPE_WEBHOOK_SECRET that cannot be one (an example's `whsec_...`: see signing-secret.ts)
 *
 * Web platform only (fetch, Request, Response, crypto.subtle, AbortSignal.timeout): the same code
 * runs on Cloudflare Workers, Deno and Node 20.
 */

import { MAX_BODY_BYTES } from '../core/webhook/webhook-limits';
import { isAnswerResult, readWebhookAnswer, type WebhookAnswer } from '../core/contracts/webhook-answer';
import { signingSecretProblem } from '../core/webhook/signing-secret';
import { verifySignature, type HmacSubtle } from './signature';
import { redactor } from './secrets';
import { isRedirect, keepsMethod, MAX_REDIRECTS, redirectTarget } from './redirects';

/** Stripe gives up on an endpoint after 10 s; the relay answers before that. */
export const FORWARD_TIMEOUT_MS = 9000;

/** The settings, as Workers passes them in env (secrets and vars are strings). */
export interface RelayEnv {
  /** The endpoint's signing secret in Stripe, `whsec_...`. */
  STRIPE_WEBHOOK_SECRET?: string;
  /** The web app's /exec URL with its ?token=. */
  APPS_SCRIPT_URL?: string;
  /** Optional: a shorter wait for the web app, in ms (tests); capped at FORWARD_TIMEOUT_MS. */
  RELAY_TIMEOUT_MS?: string;
}

/** The settings the relay cannot run without: the one list, which the Node server reads from its environment. */
export const REQUIRED_SETTINGS = ['STRIPE_WEBHOOK_SECRET', 'APPS_SCRIPT_URL'] as const satisfies ReadonlyArray<keyof RelayEnv>;

/** What the relay answers Stripe (and shows in its dashboard): what happened, no secret. */
export interface RelayAnswer {
  ok: boolean;
  error?: string;
  retry?: true;
  /** The add-on's own answer, when one came, passed through field by field. */
  answer?: WebhookAnswer;
}

export interface RelayOptions {
  now?: () => number;
  subtle?: HmacSubtle;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** One line per request; console.log unless told. */
  log?: (line: string) => void;
}

export interface RelayHandler {
  fetch(request: Request, env?: unknown): Promise<Response>;
}

interface DenoLike {
  env: { get(name: string): string | undefined };
}

/**
 * A setting from env, else from Deno.env: `deno serve` calls fetch(request, info) with no env.
 * Never process.env: the Node server passes process.env's values in env itself.
 */
function setting(env: unknown, name: keyof RelayEnv): string | undefined {
  const given = typeof env === 'object' && env !== null ? (env as Record<string, unknown>)[name] : undefined;
  if (typeof given === 'string' && given !== '') return given;
  const deno = (globalThis as { Deno?: DenoLike }).Deno;
  if (deno === undefined) return undefined;
  try {
    return deno.env.get(name) ?? undefined;
  } catch {
    // Deno without --allow-env: treated as unset, and the 500 says so.
    return undefined;
  }
}

function timeoutOf(env: unknown): number {
  const text = setting(env, 'RELAY_TIMEOUT_MS');
  const ms = text === undefined ? NaN : Number(text);
  return Number.isInteger(ms) && ms > 0 && ms <= FORWARD_TIMEOUT_MS ? ms : FORWARD_TIMEOUT_MS;
}

const identity = (text: string): string => text;

function answerWith(
  status: number,
  body: RelayAnswer,
  redact: (text: string) => string = identity,
  headers: Record<string, string> = {},
): Response {
  return new Response(redact(JSON.stringify(body)), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** The body, or null when it is over the limit (by its Content-Length or as it streams in). */
async function readBounded(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) {
    await request.body?.cancel();
    return null;
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

const MAX_TEXT = 500;

/** The add-on's answer, only its known fields, each of its type, text redacted and cut short. */
function passThrough(answer: WebhookAnswer, redact: (text: string) => string): WebhookAnswer {
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? redact(value).slice(0, MAX_TEXT) : undefined);
  const kept: WebhookAnswer = { ok: answer.ok };
  const error = text(answer.error);
  if (error !== undefined) kept.error = error;
  if (answer.retry === true) kept.retry = true;
  const event = text(answer.event);
  if (event !== undefined) kept.event = event;
  const session = text(answer.session);
  if (session !== undefined) kept.session = session;
  if (isAnswerResult(answer.result)) kept.result = answer.result;
  const note = text(answer.note);
  if (note !== undefined) kept.note = note;
  if (typeof answer.verified === 'boolean') kept.verified = answer.verified;
  return kept;
}

function describeAnswer(answer: WebhookAnswer): string {
  return [answer.event, answer.session, answer.result, answer.error].filter((part) => part !== undefined).join(' ');
}

/** The 405 for any method but POST (the Node server gives it too, for methods fetch cannot carry). */
export function methodNotAllowed(method: string): Response {
  return answerWith(405, { ok: false, error: `the relay takes Stripe's webhook deliveries, which are POSTs, not ${method}` }, identity, {
    allow: 'POST',
  });
}

/** The 500 for a failure nobody foresaw: Stripe retries it, and it carries no detail that could hold a secret. */
export function failedUnexpectedly(): Response {
  return answerWith(500, { ok: false, retry: true, error: 'the relay failed unexpectedly; Stripe will send the event again' });
}

export function createRelay(options: RelayOptions = {}): RelayHandler {
  const now = options.now ?? Date.now;
  const forward = options.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const log =
    options.log ??
    ((line: string) => {
      console.log(line);
    });

  async function handle(request: Request, env: unknown): Promise<Response> {
    if (request.method !== 'POST') {
      log(`relay: 405 ${request.method} refused`);
      return methodNotAllowed(request.method);
    }

    const missing = REQUIRED_SETTINGS.filter((name) => setting(env, name) === undefined);
    const secret = setting(env, 'STRIPE_WEBHOOK_SECRET') ?? '';
    const url = setting(env, 'APPS_SCRIPT_URL') ?? '';
    if (missing.length > 0) {
      log(`relay: 500 not configured: ${missing.join(' and ')} not set`);
      return answerWith(500, {
        ok: false,
        error: `the relay is not configured: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`,
      });
    }
    const secretProblem = signingSecretProblem(secret);
    if (secretProblem !== null) {
      log('relay: 500 STRIPE_WEBHOOK_SECRET is not a signing secret');
      return answerWith(500, { ok: false, error: `the relay is not configured: ${secretProblem}` });
    }
    const redact = redactor(secret, url);
    if (!/^https?:\/\/[^/?#\s]+/i.test(url)) {
      log('relay: 500 APPS_SCRIPT_URL is not an http(s) URL');
      return answerWith(500, {
        ok: false,
        error: "the relay is not configured: APPS_SCRIPT_URL is not an http(s) URL (it is the web app's /exec URL with its ?token=)",
      });
    }

    const body = await readBounded(request, MAX_BODY_BYTES);
    if (body === null) {
      log('relay: 413 body too large, not forwarded');
      return answerWith(413, {
        ok: false,
        error: `the body is over ${MAX_BODY_BYTES / 1024} KiB, larger than any Checkout Session event; not forwarded`,
      });
    }

    const signature = await verifySignature(body, request.headers.get('stripe-signature'), secret, {
      now,
      ...(options.subtle ? { subtle: options.subtle } : {}),
    });
    if (!signature.ok) {
      log(`relay: 400 signature ${signature.failure}, not forwarded`);
      return answerWith(400, { ok: false, error: `${signature.error}; not forwarded` }, redact);
    }

    const timeoutMs = timeoutOf(env);
    const started = now();
    const within = `${Math.round(timeoutMs / 100) / 10} s`;
    let status: number;
    let contentType: string;
    let text: string;
    let refused: string | null = null;
    try {
      // One deadline for the POST, Google's redirect and reading the answer. Redirects are
      // followed by hand, only where redirects.ts allows (Apps Script's hosts over https, or
      // APPS_SCRIPT_URL's own origin); a 302 or 303 becomes the GET that Google expects.
      const signal = AbortSignal.timeout(timeoutMs);
      let target = url;
      let init: RequestInit = {
        method: 'POST',
        body,
        headers: { 'content-type': request.headers.get('content-type') ?? 'application/json; charset=utf-8' },
        redirect: 'manual',
        signal,
      };
      let response = await forward(target, init);
      for (let redirects = 0; isRedirect(response.status) && refused === null; redirects++) {
        const next = redirectTarget(response.status, response.headers.get('location'), target, url);
        await response.body?.cancel().catch(() => undefined);
        if (!next.ok) refused = next.reason;
        else if (redirects >= MAX_REDIRECTS) refused = `the web app redirected more than ${MAX_REDIRECTS} times in a row`;
        else {
          if (!keepsMethod(response.status)) init = { method: 'GET', redirect: 'manual', signal };
          target = next.url;
          response = await forward(target, init);
        }
      }
      status = response.status;
      contentType = response.headers.get('content-type') ?? 'no content type';
      text = refused === null ? await response.text() : '';
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      const why = timedOut ? `the web app did not answer within ${within}` : `the web app could not be reached (${name})`;
      log(`relay: 503 ${why}`);
      return answerWith(503, { ok: false, retry: true, error: `${why}; Stripe will send the event again` }, redact);
    }
    const ms = now() - started;
    if (refused !== null) {
      log(redact(`relay: 503 ${refused}, in ${ms} ms`));
      return answerWith(503, { ok: false, retry: true, error: `${refused}; Stripe will send the event again` }, redact);
    }

    const answer = status >= 200 && status < 300 ? readWebhookAnswer(text) : null;
    if (answer === null) {
      const what = `the web app answered HTTP ${status} (${contentType.split(';')[0] ?? contentType}), not the add-on's JSON`;
      log(redact(`relay: 503 ${what}, in ${ms} ms`));
      return answerWith(503, { ok: false, retry: true, error: `${what}; Stripe will send the event again` }, redact);
    }
    const passed = passThrough(answer, redact);
    if (passed.retry) {
      log(redact(`relay: 503 the add-on asked for a retry: ${describeAnswer(passed)}, in ${ms} ms`));
      return answerWith(
        503,
        { ok: false, retry: true, error: `the add-on asked for a retry: ${passed.error ?? 'no reason given'}`, answer: passed },
        redact,
      );
    }
    if (passed.ok) {
      log(redact(`relay: 200 ${describeAnswer(passed)}, in ${ms} ms`));
      return answerWith(200, { ok: true, answer: passed }, redact);
    }
    log(redact(`relay: 200 refused for good by the add-on: ${describeAnswer(passed)}, in ${ms} ms`));
    return answerWith(
      200,
      {
        ok: false,
        error: `the add-on refused the event, and a retry would not change that: ${passed.error ?? 'no reason given'}`,
        answer: passed,
      },
      redact,
    );
  }

  return {
    async fetch(request: Request, env?: unknown): Promise<Response> {
      try {
        return await handle(request, env);
      } catch (error) {
        log(`relay: 500 internal error (${error instanceof Error ? error.name : 'unknown'})`);
        return failedUnexpectedly();
      }
    },
  };
}
