/** Groups ascending numbers into runs of consecutive ones: [2,3,4,7] -> [2..4], [7..7]. */
export function consecutiveRuns(sorted: readonly number[]): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && n === last.end + 1) last.end = n;
    else runs.push({ start: n, end: n });
  }
  return runs;
}
