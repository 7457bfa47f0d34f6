/**
 * UrlFetchApp, following https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app
 * (fetch) and https://developers.google.com/apps-script/reference/url-fetch/http-response
 * (getResponseCode, getHeaders, getContentText), with no network: every request goes to a handler the
 * test installs for its host (or for every host), and is recorded. fetchAll takes URLs or request
 * objects (`url` beside fetch's options), answers them in order, and records each batch's size. Of fetch's options, method,
 * headers, muteHttpExceptions and followRedirects are understood; a payload is refused as not
 * implemented. Errors are Apps Script's: a status >= 400 throws unless muteHttpExceptions, a host with
 * no handler is 'Address unavailable'.
 */
import { notImplementedMessage } from './reference-pages';
import { facade, stringOf, textOf, type ServiceEnvironment } from './script-realm';

export interface FetchRequest {
  url: string;
  /** Lowercase, as Apps Script's getRequest reports it: 'get', 'post', ... */
  method: string;
  headers: Record<string, string>;
}

export interface FetchReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** What answers requests for a host: the one contract between this fake and whatever stands behind
 *  it (the fake Stripe API, a test's stub). A handler may promise more than FetchReply (the fake
 *  Stripe API's bodies are always text), so callers that hold it directly can rely on that. */
export type FetchHandler<Reply extends FetchReply = FetchReply> = (request: FetchRequest) => Reply;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class UrlFetchFake {
  /** Every request sent, in order (including redirects followed). */
  readonly requests: FetchRequest[] = [];
  /** How many requests each fetchAll sent, in order. */
  readonly batches: number[] = [];
  /** The UrlFetchApp global. */
  readonly service: object;
  private readonly hosts = new Map<string, FetchHandler>();
  private fallback: FetchHandler | null = null;

  constructor(private readonly env: ServiceEnvironment) {
    this.service = facade(
      {
        fetch: (url: unknown, params?: unknown) => this.fetch(url, params),
        fetchAll: (requests: unknown) => this.fetchAll(requests),
      },
      env.realm,
      { name: 'UrlFetchApp' },
    );
  }

  /** Answers requests to this host (e.g. 'api.stripe.com'). */
  handle(host: string, handler: FetchHandler): this {
    this.hosts.set(host.toLowerCase(), handler);
    return this;
  }

  /** Answers requests to any host that has no handler of its own. */
  handleAll(handler: FetchHandler | null): this {
    this.fallback = handler;
    return this;
  }

  private request(url: unknown, params: unknown): FetchRequest {
    const address = stringOf(url);
    if (!/^https?:\/\/[^/?#]+/i.test(address)) throw new Error(`Invalid argument: ${address}`);
    const p = (params ?? {}) as Record<string, unknown>;
    const headers: Record<string, string> = {};
    if (p.headers !== null && typeof p.headers === 'object') {
      for (const [name, value] of Object.entries(p.headers)) headers[name] = stringOf(value);
    }
    if (p.payload !== undefined && p.payload !== null) throw new Error(notImplementedMessage('UrlFetchApp', 'fetch with a payload'));
    return { url: address, method: textOf(p.method).toLowerCase() || 'get', headers };
  }

  private fetch(url: unknown, params: unknown): object {
    let request = this.request(url, params);
    const p = (params ?? {}) as Record<string, unknown>;
    let reply = this.send(request);
    for (let hops = 0; p.followRedirects !== false && REDIRECTS.has(reply.status) && hops < 10; hops++) {
      const location = Object.entries(reply.headers ?? {}).find(([name]) => name.toLowerCase() === 'location')?.[1];
      if (location === undefined) break;
      const next = new URL(location, request.url).toString();
      const keepsBody = reply.status === 307 || reply.status === 308;
      request = keepsBody ? { ...request, url: next } : { url: next, method: 'get', headers: request.headers };
      reply = this.send(request);
    }
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : Buffer.from(reply.body ?? new Uint8Array());
    if (reply.status >= 400 && p.muteHttpExceptions !== true) {
      const text = body.toString('utf8');
      throw new Error(
        `Request failed for ${new URL(request.url).origin} returned code ${reply.status}. Truncated server response: ${text.slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return facade(new HttpResponseImpl(this.env, reply.status, { ...(reply.headers ?? {}) }, body), this.env.realm, {
      name: 'HTTPResponse',
    });
  }

  /**
   * Apps Script sends the batch at once and answers in the order asked; here they are sent one by
   * one, which no handler can tell apart. A request that fails without muteHttpExceptions fails the whole call.
   */
  private fetchAll(requests: unknown): object {
    if (!Array.isArray(requests)) throw new Error('Invalid argument: requests');
    this.batches.push(requests.length);
    const responses = requests.map((request: unknown) => {
      if (typeof request === 'string') return this.fetch(request, undefined);
      const { url, ...params } = (request ?? {}) as Record<string, unknown>;
      return this.fetch(url, params);
    });
    return this.env.realm.array(responses);
  }

  private send(request: FetchRequest): FetchReply {
    this.requests.push(request);
    const host = new URL(request.url).hostname.toLowerCase();
    const handler = this.hosts.get(host) ?? this.fallback;
    if (!handler) throw new Error(`Address unavailable: ${request.url}`);
    return handler({ ...request, headers: { ...request.headers } });
  }
}

class HttpResponseImpl {
  constructor(
    private readonly env: ServiceEnvironment,
    private readonly status: number,
    private readonly headers: Record<string, string>,
    private readonly body: Buffer,
  ) {}

  getResponseCode(): number {
    return this.status;
  }

  getContentText(charset?: unknown): string {
    return charset === 'US-ASCII' || charset === 'US_ASCII' ? this.body.toString('ascii') : this.body.toString('utf8');
  }

  getHeaders(): Record<string, string> {
    return this.env.realm.object({ ...this.headers });
  }
}
