/**
 * Failure injection: the ways a test makes Stripe misbehave (a 5xx, a 429, a proxy's HTML page), for
 * the next requests or those to one path. Checked before auth, as a load balancer or Stripe's
 * limiter answers before any key is looked at.
 */

import { HttpError } from './http';
import type { StripeErrorBody } from './objects';

export interface FailureOptions {
  /** Only requests whose path matches (exact string or RegExp) fail; others pass untouched. */
  path?: string | RegExp;
  /** Replace the whole response body (e.g. an HTML page from a load balancer). */
  body?: string;
  type?: string;
  code?: string;
  message?: string;
  headers?: Record<string, string>;
  /** The `Stripe-Should-Retry` header; default true. */
  shouldRetry?: boolean;
}

interface Failure extends FailureOptions {
  remaining: number;
  status: number;
}

export class FailureInjector {
  private failures: Failure[] = [];

  failNext(count: number, status: number, options: FailureOptions): void {
    this.failures.push({ ...options, remaining: count, status });
  }

  clearFailures(): void {
    this.failures = [];
  }

  /** Throws the injected failure this request gets, if any, using it up. */
  check(path: string): void {
    const failure = this.failures.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.path === undefined || (typeof candidate.path === 'string' ? candidate.path === path : candidate.path.test(path))),
    );
    if (!failure) return;
    failure.remaining--;
    this.failures = this.failures.filter((candidate) => candidate.remaining > 0);
    const defaults = defaultFailure(failure.status);
    const code = failure.code ?? defaults.code;
    const docUrl = failure.code === undefined ? defaults.doc_url : undefined;
    const body: StripeErrorBody = {
      error: {
        ...(code === undefined ? {} : { code }),
        ...(docUrl === undefined ? {} : { doc_url: docUrl }),
        message: failure.message ?? defaults.message,
        type: failure.type ?? defaults.type,
      },
    };
    const headers = { 'Stripe-Should-Retry': String(failure.shouldRetry ?? true), ...failure.headers };
    throw new HttpError(failure.status, body, headers, failure.body);
  }
}

function defaultFailure(status: number): { type: string; message: string; code?: string; doc_url?: string } {
  if (status === 429) {
    return {
      type: 'invalid_request_error',
      code: 'rate_limit',
      doc_url: 'https://stripe.com/docs/error-codes/rate-limit',
      message: 'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
    };
  }
  if (status >= 500) {
    return {
      type: 'api_error',
      message:
        status === 500
          ? 'An unknown error occurred'
          : 'Stripe is temporarily unavailable. Please try again later or contact us at https://support.stripe.com/.',
    };
  }
  return { type: 'invalid_request_error', message: `Request failed with status ${status}` };
}
