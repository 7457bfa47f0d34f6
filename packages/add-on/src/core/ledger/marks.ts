/**
 * How the add-on knows what it owns: a developer-metadata mark on each of its tabs and on each
 * column it added to a user's tab. A mark survives renaming and moving, which a name does not, and
 * a person never sees or types one, so a tab or column that only shares one of our names stays
 * the user's.
 *
 * A tab's mark also names the sheet id it was put on: should a copy of the tab carry the mark
 * along, the copy's id differs, and the copy is the user's, never a second ledger.
 */

/** The roles of the add-on's own tabs. */
export type TabRole =
  'reconciliation' | 'money' | 'checkouts' | 'settled' | 'attribution' | 'attribution_settled' | 'weekly' | 'webhook_log';

const ROLES: readonly TabRole[] = [
  'reconciliation',
  'money',
  'checkouts',
  'settled',
  'attribution',
  'attribution_settled',
  'weekly',
  'webhook_log',
];

export const TAB_MARK_KEY = 'stripe-utm-sheets.tab';
export const COLUMN_MARK_KEY = 'stripe-utm-sheets.column';

export function tabMarkValue(role: TabRole, sheetId: number): string {
  return `${role}@${String(sheetId)}`;
}

/** The role a tab mark gives the sheet it sits on, or null when it is not a mark for that sheet. */
export function roleOfTabMark(value: string | null, sheetId: number): TabRole | null {
  const match = /^([a-z_]+)@(-?\d+)$/.exec(value ?? '');
  if (match === null || Number(match[2]) !== sheetId) return null;
  const role = match[1] as TabRole;
  return ROLES.indexOf(role) === -1 ? null : role;
}

/** The header of a column the add-on adds to a user's tab: its own name, or `name (add-on)` when the user has a column of that name. */
export function ownColumnHeader(name: string, userHeaderKeys: ReadonlySet<string>, keyOf: (header: string) => string): string {
  return userHeaderKeys.has(keyOf(name)) ? `${name} (add-on)` : name;
}

/** The name of the add-on's own tab when a user's tab already has the declared one. */
export function ownTabName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? `${name} (add-on)` : `${name} (add-on ${String(n)})`;
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`Could not find a free name for the add-on's ${name} tab`);
}
