/**
 * CacheService: values shared by the executions of one script, kept for their expiration (600 s
 * unless given, at most 6 hours), with Apps Script's key and value limits; on a fake clock.
 */
import { CacheStores, runWithServices } from '../../src/services';

const SCRIPT = `
function put(key, value, seconds) { CacheService.getDocumentCache().put(key, value, seconds); }
function get(key) { return CacheService.getDocumentCache().get(key); }
function scriptGet(key) { return CacheService.getScriptCache().get(key); }
function remove(key) { CacheService.getDocumentCache().remove(key); }
`;

function cacheOnClock(): { call: (name: string, ...args: unknown[]) => unknown; tick: (seconds: number) => void } {
  let now = Date.UTC(2026, 11, 6);
  const stores = new CacheStores(() => now);
  return {
    // Each call is its own execution, as Apps Script runs each request: the stores are what they share.
    call: (name, ...args) => runWithServices(SCRIPT, { cacheStores: stores }).runtime.call(name, ...args),
    tick: (seconds) => {
      now += seconds * 1000;
    },
  };
}

describe('CacheService', () => {
  it('shares a value between executions until it expires, and keeps each cache apart', () => {
    const cache = cacheOnClock();
    cache.call('put', 'rules', '{"a":1}', 60);
    expect(cache.call('get', 'rules')).toBe('{"a":1}');
    expect(cache.call('scriptGet', 'rules')).toBeNull();
    cache.tick(59);
    expect(cache.call('get', 'rules')).toBe('{"a":1}');
    cache.tick(1);
    expect(cache.call('get', 'rules')).toBeNull();
  });

  it('keeps a value 600 seconds unless told, and at most 6 hours', () => {
    const cache = cacheOnClock();
    cache.call('put', 'default', 'x');
    cache.call('put', 'long', 'y', 999_999);
    cache.tick(599);
    expect(cache.call('get', 'default')).toBe('x');
    cache.tick(1);
    expect(cache.call('get', 'default')).toBeNull();
    cache.tick(21_600 - 601);
    expect(cache.call('get', 'long')).toBe('y');
    cache.tick(1);
    expect(cache.call('get', 'long')).toBeNull();
  });

  it('removes a value, and refuses a key over 250 characters or a value over 100 KB', () => {
    const cache = cacheOnClock();
    cache.call('put', 'k', 'v');
    cache.call('remove', 'k');
    expect(cache.call('get', 'k')).toBeNull();
    expect(() => cache.call('put', 'k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.call('put', 'big', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.call('put', 'ok', 'v'.repeat(100 * 1024))).not.toThrow();
  });
});
