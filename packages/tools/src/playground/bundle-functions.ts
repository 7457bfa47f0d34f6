/**
 * The top-level functions of dist/Code.js, read from its text: which ones a cell may call (Sheets
 * lets a formula call any public top-level function; @customfunction only adds it to the
 * autocomplete) and which ones the sidebar may call through google.script.run. Re-read whenever the
 * bundle changes on disk (`npm run watch` rebuilds it under a running playground).
 */
import { readFileSync, statSync } from 'node:fs';

export interface BundleFunctions {
  /** Every public top-level function (a name ending in `_` is private to Apps Script). */
  all: string[];
  /** The ones whose JSDoc carries @customfunction. */
  custom: string[];
}

const TOP_LEVEL_FUNCTION = /^function ([A-Za-z_$][\w$]*)\s*\(/gm;
const DOCUMENTED_FUNCTION = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\nfunction ([A-Za-z_$][\w$]*)\s*\(/g;

export function readBundleFunctions(source: string): BundleFunctions {
  const all = [...source.matchAll(TOP_LEVEL_FUNCTION)].map((match) => match[1] ?? '').filter((name) => name !== '' && !name.endsWith('_'));
  const custom = [...source.matchAll(DOCUMENTED_FUNCTION)]
    .filter((match) => (match[1] ?? '').includes('@customfunction'))
    .map((match) => match[2] ?? '')
    .filter((name) => all.includes(name));
  return { all: [...new Set(all)], custom: [...new Set(custom)] };
}

/** The bundle's functions, cached until the file changes. */
export class BundleFunctionIndex {
  private cached: { stamp: string; functions: BundleFunctions } | null = null;

  constructor(private readonly bundlePath: string) {}

  /** Changes whenever the bundle file does ('' when there is none). */
  stamp(): string {
    this.get();
    return this.cached?.stamp ?? '';
  }

  get(): BundleFunctions {
    let stamp: string;
    try {
      const stat = statSync(this.bundlePath);
      stamp = `${String(stat.mtimeMs)}:${String(stat.size)}`;
    } catch {
      return { all: [], custom: [] };
    }
    if (this.cached?.stamp !== stamp) this.cached = { stamp, functions: readBundleFunctions(readFileSync(this.bundlePath, 'utf8')) };
    return this.cached.functions;
  }

  /** The declared name for a name typed in any case, as Sheets matches function names. */
  resolve(name: string): string | null {
    const upper = name.toUpperCase();
    const { all } = this.get();
    return all.find((candidate) => candidate === name) ?? all.find((candidate) => candidate.toUpperCase() === upper) ?? null;
  }
}
