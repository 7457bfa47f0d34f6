/** Small timing helpers for `npm run bench`: medians of repeated runs, and readable figures. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `times` times, after `warmup` untimed runs; returns each run's milliseconds. */
export function timeRuns(fn: () => void, times: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) gc();
    const start = performance.now();
    fn();
    runs.push(performance.now() - start);
  }
  return runs;
}

/**
 * Times two functions in alternation so that both see the same machine load, and returns the
 * median of each; the ratio between them is the figure that means something on a shared machine.
 */
export function compare(subject: () => void, baseline: () => void, times: number): { subject: number; baseline: number; ratio: number } {
  subject();
  baseline();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < times; i++) {
    a.push(...timeRuns(subject, 1, 0));
    b.push(...timeRuns(baseline, 1, 0));
  }
  const s = median(a);
  const base = median(b);
  return { subject: s, baseline: base, ratio: s / base };
}

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function verdict(ok: boolean): string {
  return ok ? 'meets target' : 'MISSES target';
}
