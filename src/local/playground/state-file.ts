/**
 * The playground's saved state: the workbook, the script's properties and its triggers, in one JSON
 * file, readable by its owner only (it holds the webhook token). Writes go to a temporary file that
 * is then renamed over the old one, so a crash leaves the previous state or the new one, never half
 * a file. Saving is debounced: a burst of webhook deliveries costs one write every `maxWaitMs`, not
 * one per delivery.
 */
import { chmodSync, closeSync, existsSync, fchmodSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PropertyStores, TriggerStore, Workbook, type WorkbookJson } from '../services';
import type { PropertyStoresJson } from '../services/properties';

export const STATE_FORMAT = 'stripe-utm-playground';

export interface SavedState {
  format: typeof STATE_FORMAT;
  version: 1;
  savedAt: string;
  workbook: WorkbookJson;
  properties: PropertyStoresJson;
  triggers: ReturnType<TriggerStore['toJSON']>;
}

export interface RestoredState {
  workbook: Workbook;
  properties: PropertyStores;
  triggers: TriggerStore;
}

export function serializeState(state: RestoredState): string {
  const saved: SavedState = {
    format: STATE_FORMAT,
    version: 1,
    savedAt: new Date().toISOString(),
    workbook: state.workbook.toJSON(),
    properties: state.properties.toJSON(),
    triggers: state.triggers.toJSON(),
  };
  return JSON.stringify(saved);
}

export function parseState(text: string): RestoredState {
  const saved = JSON.parse(text) as Partial<SavedState>;
  if (saved.format !== STATE_FORMAT || saved.workbook === undefined || saved.properties === undefined || saved.triggers === undefined) {
    throw new Error('not a playground state file');
  }
  return {
    workbook: Workbook.fromJSON(saved.workbook),
    properties: PropertyStores.fromJSON(saved.properties),
    triggers: TriggerStore.fromJSON(saved.triggers),
  };
}

/** The state in `file`, or null when there is none. A file that cannot be read is moved aside. */
export function loadState(file: string, warn: (message: string) => void): RestoredState | null {
  if (!existsSync(file)) return null;
  try {
    return parseState(readFileSync(file, 'utf8'));
  } catch (error) {
    const aside = `${file}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, aside);
    chmodSync(aside, STATE_FILE_MODE); // it may hold the token too
    warn(`Could not read ${file} (${error instanceof Error ? error.message : String(error)}); moved it to ${aside} and started afresh.`);
    return null;
  }
}

/** The state holds the webhook token: only its owner may read it. */
export const STATE_FILE_MODE = 0o600;
/** The playground's own folder (`.playground/`): only its owner may list or enter it. */
export const STATE_DIR_MODE = 0o700;
const STATE_DIR_NAME = '.playground';

/** Takes group and other permissions off `target` when it has any. */
function tighten(target: string, mode: number): void {
  if ((statSync(target).mode & 0o077) !== 0) chmodSync(target, mode);
}

/**
 * Writes `text` to `file` through a temporary file and a rename, so a crash leaves the old file or
 * the new one, never half of one. Both are owner-only (0600), whatever the umask or the mode an old
 * file or a leftover temporary file had; a folder the write creates is 0700, and so is the
 * playground's own `.playground/` folder (any other folder keeps its mode: it is not ours).
 */
export function writeFileAtomic(file: string, text: string): void {
  const folder = path.dirname(file);
  mkdirSync(folder, { recursive: true, mode: STATE_DIR_MODE });
  if (path.basename(folder) === STATE_DIR_NAME) tighten(folder, STATE_DIR_MODE);
  const temporary = `${file}.${String(process.pid)}.tmp`;
  try {
    const fd = openSync(temporary, 'w', STATE_FILE_MODE);
    try {
      // The mode above applies only when the file is created; a leftover temporary file keeps its own.
      fchmodSync(fd, STATE_FILE_MODE);
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // the write's own error says more
    }
    throw error;
  }
}

export interface SaverOptions {
  /** Quiet time after the last change before writing. */
  debounceMs?: number;
  /** Longest a change waits while changes keep coming. */
  maxWaitMs?: number;
  onError?: (error: unknown) => void;
}

/** Saves the state some time after it changed; `flush` writes at once (on exit). */
export class StateSaver {
  private timer: NodeJS.Timeout | null = null;
  private firstChange = 0;
  private dirty = false;
  /** Writes done, for tests and the log. */
  writes = 0;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => string,
    private readonly options: SaverOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 200;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
  }

  /** Notes a change: a write follows after `debounceMs` of quiet, or `maxWaitMs` at the latest. */
  changed(): void {
    const now = Date.now();
    if (!this.dirty) this.firstChange = now;
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstChange + this.maxWaitMs - now));
    this.timer = setTimeout(() => {
      this.flush();
    }, wait);
  }

  /** Writes now if anything changed since the last write. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty) return;
    this.dirty = false;
    try {
      writeFileAtomic(this.file, this.snapshot());
      this.writes += 1;
    } catch (error) {
      this.dirty = true;
      if (this.options.onError) this.options.onError(error);
      else throw error;
    }
  }

  /** Writes now, whatever changed. */
  saveNow(): void {
    this.dirty = true;
    this.flush();
  }
}
