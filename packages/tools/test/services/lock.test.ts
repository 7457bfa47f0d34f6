/** LockService across executions that share a LockHub. */
import { LockHub } from '../../src/services';
import { fakes } from './fixtures';

describe('LockService', () => {
  it('lets one execution hold the script lock while another fails at once', () => {
    const hub = new LockHub();
    const first = fakes({ lockHub: hub });
    const second = fakes({ lockHub: hub });
    const lock = first.LockService.getScriptLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(first.services.locks.holdsScriptLock()).toBe(true);

    const other = second.LockService.getScriptLock();
    expect(other.tryLock(5000)).toBe(false);
    expect(other.tryLock(10000)).toBe(false);
    expect(second.services.locks.stats()).toEqual({ attempts: 2, contended: 2, wouldHaveWaitedMs: 15000 });

    lock.releaseLock();
    expect(first.services.locks.holdsScriptLock()).toBe(false);
    expect(other.tryLock(0)).toBe(true);
    expect(first.LockService.getScriptLock().tryLock(0)).toBe(false);
  });

  it('is re-entrant within an execution and released when the execution ends', () => {
    const hub = new LockHub();
    const first = fakes({ lockHub: hub });
    expect(first.LockService.getScriptLock().tryLock(100)).toBe(true);
    expect(first.LockService.getScriptLock().tryLock(100)).toBe(true);
    expect(first.services.locks.holdsScriptLock()).toBe(true);
    first.services.endExecution();
    expect(hub.holder(LockHub.scriptKey)).toBeNull();
  });

  it('lets a test hold the lock as another execution', () => {
    const { LockService, services } = fakes();
    services.lockHub.hold(LockHub.scriptKey, 'another-execution');
    expect(LockService.getScriptLock().tryLock(30000)).toBe(false);
  });
});
