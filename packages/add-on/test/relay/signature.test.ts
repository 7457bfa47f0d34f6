/**
 * The relay's signature check against signatures made by the official stripe package
 * (`stripe.webhooks.generateTestHeaderString`), with the clock injected.
 */

import Stripe from 'stripe';
import { constantTimeEqual } from '../../src/core/webhook/constant-time';
import { parseSignatureHeader, verifySignature, DEFAULT_TOLERANCE_SECONDS, type HmacSubtle } from '../../src/relay/signature';

const stripe = new Stripe('sk_test_relay_signature_tests');
const SECRET = 'whsec_test_0123456789abcdefghijklmnopqrstuv';
const PAYLOAD = JSON.stringify(
  {
    id: 'evt_1',
    object: 'event',
    type: 'checkout.session.completed',
    data: { object: { id: 'cs_test_1', customer_details: { name: 'Zoë Ünïcode' } } },
  },
  null,
  2,
);
const T = 1_767_225_600; // 2026-01-01T00:00:00Z
const at = (seconds: number) => () => seconds * 1000;

function header(options: { payload?: string; secret?: string; timestamp?: number } = {}): string {
  return stripe.webhooks.generateTestHeaderString({
    payload: options.payload ?? PAYLOAD,
    secret: options.secret ?? SECRET,
    timestamp: options.timestamp ?? T,
  });
}

describe('verifySignature', () => {
  test('accepts a signature made by the stripe package, for the string and for its UTF-8 bytes', async () => {
    await expect(verifySignature(PAYLOAD, header(), SECRET, { now: at(T) })).resolves.toEqual({ ok: true, timestamp: T });
    await expect(verifySignature(new TextEncoder().encode(PAYLOAD), header(), SECRET, { now: at(T + 10) })).resolves.toEqual({
      ok: true,
      timestamp: T,
    });
  });

  test('agrees with stripe.webhooks.constructEventAsync on the same header', async () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = header({ timestamp: now });
    await expect(stripe.webhooks.constructEventAsync(PAYLOAD, signed, SECRET)).resolves.toMatchObject({ id: 'evt_1' });
    await expect(verifySignature(PAYLOAD, signed, SECRET)).resolves.toMatchObject({ ok: true });
  });

  test('accepts a header with several v1 values when one matches (a secret being rolled), and a v0 beside them', async () => {
    const good = /v1=([0-9a-f]+)/.exec(header())![1]!;
    const other = /v1=([0-9a-f]+)/.exec(header({ secret: 'whsec_the_old_secret' }))![1]!;
    for (const signed of [`t=${T},v1=${other},v1=${good}`, `t=${T},v1=${good},v1=${other}`, `t=${T},v0=${other},v1=${other},v1=${good}`]) {
      await expect(verifySignature(PAYLOAD, signed, SECRET, { now: at(T) })).resolves.toMatchObject({ ok: true });
    }
  });

  test('refuses a signature made with another secret', async () => {
    await expect(verifySignature(PAYLOAD, header({ secret: 'whsec_someone_else' }), SECRET, { now: at(T) })).resolves.toMatchObject({
      ok: false,
      failure: 'no_match',
      error: expect.stringMatching(/no v1 signature .* matches/),
    });
  });

  test('refuses a tampered body, even by one byte or one space', async () => {
    const signed = header();
    for (const tampered of [
      PAYLOAD.replace('cs_test_1', 'cs_test_2'),
      PAYLOAD.replace('\n', '\r\n'),
      JSON.stringify(JSON.parse(PAYLOAD)),
      `${PAYLOAD} `,
    ]) {
      await expect(verifySignature(tampered, signed, SECRET, { now: at(T) })).resolves.toMatchObject({ ok: false, failure: 'no_match' });
    }
  });

  test('refuses a timestamp older than 300 s, and one more than 300 s in the future; accepts both edges', async () => {
    const signed = header();
    expect(DEFAULT_TOLERANCE_SECONDS).toBe(300);
    await expect(verifySignature(PAYLOAD, signed, SECRET, { now: at(T + 300) })).resolves.toMatchObject({ ok: true });
    await expect(verifySignature(PAYLOAD, signed, SECRET, { now: at(T - 300) })).resolves.toMatchObject({ ok: true });
    await expect(verifySignature(PAYLOAD, signed, SECRET, { now: at(T + 301) })).resolves.toMatchObject({
      ok: false,
      failure: 'too_old',
      error: expect.stringContaining('301 s old'),
    });
    await expect(verifySignature(PAYLOAD, signed, SECRET, { now: at(T + 86_400) })).resolves.toMatchObject({
      ok: false,
      failure: 'too_old',
    });
    await expect(verifySignature(PAYLOAD, signed, SECRET, { now: at(T - 301) })).resolves.toMatchObject({
      ok: false,
      failure: 'in_the_future',
      error: expect.stringContaining('301 s in the future'),
    });
  });

  test('a replayed header keeps its old timestamp: re-signing with a new t needs the secret', async () => {
    const old = header();
    const replayed = old.replace(`t=${T}`, `t=${T + 1000}`);
    await expect(verifySignature(PAYLOAD, replayed, SECRET, { now: at(T + 1000) })).resolves.toMatchObject({
      ok: false,
      failure: 'no_match',
    });
  });

  test('refuses a missing header', async () => {
    for (const missing of [null, '', '   ']) {
      await expect(verifySignature(PAYLOAD, missing, SECRET, { now: at(T) })).resolves.toMatchObject({
        ok: false,
        failure: 'missing',
        error: 'the request has no Stripe-Signature header',
      });
    }
  });

  test('refuses a malformed header: no t, a t that is no timestamp, no v1, garbage', async () => {
    const v1 = /v1=([0-9a-f]+)/.exec(header())![1]!;
    const cases: [string, RegExp][] = [
      [`v1=${v1}`, /no t= timestamp/],
      [`t=soon,v1=${v1}`, /not a Unix timestamp/],
      [`t=-5,v1=${v1}`, /not a Unix timestamp/],
      [`t=${T}`, /no v1= signature/],
      [`t=${T},v0=${v1}`, /no v1= signature/],
      [`t=${T},v1=`, /no v1= signature/],
      ['garbage', /no t= timestamp/],
      ['{"t":1,"v1":"x"}', /no t= timestamp/],
    ];
    for (const [signed, why] of cases) {
      await expect(verifySignature(PAYLOAD, signed, SECRET, { now: at(T) })).resolves.toMatchObject({
        ok: false,
        failure: 'malformed',
        error: expect.stringMatching(why),
      });
    }
  });

  test('uses the injected Web Crypto', async () => {
    const calls: string[] = [];
    const subtle: HmacSubtle = {
      importKey: (format, keyData, algorithm, extractable, usages) => {
        calls.push('importKey');
        return crypto.subtle.importKey(format, keyData, algorithm, extractable, usages);
      },
      sign: (algorithm, key, data) => {
        calls.push('sign');
        return crypto.subtle.sign(algorithm, key as Parameters<typeof crypto.subtle.sign>[1], data);
      },
    };
    await expect(verifySignature(PAYLOAD, header(), SECRET, { now: at(T), subtle })).resolves.toMatchObject({ ok: true });
    expect(calls).toEqual(['importKey', 'sign']);
  });
});

describe('parseSignatureHeader and constantTimeEqual', () => {
  test('reads t and every v1, with spaces around the parts', () => {
    expect(parseSignatureHeader(`t=${T}, v1=aa ,v1=bb,v0=cc,x=y`)).toEqual({ ok: true, timestamp: T, signatures: ['aa', 'bb'] });
  });

  test('compares whole strings', () => {
    expect(constantTimeEqual('abcd', 'abcd')).toBe(true);
    expect(constantTimeEqual('abcd', 'abce')).toBe(false);
    expect(constantTimeEqual('abcd', 'abc')).toBe(false);
    expect(constantTimeEqual('abcd', 'abcde')).toBe(false);
    expect(constantTimeEqual('abcd', '')).toBe(false);
  });

  test("is core's compare, so an empty expected value never matches, not even an empty candidate", () => {
    // The relay once had its own compare, under which ('', '') matched; the one in core refuses it.
    expect(constantTimeEqual('', '')).toBe(false);
    expect(constantTimeEqual('', 'abcd')).toBe(false);
  });
});
