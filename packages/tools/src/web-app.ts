/**
 * A POST to the web app's /exec URL, as Apps Script handles it: the doPost event built from the
 * request (no headers reach the script), run in the 'webapp' context, and what the caller (Stripe)
 * sees: a 302 when doPost returns, Apps Script's HTML error page (status 200) when it throws.
 *
 * Node only: used by the tests, the benchmark and the playground.
 */
import { toScriptError, type ScriptError } from './apps-script-runtime';
import { escapeHtml } from '@stripe-utm-sheets/add-on/core/helpers/html';
import { CONTENT_MIME_TYPES, outputOf, TextOutputImpl } from './services/content';
import type { ScriptWithServices } from './services';

export interface WebAppRequest {
  /** Query parameters of the /exec URL, e.g. { token: '...' }. */
  query?: Record<string, string>;
  /** A raw query string instead of `query` (repeated keys, odd encodings); without the '?'. */
  queryString?: string;
  body: string;
  /** The request's Content-Type (default 'application/json'). */
  contentType?: string;
}

export interface DoPostEvent {
  postData: { contents: string; length: number; type: string; name: 'postData' };
  parameter: Record<string, string>;
  parameters: Record<string, string[]>;
  queryString: string;
  contentLength: number;
  contextPath: '';
}

export interface WebAppResponse {
  /** 302 when doPost returned (what Stripe sees from /exec); 200 with an HTML error page when it threw. */
  status: 302 | 200;
  /** The TextOutput's ContentService.MimeType name ('JSON', 'TEXT', ...), or 'HTML'. */
  mimeType: string;
  /** The Content-Type the content is served with. */
  contentType: string;
  body: string;
  /** What doPost threw, when it threw. */
  error?: ScriptError;
  /** The event doPost was given. */
  event: DoPostEvent;
}

function decode(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Pairs of a query string or form body, decoded ('+' is a space). */
export function parseQueryString(query: string): [string, string][] {
  if (query === '') return [];
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq === -1 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
    });
}

function buildQueryString(query: Record<string, string>): string {
  return Object.entries(query)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}

/**
 * The event Apps Script gives doPost: postData (contents, length in UTF-8 bytes, type without its
 * parameters such as charset), parameter (first value of each name), parameters (all values),
 * queryString, contentLength, contextPath ''. A form-encoded body's fields join the parameters,
 * after the query's.
 */
export function buildDoPostEvent(request: WebAppRequest): DoPostEvent {
  const queryString = request.queryString ?? buildQueryString(request.query ?? {});
  const fullType = request.contentType ?? 'application/json';
  const type = (fullType.split(';')[0] ?? '').trim().toLowerCase();
  const pairs = parseQueryString(queryString);
  if (type === 'application/x-www-form-urlencoded') pairs.push(...parseQueryString(request.body));
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  for (const [key, value] of pairs) {
    if (!(key in parameters)) parameter[key] = value;
    (parameters[key] ??= []).push(value);
  }
  const length = Buffer.byteLength(request.body, 'utf8');
  return {
    postData: { contents: request.body, length, type, name: 'postData' },
    parameter,
    parameters,
    queryString,
    contentLength: length,
    contextPath: '',
  };
}

/** Apps Script's page for an uncaught exception in doGet/doPost (simplified markup, same message). */
export function errorPage(error: ScriptError): string {
  const line = /Code\.js:(\d+)/.exec(error.scriptStack ?? '')?.[1];
  const where = line === undefined ? '' : ` (line ${line}, file "Code")`;
  const message = `${error.scriptErrorName}: ${error.message}${where}`;
  return (
    '<!DOCTYPE html><html><head><link rel="shortcut icon" href="//ssl.gstatic.com/docs/script/images/favicon.ico">' +
    '<title>Error</title></head><body style="margin:20px"><div><img alt="Google Apps Script" src="//ssl.gstatic.com/docs/script/images/logo.png"></div>' +
    `<div style="text-align:center;font-family:monospace;margin:50px auto 0;max-width:600px">${escapeHtml(message)}</div></body></html>`
  );
}

const NOTHING_RETURNED =
  '<!DOCTYPE html><html><head><title>Google Apps Script</title></head><body>The script completed but did not return anything.</body></html>';

/**
 * POSTs to the web app: sets the 'webapp' context, calls doPost with the event, releases the locks
 * the execution still holds, and answers as /exec does.
 */
export function postToWebApp(target: ScriptWithServices, request: WebAppRequest): WebAppResponse {
  const { runtime, services } = target;
  const event = buildDoPostEvent(request);
  const previous = services.getContext();
  services.setContext('webapp');
  try {
    let result: unknown;
    try {
      if (!runtime.hasFunction('doPost')) throw new Error('Script function not found: doPost');
      result = runtime.scriptFunction('doPost')(runtime.toScript(event));
    } catch (thrown) {
      const error = toScriptError(thrown);
      return { status: 200, mimeType: 'HTML', contentType: 'text/html; charset=utf-8', body: errorPage(error), error, event };
    }
    const output = outputOf(result);
    if (output instanceof TextOutputImpl) {
      const mimeType = output.getMimeType();
      return { status: 302, mimeType, contentType: `${CONTENT_MIME_TYPES[mimeType]}; charset=utf-8`, body: output.getContent(), event };
    }
    if (output) return { status: 302, mimeType: 'HTML', contentType: 'text/html; charset=utf-8', body: output.getContent(), event };
    return { status: 302, mimeType: 'HTML', contentType: 'text/html; charset=utf-8', body: NOTHING_RETURNED, event };
  } finally {
    services.endExecution();
    services.setContext(previous);
  }
}
