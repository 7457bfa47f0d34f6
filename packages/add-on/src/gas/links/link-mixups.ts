/**
 * The mix-ups across link rows (src/core/link-tabs/link-checks.ts) as Check selected cells and the sidebar
 * show them: a reference that rows with different UTM values share, across every links tab of the
 * spreadsheet, and a test-mode link while the spreadsheet's sales are live. Each is read the
 * first time it is needed, and once.
 */

import { lazily } from '../../core/helpers/lazily';
import { isTestModeLink, sharedReferences, TEST_LINK_WARNING, type SharedReference } from '../../core/link-tabs/link-checks';
import type { LinkRow } from '../../core/link-tabs/link-rows';
import { readAllLinkRows, type KnownTab } from './link-tabs';
import { findMarkedTabs, ownSheetIds } from '../ledger/own-tabs';
import { hasLiveSales } from '../ledger/live-sales';

/** The link rows of every links tab (the add-on's own tabs skipped). */
function spreadsheetLinkRows(known?: KnownTab): LinkRow[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return readAllLinkRows(spreadsheet, ownSheetIds(spreadsheet, findMarkedTabs(spreadsheet)), known);
}

/** `payment_link: "https://buy.stripe.com/test_..." is a test-mode link ...`, as a note says it. */
export function describeTestLink(link: string): string {
  return `payment_link: "${link}" ${TEST_LINK_WARNING}`;
}

export class LinkMixups {
  private readonly shared: () => SharedReference[];
  readonly liveSales: () => boolean = lazily(hasLiveSales);

  constructor(known?: KnownTab) {
    this.shared = lazily(() => sharedReferences(spreadsheetLinkRows(known)));
  }

  /** The shared reference `reference` is, when the row at `tab`/`row` is one of the rows sharing it. */
  sharedAt(tab: string, row: number, reference: string): SharedReference | undefined {
    if (reference === '') return undefined;
    return this.shared().find((shared) => shared.reference === reference && shared.rows.some((at) => at.tab === tab && at.row === row));
  }

  /** True for a test-mode link on a spreadsheet with live sales (the sales are read only for a test-mode link). */
  isMisplacedTestLink(link: string): boolean {
    return isTestModeLink(link) && this.liveSales();
  }
}
