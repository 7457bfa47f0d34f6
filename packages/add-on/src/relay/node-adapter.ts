/**
 * The relay under Node: Node's requests become Fetch Requests for the same handler Workers runs,
 * and its Responses are written back as they are. Node only, never in the Workers bundle.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable, type Duplex } from 'node:stream';
import { createRelay, failedUnexpectedly, methodNotAllowed, type RelayEnv, type RelayHandler } from './relay';

/**
 * The origin of every Request the handler sees. The relay never reads its own URL, so it is not
 * taken from the Host header, which a client writes as it likes (`a b`, `[`, `x:99999`).
 */
const ORIGIN = 'http://relay.invalid';

/** Methods the Fetch API refuses to carry (new Request throws): answered 405 here. */
const UNCARRIED_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** host[:port] (RFC 3986 authority without userinfo): a name or IPv4, or [IPv6]; port up to 65535. */
const AUTHORITY = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_.])?|\[[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\])(?::(\d{0,5}))?$/;

function isAuthority(host: string): boolean {
  const match = AUTHORITY.exec(host);
  return match !== null && (match[1] === undefined || match[1] === '' || Number(match[1]) <= 65535);
}

/** Why Node's parser let through a request the relay will not read, or null when it is sound. */
function malformed(incoming: IncomingMessage): string | null {
  const hosts = incoming.rawHeaders.filter((text, at) => at % 2 === 0 && text.toLowerCase() === 'host').length;
  if (hosts > 1) return 'more than one Host header';
  const host = incoming.headers.host;
  if (host === undefined) {
    if (incoming.httpVersion !== '1.0') return 'no Host header';
  } else if (!isAuthority(host)) {
    return 'the Host header is not a valid authority';
  }
  // Origin-form only ("/..."): not absolute-form (http://host/...) nor asterisk-form (*).
  if (!(incoming.url ?? '').startsWith('/')) return 'the request target is not a path';
  return null;
}

function toRequest(incoming: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  // Concatenated, not resolved against ORIGIN: a path like //evil.example/ stays a path.
  return new Request(`${ORIGIN}${incoming.url ?? '/'}`, {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(incoming), duplex: 'half' } : {}),
  });
}

function malformedAnswer(reason: string): Response {
  return new Response(JSON.stringify({ ok: false, error: `malformed request: ${reason}` }), {
    status: 400,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' },
  });
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  // Whatever a handler returned, only a Response's shape is written.
  if (typeof (response as Partial<Response> | null)?.arrayBuffer !== 'function' || typeof response.status !== 'number')
    throw new TypeError('the handler did not answer a Response');
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

/**
 * A node:http server around a Fetch handler, with the env it is called with. No request can take
 * it down: what Node's parser refuses it answers itself (400, 413, 417, 431); what it lets through
 * but the relay will not read (a bad Host, a target that is not a path, CONNECT, TRACE) is answered
 * here with 400 or 405; and whatever the handler throws or rejects with becomes a 500 Stripe
 * retries.
 */
export function serveRelay(
  env: RelayEnv,
  handler: RelayHandler = createRelay(),
  log: (line: string) => void = (line) => {
    console.log(line);
  },
): Server {
  const answer = (outgoing: ServerResponse, respond: () => Response | Promise<Response>): void => {
    outgoing.on('error', () => undefined);
    Promise.resolve()
      .then(respond)
      .then((response) => writeResponse(response, outgoing))
      .catch((error: unknown) => {
        log(`relay: 500 internal error in the Node server (${error instanceof Error ? error.name : typeof error})`);
        if (outgoing.headersSent) throw error;
        return writeResponse(failedUnexpectedly(), outgoing);
      })
      .catch(() => outgoing.destroy());
  };

  const server = createServer((incoming, outgoing) => {
    answer(outgoing, () => {
      const method = incoming.method ?? 'GET';
      const reason = malformed(incoming);
      if (reason !== null) {
        log(`relay: 400 malformed request: ${reason}`);
        return malformedAnswer(reason);
      }
      if (UNCARRIED_METHODS.has(method)) {
        log(`relay: 405 ${method} refused`);
        return methodNotAllowed(method);
      }
      let request: Request;
      try {
        request = toRequest(incoming);
      } catch {
        log('relay: 400 malformed request: not one the Fetch API can carry');
        return malformedAnswer('not one the Fetch API can carry');
      }
      return handler.fetch(request, env);
    });
  });

  // CONNECT never reaches the request handler; without this listener Node drops the connection.
  server.on('connect', (incoming: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    log('relay: 405 CONNECT refused');
    void methodNotAllowed('CONNECT')
      .text()
      .then(
        (body) => {
          socket.end(
            `HTTP/1.1 405 Method Not Allowed\r\nallow: POST\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
          );
        },
        () => socket.destroy(),
      );
  });
  return server;
}
