/**
 * A Google-like front for the relay's tests, on 127.0.0.1: it answers `POST /exec?token=...` as
 * Apps Script does, by running doPost (here a handler the test gives) and then answering 302 to a
 * one-time URL (`GET /echo/<id>`) that serves doPost's output once. It can also answer as Google
 * does when things go wrong: an HTML error page behind the redirect, a 5xx on the POST itself,
 * or no answer at all.
 *
 * (The playground has its own Google-like front; this one is only for test/relay/.)
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { WebhookAnswer } from '../../src/core/contracts/webhook-answer';

/** What the front does with one POST. */
export type FrontReply =
  | { kind: 'answer'; answer: WebhookAnswer }
  /** Google's HTML error page, served at the echo URL (what a doPost that throws gets). */
  | { kind: 'html-error' }
  /** A 5xx on the POST itself, with Google's HTML. */
  | { kind: 'server-error'; status: number }
  /** Never answers (the connection stays open until the front closes). */
  | { kind: 'hang' }
  /** A redirect to this Location, written as it is (relative, another host, javascript:...). */
  | { kind: 'redirect'; location: string; status?: number }
  /** doPost's answer behind this many redirects in a row (the last one to the echo URL). */
  | { kind: 'hops'; redirects: number; answer: WebhookAnswer };

export interface Post {
  /** The raw body as received, byte for byte. */
  body: Buffer;
  token: string | null;
  contentType: string | undefined;
}

export type DoPost = (post: Post) => FrontReply;

export interface GoogleFront {
  /** The web app's /exec URL with its ?token=, as APPS_SCRIPT_URL. */
  execUrl: string;
  origin: string;
  /** Every POST to /exec, in order. */
  posts: Post[];
  /** Every request to an echo URL: method and whether it was served. */
  echoes: { method: string; served: boolean }[];
  /** Every hop of a 'hops' reply that was followed (its path). */
  hops: string[];
  /** Replaces doPost for the next POSTs. */
  setDoPost(doPost: DoPost): void;
  close(): Promise<void>;
}

const ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>Error</title></head><body><div>TypeError: Cannot read properties of undefined (line 1, file "Code")</div></body></html>';
const SERVER_ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>Server error</title></head><body>We are sorry, a server error occurred. Please wait a bit and try again.</body></html>';

/**
 * A doPost that keeps sessions in memory: `inserted` the first time a session is seen,
 * `unchanged` after; a wrong token is refused with `retry: true`, as the add-on does (a rotated
 * token or an old APPS_SCRIPT_URL is a person's to fix, and Stripe must keep the event).
 */
export function sessionsDoPost(token: string): DoPost {
  const seen = new Set<string>();
  return (post) => {
    if (post.token !== token) return { kind: 'answer', answer: { ok: false, error: 'Wrong or missing token', retry: true } };
    const event = JSON.parse(post.body.toString('utf8')) as { id: string; data: { object: { id: string } } };
    const session = event.data.object.id;
    const result = seen.has(session) ? 'unchanged' : 'inserted';
    seen.add(session);
    return { kind: 'answer', answer: { ok: true, event: event.id, session, result } };
  };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

/** A front whose /exec URL carries this token; doPost keeps sessions in memory unless told. */
export async function startGoogleFront(token: string, doPost: DoPost = sessionsDoPost(token)): Promise<GoogleFront> {
  let current = doPost;
  const posts: Post[] = [];
  const echoes: { method: string; served: boolean }[] = [];
  const hops: string[] = [];
  const pending = new Map<string, string>();
  const sockets = new Set<Socket>();
  let nextId = 1;

  async function handle(request: IncomingMessage, response: ServerResponse, origin: string): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname === '/exec' && request.method === 'POST') {
      const post: Post = {
        body: await readBody(request),
        token: url.searchParams.get('token'),
        contentType: request.headers['content-type'],
      };
      posts.push(post);
      const reply = current(post);
      if (reply.kind === 'hang') return;
      if (reply.kind === 'server-error') {
        response.writeHead(reply.status, { 'content-type': 'text/html; charset=utf-8' }).end(SERVER_ERROR_PAGE);
        return;
      }
      if (reply.kind === 'redirect') {
        response
          .writeHead(reply.status ?? 302, { location: reply.location, 'content-type': 'text/html; charset=UTF-8' })
          .end('<HTML><BODY>Moved</BODY></HTML>');
        return;
      }
      const id = `${nextId++}-${Math.random().toString(36).slice(2)}`;
      pending.set(id, reply.kind === 'html-error' ? '' : JSON.stringify(reply.answer));
      redirectTo(response, id, reply.kind === 'hops' ? reply.redirects - 1 : 0);
      return;
    }
    const hop = /^\/hop\/([\w-]+)\/(\d+)$/.exec(url.pathname);
    if (hop?.[1] !== undefined && request.method === 'GET') {
      hops.push(url.pathname);
      redirectTo(response, hop[1], Number(hop[2]) - 1);
      return;
    }
    const echo = /^\/echo\/([\w-]+)$/.exec(url.pathname);
    if (echo?.[1] !== undefined) {
      const output = pending.get(echo[1]);
      // One time only, and (as Google) only for a GET.
      const served = output !== undefined && request.method === 'GET';
      echoes.push({ method: request.method ?? '', served });
      if (!served) {
        response
          .writeHead(request.method === 'GET' ? 404 : 405, { 'content-type': 'text/html' })
          .end('<html><body>Not Found</body></html>');
        return;
      }
      pending.delete(echo[1]);
      if (output === '') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ERROR_PAGE);
      else response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(output);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>Not Found</body></html>');
  }

  /** A 302 to the echo URL, or to a hop that has `more` redirects still to give. */
  function redirectTo(response: ServerResponse, id: string, more: number): void {
    const location = more > 0 ? `${origin}/hop/${id}/${more}` : `${origin}/echo/${id}`;
    response.writeHead(302, { location, 'content-type': 'text/html; charset=UTF-8' }).end('<HTML><BODY>Moved Temporarily</BODY></HTML>');
  }

  let origin = '';
  const server: Server = createServer((request, response) => {
    handle(request, response, origin).catch(() => response.writeHead(500).end());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    execUrl: `${origin}/exec?token=${encodeURIComponent(token)}`,
    origin,
    posts,
    echoes,
    hops,
    setDoPost(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
