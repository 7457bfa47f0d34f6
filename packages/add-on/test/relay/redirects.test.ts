/**
 * Which redirects build/relay.mjs follows after its POST to APPS_SCRIPT_URL: over https to Google's
 * Apps Script hosts (script.google.com, script.googleusercontent.com), or to APPS_SCRIPT_URL's own
 * origin (the loopback front here, the playground's), at most MAX_REDIRECTS in a row. Anything
 * else is a 503 that names the reason, with no token in it or in the log.
 */

import Stripe from 'stripe';
import { MAX_REDIRECTS } from '../../src/relay/redirects';
import { loadBuiltRelay, mainConsole, mainGlobal, type FetchHandler } from './built-relay';
import { startGoogleFront, type GoogleFront } from './google-front';

const stripe = new Stripe('sk_test_relay_tests');
const SECRET = 'whsec_redirectTestSecret0123456789';
const TOKEN = 'tok-Redirect_Test_Token_3c2b1a0f';

let relay: FetchHandler;
let front: GoogleFront;
const logged: string[] = [];
const answered: string[] = [];

const payload = `${JSON.stringify({ id: 'evt_redirect', object: 'event', data: { object: { id: 'cs_redirect' } } })}\n`;

async function send(
  appsScriptUrl: string,
): Promise<{ status: number; json: { ok: boolean; retry?: true; error?: string; answer?: Record<string, unknown> } }> {
  const request = new Request('https://relay.example.workers.dev/', {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }),
    },
    body: payload,
  });
  const response = await relay.fetch(request, { STRIPE_WEBHOOK_SECRET: SECRET, APPS_SCRIPT_URL: appsScriptUrl });
  const text = await response.text();
  answered.push(text);
  return { status: response.status, json: JSON.parse(text) as never };
}

const refusal = (what: string) =>
  `the web app redirected to ${what}, which the relay does not follow (only https://script.google.com, https://script.googleusercontent.com and APPS_SCRIPT_URL's own origin); Stripe will send the event again`;

beforeAll(async () => {
  relay = await loadBuiltRelay();
  const console = mainConsole();
  jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  });
});

beforeEach(async () => {
  front = await startGoogleFront(TOKEN);
});

afterEach(async () => {
  await front.close();
});

afterAll(() => {
  jest.restoreAllMocks();
  for (const text of [...logged, ...answered]) expect(text).not.toContain(TOKEN);
});

describe("APPS_SCRIPT_URL's own origin: followed, as the operator chose it", () => {
  test(`its 302 to its own /echo, and up to ${MAX_REDIRECTS} redirects in a row`, async () => {
    expect(await send(front.execUrl)).toMatchObject({ status: 200, json: { ok: true, answer: { result: 'inserted' } } });
    front.setDoPost(() => ({ kind: 'hops', redirects: MAX_REDIRECTS, answer: { ok: true, result: 'unchanged' } }));
    expect(await send(front.execUrl)).toMatchObject({ status: 200, json: { ok: true, answer: { result: 'unchanged' } } });
    expect(front.hops).toHaveLength(MAX_REDIRECTS - 1);
    expect(front.echoes).toEqual([
      { method: 'GET', served: true },
      { method: 'GET', served: true },
    ]);
  });

  test('a relative Location, and a 303, are followed with a GET', async () => {
    for (const status of [302, 303]) {
      let first = true;
      front.setDoPost(() =>
        first ? ((first = false), { kind: 'redirect', status, location: '/exec-again' }) : { kind: 'answer', answer: { ok: true } },
      );
      // /exec-again is not a route of the front: the GET reached it and got its 404.
      expect(await send(front.execUrl)).toMatchObject({ status: 503, json: { error: expect.stringContaining('HTTP 404') } });
    }
  });

  test('a 307 repeats the POST with the same body', async () => {
    let first = true;
    front.setDoPost((post) =>
      first
        ? ((first = false), { kind: 'redirect', status: 307, location: `/exec?token=${post.token ?? ''}&again=1` })
        : { kind: 'answer', answer: { ok: true, result: 'inserted' } },
    );
    expect(await send(front.execUrl)).toMatchObject({ status: 200, json: { ok: true } });
    expect(front.posts.map((post) => post.body.toString('utf8'))).toEqual([payload, payload]);
  });
});

describe('refused: a 503 naming the reason, and nothing fetched there', () => {
  test(`more than ${MAX_REDIRECTS} redirects`, async () => {
    front.setDoPost(() => ({ kind: 'hops', redirects: MAX_REDIRECTS + 1, answer: { ok: true } }));
    expect(await send(front.execUrl)).toEqual({
      status: 503,
      json: {
        ok: false,
        retry: true,
        error: `the web app redirected more than ${MAX_REDIRECTS} times in a row; Stripe will send the event again`,
      },
    });
    expect(front.echoes).toEqual([]);
  });

  test('another port on the same host, the same server under another name, https instead of http', async () => {
    const other = await startGoogleFront(TOKEN);
    try {
      const port = new URL(front.origin).port;
      const cases: [string, string][] = [
        [`${other.origin}/echo/1`, other.origin],
        [`http://localhost:${port}/echo/1`, `http://localhost:${port}`],
        [`https://127.0.0.1:${port}/echo/1`, `https://127.0.0.1:${port}`],
        [`//evil.example/echo/1`, 'http://evil.example'],
      ];
      for (const [location, named] of cases) {
        front.setDoPost(() => ({ kind: 'redirect', location }));
        expect(await send(front.execUrl)).toEqual({ status: 503, json: { ok: false, retry: true, error: refusal(named) } });
      }
      expect(other.echoes).toEqual([]);
    } finally {
      await other.close();
    }
  });

  test('javascript:, file:, data: and gopher: Locations, one that is not a URL, and a redirect without one', async () => {
    const cases: [string, string][] = [
      ['javascript:alert(document.cookie)', 'a javascript: URL'],
      ['file:///etc/passwd', 'a file: URL'],
      ['data:application/json,{"ok":true}', 'a data: URL'],
      ['gopher://127.0.0.1/echo', 'a gopher: URL'],
    ];
    for (const [location, named] of cases) {
      front.setDoPost(() => ({ kind: 'redirect', location }));
      expect(await send(front.execUrl)).toEqual({ status: 503, json: { ok: false, retry: true, error: refusal(named) } });
    }
    front.setDoPost(() => ({ kind: 'redirect', location: 'http://[::1' }));
    expect((await send(front.execUrl)).json.error).toBe(
      'the web app redirected to a Location that is not a URL; Stripe will send the event again',
    );
    front.setDoPost(() => ({ kind: 'redirect', location: '' }));
    expect((await send(front.execUrl)).json.error).toBe(
      'the web app answered HTTP 302 without a Location; Stripe will send the event again',
    );
  });
});

describe("Google's hosts: https only, default port, exact names", () => {
  const EXEC = `https://script.google.com/macros/s/AKfycbx_deployment/exec?token=${TOKEN}`;
  const ECHO = 'https://script.googleusercontent.com/macros/echo?user_content_key=AehSKLj_key&lib=M1YLor6';
  let calls: { url: string; method: string; redirect: string | undefined; body: boolean }[];
  let next: (url: string) => Response;
  let saved: unknown;

  beforeEach(() => {
    calls = [];
    const main = mainGlobal();
    saved = main.fetch;
    main.fetch = (input: string, init: RequestInit = {}) => {
      calls.push({
        url: input,
        method: init.method ?? 'GET',
        redirect: init.redirect,
        body: init.body !== undefined && init.body !== null,
      });
      return Promise.resolve(next(input));
    };
  });
  afterEach(() => {
    mainGlobal().fetch = saved;
  });

  const redirect = (location: string) => new Response('<HTML>Moved Temporarily</HTML>', { status: 302, headers: { location } });
  const json = () => new Response('{"ok":true,"result":"inserted"}', { status: 200, headers: { 'content-type': 'application/json' } });

  test("/exec's 302 to script.googleusercontent.com is followed with a GET, never automatically", async () => {
    next = (url) => (url.startsWith('https://script.google.com/') ? redirect(ECHO) : json());
    expect(await send(EXEC)).toMatchObject({ status: 200, json: { ok: true, answer: { result: 'inserted' } } });
    expect(calls).toEqual([
      { url: EXEC, method: 'POST', redirect: 'manual', body: true },
      { url: ECHO, method: 'GET', redirect: 'manual', body: false },
    ]);
  });

  test('a Workspace web app (/a/macros/<domain>/...), and a relative Location on script.google.com', async () => {
    const workspace = `https://script.google.com/a/macros/example.com/s/AKfycbx_deployment/exec?token=${TOKEN}`;
    next = (url) =>
      url === workspace ? redirect('https://script.googleusercontent.com/a/macros/example.com/echo?user_content_key=k') : json();
    expect((await send(workspace)).status).toBe(200);
    next = (url) => (url === EXEC ? redirect('/macros/echo?user_content_key=k') : json());
    expect((await send(EXEC)).status).toBe(200);
    expect(calls.at(-1)?.url).toBe('https://script.google.com/macros/echo?user_content_key=k');
  });

  test.each([
    ['an http downgrade', 'http://script.googleusercontent.com/macros/echo?user_content_key=k', 'http://script.googleusercontent.com'],
    ['another port', 'https://script.googleusercontent.com:8443/macros/echo', 'https://script.googleusercontent.com:8443'],
    [
      'a look-alike host',
      'https://script.googleusercontent.com.evil.example/macros/echo',
      'https://script.googleusercontent.com.evil.example',
    ],
    ['a subdomain', 'https://evil.script.googleusercontent.com/macros/echo', 'https://evil.script.googleusercontent.com'],
    ['userinfo before the host', 'https://user:pass@script.googleusercontent.com/macros/echo', 'a URL with a user name or password'],
    [
      "Google's sign-in page (a web app not deployed for Anyone)",
      'https://accounts.google.com/ServiceLogin?continue=x',
      'https://accounts.google.com',
    ],
    ['another host', 'https://evil.example/collect', 'https://evil.example'],
  ])('%s is refused', async (_name, location, named) => {
    next = () => redirect(location);
    expect(await send(EXEC)).toEqual({ status: 503, json: { ok: false, retry: true, error: refusal(named) } });
    expect(calls).toHaveLength(1);
  });
});
