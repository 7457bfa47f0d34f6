/**
 * A sale keeps the attribution it got (the contract, issue 15). The campaign stored on a sale's
 * Reconciliation row is its campaign: what later happens to the link rows (a campaign renamed, a
 * reference pasted into another row, a row deleted) decides where new sales go, never where past
 * sales went, because a marketer reads past weeks' revenue per campaign and moves budget on it.
 * Only a sale whose five utm_* cells are all empty is joined to today's rows. The menu's
 * Re-attribute past sales joins them all, after saying which would move (movesOf, describeMoves).
 */

import { attributeSale, campaignOf, LinkIndex, type Attribution, type Campaign, type LinkUrlLookup, type Sale } from './attribution';
import { UNATTRIBUTED_CAMPAIGN } from './attribution-report';
import { headerKey } from '../helpers/header-names';
import { textOfCell } from '../helpers/literal-text';
import { linkKey, type LinkRow } from '../link-tabs/link-rows';
import { UTM_PARAMETERS } from '../links/stripe-rules';
import { countOf } from '../helpers/count-of';

/**
 * The campaign stored on each of `rows` (1-based rows of the Reconciliation grid, header in row 1,
 * utm_* columns found by header), as its cells hold it; null where all five are empty.
 */
export function storedCampaigns(values: readonly (readonly unknown[])[], rows: readonly number[]): Array<Campaign | null> {
  const header = values[0] ?? [];
  const columns = UTM_PARAMETERS.map((parameter) => header.findIndex((cell) => headerKey(cell) === headerKey(parameter)));
  return rows.map((row) => {
    const cells = values[row - 1] ?? [];
    const campaign = {} as Campaign;
    UTM_PARAMETERS.forEach((parameter, i) => {
      const column = columns[i] ?? -1;
      campaign[parameter] = column === -1 ? '' : textOfCell(cells[column]);
    });
    return UTM_PARAMETERS.some((parameter) => campaign[parameter].trim() !== '') ? campaign : null;
  });
}

const sameCampaign = (row: LinkRow, campaign: Campaign): boolean => UTM_PARAMETERS.every((p) => row.fields[p] === campaign[p]);

/**
 * The link row a kept sale still counts for on its links tab (paid_sessions, revenue): the first
 * row with the sale's reference, or failing that with its Payment Link, that carries the five
 * values the sale kept. None when no row does (renamed, deleted): the sale then counts in the
 * Attribution tab only, under the campaign it kept, until Re-attribute past sales moves it.
 */
class KeptRows {
  private readonly byReference = new Map<string, LinkRow[]>();
  /** Link and values to row, made the first time a sale needs it (most are placed by reference). */
  private byLink: Map<string, LinkRow> | null = null;

  constructor(private readonly rows: readonly LinkRow[]) {
    for (const row of rows) {
      const reference = row.fields.client_reference_id;
      if (reference === '') continue;
      const list = this.byReference.get(reference);
      if (list === undefined) this.byReference.set(reference, [row]);
      else list.push(row);
    }
  }

  rowOf(sale: Sale, campaign: Campaign, linkUrls: LinkUrlLookup): LinkRow | null {
    const candidates = sale.client_reference_id === '' ? undefined : this.byReference.get(sale.client_reference_id);
    const byReference = candidates?.find((row) => sameCampaign(row, campaign));
    if (byReference !== undefined) return byReference;
    // Stripe is asked for the link's URL only for a sale its reference did not place.
    const url = sale.payment_link === '' ? undefined : linkUrls.get(sale.payment_link);
    return url === undefined ? null : (this.linkIndex().get(`${linkKey(url)}\u0001${campaignKey(campaign)}`) ?? null);
  }

  private linkIndex(): Map<string, LinkRow> {
    if (this.byLink !== null) return this.byLink;
    const index = new Map<string, LinkRow>();
    for (const row of this.rows) {
      const key = `${linkKey(row.fields.payment_link)}\u0001${campaignKey(campaignOf(row))}`;
      if (!index.has(key)) index.set(key, row);
    }
    return (this.byLink = index);
  }
}

/** Each sale's attribution: the campaign stored on it when it has one (`stored[i]`), else today's join. */
export function keptAttributions(
  sales: readonly Sale[],
  stored: ReadonlyArray<Campaign | null>,
  rows: readonly LinkRow[],
  linkUrls: LinkUrlLookup,
): Attribution[] {
  const index = new LinkIndex(rows);
  const kept = new KeptRows(rows);
  return sales.map((sale, i): Attribution => {
    const campaign = stored[i] ?? null;
    if (campaign === null) return attributeSale(sale, index, linkUrls);
    return { kind: 'attributed', campaign, row: kept.rowOf(sale, campaign, linkUrls), via: 'kept' };
  });
}

/** Sales that re-attribution would take from one campaign (null: unattributed) to another. */
export interface Move {
  from: Campaign | null;
  to: Campaign | null;
  sales: number;
}

const campaignOfSale = (attribution: Attribution | undefined): Campaign | null =>
  attribution?.kind === 'attributed' ? attribution.campaign : null;

function campaignKey(campaign: Campaign | null): string {
  return campaign === null ? '' : `=${UTM_PARAMETERS.map((parameter) => campaign[parameter]).join('\u0000')}`;
}

/** `spring_sale / newsletter / email (content hero)`; `(unattributed)`. */
export function campaignLabel(campaign: Campaign | null): string {
  if (campaign === null) return UNATTRIBUTED_CAMPAIGN;
  const head = [campaign.utm_campaign || '(no campaign)', campaign.utm_source || '(no source)', campaign.utm_medium || '(no medium)'];
  const extra = [campaign.utm_term && `term ${campaign.utm_term}`, campaign.utm_content && `content ${campaign.utm_content}`].filter(
    Boolean,
  );
  return `${head.join(' / ')}${extra.length === 0 ? '' : ` (${extra.join(', ')})`}`;
}

/** The sales whose campaign differs between `now` (what they have) and `today` (today's join), grouped, the largest move first. */
export function movesOf(now: ReadonlyArray<Attribution | undefined>, today: ReadonlyArray<Attribution | undefined>): Move[] {
  const moves = new Map<string, Move>();
  now.forEach((attribution, i) => {
    const from = campaignOfSale(attribution);
    const to = campaignOfSale(today[i]);
    if (campaignKey(from) === campaignKey(to)) return;
    const key = `${campaignKey(from)}\u0001${campaignKey(to)}`;
    const move = moves.get(key) ?? { from, to, sales: 0 };
    move.sales++;
    moves.set(key, move);
  });
  return [...moves.values()].sort(
    (a, b) =>
      b.sales - a.sales ||
      campaignLabel(a.from).localeCompare(campaignLabel(b.from)) ||
      campaignLabel(a.to).localeCompare(campaignLabel(b.to)),
  );
}

/**
 * What re-attribution would do, for the question the user answers: the number of sales that would
 * move, then one line per move, at most `shown`, then how many more. [] when nothing would move.
 */
export function describeMoves(moves: readonly Move[], shown = 5): string[] {
  const total = moves.reduce((sum, move) => sum + move.sales, 0);
  if (total === 0) return [];
  const lines = [`${countOf(total, 'sale', 'sales')} would move:`];
  for (const move of moves.slice(0, shown))
    lines.push(`${String(move.sales)} from ${campaignLabel(move.from)} to ${campaignLabel(move.to)}`);
  const rest = moves.slice(shown);
  if (rest.length > 0) {
    const sales = rest.reduce((sum, move) => sum + move.sales, 0);
    lines.push(`and ${countOf(sales, 'more sale', 'more sales')} in ${countOf(rest.length, 'other move', 'other moves')}`);
  }
  return lines;
}
