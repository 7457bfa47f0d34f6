/**
 * Which link row produced each sale: the question the product exists to answer. Stripe gives a
 * Checkout Session no UTM codes, only the `client_reference_id` its link carried and the Payment
 * Link (`plink_...`) it came through, so a sale is joined to the row whose reference it carries,
 * and failing that to the one row that uses its payment link. Anything less certain is left
 * unattributed, with the reason, rather than guessed: a wrong campaign is worse than none.
 */

import { sharedReferences } from '../link-tabs/link-checks';
import { linkKey, type LinkRow } from '../link-tabs/link-rows';
import { UTM_PARAMETERS, type UtmParameter } from '../links/stripe-rules';

/** A Reconciliation row, as attribution needs it. */
export interface Sale {
  session_id: string;
  client_reference_id: string;
  payment_status: string;
  /** Stripe's integer amount, or null when the row has none. */
  amount_minor: number | null;
  currency: string;
  livemode: boolean;
  /** The `plink_...` id the session came through, or ''. */
  payment_link: string;
  /** Unix seconds, or null when the row has no readable time. */
  created: number | null;
  /** The session's payment and subscription (`pi_...`, `sub_...`), or '': how its money after the sale finds it. */
  payment_intent: string;
  subscription: string;
}

export type UnattributedReason = 'no_reference' | 'unknown_reference' | 'shared_reference' | 'shared_link';

/** The five UTM values a sale is credited to. */
export type Campaign = Record<UtmParameter, string>;

/**
 * A sale's campaign. Joined today (`reference`, `payment_link`: `row` is the row, `campaign` its
 * values), or `kept`: the campaign stored on the sale's row (core/attribution/kept-attribution.ts),
 * with the link row it still counts for, or null when no row carries it any more.
 */
export type Attribution =
  | { kind: 'attributed'; campaign: Campaign; row: LinkRow; via: 'reference' | 'payment_link' }
  | { kind: 'attributed'; campaign: Campaign; row: LinkRow | null; via: 'kept' }
  | { kind: 'unattributed'; reason: UnattributedReason };

/** A link row's five UTM values. */
export function campaignOf(row: LinkRow): Campaign {
  const campaign = {} as Campaign;
  for (const parameter of UTM_PARAMETERS) campaign[parameter] = row.fields[parameter];
  return campaign;
}

/** The join's lookups, each decided once for all sales: a sale is a map lookup away from its row. */
export class LinkIndex {
  /** A reference's campaign (its first row), or 'ambiguous' when it is one of sharedReferences. */
  private readonly byReference = new Map<string, LinkRow | 'ambiguous'>();
  /** A link URL's one row, or 'ambiguous' when several rows use it. */
  private readonly byLink = new Map<string, LinkRow | 'ambiguous'>();

  constructor(rows: readonly LinkRow[]) {
    for (const { reference } of sharedReferences(rows)) this.byReference.set(reference, 'ambiguous');
    for (const row of rows) {
      const reference = row.fields.client_reference_id;
      if (reference !== '' && !this.byReference.has(reference)) this.byReference.set(reference, row);
      const link = linkKey(row.fields.payment_link);
      this.byLink.set(link, this.byLink.has(link) ? 'ambiguous' : row);
    }
  }

  reference(reference: string): LinkRow | 'ambiguous' | null {
    return this.byReference.get(reference) ?? null;
  }

  link(url: string): LinkRow | 'ambiguous' | null {
    return this.byLink.get(linkKey(url)) ?? null;
  }
}

/** Where a `plink_` id's URL is learned: looked up only for sales the reference did not place. */
export interface LinkUrlLookup {
  get(paymentLinkId: string): string | undefined;
}

/**
 * The contract's rule for one sale. `linkUrls` maps `plink_` ids to their URLs (from Stripe's
 * API); without a connected key it is empty, and only references can attribute.
 */
export function attributeSale(sale: Sale, index: LinkIndex, linkUrls: LinkUrlLookup): Attribution {
  let unattributed: UnattributedReason = 'no_reference';
  if (sale.client_reference_id !== '') {
    const byReference = index.reference(sale.client_reference_id);
    if (byReference === 'ambiguous') return { kind: 'unattributed', reason: 'shared_reference' };
    if (byReference !== null) return { kind: 'attributed', campaign: campaignOf(byReference), row: byReference, via: 'reference' };
    unattributed = 'unknown_reference';
  }
  const url = sale.payment_link === '' ? undefined : linkUrls.get(sale.payment_link);
  if (url === undefined) return { kind: 'unattributed', reason: unattributed };
  const byLink = index.link(url);
  if (byLink === 'ambiguous') return { kind: 'unattributed', reason: 'shared_link' };
  if (byLink !== null) return { kind: 'attributed', campaign: campaignOf(byLink), row: byLink, via: 'payment_link' };
  return { kind: 'unattributed', reason: unattributed };
}

export function attributeSales(sales: readonly Sale[], rows: readonly LinkRow[], linkUrls: LinkUrlLookup): Attribution[] {
  const index = new LinkIndex(rows);
  return sales.map((sale) => attributeSale(sale, index, linkUrls));
}
