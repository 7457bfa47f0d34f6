/**
 * Failure injection and rate limits: the ways a test makes Stripe misbehave (a 5xx, a 429, a
 * proxy's HTML page, a rate limit over the fake clock). Checked before auth, as a load balancer or
 * Stripe's limiter answers before any key is looked at.
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

export interface RateLimitOptions {
  /** Requests answered normally before 429s start. */
  requests: number;
  /** If set, the count restarts once this many seconds of the fake clock have passed since the
   *  window's first request; otherwise it lasts until `resetRateLimit()`. */
  windowSeconds?: number;
}

interface Failure extends FailureOptions {
  remaining: number;
  status: number;
}

export class FailureInjector {
  private failures: Failure[] = [];
  private rate: { limit: number; windowSeconds: number | undefined; count: number; windowStart: number } | undefined;

  /** The fake's clock, which rate-limit windows are measured on. */
  constructor(private readonly now: () => number) {}

  failNext(count: number, status: number, options: FailureOptions): void {
    this.failures.push({ ...options, remaining: count, status });
  }

  clearFailures(): void {
    this.failures = [];
  }

  rateLimit(options: RateLimitOptions): void {
    this.rate = { limit: options.requests, windowSeconds: options.windowSeconds, count: 0, windowStart: this.now() };
  }

  resetRateLimit(): void {
    if (this.rate) {
      this.rate.count = 0;
      this.rate.windowStart = this.now();
    }
  }

  clearRateLimit(): void {
    this.rate = undefined;
  }

  /** Throws the injected failure or the 429 this request gets, if any; an injected failure is
   *  used up first and does not count against the rate limit. */
  check(path: string): void {
    this.injectedFailure(path);
    this.rateLimited();
  }

  private injectedFailure(path: string): void {
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

  private rateLimited(): void {
    const rate = this.rate;
    if (!rate) return;
    if (rate.windowSeconds !== undefined && this.now() >= rate.windowStart + rate.windowSeconds) {
      rate.count = 0;
      rate.windowStart = this.now();
    }
    if (rate.count >= rate.limit) {
      const defaults = defaultFailure(429);
      throw new HttpError(
        429,
        { error: { code: 'rate_limit', doc_url: defaults.doc_url, message: defaults.message, type: defaults.type } },
        { 'Stripe-Should-Retry': 'true' },
      );
    }
    rate.count++;
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
