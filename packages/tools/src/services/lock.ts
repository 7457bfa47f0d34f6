/**
 * LockService, following https://developers.google.com/apps-script/reference/lock/lock-service and
 * https://developers.google.com/apps-script/reference/lock/lock: the script lock, taken with tryLock
 * and released with releaseLock. A LockHub holds who has each lock; several service sets (executions of the same
 * script, each with its own runtime) may share one hub, so a test can hold the script lock from
 * "another execution" and watch this one fail.
 *
 * Executions here are synchronous: while another execution holds a lock nothing can release it, so
 * tryLock(ms) returns false at once instead of waiting; the time it would have waited is added to `stats().wouldHaveWaitedMs`. Locks are re-entrant within an execution, and
 * `endExecution` releases what an execution still holds, as Apps Script does when a script ends.
 */
import { facade, type ServiceEnvironment } from './script-realm';

export interface LockStats {
  /** tryLock calls. */
  attempts: number;
  /** Attempts that failed because another execution held the lock. */
  contended: number;
  /** Sum of the timeouts of failed attempts: how long they would have waited in Apps Script. */
  wouldHaveWaitedMs: number;
}

export class LockHub {
  private readonly holders = new Map<string, string>();

  /** The execution holding the lock, or null. */
  holder(key: string): string | null {
    return this.holders.get(key) ?? null;
  }

  /** Takes the lock for `owner` unless another owner has it. */
  acquire(key: string, owner: string): boolean {
    const holder = this.holders.get(key);
    if (holder !== undefined && holder !== owner) return false;
    this.holders.set(key, owner);
    return true;
  }

  release(key: string, owner: string): void {
    if (this.holders.get(key) === owner) this.holders.delete(key);
  }

  releaseAll(owner: string): void {
    for (const [key, holder] of this.holders) if (holder === owner) this.holders.delete(key);
  }

  /** Lets a test play another execution: `hub.hold(LockHub.scriptKey, 'other')`. */
  hold(key: string, owner: string): void {
    this.holders.set(key, owner);
  }

  static readonly scriptKey = 'script';
}

class LockImpl {
  constructor(
    private readonly hub: LockHub,
    private readonly key: string,
    private readonly owner: string,
    private readonly stats: LockStats,
  ) {}

  tryLock(timeoutInMillis: unknown): boolean {
    this.stats.attempts += 1;
    if (this.hub.acquire(this.key, this.owner)) return true;
    this.stats.contended += 1;
    this.stats.wouldHaveWaitedMs += Math.max(0, Number(timeoutInMillis) || 0);
    return false;
  }

  releaseLock(): void {
    this.hub.release(this.key, this.owner);
  }
}

export class LockServiceFake {
  private counters: LockStats = { attempts: 0, contended: 0, wouldHaveWaitedMs: 0 };
  /** The LockService global. */
  readonly service: object;

  constructor(
    readonly hub: LockHub,
    private readonly env: ServiceEnvironment,
  ) {
    this.service = facade(
      {
        getScriptLock: () =>
          facade(new LockImpl(hub, LockHub.scriptKey, env.execution.executionId, this.counters), env.realm, { name: 'Lock' }),
      },
      env.realm,
      { name: 'LockService' },
    );
  }

  stats(): LockStats {
    return { ...this.counters };
  }

  resetStats(): void {
    this.counters.attempts = 0;
    this.counters.contended = 0;
    this.counters.wouldHaveWaitedMs = 0;
  }

  /** Whether this execution holds the script lock now. */
  holdsScriptLock(): boolean {
    return this.hub.holder(LockHub.scriptKey) === this.env.execution.executionId;
  }

  /** Releases every lock this execution holds (Apps Script does so when a script ends). */
  releaseAll(): void {
    this.hub.releaseAll(this.env.execution.executionId);
  }
}
