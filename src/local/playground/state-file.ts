/**
 * The playground's saved state: the workbook, the script's properties and its triggers, in one JSON
 * file. Writes go to a temporary file that is then renamed over the old one, so a crash leaves the
 * previous state or the new one, never half a file. Saving is debounced: a burst of webhook
 * deliveries costs one write every `maxWaitMs`, not one per delivery.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
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
    warn(`Could not read ${file} (${error instanceof Error ? error.message : String(error)}); moved it to ${aside} and started afresh.`);
    return null;
  }
}

/** Writes `text` to `file` through a temporary file and a rename. */
export function writeFileAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${String(process.pid)}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
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
