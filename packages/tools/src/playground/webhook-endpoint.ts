/**
 * POST /webhook?token=...: the add-on's web app endpoint, answering as Google's /exec does. The
 * body and query go to doPost through postToWebApp, as Apps Script hands them over (no headers).
 * When doPost returns, the answer is a 302 whose Location is a one-time echo URL (GET /echo/<id>,
 * see echo-store.ts) serving doPost's output with its content type: what Stripe records is the 302
 * (a failed delivery, retried), and a client that follows the redirect (the relay) reads the JSON.
 * When doPost throws, the answer is Apps Script's HTML error page with status 200, as Google's.
 *
 * Apps Script cannot see Stripe-Signature; the playground can. With a webhook secret (the whsec_...
 * that `stripe listen` prints) it checks the signature with Stripe's own library first and refuses
 * a bad one with 400, without calling doPost.
 */
import Stripe from 'stripe';
import type { WebhookAnswer } from '@stripe-utm-sheets/add-on/core/contracts/webhook-answer';
import type { ScriptWithServices } from '../services';
import { postToWebApp } from '../web-app';
import type { EchoStore } from './echo-store';

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
  /** What doPost answered (the echo's content), when it ran: for the log. */
  output?: string;
}

export interface WebhookFront {
  /** The Stripe webhook signing secret (whsec_...); null: signatures are not checked. */
  secret: string | null;
  /** A fresh 'webapp' execution. */
  execution: () => ScriptWithServices;
  /** Runs after a good signature, before doPost. */
  verified?: () => void;
  echoes: EchoStore;
  /** Where the echo URLs live: an origin like http://127.0.0.1:8787, or '' for a relative Location. */
  echoOrigin: string;
}

/** The body Google sends with its 302 (the Location is what counts). */
function movedPage(location: string): string {
  const href = location.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<HTML><HEAD><TITLE>Moved Temporarily</TITLE></HEAD><BODY BGCOLOR="#FFFFFF" TEXT="#000000"><H1>Moved Temporarily</H1>The document has moved <A HREF="${href}">here</A>.</BODY></HTML>`;
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
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(value),
    verified: false,
    ran: false,
  };
}

export function serveWebhook(request: WebhookRequest, front: WebhookFront): WebhookReply {
  if (front.secret !== null) {
    const problem = signatureProblem(request.body, request.signature, front.secret);
    if (problem !== null) return json(400, { ok: false, error: `bad signature: ${problem}` });
    front.verified?.();
  }
  const response = postToWebApp(front.execution(), {
    body: request.body,
    queryString: request.queryString,
    contentType: request.contentType,
  });
  const verified = front.secret !== null;
  if (response.status === 200) {
    // doPost threw: Google answers its HTML error page directly, with 200.
    return {
      status: 200,
      headers: {
        'Content-Type': response.contentType,
        ...(response.error
          ? {
              'X-Apps-Script-Error': `${response.error.scriptErrorName}: ${response.error.message}`
                .replace(/[^\x20-\x7e]/g, '?')
                .slice(0, 500),
            }
          : {}),
      },
      body: response.body,
      verified,
      ran: true,
      output: response.body,
    };
  }
  const location = `${front.echoOrigin}/echo/${front.echoes.put({ contentType: response.contentType, body: response.body })}`;
  return {
    status: 302,
    headers: { 'Content-Type': 'text/html; charset=UTF-8', Location: location },
    body: movedPage(location),
    verified,
    ran: true,
    output: response.body,
  };
}
