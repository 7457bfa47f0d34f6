/**
 * Stripe's errors as something the parts can throw: auth, failure injection, the routes and the
 * paging helpers each refuse a request by throwing an HttpError, and the routes turn it into the
 * one response shape (status, Request-Id, JSON body or a proxy's raw page). Also the
 * case-insensitive header lookup they all need, since callers spell header names as they like.
 */

import type { StripeErrorBody } from './objects';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly extraHeaders: Record<string, string> = {},
    /** A body to send instead of the JSON error (e.g. a proxy's HTML page). */
    readonly rawBody?: string,
  ) {
    super(body.error.message);
  }
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

export function invalid(message: string, param?: string): HttpError {
  return new HttpError(400, { error: { type: 'invalid_request_error', message, ...(param === undefined ? {} : { param }) } });
}

export function unrecognized(method: string, path: string): HttpError {
  return new HttpError(404, {
    error: {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    },
  });
}

/** Stripe's "No such ..." error; `otherMode` when the object exists in the other mode. */
export function noSuch(kind: string, id: string, param: string, otherMode?: boolean, status = 404): HttpError {
  const hint =
    otherMode === undefined
      ? ''
      : otherMode
        ? '; a similar object exists in live mode, but a test mode key was used to make this request.'
        : '; a similar object exists in test mode, but a live mode key was used to make this request.';
  return new HttpError(status, {
    error: {
      code: 'resource_missing',
      doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
      message: `No such ${kind}: '${id}'${hint}`,
      param,
      type: 'invalid_request_error',
    },
  });
}
