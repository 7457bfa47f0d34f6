/**
 * The playground's saved state: the workbook, the script's properties and its triggers, in one JSON
 * file, readable by its owner only (it holds the webhook token). Writes go to a temporary file that
 * is fsynced, renamed over the old one, and the folder fsynced, so a crash (even of the machine)
 * leaves the previous state or the new one, never half a file. A change is answered only once it is
 * saved so (StateSaver.commit); changes that arrive while a write is under way share the next one
 * (group commit), so a burst of webhook deliveries costs far fewer writes than deliveries.
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
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

/** Creates `file`'s folder 0700 if missing, tightens the playground's own `.playground/`; the folder. */
function prepareFolder(file: string): string {
  const folder = path.dirname(file);
  mkdirSync(folder, { recursive: true, mode: STATE_DIR_MODE });
  if (path.basename(folder) === STATE_DIR_NAME) tighten(folder, STATE_DIR_MODE);
  return folder;
}

/** Where a folder cannot be opened or fsynced (Windows, some file systems), its rename is as durable as it gets. */
function folderSyncUnsupported(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL';
}

/** fsyncs a folder, so that a rename in it survives a crash of the machine. */
function fsyncFolderSync(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch (error) {
    if (folderSyncUnsupported(error)) return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    if (!folderSyncUnsupported(error)) throw error;
  } finally {
    closeSync(fd);
  }
}

async function fsyncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch (error) {
    if (folderSyncUnsupported(error)) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!folderSyncUnsupported(error)) throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Writes `text` to `file` through a temporary file, an fsync, a rename and an fsync of the folder,
 * so a crash leaves the old file or the new one, never half of one, and once this returns the new
 * one is on disk. Both are owner-only (0600), whatever the umask or the mode an old file or a
 * leftover temporary file had; a folder the write creates is 0700, and so is the playground's own
 * `.playground/` folder (any other folder keeps its mode: it is not ours).
 */
export function writeFileAtomic(file: string, text: string): void {
  const folder = prepareFolder(file);
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
  fsyncFolderSync(folder);
}

let temporaries = 0;

/**
 * writeFileAtomic without blocking: the playground keeps taking requests while the disk works.
 * Its temporary file has a name of its own, so a synchronous write (on exit) never shares it.
 */
export async function writeFileDurable(file: string, text: string): Promise<void> {
  const folder = prepareFolder(file);
  temporaries += 1;
  const temporary = `${file}.${String(process.pid)}.${String(temporaries)}.tmp`;
  try {
    const handle = await open(temporary, 'w', STATE_FILE_MODE);
    try {
      await handle.chmod(STATE_FILE_MODE);
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined); // the write's own error says more
    throw error;
  }
  await fsyncFolder(folder);
}

export interface SaverOptions {
  /** A write failed (its waiters are refused with the error too). */
  onError?: (error: unknown) => void;
}

interface Batch {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newBatch(): Batch {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  // A failed write nobody waits for is reported through onError, not as an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Saves the state durably, one write at a time, with group commit: `commit()` resolves once a write
 * holding every change made before the call is on disk (writeFileDurable), and is refused when that
 * write fails. Changes made while a write is under way wait for the next one, which then holds them
 * all: N deliveries at once cost a few writes, not N. `flush()` writes at once, synchronously (on
 * exit, and in tests).
 */
export class StateSaver {
  /** Writes done, for tests and the log. */
  writes = 0;
  private dirty = false;
  /** The write under way, if any. */
  private writing: Promise<void> | null = null;
  /** The next write, and everyone waiting for it. */
  private next: Batch | null = null;
  /** flush() wrote while a write was under way, whose older state may land after it: write again. */
  private overtaken = false;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => string,
    private readonly options: SaverOptions = {},
  ) {}

  /** Notes a change: it is written as soon as the write under way, if any, is done. */
  changed(): void {
    this.dirty = true;
    void this.schedule();
  }

  /** Resolves once every change made so far is on disk; rejects if the write that holds them fails. */
  commit(): Promise<void> {
    if (this.dirty || this.overtaken) return this.schedule();
    return this.writing ?? Promise.resolve();
  }

  private schedule(): Promise<void> {
    if (!this.next) {
      this.next = newBatch();
      // On the next turn: what other requests of this turn change joins the same write.
      if (!this.writing) setImmediate(() => void this.run());
    }
    return this.next.promise;
  }

  private async run(): Promise<void> {
    const batch = this.next;
    this.next = null;
    if (!batch) return;
    if (!this.dirty && !this.overtaken) {
      batch.resolve(); // flush() already wrote it all
      return;
    }
    this.dirty = false;
    this.overtaken = false;
    this.writing = batch.promise;
    try {
      await writeFileDurable(this.file, this.snapshot());
      this.writes += 1;
      batch.resolve();
    } catch (error) {
      this.dirty = true;
      this.options.onError?.(error);
      batch.reject(error);
    } finally {
      this.writing = null;
      this.startNext();
    }
  }

  /** Starts the write that waited for the one under way, if any. */
  private startNext(): void {
    if (this.next !== null) setImmediate(() => void this.run());
  }

  /** Writes now, synchronously, if anything changed since the last write. */
  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    try {
      writeFileAtomic(this.file, this.snapshot());
      this.writes += 1;
    } catch (error) {
      this.dirty = true;
      if (this.options.onError) this.options.onError(error);
      else throw error;
      return;
    }
    if (this.writing) {
      this.overtaken = true;
      void this.schedule();
    }
  }

  /** Writes now, whatever changed. */
  saveNow(): void {
    this.dirty = true;
    this.flush();
  }
}
