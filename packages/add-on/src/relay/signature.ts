/**
 * Stripe's webhook signature, checked with Web Crypto: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=...]`
 * where each v1 is the hex HMAC-SHA256 of `<t>.<raw body>` keyed with the endpoint's signing
 * secret (`whsec_...`, used as it is, as UTF-8). Modelled on stripe-node's Webhooks
 * (`parseHeader`, `validateComputedSignature`), with two differences: a timestamp too far in the
 * future is refused like one too old, and every failure says which it is.
 *
 * The official package's own Web Crypto path (`constructEventAsync` with
 * `createSubtleCryptoProvider()`) cannot be imported alone: its public entry bundles the whole API
 * client (about 240 KB minified, measured with esbuild for Workers), so the relay checks with
 * Web Crypto here, and the tests check this against the package's own signatures.
 */

import { constantTimeEqual } from '../core/webhook/constant-time';

/** Stripe's default tolerance, in seconds, between the signed timestamp and the clock. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Why a signature was refused: each has its own message for the 400 answer. */
export type SignatureFailure = 'missing' | 'malformed' | 'no_match' | 'too_old' | 'in_the_future';

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; failure: SignatureFailure; error: string };

/** What the check needs of Web Crypto (crypto.subtle has it on Workers, Deno and Node 20). */
export interface HmacSubtle {
  importKey(
    format: 'raw',
    keyData: Uint8Array<ArrayBuffer>,
    algorithm: { name: 'HMAC'; hash: 'SHA-256' },
    extractable: false,
    usages: ['sign'],
  ): Promise<unknown>;
  sign(algorithm: 'HMAC', key: unknown, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

export interface SignatureOptions {
  /** Seconds either side of the clock; Stripe's default, 300, unless told. */
  toleranceSeconds?: number;
  /** Milliseconds since the epoch, as Date.now. */
  now?: () => number;
  subtle?: HmacSubtle;
}

/** The header's parts: the timestamp and every v1 signature, or why it cannot be read. */
export type ParsedHeader = { ok: true; timestamp: number; signatures: string[] } | { ok: false; error: string };

const SCHEME = 'v1';

export function parseSignatureHeader(header: string): ParsedHeader {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const item of header.split(',')) {
    const at = item.indexOf('=');
    if (at < 0) continue;
    const key = item.slice(0, at).trim();
    const value = item.slice(at + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) return { ok: false, error: 'its t= is not a Unix timestamp' };
      timestamp = Number(value);
    } else if (key === SCHEME && value !== '') {
      signatures.push(value);
    }
  }
  if (timestamp === undefined) return { ok: false, error: 'it has no t= timestamp' };
  if (signatures.length === 0) return { ok: false, error: `it has no ${SCHEME}= signature` };
  return { ok: true, timestamp, signatures };
}

const HEX = '0123456789abcdef';

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += (HEX[byte >> 4] ?? '') + (HEX[byte & 15] ?? '');
  return hex;
}

const encoder = new TextEncoder();

function concatBytes(first: Uint8Array, second: Uint8Array): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first, 0);
  joined.set(second, first.length);
  return joined;
}

/** The hex HMAC-SHA256 Stripe puts in v1 for this timestamp and body. */
export async function computeSignature(
  secret: string,
  timestamp: number,
  body: Uint8Array,
  subtle: HmacSubtle = crypto.subtle,
): Promise<string> {
  const key = await subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await subtle.sign('HMAC', key, concatBytes(encoder.encode(`${timestamp}.`), body));
  return toHex(new Uint8Array(mac));
}

/**
 * Checks a `Stripe-Signature` header against the raw body. The body is the bytes as received:
 * re-serialised JSON would not match.
 */
export async function verifySignature(
  body: Uint8Array | string,
  header: string | null,
  secret: string,
  options: SignatureOptions = {},
): Promise<SignatureCheck> {
  if (header === null || header.trim() === '') {
    return { ok: false, failure: 'missing', error: 'the request has no Stripe-Signature header' };
  }
  const parsed = parseSignatureHeader(header);
  if (!parsed.ok) return { ok: false, failure: 'malformed', error: `the Stripe-Signature header is malformed: ${parsed.error}` };
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const expected = await computeSignature(secret, parsed.timestamp, bytes, options.subtle);
  // Every candidate is compared, so the time taken does not say which one matched.
  let matched = false;
  for (const candidate of parsed.signatures) matched = constantTimeEqual(expected, candidate) || matched;
  if (!matched) {
    return {
      ok: false,
      failure: 'no_match',
      error: 'no v1 signature in the Stripe-Signature header matches the body for this signing secret',
    };
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const age = Math.floor((options.now ?? Date.now)() / 1000) - parsed.timestamp;
  if (age > tolerance) {
    return {
      ok: false,
      failure: 'too_old',
      error: `the signature's timestamp is ${age} s old, more than the ${tolerance} s allowed (a replayed or delayed delivery)`,
    };
  }
  if (age < -tolerance) {
    return {
      ok: false,
      failure: 'in_the_future',
      error: `the signature's timestamp is ${-age} s in the future, more than the ${tolerance} s allowed (check the clock)`,
    };
  }
  return { ok: true, timestamp: parsed.timestamp };
}
