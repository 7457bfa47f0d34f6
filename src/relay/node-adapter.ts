/**
 * The relay under Node: Node's requests become Fetch Requests for the same handler Workers runs,
 * and its Responses are written back as they are. Node only, never in the Workers bundle.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { createRelay, type RelayEnv, type RelayHandler } from './relay';

function toRequest(incoming: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(incoming), duplex: 'half' } : {}),
  });
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

/** A node:http server around a Fetch handler, with the env it is called with. */
export function serveRelay(env: RelayEnv, handler: RelayHandler = createRelay()): Server {
  const server = createServer((incoming, outgoing) => {
    const address = server.address();
    const origin = typeof address === 'object' && address !== null ? `http://${incoming.headers.host ?? `127.0.0.1:${address.port}`}` : 'http://localhost';
    handler
      .fetch(toRequest(incoming, origin), env)
      .then((response) => writeResponse(response, outgoing))
      .catch(() => {
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        outgoing.end('{"ok":false,"retry":true,"error":"the relay failed unexpectedly"}');
      });
  });
  return server;
}
