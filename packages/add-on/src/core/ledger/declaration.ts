/**
 * The ledger: every tab the add-on writes and every column it adds to a user's tab, declared once
 * (name, number format, key, merge rule, whose it is). The stores in src/gas/ledger write through
 * these declarations, so a new record (refunds, disputes, invoices, expired sessions) is a new
 * declaration and a handler, not a copy of a store.
 */

import { UTM_PARAMETERS } from '../links/stripe-rules';
import { currencyNumberFormat } from '../stripe/currency';
import type { TabRole } from './marks';

/**
 * How a column's cells change once written:
 * - `newest-event`: the row shows the newest state of its Stripe object (reconciliation.ts's order);
 * - `filled-once`: written when empty, then kept (a sale keeps the attribution it got);
 * - `refresh`: recomputed by every refresh;
 * - `count`: a counter the add-on adds to.
 */
export type MergeRule = 'newest-event' | 'filled-once' | 'refresh' | 'count';

/** A Sheets number format, or `{ money: true }`: the currency's own format, chosen per row by the row's currency. */
export type ColumnFormat = string | { readonly money: true };
const MONEY: ColumnFormat = { money: true };

/** The fixed number format of a column, or null for text and for money (set per row). */
export function fixedFormat(column: ColumnDeclaration): string | null {
  return typeof column.format === 'string' ? column.format : null;
}

export interface ColumnDeclaration {
  /** Its name, and on a user's tab the value of its mark: what the add-on finds it by. */
  readonly name: string;
  /** The header it is added under, when a person reads it better than the name (the mark stays the name). */
  readonly header?: string;
  readonly merge: MergeRule;
  /** The number format set on the column's data cells; text columns have none (text is written literal). */
  readonly format?: ColumnFormat;
  /** Its width in pixels when the add-on makes the column; else one that fits its header and a typical value (own-tab-layout.ts). */
  readonly width?: number;
  /** Long text (a reason, a note) wraps onto more lines instead of being cut. */
  readonly wrap?: boolean;
}

export interface TabDeclaration {
  readonly role: TabRole;
  /** The name the tab is made under (another when a user's tab has it). */
  readonly name: string;
  /** The column a row is found by, one row per value; none for a tab rewritten whole. */
  readonly key: string | null;
  readonly columns: readonly ColumnDeclaration[];
  /**
   * Row 1 of an unmarked tab that an earlier version of the add-on made (they left no mark):
   * such a tab under the declared name is adopted and marked. Every header here must be present;
   * none for a tab no earlier version made, so a tab under its name is always the user's.
   */
  readonly adoptWhenHeaderHas: readonly string[];
}

/** How a column shows in the add-on's own tab: a width, and whether it wraps. */
type Shown = Pick<ColumnDeclaration, 'width' | 'wrap'>;

const column = (name: string, merge: MergeRule, format?: ColumnFormat, shown: Shown = {}): ColumnDeclaration =>
  format === undefined ? { name, merge, ...shown } : { name, merge, format, ...shown };

// Widths at Sheets' default 10 pt Arial (about 7.8 px a character of a mixed-case id), so an id shows
// whole: a Checkout Session's is cs_test_ and 58 characters; an event's, payment's, charge's,
// invoice's, subscription's, balance transaction's or Payment Link's about 30.
const SESSION_ID: Shown = { width: 520 };
const OBJECT_ID: Shown = { width: 250 };
const REFERENCE: Shown = { width: 180 };
const EMAIL: Shown = { width: 220 };
const URL_TEXT: Shown = { width: 320 };
/** Why a row counts or not, in words: wrapped, so the whole sentence reads. */
const REASON: Shown = { width: 320, wrap: true };

const TIME = 'yyyy-mm-dd hh:mm:ss';

/** A session's money after the sale, in major units of its currency (core/ledger/session-money.ts). */
export const SESSION_MONEY_COLUMNS = ['refunded', 'disputed', 'renewals', 'renewal_revenue', 'net_revenue'] as const;

/** What Stripe kept of a session's payments, in major units of the account's settlement currency (core/attribution/settled-money.ts). */
export const SETTLED_SESSION_COLUMNS = ['settlement_currency', 'fees', 'net_settled'] as const;

/** One row per Checkout Session. The first ten columns are the contract's. */
export const RECONCILIATION_TAB: TabDeclaration = {
  role: 'reconciliation',
  name: 'Reconciliation',
  key: 'session_id',
  columns: [
    column('session_id', 'newest-event', undefined, SESSION_ID),
    column('client_reference_id', 'newest-event', undefined, REFERENCE),
    column('payment_status', 'newest-event'),
    // Shows 2 or 3 decimals as the currency needs; the currency column says which currency.
    column('amount', 'newest-event', '#,##0.00#'),
    column('currency', 'newest-event'),
    column('customer_email', 'newest-event', undefined, EMAIL),
    column('payment_link', 'newest-event', undefined, OBJECT_ID),
    column('livemode', 'newest-event'),
    column('created', 'newest-event', TIME),
    column('last_event', 'newest-event', undefined, OBJECT_ID),
    column('amount_minor', 'newest-event', '0'),
    column('last_event_created', 'newest-event', TIME),
    // Whether Stripe confirmed the sale (core/ledger/confirmation.ts): written with each event, and by the sync's check.
    column('confirmed', 'newest-event', undefined, { width: 160 }),
    // The session's payment and subscription: how its refunds, disputes and renewals find it.
    column('payment_intent', 'newest-event', undefined, OBJECT_ID),
    column('subscription', 'newest-event', undefined, OBJECT_ID),
    // Written by the refresh: the campaign of each sale, and its Payment Link's URL.
    ...UTM_PARAMETERS.map((name) => column(name, 'filled-once')),
    column('payment_link_url', 'refresh', undefined, URL_TEXT),
    // Written by the refresh from the Money after sale tab (core/ledger/session-money.ts).
    // Shows 2 or 3 decimals as the currency needs, like amount.
    ...SESSION_MONEY_COLUMNS.map((name) => column(name, 'refresh', name === 'renewals' ? '0' : '#,##0.00#')),
    // Written by the refresh from the Settled tab, once a key's sync has read balance transactions.
    ...SETTLED_SESSION_COLUMNS.map((name) => column(name, 'refresh', name === 'settlement_currency' ? undefined : '#,##0.00#')),
  ],
  adoptWhenHeaderHas: ['session_id'],
};

/**
 * One row per Stripe object that moves a sale's money after the sale: a refunded charge (with
 * Stripe's running total), a dispute, a paid invoice. Readable by a person: what, which session,
 * how much, its state, when.
 */
export const MONEY_TAB: TabDeclaration = {
  role: 'money',
  name: 'Money after sale',
  key: 'object_id',
  columns: [
    column('object_id', 'newest-event', undefined, OBJECT_ID),
    column('kind', 'newest-event'),
    // Which session it counts against, and why not when it counts against none.
    column('session_id', 'refresh', undefined, SESSION_ID),
    column('counted', 'refresh', undefined, REASON),
    column('state', 'newest-event'),
    column('amount', 'newest-event', '#,##0.00#'),
    column('currency', 'newest-event'),
    column('payment_intent', 'newest-event', undefined, OBJECT_ID),
    column('charge', 'newest-event', undefined, OBJECT_ID),
    column('subscription', 'newest-event', undefined, OBJECT_ID),
    column('livemode', 'newest-event'),
    column('created', 'newest-event', TIME),
    column('last_event', 'newest-event', undefined, OBJECT_ID),
    column('amount_minor', 'newest-event', '0'),
    column('last_event_created', 'newest-event', TIME),
  ],
  adoptWhenHeaderHas: ['object_id', 'kind', 'last_event'],
};

/**
 * Checkouts that expired unpaid, one row per day, reference, Payment Link and mode (a bucket: see
 * core/ledger/checkouts.ts for why not a row per session), found by `bucket`; a bucket holds the
 * ids of its sessions, so each counts once.
 */
export const CHECKOUTS_TAB: TabDeclaration = {
  role: 'checkouts',
  name: 'Checkouts',
  key: 'bucket',
  columns: [
    column('day', 'filled-once'),
    column('client_reference_id', 'filled-once', undefined, REFERENCE),
    column('payment_link', 'filled-once', undefined, OBJECT_ID),
    column('currency', 'filled-once'),
    column('livemode', 'filled-once'),
    // Written by the refresh, once: the campaign the bucket's checkouts count for.
    ...UTM_PARAMETERS.map((name) => column(name, 'filled-once')),
    // Its key: day, mode, currency, Payment Link and reference.
    column('bucket', 'filled-once', undefined, { width: 420 }),
    // What a delivery changes, side by side so it is one write.
    column('checkouts', 'count', '0'),
    column('last_event_created', 'count', TIME),
    // Never wrapped: a bucket holds up to 49,000 characters of ids; as wide as one id.
    column('session_ids', 'count', undefined, SESSION_ID),
  ],
  adoptWhenHeaderHas: ['bucket', 'checkouts', 'session_ids'],
};

/**
 * One row per balance transaction of the account's payments (a charge, a refund, a dispute's
 * withdrawal or reinstatement, and Stripe's fees charged apart on IC+ pricing), keyed by its `txn_`
 * id, as the settled sync read it from Stripe; amounts in the account's settlement currency.
 */
export const SETTLED_TAB: TabDeclaration = {
  role: 'settled',
  name: 'Settled',
  key: 'balance_transaction',
  columns: [
    column('balance_transaction', 'newest-event', undefined, OBJECT_ID),
    column('type', 'newest-event'),
    column('reporting_category', 'newest-event'),
    // Which session it counts against, and why not when it counts against none.
    column('session_id', 'refresh', undefined, SESSION_ID),
    column('counted', 'refresh', undefined, REASON),
    column('source', 'newest-event', undefined, OBJECT_ID),
    column('payment_intent', 'newest-event', undefined, OBJECT_ID),
    column('charge', 'newest-event', undefined, OBJECT_ID),
    column('amount', 'newest-event', '#,##0.00#'),
    column('fee', 'newest-event', '#,##0.00#'),
    column('net', 'newest-event', '#,##0.00#'),
    column('currency', 'newest-event'),
    column('exchange_rate', 'newest-event', '0.000000'),
    column('livemode', 'newest-event'),
    column('created', 'newest-event', TIME),
    column('amount_minor', 'newest-event', '0'),
    column('fee_minor', 'newest-event', '0'),
    column('net_minor', 'newest-event', '0'),
  ],
  adoptWhenHeaderHas: ['balance_transaction', 'reporting_category', 'net_minor'],
};

/** One row per campaign, source, medium, currency and mode; rewritten whole by every refresh. */
export const ATTRIBUTION_TAB: TabDeclaration = {
  role: 'attribution',
  name: 'Attribution',
  key: null,
  columns: [
    column('utm_campaign', 'refresh'),
    column('utm_source', 'refresh'),
    column('utm_medium', 'refresh'),
    column('currency', 'refresh'),
    column('livemode', 'refresh'),
    column('paid_sessions', 'refresh', '0'),
    // Checkouts opened: every session of the group, paid or not, and those that expired (issue 16),
    // beside paid_sessions so that a campaign's conversion reads at a glance.
    column('checkouts', 'refresh', '0'),
    column('conversion_rate', 'refresh', '0.0%'),
    column('revenue', 'refresh', MONEY),
    // Right after revenue: what a marketer acts on, within a 1,400 px window (issue 17).
    column('net_revenue', 'refresh', MONEY),
    column('refunded', 'refresh', MONEY),
    column('disputed', 'refresh', MONEY),
    column('renewal_revenue', 'refresh', MONEY),
    column('pending_sessions', 'refresh', '0'),
    column('failed_sessions', 'refresh', '0'),
    column('sessions', 'refresh', '0'),
    column('average_order', 'refresh', MONEY),
    column('first_sale', 'refresh', 'yyyy-mm-dd hh:mm'),
    column('last_sale', 'refresh', 'yyyy-mm-dd hh:mm'),
  ],
  adoptWhenHeaderHas: ['utm_campaign', 'utm_source', 'utm_medium', 'currency', 'livemode', 'paid_sessions', 'revenue'],
};

/**
 * What Stripe kept, per campaign, source, medium, mode and settlement currency: the sessions' balance
 * transactions summed (core/attribution/settled-report.ts); rewritten whole by every refresh.
 */
export const ATTRIBUTION_SETTLED_TAB: TabDeclaration = {
  role: 'attribution_settled',
  name: 'Attribution (settled)',
  key: null,
  columns: [
    column('utm_campaign', 'refresh'),
    column('utm_source', 'refresh'),
    column('utm_medium', 'refresh'),
    column('livemode', 'refresh'),
    column('settlement_currency', 'refresh'),
    column('paid_sessions', 'refresh', '0'),
    column('gross_settled', 'refresh', MONEY),
    column('fees', 'refresh', MONEY),
    column('net_settled', 'refresh', MONEY),
  ],
  adoptWhenHeaderHas: ['utm_campaign', 'settlement_currency', 'gross_settled', 'net_settled'],
};

/**
 * Week by week, one row per campaign, source, medium, currency and mode: after the first three
 * columns, each week's (core/attribution/weekly-sheet.ts: `W49 checkouts`, `W49 paid`, `W49 net`,
 * `W49 net_settled`), the current week first, then currency and livemode. Rewritten whole by every
 * refresh. No earlier version made it: none is adopted.
 */
export const WEEKLY_TAB: TabDeclaration = {
  role: 'weekly',
  name: 'Weekly',
  key: null,
  columns: [
    column('utm_campaign', 'refresh'),
    column('utm_source', 'refresh'),
    column('utm_medium', 'refresh'),
    column('currency', 'refresh'),
    column('livemode', 'refresh'),
  ],
  adoptWhenHeaderHas: [],
};

/** One row per reason a delivery was refused, and never more: a stranger can move counters, not fill the sheet. */
export const WEBHOOK_LOG_TAB: TabDeclaration = {
  role: 'webhook_log',
  name: 'Webhook log',
  key: 'reason',
  columns: [
    column('reason', 'count', undefined, { width: 300, wrap: true }),
    column('count', 'count', '0'),
    column('last_seen', 'count', TIME),
    column('last_detail', 'count', undefined, { width: 420, wrap: true }),
  ],
  adoptWhenHeaderHas: ['reason', 'count', 'last_seen', 'last_detail'],
};

export const OWN_TAB_DECLARATIONS: readonly TabDeclaration[] = [
  RECONCILIATION_TAB,
  MONEY_TAB,
  CHECKOUTS_TAB,
  SETTLED_TAB,
  ATTRIBUTION_TAB,
  ATTRIBUTION_SETTLED_TAB,
  WEEKLY_TAB,
  WEBHOOK_LOG_TAB,
];

/** The columns the add-on adds to a user's links tab, after its last used column, each marked. */
/** The columns versions before issue 16 added to a links tab, unmarked: adopted by this shape, once. */
export const EARLIER_LINK_TAB_COLUMNS: readonly ColumnDeclaration[] = [
  column('paid_sessions', 'refresh', '0'),
  column('revenue', 'refresh'),
];

export const LINK_TAB_COLUMNS: readonly ColumnDeclaration[] = [
  column('paid_sessions', 'refresh', '0'),
  // After paid_sessions on a new tab; on a tab that has the others, after its last used column.
  column('checkouts', 'refresh', '0'),
  column('revenue', 'refresh'),
];

/**
 * A links tab's net revenue in one currency and mode, a number that sorts and sums (`revenue` is
 * text and mixes currencies): one such column per currency and mode that counts on the tab's rows.
 * Its mark, `net_revenue:usd:live`, never changes, so a header the user renames is still found; its
 * header reads like the Attribution tab's `net_revenue` column and the `revenue` text
 * (`net_revenue USD`, `net_revenue USD (test)`), and its format shows the currency's decimals and code.
 */
export function netRevenueColumn(currency: string, livemode: boolean): ColumnDeclaration {
  const code = currency.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    name: `net_revenue:${code}:${livemode ? 'live' : 'test'}`,
    header: `net_revenue ${code.toUpperCase()}${livemode ? '' : ' (test)'}`,
    merge: 'refresh',
    format: currencyNumberFormat(code),
  };
}

/** The currency and mode of a net revenue column's mark, or null for any other name. */
export function netRevenueOfMark(name: string): { currency: string; livemode: boolean } | null {
  const match = /^net_revenue:([a-z0-9]*):(live|test)$/.exec(name);
  return match === null ? null : { currency: match[1] ?? '', livemode: match[2] === 'live' };
}

/** What a person sees for one of the add-on's columns on a links tab, by its mark: its declared header. */
export function linkColumnHeader(name: string): string {
  const net = netRevenueOfMark(name);
  return net === null ? name : (netRevenueColumn(net.currency, net.livemode).header ?? name);
}

export function declarationOf(role: TabRole): TabDeclaration {
  const found = OWN_TAB_DECLARATIONS.find((tab) => tab.role === role);
  if (found === undefined) throw new Error(`No tab is declared for ${role}`);
  return found;
}

export function columnNames(tab: TabDeclaration): string[] {
  return tab.columns.map((c) => c.name);
}
