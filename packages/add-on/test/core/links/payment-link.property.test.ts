import fc from 'fast-check';
import { buildTaggedLink, checkLink } from '../../../src/core/links/payment-link';
import { parseQuery, splitLink } from '../../../src/core/links/query-string';
import { TRACKING_PARAMETERS, isTrackingParameter, maxLengthOf, type TrackingParameter } from '../../../src/core/links/stripe-rules';
import { tagLink, type TagInput } from '../../../src/core/links/tag-link';

// Characters a link may contain as they are (RFC 3986 unreserved, reserved and `%`).
const REQUIRED: readonly string[] = ['utm_source', 'utm_medium', 'utm_campaign'];
const URL_CHARS = Array.from("ABCXYZabcxyz0189-._~:/?#[]@!$&'()*+,;=%");
const without = (excluded: string) => URL_CHARS.filter((c) => !excluded.includes(c));

/** A query segment, with what the generator knows it means. */
interface Segment {
  raw: string;
  /** The tracking parameter it sets, or null for any other segment. */
  tracking: TrackingParameter | null;
  /** The value it decodes to; null when its encoding is malformed. */
  value: string | null;
}

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/);
const host = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/), fc.option(fc.integer({ min: 1, max: 65535 })))
  .map(([labels, tld, port]) => `${labels.join('.')}.${tld}${port === null ? '' : `:${port}`}`);
const path = fc
  .array(fc.string({ unit: fc.constantFrom(...without('?#')), maxLength: 8 }), { maxLength: 3 })
  .map((parts) => parts.map((part) => `/${part}`).join(''));

/** A tracking name as written in a link: plain, or with some characters percent-encoded. */
const trackingName = fc.constantFrom(...TRACKING_PARAMETERS).chain((name) =>
  fc.oneof(
    { arbitrary: fc.constant([name, name] as const), weight: 4 },
    {
      arbitrary: fc.array(fc.constantFrom('plain', 'upper', 'lower'), { minLength: name.length, maxLength: name.length }).map((ways) => {
        const raw = Array.from(name, (char, i) => {
          const hex = char.charCodeAt(0).toString(16);
          return ways[i] === 'upper' ? `%${hex.toUpperCase()}` : ways[i] === 'lower' ? `%${hex}` : char;
        }).join('');
        return [name, raw] as const;
      }),
      weight: 1,
    },
  ),
);

const anyValue = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{0,20}$/),
  fc.string({ unit: fc.constantFrom('a', ' ', '+', '%', '&', '=', '#', '/', 'é', '🔥'), maxLength: 10 }),
);

const trackingSegment: fc.Arbitrary<Segment> = fc
  .tuple(trackingName, anyValue, fc.constantFrom('percent', 'plus', 'bare', 'malformed'))
  .map(([[name, rawName], value, how]): Segment => {
    if (how === 'bare') return { raw: rawName, tracking: name, value: '' };
    if (how === 'malformed') return { raw: `${rawName}=%E9`, tracking: name, value: null };
    const encoded = encodeURIComponent(value);
    return { raw: `${rawName}=${how === 'plus' ? encoded.replace(/%20/g, '+') : encoded}`, tracking: name, value };
  });

/** A segment that is not a tracking parameter: no `%`, so its name is what it says once `+` is a space. */
const otherSegment: fc.Arbitrary<Segment> = fc
  .oneof(
    fc.string({ unit: fc.constantFrom(...without('#&%')), maxLength: 12 }),
    // Empty segments: a stray or trailing `&`.
    fc.constant(''),
    fc.constantFrom(
      '',
      '=',
      'a=1',
      'a=%E9',
      '%E9=1',
      '%zz',
      'utm_source%=x',
      'UTM_SOURCE=x',
      'utm_sourcex=1',
      'x=utm_source',
      'utm_source+=1',
    ),
  )
  .filter((raw) => raw.includes('%') || !isTrackingParameter(raw.split('=')[0]!.replace(/\+/g, ' ')))
  .map((raw) => ({ raw, tracking: null, value: null }));

const fragment = fc.option(fc.string({ unit: fc.constantFrom(...URL_CHARS), maxLength: 12 }));

const linkParts = fc.record({
  base: fc.tuple(host, path).map(([h, p]) => `https://${h}${p}`),
  // null: no `?` at all; [] is a bare `?`.
  segments: fc.option(fc.array(fc.oneof(otherSegment, trackingSegment), { maxLength: 8 })),
  fragment,
});

type LinkParts = typeof linkParts extends fc.Arbitrary<infer T> ? T : never;

function linkOf(parts: LinkParts): string {
  return (
    parts.base +
    (parts.segments === null ? '' : `?${parts.segments.map((s) => s.raw).join('&')}`) +
    (parts.fragment === null ? '' : `#${parts.fragment}`)
  );
}

/** The segments as they parse; a bare `?` has none. */
function segmentsOf(parts: LinkParts): Segment[] {
  const segments = parts.segments ?? [];
  return segments.map((s) => s.raw).join('&') === '' ? [] : segments;
}

const validValue = (name: TrackingParameter) =>
  fc.oneof(
    { arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), weight: 4 },
    { arbitrary: fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${maxLengthOf(name) - 2},${maxLengthOf(name)}}$`)), weight: 1 },
  );

/** Valid values for some parameters, in canonical order. */
const givenValues = fc.tuple(...TRACKING_PARAMETERS.map((name) => fc.option(validValue(name), { freq: 2 }))).map((values) =>
  TRACKING_PARAMETERS.flatMap((name, i): Array<[TrackingParameter, string]> => {
    const value = values[i];
    return value === null || value === undefined ? [] : [[name, value]];
  }),
);

/**
 * Checks that `url` is `link` with `values` set, read back as a browser would: each given
 * parameter once with its value, where it first stood or appended in the given order; the rest
 * of the query byte for byte and in order (a trailing empty segment may absorb the appended
 * ones); base and fragment unchanged.
 */
function expectTaggedAs(url: string, parts: LinkParts, values: ReadonlyArray<readonly [TrackingParameter, string]>): void {
  const link = linkOf(parts);
  if (values.length === 0) {
    expect(url).toBe(link);
    return;
  }
  const out = splitLink(url);
  expect(out.base).toBe(parts.base);
  expect(out.fragment).toBe(parts.fragment);
  expect(out.query).not.toBeNull();
  const parsed = parseQuery(out.query ?? '');
  const input = segmentsOf(parts);
  const given = new Map(values);

  for (const [name, value] of values) {
    const found = parsed.filter((p) => p.name === name);
    expect(found.map((p) => p.value)).toEqual([value]);
  }
  for (const name of TRACKING_PARAMETERS) {
    if (given.has(name)) continue;
    expect(parsed.filter((p) => p.name === name).map((p) => p.raw)).toEqual(input.filter((s) => s.tracking === name).map((s) => s.raw));
  }

  // Position: replaced where the first occurrence stood, repeats gone, new ones appended last.
  const appended = values.filter(([name]) => !input.some((s) => s.tracking === name)).map(([name, value]) => `${name}=${value}`);
  const seen = new Set<TrackingParameter>();
  const head = input.flatMap((s): string[] => {
    const value = s.tracking === null ? undefined : given.get(s.tracking);
    if (s.tracking === null || value === undefined) return [s.raw];
    if (seen.has(s.tracking)) return [];
    seen.add(s.tracking);
    return [`${s.tracking}=${value}`];
  });
  const raws = parsed.map((p) => p.raw);
  expect(raws.slice(raws.length - appended.length)).toEqual(appended);
  const outHead = raws.slice(0, raws.length - appended.length);
  if (appended.length > 0 && head[head.length - 1] === '' && outHead.length === head.length - 1) {
    expect(outHead).toEqual(head.slice(0, -1));
  } else {
    expect(outHead).toEqual(head);
  }

  // And so every segment that is not a tracking parameter is kept as written, in order.
  const others = parsed.filter((p) => p.name === null || !isTrackingParameter(p.name)).map((p) => p.raw);
  const inputOthers = input.filter((s) => s.tracking === null).map((s) => s.raw);
  if (others.length === inputOthers.length - 1) {
    expect(appended.length).toBeGreaterThan(0);
    expect(inputOthers[inputOthers.length - 1]).toBe('');
    expect(others).toEqual(inputOthers.slice(0, -1));
  } else {
    expect(others).toEqual(inputOthers);
  }
}

describe('tagged links read back as their inputs (properties)', () => {
  it('generates only links that checkLink accepts', () => {
    fc.assert(
      fc.property(linkParts, (parts) => {
        expect(checkLink(linkOf(parts)).status).toBe('valid');
      }),
    );
  });

  it('buildTaggedLink: given values once each, everything else as it was', () => {
    fc.assert(
      fc.property(
        linkParts,
        givenValues.chain((values) => fc.shuffledSubarray(values)),
        (parts, values) => {
          const check = checkLink(linkOf(parts));
          if (check.status !== 'valid') throw new Error(`not a valid link: ${linkOf(parts)}`);
          expectTaggedAs(buildTaggedLink(check.link, values), parts, values);
        },
      ),
    );
  });

  // Issue 17: utm_source, utm_medium and utm_campaign are required, given or kept from the link.
  it('tagLink: tags the row unless a tracking value it keeps from the link would be dropped, or a required one is missing', () => {
    fc.assert(
      fc.property(linkParts, givenValues, fc.constantFrom(undefined, null, ''), (parts, values, none) => {
        const input: TagInput = { payment_link: linkOf(parts) };
        for (const name of TRACKING_PARAMETERS) input[name] = none;
        for (const [name, value] of values) input[name] = value;

        const given = new Set(values.map(([name]) => name));
        const input_ = segmentsOf(parts);
        const flagged = TRACKING_PARAMETERS.filter((name) => {
          if (given.has(name)) return false;
          const places = input_.filter((s) => s.tracking === name);
          if (places.length > 1) return true;
          const value = places[0]?.value;
          if (value === undefined || value === '') return REQUIRED.includes(name);
          return value === null || !new RegExp(`^[A-Za-z0-9_-]{1,${maxLengthOf(name)}}$`).test(value);
        });

        const outcome = tagLink(input);
        if (flagged.length > 0) {
          expect(outcome.status).toBe('invalid');
          if (outcome.status === 'invalid') expect(outcome.problems.map((p) => p.parameter)).toEqual(flagged);
          return;
        }
        expect(outcome.status).toBe('tagged');
        if (outcome.status === 'tagged') expectTaggedAs(outcome.url, parts, values);
      }),
    );
  });

  it('tagLink: numbers are written as their digits', () => {
    fc.assert(
      fc.property(linkParts, fc.nat(), (parts, n) => {
        const segments = segmentsOf(parts).filter((s) => s.tracking === null);
        const clean = { ...parts, segments: parts.segments === null ? null : segments };
        const outcome = tagLink({ payment_link: linkOf(clean), utm_source: 1, utm_medium: 'email', utm_campaign: n });
        expect(outcome.status).toBe('tagged');
        if (outcome.status === 'tagged')
          expectTaggedAs(outcome.url, clean, [
            ['utm_source', '1'],
            ['utm_medium', 'email'],
            ['utm_campaign', String(n)],
          ]);
      }),
    );
  });
});
