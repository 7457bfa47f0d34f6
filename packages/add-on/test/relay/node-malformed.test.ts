/**
 * `npm run relay` survives any request: each malformed one below, sent as raw bytes to the real
 * process, gets a 4xx (400 malformed, 405 method, or Node's own 400/413/417/431), the process stays
 * up, and a good signed delivery still goes through afterwards. Errors inside the handler are
 * answered, never left as unhandled rejections.
 */

import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { serveRelay } from '../../src/relay/node-adapter';
import type { RelayHandler } from '../../src/relay/relay';
import { startGoogleFront, type GoogleFront } from './google-front';
import { sendRaw, startRelayProcess, type RelayProcess } from './relay-process';

const stripe = new Stripe('sk_test_relay_tests');
const SECRET = 'whsec_malformedTestSecret0123456789';
const TOKEN = 'tok-Malformed_Test_Token_7a6b5c4d';

let front: GoogleFront;
let relay: RelayProcess;

beforeAll(async () => {
  front = await startGoogleFront(TOKEN);
  relay = await startRelayProcess({ STRIPE_WEBHOOK_SECRET: SECRET, APPS_SCRIPT_URL: front.execUrl, PORT: '0' });
  expect(relay.port).toBeGreaterThan(0);
});

afterAll(async () => {
  relay.child.kill();
  await relay.exited;
  await front.close();
});

const close = 'Connection: close\r\n';
/** Name, bytes, and the status expected (null: any 4xx, Node's parser answers those itself). */
const MALFORMED: [string, string | Buffer, number | null][] = [
  // The six that killed the process.
  ['TRACE', `TRACE / HTTP/1.1\r\nHost: relay.example\r\n${close}\r\n`, 405],
  ['a Host with a space', `GET / HTTP/1.1\r\nHost: a b\r\n${close}\r\n`, 400],
  ['a Host that is an unclosed IPv6 bracket', `POST / HTTP/1.1\r\nHost: [\r\nContent-Length: 0\r\n${close}\r\n`, 400],
  ['a Host whose port is over 65535', `GET / HTTP/1.1\r\nHost: x:99999\r\n${close}\r\n`, 400],
  ['an empty Host', `POST / HTTP/1.1\r\nHost: \r\nContent-Length: 2\r\n${close}\r\n{}`, 400],
  ['a Host with userinfo', `GET / HTTP/1.1\r\nHost: user@evil\r\n${close}\r\n`, 400],
  // More Hosts, targets and methods.
  ['two Host headers', `POST / HTTP/1.1\r\nHost: relay.example\r\nHost: evil.example\r\nContent-Length: 0\r\n${close}\r\n`, 400],
  ['a Host with a path', `GET / HTTP/1.1\r\nHost: relay.example/x\r\n${close}\r\n`, 400],
  ['no Host (HTTP/1.1)', `GET / HTTP/1.1\r\n${close}\r\n`, 400],
  ['no Host (HTTP/1.0), a GET', 'GET / HTTP/1.0\r\n\r\n', 405],
  ['no Host (HTTP/1.0), an unsigned POST', 'POST / HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}', 400],
  ['an absolute-form target', `POST http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 0\r\n${close}\r\n`, 400],
  ['an absolute-form target (GET)', `GET https://relay.example/ HTTP/1.1\r\nHost: relay.example\r\n${close}\r\n`, 400],
  ['an asterisk target', `OPTIONS * HTTP/1.1\r\nHost: relay.example\r\n${close}\r\n`, 400],
  ['CONNECT', 'CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n', 405],
  ['OPTIONS', `OPTIONS / HTTP/1.1\r\nHost: relay.example\r\n${close}\r\n`, 405],
  ['TRACK', `TRACK / HTTP/1.1\r\nHost: relay.example\r\n${close}\r\n`, null],
  ['a method in lower case', `post / HTTP/1.1\r\nHost: relay.example\r\n${close}\r\n`, null],
  ['an unknown method', `QUERY / HTTP/1.1\r\nHost: relay.example\r\n${close}\r\n`, 405],
  [
    'a WebSocket upgrade',
    `GET / HTTP/1.1\r\nHost: relay.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    405,
  ],
  ['a protocol-relative path', `POST //evil.example/x HTTP/1.1\r\nHost: relay.example\r\nContent-Length: 2\r\n${close}\r\n{}`, 400],
  ['a byte over 0x7f in the path', Buffer.from(`GET /\xff HTTP/1.1\r\nHost: relay.example\r\n${close}\r\n`, 'latin1'), null],
  ['a garbage request line', 'HELLO\r\n\r\n', null],
  ['HTTP/2 preface on HTTP/1', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', null],
  // Headers and lengths.
  ['20 KB of headers', `GET / HTTP/1.1\r\nHost: relay.example\r\nX-Big: ${'y'.repeat(20_000)}\r\n${close}\r\n`, 431],
  ['an invalid header name', `GET / HTTP/1.1\r\nHost: relay.example\r\nBad Header: 1\r\n${close}\r\n`, 400],
  ['a non-numeric Content-Length', `POST / HTTP/1.1\r\nHost: relay.example\r\nContent-Length: abc\r\n${close}\r\n`, 400],
  ['a negative Content-Length', `POST / HTTP/1.1\r\nHost: relay.example\r\nContent-Length: -1\r\n${close}\r\n`, 400],
  [
    'two different Content-Lengths',
    `POST / HTTP/1.1\r\nHost: relay.example\r\nContent-Length: 2\r\nContent-Length: 3\r\n${close}\r\n{}`,
    400,
  ],
  [
    'Content-Length and chunked together',
    `POST / HTTP/1.1\r\nHost: relay.example\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n${close}\r\n0\r\n\r\n`,
    400,
  ],
  ['a bad chunk size', `POST / HTTP/1.1\r\nHost: relay.example\r\nTransfer-Encoding: chunked\r\n${close}\r\nzz\r\n{}\r\n0\r\n\r\n`, 400],
  ['a Content-Length of 100 GB', `POST / HTTP/1.1\r\nHost: relay.example\r\nContent-Length: 100000000000\r\n${close}\r\n{}`, 413],
  ['a body on a GET', `GET / HTTP/1.1\r\nHost: relay.example\r\nContent-Length: 5\r\n${close}\r\nhello`, 405],
  ['an unknown Expect', `POST / HTTP/1.1\r\nHost: relay.example\r\nExpect: teapot\r\nContent-Length: 2\r\n${close}\r\n{}`, 417],
];

test.each(MALFORMED)('%s: a 4xx, and the relay lives on', async (_name, bytes, expected) => {
  const answer = await sendRaw(relay.port, bytes);
  if (expected !== null) expect(answer.status).toBe(expected);
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(relay.child.exitCode).toBeNull();
});

test('a client that hangs up mid-body, and a pipelined good request after a bad one, leave the relay serving', async () => {
  await sendRaw(relay.port, `POST / HTTP/1.1\r\nHost: relay.example\r\nContent-Length: 100\r\n\r\n{"id":`, { hangUpAfterWrite: true });
  await sendRaw(relay.port, `GET / HTTP/1.1\r\nHost: relay.example\r\nContent-Length: 100\r\n\r\nabc`, { hangUpAfterWrite: true });
  const pipelined = await sendRaw(relay.port, `GET / HTTP/1.1\r\nHost: relay.example\r\n\r\nGET / HTTP/1.1\r\nHost: a b\r\n${close}\r\n`);
  expect(pipelined.text.match(/^HTTP\/1\.1 \d{3}/gm)).toEqual(['HTTP/1.1 405', 'HTTP/1.1 400']);
  expect(relay.child.exitCode).toBeNull();
});

test('after all of them the process is alive, still relays a signed delivery, and wrote no stack trace or secret', async () => {
  const payload = JSON.stringify({ id: 'evt_after', object: 'event', data: { object: { id: 'cs_after' } } });
  const response = await fetch(`http://127.0.0.1:${relay.port}/`, {
    method: 'POST',
    headers: { 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }) },
    body: payload,
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, answer: { session: 'cs_after', result: 'inserted' } });
  expect(relay.child.exitCode).toBeNull();
  const output = relay.output();
  expect(output).not.toMatch(/\n\s+at /);
  expect(output).not.toMatch(/Error:/);
  expect(output).not.toContain(TOKEN);
  expect(output).not.toContain(SECRET);
  expect(output).toMatch(/relay: 400 malformed request: the Host header is not a valid authority/);
});

describe('errors inside the handler are answered, never unhandled', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => {
    unhandled.push(reason);
  };
  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  const handlers: [string, RelayHandler['fetch']][] = [
    [
      'throws before returning a promise',
      () => {
        throw new Error('sync boom');
      },
    ],
    ['rejects', () => Promise.reject(new Error('async boom'))],
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a handler that does it anyway
    ['rejects with a non-Error', () => Promise.reject('a string')],
    [
      'answers a body that fails while read',
      () =>
        Promise.resolve(
          new Response(
            new ReadableStream({
              pull(controller) {
                controller.error(new Error('stream boom'));
              },
            }),
          ),
        ),
    ],
    ['answers something that is not a Response', () => Promise.resolve({ status: 200 } as unknown as Response)],
  ];
  test.each(handlers)('a handler that %s: 500 with retry, and the server answers the next request', async (_name, fetchImpl) => {
    let calls = 0;
    const lines: string[] = [];
    const server = serveRelay(
      {},
      {
        fetch: (request, env) => (++calls === 1 ? fetchImpl(request, env) : Promise.resolve(new Response('{"ok":true}', { status: 200 }))),
      },
      (line) => lines.push(line),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const first = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' });
      expect(first.status).toBe(500);
      expect(await first.json()).toEqual({
        ok: false,
        retry: true,
        error: 'the relay failed unexpectedly; Stripe will send the event again',
      });
      const second = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' });
      expect(second.status).toBe(200);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
      expect(lines).toEqual([expect.stringMatching(/^relay: 500 internal error in the Node server \((\w*Error|string)\)$/)]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
