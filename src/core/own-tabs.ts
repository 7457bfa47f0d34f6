/**
 * The tabs the add-on writes itself. No link-writing action may write into them: a sale's row is
 * not a campaign row, and a link builder that "fills the active row" there corrupts the ledger.
 */

export const RECONCILIATION_SHEET = 'Reconciliation';
export const ATTRIBUTION_SHEET = 'Attribution';
export const REJECTION_LOG_SHEET = 'Webhook log';

export const OWN_TABS: readonly string[] = [RECONCILIATION_SHEET, ATTRIBUTION_SHEET, REJECTION_LOG_SHEET];

/** Matched as Sheets matches tab names: `reconciliation` is the same tab as `Reconciliation`. */
export function isOwnTab(name: string): boolean {
  const key = name.trim().toLowerCase();
  return OWN_TABS.some((tab) => tab.toLowerCase() === key);
}

/** The error a link-writing action gives on one of our tabs: what is wrong and where to go instead. */
export function ownTabRefusal(name: string, action: string, does = 'writes campaign links'): string {
  return `${action} ${does}, and "${name}" is the add-on's own tab: nothing was written. ` +
    'Switch to your links tab (the one with a payment link column and utm_ columns) and try again.';
}
