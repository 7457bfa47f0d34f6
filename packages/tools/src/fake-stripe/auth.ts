/**
 * Stripe's key auth as the fake models it: keys per mode (a test key sees no live object), restricted
 * keys that lack a read permission, rolled (expired) keys, and Stripe's masked key in every refusal.
 * Apart from the routes so a test can read the whole rule for "who may read what" in one place.
 */

import { headerValue, HttpError } from './http';

export const DEFAULT_TEST_KEY = 'rk_test_fake';
export const DEFAULT_LIVE_KEY = 'rk_live_fake';

/** What a restricted key may read (refunds come with charges, invoice payments with invoices). */
export type StripeResource =
  'events' | 'checkout_sessions' | 'payment_links' | 'charges' | 'disputes' | 'invoices' | 'balance_transactions';

/** The permission Stripe names in a 403 for each resource. */
const READ_PERMISSIONS: Readonly<Record<StripeResource, string>> = {
  events: 'rak_event_read',
  checkout_sessions: 'rak_checkout_session_read',
  payment_links: 'rak_payment_link_read',
  charges: 'rak_charge_read',
  disputes: 'rak_dispute_read',
  invoices: 'rak_invoice_read',
  // Stripe's Dashboard calls it "Balance transaction sources"; the fake asks it of every balance
  // transaction read, sources expanded or not (which permission a bare list needs is not documented).
  balance_transactions: 'rak_balance_transaction_source_read',
};

export interface ApiKeyConfig {
  key: string;
  /** Defaults from the key's prefix: `*_live_*` is live, anything else test. */
  livemode?: boolean;
  /** Resources this key lacks the read permission for: requests to them get a 403. */
  deny?: StripeResource[];
  /** An expired (rolled) key: every request gets a 401 `api_key_expired`. */
  expired?: boolean;
}

export interface KeyState {
  key: string;
  livemode: boolean;
  deny: Set<StripeResource>;
  expired: boolean;
}

/** Stripe shows a rejected key with all but its mode prefix and last four characters masked. */
export function maskKey(key: string): string {
  const match = /^([a-z]+_(?:test|live)_)(.*)$/.exec(key);
  const prefix = match?.[1] ?? '';
  const rest = match?.[2] ?? key;
  if (rest.length <= 4) return prefix + '*'.repeat(rest.length);
  return prefix + '*'.repeat(rest.length - 4) + rest.slice(-4);
}

export class ApiKeys {
  private readonly keys = new Map<string, KeyState>();

  /** The account's id goes into a permission error, as Stripe's does. */
  constructor(private readonly accountId: string) {}

  add(config: string | ApiKeyConfig): void {
    const settings = typeof config === 'string' ? { key: config } : config;
    this.keys.set(settings.key, {
      key: settings.key,
      livemode: settings.livemode ?? /^[a-z]+_live_/.test(settings.key),
      deny: new Set(settings.deny ?? []),
      expired: settings.expired ?? false,
    });
  }

  remove(key: string): void {
    this.keys.delete(key);
  }

  /** The key a request's Authorization header names (Bearer, or Basic with the key as user), or a 401. */
  authenticate(headers: Record<string, string>): KeyState {
    const authorization = headerValue(headers, 'authorization')?.trim() ?? '';
    let key = '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
    const basic = /^Basic\s+(\S+)$/i.exec(authorization);
    if (bearer) key = bearer[1] ?? '';
    else if (basic)
      key =
        Buffer.from(basic[1] ?? '', 'base64')
          .toString('utf8')
          .split(':')[0] ?? '';
    if (key === '') {
      throw new HttpError(401, {
        error: {
          type: 'invalid_request_error',
          message:
            "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
        },
      });
    }
    const state = this.keys.get(key);
    if (!state) {
      throw new HttpError(401, { error: { type: 'invalid_request_error', message: `Invalid API Key provided: ${maskKey(key)}` } });
    }
    if (state.expired) {
      throw new HttpError(401, {
        error: {
          type: 'invalid_request_error',
          code: 'api_key_expired',
          doc_url: 'https://stripe.com/docs/error-codes/api-key-expired',
          message: `Expired API Key provided: ${maskKey(key)}`,
        },
      });
    }
    return state;
  }

  /** Throws Stripe's 403 when the key is restricted away from `resource`. */
  requirePermission(key: KeyState, resource: StripeResource): void {
    if (!key.deny.has(resource)) return;
    const permission = READ_PERMISSIONS[resource];
    throw new HttpError(403, {
      error: {
        type: 'invalid_request_error',
        message: `The provided key '${maskKey(key.key)}' does not have the required permissions for this endpoint on account '${this.accountId}'. Having the '${permission}' permission would allow this request to continue.`,
      },
    });
  }
}
