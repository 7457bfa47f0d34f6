import fc from 'fast-check';
import { jsonDepth, MAX_JSON_DEPTH, readDelivery, utf8Length } from '../../../src/core/webhook/webhook-delivery';
import { MAX_BODY_BYTES } from '../../../src/core/webhook/webhook-limits';
import { completedSession, eventFor, OLD_SESSION, readFixture, withField } from '../stripe-fixtures';

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['\u007f', 1],
    ['\u0080', 2],
    ['é', 2],
    ['\u07ff', 2],
    ['\u0800', 3],
    ['€', 3],
    ['\uffff', 3],
    ['😀', 4],
    ['a€😀é', 10],
  ])('%j is %d bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('counts an unpaired surrogate as the 3-byte replacement character UTF-8 gives it', () => {
    for (const text of ['\ud800', '\udc00', '\ud800a', '\ud800é', '\ud800\ud800', '\udc00\ud800', 'a\ud83d', '\ud83d\ude00\ud83d']) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('agrees with Buffer.byteLength on any string (property)', () => {
    const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 50 }).map((units) => String.fromCharCode(...units));
    const surrogateHeavy = fc.string({ unit: fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '😀', 'a', 'é', '€'), maxLength: 30 });
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 50 }),
      fc.string({ unit: 'grapheme', maxLength: 50 }),
      codeUnits,
      surrogateHeavy,
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readDelivery', () => {
  const completed = eventFor(completedSession());
  const body = JSON.stringify(completed);

  it('reads a Checkout Session event, from either API version', () => {
    const delivery = readDelivery(body);
    expect(delivery.kind).toBe('session_event');
    if (delivery.kind === 'session_event') {
      expect(delivery.event.id).toBe(completed.id);
      expect(delivery.event.session.amount_total).toBe(1999);
    }
    expect(readDelivery(JSON.stringify(eventFor(completedSession(OLD_SESSION), { api_version: '2024-06-20' }))).kind).toBe('session_event');
  });

  it('reads a pretty-printed body the same as a compact one', () => {
    expect(readDelivery(JSON.stringify(completed, null, 2))).toEqual(readDelivery(body));
  });

  it('acknowledges and ignores other event types', () => {
    expect(readDelivery(JSON.stringify(readFixture('event_fixture.json')))).toEqual({
      kind: 'ignored',
      eventId: 'evt_1Pgc76B7WZ01zgkWwyRHS12y',
      type: 'plan.created',
    });
  });

  it.each([
    ['no body', undefined],
    ['an empty body', ''],
    ['text', 'hello'],
    ['cut-off JSON', body.slice(0, -1)],
    ['a form post', 'id=evt_1&type=checkout.session.completed'],
  ])('rejects %s as not JSON', (_, text) => {
    const delivery = readDelivery(text);
    expect(delivery).toMatchObject({ kind: 'rejected', reason: 'not_json' });
    if (delivery.kind === 'rejected') expect(delivery.error.length).toBeGreaterThan(0);
  });

  it.each([
    ['null', 'null', 'the body is not a Stripe event object'],
    ['a number', '42', 'the body is not a Stripe event object'],
    ['an array', `[${body}]`, 'the body is not a Stripe event object'],
    ['an empty object', '{}', 'id: expected string, got nothing'],
    [
      'a bad amount',
      JSON.stringify(withField(completed, 'data.object.amount_total', '12')),
      'data.object.amount_total: expected number, got "12"',
    ],
    ['mixed modes', JSON.stringify(withField(completed, 'livemode', true)), 'data.object.livemode: does not match the event'],
  ])('rejects %s as not an event, saying why', (_, text, error) => {
    expect(readDelivery(text)).toEqual({ kind: 'rejected', reason: 'not_an_event', error });
  });

  describe('size', () => {
    /** The completed event, padded with JSON whitespace to `bytes` bytes of UTF-8. */
    const padded = (bytes: number) => body + ' '.repeat(bytes - Buffer.byteLength(body));
    /** The event with a metadata value of multi-byte characters making it exactly `bytes` long. */
    const wide = (bytes: number, character: string) => {
      const base = Buffer.byteLength(JSON.stringify(withField(completed, 'data.object.metadata', { note: '' })));
      const unit = Buffer.byteLength(character);
      const count = Math.floor((bytes - base) / unit);
      const text = JSON.stringify(withField(completed, 'data.object.metadata', { note: character.repeat(count) }));
      return text + ' '.repeat(bytes - Buffer.byteLength(text));
    };

    it('accepts a body of exactly 256 KiB', () => {
      expect(MAX_BODY_BYTES).toBe(256 * 1024);
      expect(Buffer.byteLength(padded(MAX_BODY_BYTES))).toBe(MAX_BODY_BYTES);
      expect(readDelivery(padded(MAX_BODY_BYTES)).kind).toBe('session_event');
    });

    it('rejects one byte more as too large, before reading it', () => {
      const delivery = readDelivery(padded(MAX_BODY_BYTES + 1));
      expect(delivery).toMatchObject({ kind: 'rejected', reason: 'too_large' });
      if (delivery.kind === 'rejected') expect(delivery.error).toContain('256 KiB');
      expect(readDelivery('x'.repeat(MAX_BODY_BYTES + 1))).toMatchObject({ kind: 'rejected', reason: 'too_large' });
    });

    it.each([['é'], ['€'], ['😀']])('counts %s by its UTF-8 bytes, not its UTF-16 length', (character) => {
      const atLimit = wide(MAX_BODY_BYTES, character);
      expect(Buffer.byteLength(atLimit)).toBe(MAX_BODY_BYTES);
      expect(readDelivery(atLimit).kind).toBe('session_event');
      const over = wide(MAX_BODY_BYTES + 1, character);
      expect(over.length).toBeLessThan(MAX_BODY_BYTES);
      expect(readDelivery(over)).toMatchObject({ kind: 'rejected', reason: 'too_large' });
    });

    it('counts unpaired surrogates by the bytes they arrive as', () => {
      // 131,072 lone high surrogates are 393,216 bytes of UTF-8 (one replacement character each).
      const text = '\ud800'.repeat(MAX_BODY_BYTES / 2);
      expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_BODY_BYTES);
      expect(readDelivery(text)).toMatchObject({ kind: 'rejected', reason: 'too_large' });
    });
  });
});

describe('jsonDepth', () => {
  it('measures nesting without parsing, ignoring brackets inside strings', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[[["}')).toBe(1);
  });

  it('agrees with the nesting of any JSON value (property)', () => {
    const depthOf = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        expect(jsonDepth(JSON.stringify(value))).toBe(depthOf(value));
      }),
    );
  });
});

describe('bodies no real Checkout Session event has', () => {
  const NOW = 1_721_948_700;
  const event = () => eventFor(completedSession());

  it(`refuses nesting deeper than ${String(MAX_JSON_DEPTH)} before parsing, and accepts Stripe's own depth`, () => {
    const deep = JSON.stringify(event()).replace('"metadata":', `"metadata":${'['.repeat(5000)}${']'.repeat(5000)},"was":`);
    expect(readDelivery(deep)).toMatchObject({
      kind: 'rejected',
      reason: 'not_an_event',
      error: expect.stringMatching(/nested more than 64/),
    });
    expect(readDelivery(JSON.stringify(event()), NOW)).toMatchObject({ kind: 'session_event' });
  });

  it('refuses a negative amount_total', () => {
    const body = JSON.stringify(withField(event(), 'data.object.amount_total', -1));
    expect(readDelivery(body)).toMatchObject({
      kind: 'rejected',
      error: 'data.object.amount_total: -1 is negative, which Stripe never sends',
    });
  });

  it('refuses times more than an hour ahead of now, in the event or its session', () => {
    const ahead = NOW + 2 * 3600;
    expect(readDelivery(JSON.stringify({ ...event(), created: ahead }), NOW)).toMatchObject({
      kind: 'rejected',
      error: expect.stringMatching(/^created: .* is in the future/),
    });
    expect(readDelivery(JSON.stringify(withField(event(), 'data.object.created', ahead)), NOW)).toMatchObject({
      kind: 'rejected',
      error: expect.stringMatching(/^data\.object\.created: .* is in the future/),
    });
    expect(readDelivery(JSON.stringify({ ...event(), created: NOW + 600 }), NOW)).toMatchObject({ kind: 'session_event' });
  });
});
