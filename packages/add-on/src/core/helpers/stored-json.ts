/**
 * A script property or cache value read back as an object. Such text outlives the code that wrote
 * it (an older version's, or edited by hand in the project settings), so anything that is not a
 * JSON object reads as none, and each reader then checks the fields it needs.
 */
export function storedObject(text: string | null | undefined): Record<string, unknown> | null {
  if (text === null || text === undefined || text === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
