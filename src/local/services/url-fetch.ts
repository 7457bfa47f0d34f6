/**
 * UrlFetchApp with no network: every request goes to a handler the test installs for its host (or
 * for every host), and is recorded. Errors are Apps Script's: a status >= 400 throws unless
 * muteHttpExceptions, a host with no handler is 'Address unavailable'.
 */
import { facade, isDate, stringOf, textOf, unwrapFacade, type ServiceEnvironment } from './script-realm';
import { BlobImpl, bytesOf, newBlob, toSignedBytes } from './utilities';

export interface FetchRequest {
  url: string;
  /** Lowercase, as Apps Script's getRequest reports it: 'get', 'post', ... */
  method: string;
  headers: Record<string, string>;
  /** The body as sent ('' when none); an object payload is form-encoded. */
  payload: string;
  /** The Content-Type sent, or null when there is no payload and none was given. */
  contentType: string | null;
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

/** Form-encodes like Java's URLEncoder (what Apps Script uses): space as '+', `*-._` kept. */
export function formEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class UrlFetchFake {
  /** Every request sent, in order (including redirects followed). */
  readonly requests: FetchRequest[] = [];
  /** The UrlFetchApp global. */
  readonly service: object;
  private readonly hosts = new Map<string, FetchHandler>();
  private fallback: FetchHandler | null = null;

  constructor(private readonly env: ServiceEnvironment) {
    const realm = env.realm;
    this.service = facade(
      {
        fetch: (url: unknown, params?: unknown) => this.fetch(url, params),
        fetchAll: (requests: unknown) => {
          if (!Array.isArray(requests)) throw new Error('Invalid argument: requests');
          return realm.array(
            (requests as unknown[]).map((request) => {
              if (typeof request === 'string') return this.fetch(request, undefined);
              const r = (request ?? {}) as { url?: unknown };
              return this.fetch(r.url, request);
            }),
          );
        },
        getRequest: (url: unknown, params?: unknown) => {
          const request = this.request(url, params);
          return realm.object({ ...request, headers: { ...request.headers }, contentType: request.contentType ?? '' });
        },
      },
      realm,
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
    const headerType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    const payload = payloadOf(p.payload);
    const contentType =
      p.contentType !== undefined && p.contentType !== null
        ? stringOf(p.contentType)
        : (headerType ?? (payload.given ? 'application/x-www-form-urlencoded' : null));
    return { url: address, method: textOf(p.method).toLowerCase() || 'get', headers, payload: payload.text, contentType };
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
      request = keepsBody ? { ...request, url: next } : { url: next, method: 'get', headers: request.headers, payload: '', contentType: null };
      reply = this.send(request);
    }
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : Buffer.from(reply.body ?? new Uint8Array());
    if (reply.status >= 400 && p.muteHttpExceptions !== true) {
      const text = body.toString('utf8');
      throw new Error(
        `Request failed for ${new URL(request.url).origin} returned code ${reply.status}. Truncated server response: ${text.slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return facade(new HttpResponseImpl(this.env, reply.status, { ...(reply.headers ?? {}) }, body), this.env.realm, { name: 'HTTPResponse' });
  }

  private send(request: FetchRequest): FetchReply {
    this.requests.push(request);
    const host = new URL(request.url).hostname.toLowerCase();
    const handler = this.hosts.get(host) ?? this.fallback;
    if (!handler) throw new Error(`Address unavailable: ${request.url}`);
    return handler({ ...request, headers: { ...request.headers } });
  }
}

function payloadOf(payload: unknown): { given: boolean; text: string } {
  if (payload === undefined || payload === null) return { given: false, text: '' };
  if (typeof payload === 'string') return { given: true, text: payload };
  if (Array.isArray(payload) || unwrapFacade(payload) instanceof BlobImpl) return { given: true, text: bytesOf(payload).toString('utf8') };
  if (typeof payload === 'object') {
    const text = Object.entries(payload)
      .map(([key, value]) => `${formEncode(key)}=${formEncode(isDate(value) ? value.toString() : textOf(value))}`)
      .join('&');
    return { given: true, text };
  }
  return { given: true, text: stringOf(payload) };
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

  getContent(): number[] {
    return this.env.realm.array(toSignedBytes(this.body));
  }

  getHeaders(): Record<string, string> {
    return this.env.realm.object({ ...this.headers });
  }

  getAllHeaders(): Record<string, string> {
    return this.env.realm.object({ ...this.headers });
  }

  getBlob(): BlobImpl {
    const type = Object.entries(this.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    return newBlob(this.env, [...this.body], type ?? null);
  }

  getAs(): BlobImpl {
    return this.getBlob();
  }
}
