/**
 * Checkouts opened, in the refresh: the Checkouts tab's buckets read (without their ids), each
 * joined to a link row as a sale is, keeping the campaign it got in its own utm_* cells
 * (core/attribution/kept-attribution.ts), then counted in its Attribution group and on its link row.
 */

import type { ExpiredInGroup } from '../../core/attribution/attribution-report';
import { attributeSales, type Attribution, type Campaign, type LinkUrlLookup } from '../../core/attribution/attribution';
import { saleCampaignCells } from '../../core/attribution/attribution-sheet';
import { bucketAsSale, bucketsFromTab, type CheckoutBucket } from '../../core/attribution/checkout-buckets';
import { keptAttributions, storedCampaigns } from '../../core/attribution/kept-attribution';
import type { LinkRow } from '../../core/link-tabs/link-rows';
import { UTM_PARAMETERS } from '../../core/links/stripe-rules';
import { readCheckoutsTab } from '../ledger/checkouts-reader';
import type { MarkedTabs } from '../ledger/own-tabs';
import type { LedgerValues } from '../ledger/reconciliation-reader';
import type { ScriptLockHeld } from '../script-lock';
import { writeOwnTabColumns } from './own-tab-columns';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface CheckoutInputs {
  tab: LedgerValues | null;
  buckets: CheckoutBucket[];
  /** The campaign stored on each bucket's row, null where it has none yet. */
  stored: Array<Campaign | null>;
}

/** Throws UnreadableTabError when the Checkouts tab cannot be read safely. */
export function readCheckouts(held: ScriptLockHeld, spreadsheet: Spreadsheet, marked: MarkedTabs): CheckoutInputs {
  const tab = readCheckoutsTab(held, spreadsheet, marked);
  const buckets = bucketsFromTab(tab?.values ?? []);
  return {
    tab,
    buckets,
    stored: storedCampaigns(
      tab?.values ?? [],
      buckets.map((bucket) => bucket.row),
    ),
  };
}

/** Each bucket's attribution: `kept` (its stored campaign, else today's join) or `today` (Re-attribute past sales). */
export function attributeCheckouts(
  inputs: CheckoutInputs,
  rows: readonly LinkRow[],
  lookup: LinkUrlLookup,
  which: 'kept' | 'today',
): ExpiredInGroup[] {
  const asSales = inputs.buckets.map(bucketAsSale);
  const attributions: Attribution[] =
    which === 'kept' ? keptAttributions(asSales, inputs.stored, rows, lookup) : attributeSales(asSales, rows, lookup);
  return inputs.buckets.map((bucket, i) => ({
    attribution: attributions[i],
    currency: bucket.currency,
    livemode: bucket.livemode,
    checkouts: bucket.checkouts,
    day: bucket.day,
  }));
}

/** Each bucket's campaign in its utm_* cells: written when empty, kept after (a re-attribution rewrites them). */
export function writeCheckoutCampaigns(inputs: CheckoutInputs, expired: readonly ExpiredInGroup[]): void {
  const { tab } = inputs;
  if (tab === null || tab.values.length < 2) return;
  const cells: string[][] = Array.from({ length: tab.values.length - 1 }, () => UTM_PARAMETERS.map(() => ''));
  inputs.buckets.forEach((bucket, i) => {
    cells[bucket.row - 2] = saleCampaignCells(expired[i]?.attribution, '').slice(0, UTM_PARAMETERS.length);
  });
  writeOwnTabColumns(tab, UTM_PARAMETERS, cells);
}
