/**
 * Headers as people write them: `session_id`, `Session ID`, `Session id`, ` session-id ` all name
 * the same column. Case, spaces, `_` and `-` never decide which column a value goes to.
 */

/** The part of a header that decides which column it names. */
export function headerKey(header: unknown): string {
  return typeof header === 'string' ? header.toLowerCase().replace(/[^a-z0-9]/g, '') : '';
}
