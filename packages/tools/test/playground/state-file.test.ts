/**
 * .playground/state.json holds the webhook token: it is written owner-only (0600, in a 0700 folder),
 * an older looser file or folder is tightened by the next save, and a write that fails leaves the
 * previous file whole.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../src/playground/state-file';
import { startTestPlayground, tempStateFile } from './helpers';

const modeOf = (target: string): number => statSync(target).mode & 0o777;
const octal = (mode: number): string => mode.toString(8);

let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'state-file-test-'));
});

afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('the state file is readable by its owner only', () => {
  it('is created 0600 in a 0700 .playground folder when the playground starts, and holds the token', async () => {
    const { stateFile } = tempStateFile();
    const pg = await startTestPlayground({ stateFile });
    try {
      const token = pg.app.properties.script.get('WEBHOOK_TOKEN') ?? '';
      expect(token).not.toBe('');
      expect(readFileSync(stateFile, 'utf8')).toContain(token);
      expect(octal(modeOf(stateFile))).toBe('600');
      expect(octal(modeOf(path.dirname(stateFile)))).toBe('700');
    } finally {
      await pg.stop();
    }
  });

  it('tightens an existing world-readable file and .playground folder on the next start', async () => {
    const { stateFile } = tempStateFile();
    const first = await startTestPlayground({ stateFile });
    await first.stop(true);
    chmodSync(stateFile, 0o644);
    chmodSync(path.dirname(stateFile), 0o755);

    const second = await startTestPlayground({ stateFile });
    try {
      expect(second.playground.seeded).toBe(false); // the same state, read back
      expect(octal(modeOf(stateFile))).toBe('600');
      expect(octal(modeOf(path.dirname(stateFile)))).toBe('700');
    } finally {
      await second.stop();
    }
  });

  it('writes 0600 even over a leftover temporary file that was world-readable', () => {
    const file = path.join(scratch, '.playground', 'state.json');
    mkdirSync(path.dirname(file), { mode: 0o700 });
    const leftover = `${file}.${String(process.pid)}.tmp`;
    writeFileSync(leftover, 'half a state from a crash');
    chmodSync(leftover, 0o666);

    writeFileAtomic(file, '{"token":"secret"}');

    expect(readFileSync(file, 'utf8')).toBe('{"token":"secret"}');
    expect(octal(modeOf(file))).toBe('600');
    expect(readdirSync(path.dirname(file))).toEqual(['state.json']);
  });

  it("creates missing folders 0700, and leaves the mode of a folder that is not the playground's own", () => {
    const nested = path.join(scratch, 'a', 'b', 'state.json');
    writeFileAtomic(nested, 'x');
    expect(octal(modeOf(path.join(scratch, 'a')))).toBe('700');
    expect(octal(modeOf(path.join(scratch, 'a', 'b')))).toBe('700');
    expect(octal(modeOf(nested))).toBe('600');

    const shared = path.join(scratch, 'team-folder');
    mkdirSync(shared);
    chmodSync(shared, 0o755);
    writeFileAtomic(path.join(shared, 'state.json'), 'x');
    expect(octal(modeOf(shared))).toBe('755');
    expect(octal(modeOf(path.join(shared, 'state.json')))).toBe('600');
  });

  it('leaves the previous file whole, and no temporary file, when a write fails', () => {
    const file = path.join(scratch, '.playground', 'state.json');
    writeFileAtomic(file, '{"saved":1}');
    // The temporary file's name is taken by a folder: the write cannot happen.
    mkdirSync(`${file}.${String(process.pid)}.tmp`);
    expect(() => {
      writeFileAtomic(file, '{"saved":2}');
    }).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('{"saved":1}');
    expect(octal(modeOf(file))).toBe('600');
  });
});
