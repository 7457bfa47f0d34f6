/**
 * The playground's HTTP routes (node:http, no framework):
 *
 *   GET  /                      the page (and /page.js, /page.css)
 *   GET  /api/state             tabs, cells, selection, menu, info   (?since=VERSION, ?sheet=NAME)
 *   POST /api/open              runs onOpen (as opening the spreadsheet does)       -> RunReply
 *   POST /api/select            { sheet, ranges: ['A2:C4', ...] }                    -> { ok }
 *   POST /api/cell              { sheet, cell: 'B3', input: 'typed text' }           -> { ok, version }
 *   POST /api/clear             { sheet, ranges }                                    -> { ok, version }
 *   POST /api/column-width      { sheet, column: 3, width: 180 }                     -> { ok, version }
 *   POST /api/paste             { sheet, cell: 'B3', rows: [['a', 'b'], ...] }       -> { ok, version, rows, columns }
 *   POST /api/structure         { sheet, action: 'insert-rows-before' | 'insert-rows-after' | 'delete-rows'
 *                                 | 'insert-columns-before' | ... | 'delete-columns', at: 3, count?: 1 } -> { ok, version }
 *   POST /api/sort              { sheet, column: 2, ascending: true }                -> { ok, version }
 *   POST /api/add-sheet         { name? }                                            -> { ok, version, sheet }
 *   POST /api/menu              { function, answers?: [{ button?, text? }] }         -> RunReply
 *   POST /api/run               { function, args?: [...], answers? }                 -> RunReply
 *   GET  /ui/<id>               a sidebar's or dialog's HTML, with the google.script shim
 *   POST /webhook?token=...     the add-on's doPost, answered as Google's /exec: 302 to /echo/<id>
 *   GET  /echo/<id>             doPost's answer to that delivery, once (then 410)
 *
 * The page, /api and /ui answer only requests addressed to localhost; /api posts must be JSON.
 * /webhook and /echo answer any Host (what `stripe listen` or a tunnel forwards).
 * A change is answered only once it is durably saved (Playground.saved): a delivery whose save
 * fails gets 503 (not acknowledged: Stripe, through the relay, sends it again), an /api call 500.
 * No other site may frame any answer (Content-Security-Policy: frame-ancestors 'none', and
 * X-Frame-Options: DENY for older browsers); /ui, which the page frames from its other loopback
 * name, may be framed by this server's own origins only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, isLocalHost, isLocalOrigin, readBody, readJsonObject, send, sendJson } from './http-util';
import { injectBeforeScripts } from './dialog-store';
import { readAnswers } from './editor-runs';
import { ECHO_ID } from './echo-store';
import { shimFor, type PageAssets } from './page-assets';
import { addSheet, changeStructure, pasteRows, sortByColumn } from './grid-actions';
import { RequestError, type Playground } from './playground';

const API_BODY_LIMIT = 1024 * 1024;
/** Apps Script takes larger posts; the add-on refuses anything over 256 KiB itself. */
const WEBHOOK_BODY_LIMIT = 10 * 1024 * 1024;

/** A paste of a few thousand rows of links is a few megabytes of JSON. */
const PASTE_BODY_LIMIT = 8 * 1024 * 1024;

/** The grid's own edits beyond a cell (grid-actions.ts), by route; what the page is told back. */
function changeGrid(playground: Playground, route: string, body: Record<string, unknown>): Record<string, unknown> {
  const workbook = playground.app.workbook;
  switch (route) {
    case 'POST /api/paste':
      return playground.changeGrid(body['sheet'], (sheet) => pasteRows(workbook, sheet, body['cell'], body['rows']));
    case 'POST /api/structure':
      playground.changeGrid(body['sheet'], (sheet) => {
        changeStructure(workbook, sheet, body['action'], body['at'], body['count'] ?? 1);
      });
      return {};
    case 'POST /api/sort':
      playground.changeGrid(body['sheet'], (sheet) => {
        sortByColumn(workbook, sheet, body['column'], body['ascending']);
      });
      return {};
    default: {
      const sheet = addSheet(workbook, body['name']);
      playground.changed();
      return { sheet };
    }
  }
}

export interface RouterOptions {
  playground: Playground;
  assets: PageAssets;
  log: (message: string) => void;
}

function functionName(body: Record<string, unknown>): string {
  const name = body['function'];
  if (typeof name !== 'string' || name === '') throw new HttpError(400, 'function must be a function name');
  return name;
}

function answersOf(body: Record<string, unknown>): ReturnType<typeof readAnswers> {
  try {
    return readAnswers(body['answers']);
  } catch (error) {
    throw new HttpError(400, error instanceof Error ? error.message : String(error));
  }
}

function summarizeWebhook(status: number, output: string): string {
  try {
    const answer = JSON.parse(output) as Record<string, unknown>;
    const parts = ['ok', 'result', 'event', 'session', 'error', 'retry']
      .filter((key) => answer[key] !== undefined)
      .map((key) => `${key}=${String(answer[key])}`);
    return `${String(status)} ${parts.join(' ')}`;
  } catch {
    return `${String(status)} ${output.slice(0, 80)}`;
  }
}

/**
 * The origin the echo URL is given under: the one the request was sent to, when that names this
 * machine (so a client that reached 127.0.0.1 or localhost comes back the same way); else none,
 * and the Location is relative to wherever the request went.
 */
function echoOriginOf(host: string | undefined): string {
  return host !== undefined && isLocalHost(host) && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `http://${host}` : '';
}

/** Every answer, unless a route says otherwise: no page of any site may frame it (clickjacking). */
const NO_FRAMING = { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY' } as const;

/**
 * A sidebar's or dialog's HTML: the page frames it from its other loopback name (see panels.ts), so
 * only this server's origins, on the port the request came in on, may frame it. X-Frame-Options
 * cannot name another origin, so it is left out: browsers that know frame-ancestors follow it.
 */
function frameableByPlayground(response: ServerResponse, port: number | undefined): Record<string, string> {
  response.removeHeader('X-Frame-Options');
  const at = `:${String(port ?? 0)}`;
  return { 'Content-Security-Policy': `frame-ancestors http://localhost${at} http://127.0.0.1${at} http://[::1]${at}` };
}

export function createRouter({ playground, assets, log }: RouterOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const routes = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(NO_FRAMING)) response.setHeader(name, value);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const route = `${method} ${url.pathname}`;

    if (url.pathname === '/webhook') {
      if (method !== 'POST') {
        sendJson(response, 405, { ok: false, error: 'POST a Stripe event here' }, { Allow: 'POST' });
        return;
      }
      const body = await readBody(request, WEBHOOK_BODY_LIMIT);
      const signature = request.headers['stripe-signature'];
      const reply = playground.webhook(
        {
          body,
          queryString: url.search.replace(/^\?/, ''),
          contentType: request.headers['content-type'] ?? 'application/json',
          signature: Array.isArray(signature) ? signature[0] : signature,
        },
        echoOriginOf(request.headers.host),
      );
      const summary = summarizeWebhook(reply.status, reply.output ?? reply.body);
      if (reply.ran) {
        try {
          await playground.saved();
        } catch {
          // The saver logged why.
          log(`webhook ${summary}, but not saved: answered 503`);
          send(response, 503, 'The playground could not save this delivery; it is not acknowledged: send it again.\n', {
            'Content-Type': 'text/plain; charset=utf-8',
            'Retry-After': '1',
          });
          return;
        }
      }
      log(`webhook ${summary}`);
      send(response, reply.status, reply.body, reply.headers);
      return;
    }

    const echoMatch = /^\/echo\/([^/]*)$/.exec(url.pathname);
    if (echoMatch) {
      if (method !== 'GET') {
        send(response, 405, 'GET the echo URL a webhook delivery was redirected to\n', {
          'Content-Type': 'text/plain; charset=utf-8',
          Allow: 'GET',
        });
        return;
      }
      const id = echoMatch[1] ?? '';
      const echo = ECHO_ID.test(id) ? playground.echo(id) : { found: false as const, status: 404 as const, reason: 'no such echo URL' };
      if (echo.found) send(response, 200, echo.echo.body, { 'Content-Type': echo.echo.contentType });
      // Plain text, not JSON: nothing may mistake a spent echo for the add-on's answer.
      else send(response, echo.status, `${echo.reason}\n`, { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }

    if (!isLocalHost(request.headers.host)) throw new HttpError(403, 'the playground answers requests to localhost only');

    switch (route) {
      case 'GET /':
      case 'GET /index.html':
        send(response, 200, assets.html, { 'Content-Type': 'text/html; charset=utf-8' });
        return;
      case 'GET /page.js':
        send(response, 200, assets.script, { 'Content-Type': 'text/javascript; charset=utf-8' });
        return;
      case 'GET /page.css':
        send(response, 200, assets.css, { 'Content-Type': 'text/css; charset=utf-8' });
        return;
      case 'GET /favicon.ico':
        send(response, 204, '');
        return;
      case 'GET /api/state': {
        const since = url.searchParams.get('since');
        const sheet = url.searchParams.get('sheet');
        sendJson(
          response,
          200,
          playground.state({ ...(since === null ? {} : { since: Number(since) }), ...(sheet === null ? {} : { sheet }) }),
        );
        return;
      }
      case 'POST /api/open': {
        await readJsonObject(request, API_BODY_LIMIT);
        const reply = playground.runOnOpen();
        await playground.saved();
        sendJson(response, 200, reply);
        return;
      }
      case 'POST /api/select': {
        const body = await readJsonObject(request, API_BODY_LIMIT);
        playground.select(body['sheet'], body['ranges']);
        await playground.saved();
        sendJson(response, 200, { ok: true, version: playground.version });
        return;
      }
      case 'POST /api/cell': {
        const body = await readJsonObject(request, API_BODY_LIMIT);
        playground.editCell(body['sheet'], body['cell'], body['input']);
        await playground.saved();
        sendJson(response, 200, { ok: true, version: playground.version });
        return;
      }
      case 'POST /api/clear': {
        const body = await readJsonObject(request, API_BODY_LIMIT);
        playground.clear(body['sheet'], body['ranges']);
        await playground.saved();
        sendJson(response, 200, { ok: true, version: playground.version });
        return;
      }
      case 'POST /api/paste':
      case 'POST /api/structure':
      case 'POST /api/sort':
      case 'POST /api/add-sheet': {
        const body = await readJsonObject(request, PASTE_BODY_LIMIT);
        const result = changeGrid(playground, route, body);
        await playground.saved();
        sendJson(response, 200, { ok: true, version: playground.version, ...result });
        return;
      }
      case 'POST /api/column-width': {
        const body = await readJsonObject(request, API_BODY_LIMIT);
        playground.setColumnWidth(body['sheet'], body['column'], body['width']);
        await playground.saved();
        sendJson(response, 200, { ok: true, version: playground.version });
        return;
      }
      case 'POST /api/menu': {
        const body = await readJsonObject(request, API_BODY_LIMIT);
        const name = functionName(body);
        const reply = playground.runMenu(name, answersOf(body));
        log(`menu ${name}: ${reply.needsAnswer ? 'waiting for an answer' : reply.ok ? 'done' : `failed: ${reply.error ?? ''}`}`);
        await playground.saved();
        sendJson(response, 200, reply);
        return;
      }
      case 'POST /api/run': {
        const body = await readJsonObject(request, API_BODY_LIMIT);
        const args = body['args'] ?? [];
        if (!Array.isArray(args)) throw new HttpError(400, 'args must be an array');
        const name = functionName(body);
        const reply = playground.runFunction(name, args, answersOf(body));
        if (!reply.ok && !reply.needsAnswer) log(`google.script.run ${name} failed: ${reply.error ?? ''}`);
        await playground.saved();
        sendJson(response, 200, reply);
        return;
      }
    }

    const dialogMatch = /^\/ui\/([0-9a-f]+)$/.exec(url.pathname);
    if (method === 'GET' && dialogMatch) {
      const id = dialogMatch[1] ?? '';
      const dialog = playground.dialog(id);
      if (!dialog) throw new HttpError(404, 'no such dialog (the playground restarted?)');
      const parent = url.searchParams.get('parent');
      const parentOrigin = parent !== null && isLocalOrigin(parent) ? parent : `http://${request.headers.host ?? 'localhost'}`;
      const shim = shimFor(assets, { functions: playground.functions.get().all, dialogId: id, parentOrigin });
      send(response, 200, injectBeforeScripts(dialog.html, shim), {
        'Content-Type': 'text/html; charset=utf-8',
        ...frameableByPlayground(response, request.socket.localPort),
      });
      return;
    }
    throw new HttpError(404, `nothing at ${route}`);
  };

  return (request, response) => {
    routes(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : error instanceof RequestError ? 400 : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500)
        log(`${request.method ?? ''} ${request.url ?? ''} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      if (!response.headersSent) sendJson(response, status, { ok: false, error: message });
      else response.end();
    });
  };
}
