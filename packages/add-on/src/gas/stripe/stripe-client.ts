/**
 * Reads from Stripe's API with UrlFetchApp and a restricted key, retrying what is worth retrying
 * (429, 5xx, no answer) with exponential backoff, and turning the rest into a clear message.
 */

import { describeApiError, isRetryable, STRIPE_API_ORIGIN } from '../../core/stripe/stripe-api';

export type ApiResult = { ok: true; json: unknown } | { ok: false; status: number; error: string };

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The first wait; each later one doubles. */
  firstDelayMs: number;
}

/** A webhook delivery cannot wait long: Stripe will send it again anyway. A sync can. */
export const WEBHOOK_RETRIES: RetryPolicy = { attempts: 2, firstDelayMs: 500 };
export const SYNC_RETRIES: RetryPolicy = { attempts: 5, firstDelayMs: 1000 };

function fetchOnce(key: string, path: string): { status: number; body: string; shouldRetry: string | undefined } {
  try {
    const response = UrlFetchApp.fetch(STRIPE_API_ORIGIN + path, {
      method: 'get',
      headers: { Authorization: `Bearer ${key}` },
      muteHttpExceptions: true,
      followRedirects: false,
    });
    const headers = response.getHeaders() as Record<string, unknown>;
    const shouldRetry = headers['Stripe-Should-Retry'] ?? headers['stripe-should-retry'];
    return {
      status: response.getResponseCode(),
      body: response.getContentText(),
      shouldRetry: typeof shouldRetry === 'string' ? shouldRetry : undefined,
    };
  } catch (error) {
    // UrlFetchApp throws when there is no answer at all (DNS, timeout): treat it as retryable.
    return {
      status: 0,
      body: JSON.stringify({ error: { message: error instanceof Error ? error.message : String(error) } }),
      shouldRetry: undefined,
    };
  }
}

export function stripeGet(key: string, path: string, policy: RetryPolicy): ApiResult {
  let delay = policy.firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    const { status, body, shouldRetry } = fetchOnce(key, path);
    if (status >= 200 && status < 300) {
      try {
        return { ok: true, json: JSON.parse(body) as unknown };
      } catch {
        return { ok: false, status, error: 'Stripe answered with something that is not JSON' };
      }
    }
    const retry = (shouldRetry === 'true' || (shouldRetry === undefined && isRetryable(status))) && attempt < policy.attempts;
    if (!retry) return { ok: false, status, error: describeApiError(status, body) };
    // Jitter keeps several executions from retrying in step.
    Utilities.sleep(Math.round(delay * (0.75 + Math.random() / 2)));
    delay *= 2;
  }
}

/**
 * Several reads at once, one UrlFetchApp.fetchAll (each read still counts against the UrlFetch
 * quota), each answered as stripeGet answers, without retries: a caller that batches has a next
 * run to try again in.
 */
export function stripeGetAll(key: string, paths: readonly string[]): ApiResult[] {
  if (paths.length === 0) return [];
  let responses: GoogleAppsScript.URL_Fetch.HTTPResponse[];
  try {
    responses = UrlFetchApp.fetchAll(
      paths.map((path) => ({
        url: STRIPE_API_ORIGIN + path,
        method: 'get' as const,
        headers: { Authorization: `Bearer ${key}` },
        muteHttpExceptions: true,
        followRedirects: false,
      })),
    );
  } catch (error) {
    // No answer at all (DNS, timeout) fails the whole batch.
    const message = error instanceof Error ? error.message : String(error);
    return paths.map(() => ({ ok: false, status: 0, error: describeApiError(0, JSON.stringify({ error: { message } })) }));
  }
  return responses.map((response) => {
    const status = response.getResponseCode();
    const body = response.getContentText();
    if (status < 200 || status >= 300) return { ok: false, status, error: describeApiError(status, body) };
    try {
      return { ok: true, json: JSON.parse(body) as unknown };
    } catch {
      return { ok: false, status, error: 'Stripe answered with something that is not JSON' };
    }
  });
}
