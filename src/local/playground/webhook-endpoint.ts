/**
 * POST /webhook?token=...: the add-on's web app endpoint. The body and query go to doPost through
 * postToWebApp, as Apps Script hands them over (no headers). The answer is doPost's own JSON with
 * status 200, which Stripe counts as delivered; the real /exec answers 302 (which Stripe counts as a
 * failure and retries), and the X-Apps-Script-Would-Answer header says so.
 *
 * Apps Script cannot see Stripe-Signature; the playground can. With a webhook secret (the whsec_...
 * that `stripe listen` prints) it checks the signature with Stripe's own library first and refuses
 * a bad one with 400, without calling doPost.
 */
import Stripe from 'stripe';
import type { WebhookAnswer } from '../../core/webhook-answer';
import type { ScriptWithServices } from '../services';
import { postToWebApp } from '../web-app';

export interface WebhookRequest {
  body: string;
  /** The raw query string, without '?'. */
  queryString: string;
  contentType: string;
  /** The Stripe-Signature header, if any. */
  signature: string | undefined;
}

export interface WebhookReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** True when a webhook secret is set and the signature matched. */
  verified: boolean;
  /** True when doPost ran (and may have changed the spreadsheet). */
  ran: boolean;
}

/** The signature's problem, or null when it is good. Stripe's message, first line only. */
export function signatureProblem(body: string, signature: string | undefined, secret: string): string | null {
  try {
    Stripe.webhooks.constructEvent(body, signature ?? '', secret);
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return (message.split('\n')[0] ?? message).trim();
  }
}

function json(status: number, value: WebhookAnswer): WebhookReply {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(value), verified: false, ran: false };
}

/** `verified` runs after a good signature, before doPost. */
export function serveWebhook(
  request: WebhookRequest,
  secret: string | null,
  execution: () => ScriptWithServices,
  verified: () => void = () => undefined,
): WebhookReply {
  if (secret !== null) {
    const problem = signatureProblem(request.body, request.signature, secret);
    if (problem !== null) return json(400, { ok: false, error: `bad signature: ${problem}` });
    verified();
  }
  const response = postToWebApp(execution(), { body: request.body, queryString: request.queryString, contentType: request.contentType });
  return {
    status: 200,
    headers: {
      'Content-Type': response.contentType,
      'X-Apps-Script-Would-Answer': String(response.status),
      ...(response.error ? { 'X-Apps-Script-Error': `${response.error.scriptErrorName}: ${response.error.message}`.replace(/[^\x20-\x7e]/g, '?').slice(0, 500) } : {}),
    },
    body: response.body,
    verified: secret !== null,
    ran: true,
  };
}
