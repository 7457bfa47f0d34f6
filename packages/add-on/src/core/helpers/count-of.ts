/** A count in words that agree: `1 row`, `3 rows`, `1 balance transaction`; `many` for other plurals (`1 sale has`, `2 sales have`). */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${String(n)} ${n === 1 ? one : many}`;
}
