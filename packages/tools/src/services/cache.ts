/**
 * CacheService, following https://developers.google.com/apps-script/reference/cache/cache-service
 * and https://developers.google.com/apps-script/reference/cache/cache: string values by key, each
 * kept for its expiration (600 s by default, at most 21,600 s), keys of at most 250 characters and
 * values of at most 100 KB. Stores live outside a service set, like the property stores, so that
 * the executions of one script share them. Apps Script may drop an entry before it expires; this
 * fake never does (GUESSES.md).
 */
import { countCall, facade, stringOf, type ServiceEnvironment } from './script-realm';

export const MAX_KEY_LENGTH = 250;
export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const DEFAULT_EXPIRATION_SECONDS = 600;
export const MAX_EXPIRATION_SECONDS = 21_600;

export class CacheStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (entry === undefined) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  put(key: string, value: string, seconds: number): void {
    this.entries.set(key, { value, expiresAt: this.now() + seconds * 1000 });
  }

  remove(key: string): void {
    this.entries.delete(key);
  }
}

/** The three caches of one script (the user cache: of the one user these fakes know). */
export class CacheStores {
  readonly script: CacheStore;
  readonly document: CacheStore;
  readonly user: CacheStore;

  constructor(now: () => number = Date.now) {
    this.script = new CacheStore(now);
    this.document = new CacheStore(now);
    this.user = new CacheStore(now);
  }
}

function keyOf(key: unknown): string {
  const text = stringOf(key);
  if (text === '' || text.length > MAX_KEY_LENGTH) throw new Error('Argument too large: key');
  return text;
}

function expirationOf(seconds: unknown): number {
  if (seconds === undefined || seconds === null) return DEFAULT_EXPIRATION_SECONDS;
  const number = Number(seconds);
  if (!Number.isFinite(number) || number < 1) throw new Error('Invalid argument: expirationInSeconds');
  return Math.min(number, MAX_EXPIRATION_SECONDS);
}

class CacheImpl {
  constructor(
    private readonly store: CacheStore,
    private readonly env: ServiceEnvironment,
  ) {}

  get(key: unknown): string | null {
    return this.store.get(keyOf(key));
  }

  put(key: unknown, value: unknown, expirationInSeconds?: unknown): void {
    const text = stringOf(value);
    if (Buffer.byteLength(text, 'utf8') > MAX_CACHE_VALUE_BYTES) throw new Error('Argument too large: value');
    this.store.put(keyOf(key), text, expirationOf(expirationInSeconds));
  }

  remove(key: unknown): void {
    this.store.remove(keyOf(key));
  }
}

/** The CacheService global; every call is counted in the execution's serviceCalls. */
export function createCacheService(stores: CacheStores, env: ServiceEnvironment): object {
  const counted = (name: 'Cache' | 'CacheService') => ({
    name,
    beforeCall: (method: string) => {
      countCall(env, name, method);
    },
  });
  const cache = (store: CacheStore) => facade(new CacheImpl(store, env), env.realm, counted('Cache'));
  const service = {
    getScriptCache: () => cache(stores.script),
    getDocumentCache: () => cache(stores.document),
    getUserCache: () => cache(stores.user),
  };
  return facade(service, env.realm, counted('CacheService'));
}
