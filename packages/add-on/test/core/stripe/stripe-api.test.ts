import {
  describeApiError,
  eventPath,
  eventsPagePath,
  isRefusedCursor,
  isRetryable,
  readListPage,
  sessionPath,
  STRIPE_API_ORIGIN,
} from '../../../src/core/stripe/stripe-api';
import { HANDLED_EVENT_TYPES } from '../../../src/core/stripe/stripe-event';
import { completedSession, eventFor } from '../stripe-fixtures';

/** The query of a path as decoded [name, value] pairs, in order. */
function query(path: string): [string, string][] {
  const [, search = ''] = path.split('?');
  return search.split('&').map((pair) => {
    const [name = '', value = ''] = pair.split('=');
    return [decodeURIComponent(name), decodeURIComponent(value)];
  });
}

const values = (path: string, name: string) =>
  query(path)
    .filter(([key]) => key === name)
    .map(([, value]) => value);

const FORMULA_IDS = [
  '=HYPERLINK("https://evil.example","x")',
  'evt_1/../../v1/charges',
  'evt_1?expand[]=data',
  'evt_1#x',
  'evt_1 ',
  'evt_1%2F',
  '',
];

describe('paths', () => {
  it('is Stripe’s API origin', () => {
    expect(STRIPE_API_ORIGIN).toBe('https://api.stripe.com');
  });

  it('builds the event and session paths for Stripe ids', () => {
    expect(eventPath('evt_1Pgc76B7WZ01zgkWwyRHS12y')).toBe('/v1/events/evt_1Pgc76B7WZ01zgkWwyRHS12y');
    expect(sessionPath('cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY')).toBe(
      '/v1/checkout/sessions/cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY',
    );
    expect(sessionPath('cs_live_b1')).toBe('/v1/checkout/sessions/cs_live_b1');
  });

  it.each(FORMULA_IDS)('refuses the event id %j', (id) => {
    expect(() => eventPath(id)).toThrow('not a Stripe event id');
  });

  it.each([...FORMULA_IDS.map((id) => id.replace('evt_1', 'cs_test_a1')), 'evt_1', 'cs_test_a1/../../v1/charges'])(
    'refuses the session id %j',
    (id) => {
      expect(() => sessionPath(id)).toThrow('not a Checkout Session id');
    },
  );
});

describe('eventsPagePath', () => {
  it('asks for every handled event type (sessions and money after the sale) created since the window start', () => {
    const path = eventsPagePath(1_700_000_000, null);
    expect(path.startsWith('/v1/events?')).toBe(true);
    expect(values(path, 'types[]')).toEqual([...HANDLED_EVENT_TYPES]);
    expect(values(path, 'created[gte]')).toEqual(['1700000000']);
    expect(values(path, 'limit')).toEqual(['100']);
    expect(values(path, 'starting_after')).toEqual([]);
    expect(
      query(path)
        .map(([name]) => name)
        .sort(),
    ).toEqual(['created[gte]', 'limit', ...HANDLED_EVENT_TYPES.map(() => 'types[]')]);
  });

  it('encodes the brackets, as Stripe’s form encoding expects', () => {
    const path = eventsPagePath(1_700_000_000, null);
    expect(path).toContain('types%5B%5D=checkout.session.completed');
    expect(path).toContain('created%5Bgte%5D=1700000000');
    expect(path).not.toMatch(/[[\]]/);
  });

  it('sends whole seconds', () => {
    expect(values(eventsPagePath(1_700_000_000.9, null), 'created[gte]')).toEqual(['1700000000']);
  });

  it('takes a page size and a starting point', () => {
    const path = eventsPagePath(1_700_000_000, 'evt_1Pgc76B7WZ01zgkWwyRHS12y', 25);
    expect(values(path, 'limit')).toEqual(['25']);
    expect(values(path, 'starting_after')).toEqual(['evt_1Pgc76B7WZ01zgkWwyRHS12y']);
  });

  it.each(FORMULA_IDS.filter((id) => id !== ''))('refuses to start after %j', (id) => {
    expect(() => eventsPagePath(1_700_000_000, id)).toThrow('not a Stripe event id');
  });

  it('refuses an empty starting point rather than sending starting_after=', () => {
    expect(() => eventsPagePath(1_700_000_000, '')).toThrow('not a Stripe event id');
  });
});

describe('readListPage', () => {
  it('reads the items and has_more of a list', () => {
    const items = [eventFor(completedSession()), { anything: 'else' }];
    expect(readListPage({ object: 'list', url: '/v1/events', has_more: true, data: items })).toEqual({
      ok: true,
      data: items,
      hasMore: true,
    });
    expect(readListPage({ object: 'list', has_more: false, data: [] })).toEqual({ ok: true, data: [], hasMore: false });
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['an event', eventFor(completedSession())],
    ['an error', { error: { message: 'No such event' } }],
    ['a list without data', { object: 'list', has_more: false }],
    ['a list whose data is not an array', { object: 'list', has_more: false, data: { 0: 'evt_1' } }],
    ['a list without has_more', { object: 'list', data: [] }],
    ['a list with has_more as text', { object: 'list', has_more: 'false', data: [] }],
    ['another object with data', { object: 'search_result', has_more: false, data: [] }],
  ])('refuses %s', (_, json) => {
    expect(readListPage(json)).toEqual({ ok: false, error: 'Stripe answered with something that is not a list of events' });
  });
});

describe('isRefusedCursor', () => {
  it('is a 400 or 404 on an events page that sent starting_after', () => {
    expect(isRefusedCursor(400, 'evt_1')).toBe(true);
    expect(isRefusedCursor(404, 'evt_1')).toBe(true);
  });

  it.each([
    [400, null],
    [404, null],
    [401, 'evt_1'],
    [403, 'evt_1'],
    [429, 'evt_1'],
    [500, 'evt_1'],
    [0, 'evt_1'],
  ])('is not a %d with cursor %j', (status, cursor) => {
    expect(isRefusedCursor(status, cursor)).toBe(false);
  });
});

describe('isRetryable', () => {
  it.each([0, 409, 429, 500, 502, 503, 504])('tries %d again', (status) => {
    expect(isRetryable(status)).toBe(true);
  });

  it.each([200, 400, 401, 402, 403, 404])('does not try %d again', (status) => {
    expect(isRetryable(status)).toBe(false);
  });
});

describe('describeApiError', () => {
  const stripeBody = (message: unknown) => JSON.stringify({ error: { type: 'invalid_request_error', message } });

  it('says a 401 is the key, and how to replace it', () => {
    const text = describeApiError(401, '');
    expect(text).toContain('(401)');
    expect(text).toMatch(/API key/);
    expect(text).toMatch(/Connect Stripe key/);
    expect(text).toMatch(/restricted key/);
  });

  it('says which permissions a 403 needs', () => {
    const text = describeApiError(403, '');
    expect(text).toContain('(403)');
    expect(text).toMatch(/Checkout Sessions/);
    expect(text).toMatch(/Events/);
    expect(text).toMatch(/read/);
  });

  it('says a 404 may be another account or mode', () => {
    const text = describeApiError(404, '');
    expect(text).toContain('(404)');
    expect(text).toMatch(/test or live/);
  });

  it('says to wait after a 429', () => {
    const text = describeApiError(429, '');
    expect(text).toContain('(429)');
    expect(text).toMatch(/again in a few minutes/);
  });

  it.each([500, 502, 503])('says %d is Stripe’s and to try later', (status) => {
    const text = describeApiError(status, '');
    expect(text).toContain(`(${String(status)})`);
    expect(text).toMatch(/try again later/);
  });

  it('says no response when there was none', () => {
    expect(describeApiError(0, '')).toMatch(/no response.*try again later/);
  });

  it('names any other status', () => {
    expect(describeApiError(400, '')).toBe('Stripe refused the request (400).');
  });

  it('adds what Stripe said, cut short', () => {
    expect(describeApiError(401, stripeBody('Invalid API Key provided: rk_test_****1234'))).toMatch(
      /\(401\)\..* Stripe said: Invalid API Key provided: rk_test_\*\*\*\*1234$/,
    );
    expect(describeApiError(400, stripeBody('x'.repeat(1000)))).toBe(`Stripe refused the request (400). Stripe said: ${'x'.repeat(200)}`);
  });

  it.each([
    ['not JSON', '<html>Bad gateway</html>'],
    ['no message', JSON.stringify({ error: {} })],
    ['a message that is not text', stripeBody({ text: 'x' })],
    ['JSON null', 'null'],
    ['an empty body', ''],
  ])('adds nothing for a body with %s', (_, body) => {
    expect(describeApiError(400, body)).toBe('Stripe refused the request (400).');
  });
});
