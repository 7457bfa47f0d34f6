/**
 * The one way the add-on takes the script lock. Deliveries, syncs and menu actions run at the same
 * time (up to 30 executions); a tab is read and written as a whole only while this lock is held.
 * The sheet stores take a ScriptLockHeld, which only withScriptLock makes: calling one without
 * the lock is a type error, not a comment.
 */

declare const heldBrand: unique symbol;

export interface ScriptLockHeld {
  readonly [heldBrand]: true;
  /** Says cells were written: they are flushed before the lock is let go. */
  wrote(): void;
}

export type Locked<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs `work` holding the script lock, waiting at most `waitMs` for it; `{ ok: false }` when
 * another execution kept it that long. Writes are committed before the next execution gets in,
 * or it could read a tab without them.
 */
export function withScriptLock<T>(waitMs: number, work: (held: ScriptLockHeld) => T): Locked<T> {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { ok: false };
  // An object, not a local flag, so the compiler sees `wrote` change inside work().
  const writes = { made: false };
  const held = {
    wrote: () => {
      writes.made = true;
    },
  } as ScriptLockHeld;
  try {
    return { ok: true, value: work(held) };
  } finally {
    try {
      if (writes.made) SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}

/** withScriptLock for an action a person started: a lock kept busy too long becomes an error saying so. */
export function withScriptLockOrFail<T>(waitMs: number, action: string, work: (held: ScriptLockHeld) => T): T {
  const done = withScriptLock(waitMs, work);
  if (!done.ok)
    throw new Error(
      `${action}: the add-on was busy writing other changes for ${String(waitMs / 1000)} seconds; nothing was written. Try again in a moment.`,
    );
  return done.value;
}
