/**
 * The tabs the add-on writes itself (known by their mark: gas/ledger/own-tabs.ts). No link-writing
 * action may write into them: a sale's row is not a campaign row, and a link builder that "fills
 * the active row" there corrupts the ledger.
 */

/** The error a link-writing action gives on one of our tabs: what is wrong and where to go instead. */
export function ownTabRefusal(name: string, action: string, does = 'writes campaign links'): string {
  return (
    `${action} ${does}, and "${name}" is the add-on's own tab: nothing was written. ` +
    'Switch to your links tab (the one with a payment link column and utm_ columns) and try again.'
  );
}
