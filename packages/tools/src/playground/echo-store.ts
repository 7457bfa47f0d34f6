/**
 * The one-time echo URLs of the Google-like front. Apps Script answers a POST to /exec with a 302
 * whose Location (script.googleusercontent.com/macros/echo?user_content_key=...) serves doPost's
 * output; the playground does the same with /echo/<id>. An echo is served once: a second GET gets
 * 410, as does one that was never read within `ttlMs` (or was pushed out by newer ones, at most
 * `max` wait unread: `stripe listen` never follows the redirect). An id never issued gets 404.
 */
import { randomBytes } from 'node:crypto';

export interface Echo {
  /** doPost's output's Content-Type, e.g. application/json; charset=utf-8. */
  contentType: string;
  body: string;
}

export type EchoLookup = { found: true; echo: Echo } | { found: false; status: 404 | 410; reason: string };

export interface EchoStoreOptions {
  /** How long an unread echo is kept (default 60 s). */
  ttlMs?: number;
  /** At most this many unread echoes are kept; the oldest go first (default 1000). */
  max?: number;
  now?: () => number;
}

/** Ids are 32 hex digits (128 random bits). */
export const ECHO_ID = /^[0-9a-f]{32}$/;
/** How many spent ids (read or expired) are remembered, to answer 410 rather than 404. */
const SPENT_KEPT = 2000;

export class EchoStore {
  private readonly pending = new Map<string, { echo: Echo; expires: number }>();
  private readonly spent = new Map<string, 'read' | 'expired'>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(options: EchoStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.max = options.max ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Keeps `echo` for one GET; its id. */
  put(echo: Echo): string {
    this.sweep();
    const id = randomBytes(16).toString('hex');
    this.pending.set(id, { echo, expires: this.now() + this.ttlMs });
    for (const oldest of this.pending.keys()) {
      if (this.pending.size <= this.max) break;
      this.pending.delete(oldest);
      this.markSpent(oldest, 'expired');
    }
    return id;
  }

  /** The echo, once; then 410. */
  take(id: string): EchoLookup {
    this.sweep();
    const entry = this.pending.get(id);
    if (entry) {
      this.pending.delete(id);
      this.markSpent(id, 'read');
      return { found: true, echo: entry.echo };
    }
    const spent = this.spent.get(id);
    if (spent === 'read') return { found: false, status: 410, reason: "this echo URL was already read (each serves doPost's answer once)" };
    if (spent === 'expired') return { found: false, status: 410, reason: 'this echo URL expired unread' };
    return { found: false, status: 404, reason: 'no such echo URL (the playground restarted?)' };
  }

  /** Unread echoes kept now. */
  get size(): number {
    this.sweep();
    return this.pending.size;
  }

  private sweep(): void {
    const now = this.now();
    // Insertion order is expiry order: every echo lives ttlMs.
    for (const [id, entry] of this.pending) {
      if (entry.expires > now) break;
      this.pending.delete(id);
      this.markSpent(id, 'expired');
    }
  }

  private markSpent(id: string, how: 'read' | 'expired'): void {
    this.spent.set(id, how);
    for (const oldest of this.spent.keys()) {
      if (this.spent.size <= SPENT_KEPT) break;
      this.spent.delete(oldest);
    }
  }
}
