/**
 * The contract between the link-builder sidebar and the server: the functions the sidebar calls
 * through google.script.run, with their arguments and results. Both sides are typed from here.
 *
 * A write that would replace a filled cell with something else is not made: the server answers
 * `confirm` with those cells, the sidebar shows them, and only a second call carrying exactly the
 * conflicts the user saw (`overwrite`) writes them.
 */

import type { LinkColumn, LinkField } from '../link-tabs/link-columns';
import type { NamingRules } from '../links/naming-rules';
import type { TrackingParameter } from '../links/stripe-rules';
import type { ProblemGroup } from '../link-tabs/problem-groups';
import type { SuggestedFix } from '../link-tabs/suggested-fixes';
import type { UsedValue } from '../link-tabs/spellings';

export type { ProblemGroup, SuggestedFix };

export type LinkFields = Record<LinkField, string>;

export type { UsedValue };

/**
 * A value of the active row that Stripe accepts but that mixes up sales: a warning, not an
 * error (inserting stays possible). The sidebar shows it next to the field while the field still
 * holds `value`.
 */
export interface RowWarning {
  field: 'client_reference_id' | 'payment_link';
  /** `duplicate_reference` (issue 17): a link was just written with a reference other rows carry too (any UTM values). */
  kind: 'shared_reference' | 'test_link' | 'not_payment_link_domain' | 'duplicate_reference';
  /** The row's value the warning is about, trimmed. */
  value: string;
  message: string;
  /** The other rows that carry the same reference with different UTM values, as `Links row 7`; [] for a link's warning. */
  rows: string[];
}

export interface SidebarContext {
  sheetName: string;
  /** Where the tab keeps each part of a link, by header; missing ones are added when needed. */
  columns: Partial<Record<LinkColumn, number>>;
  /** Values already used in the tab that Stripe keeps, most used first, so one source is not spelled three ways. */
  used: Record<TrackingParameter, UsedValue[]>;
  /** The active cell's row (2 or more), or null on the header row. */
  activeRow: number | null;
  /** The active row's link values by header, when it is a link row (it has a payment link) of a links tab; else null. */
  row: LinkFields | null;
  /** Why the link-writing actions refuse this tab (it is one of the add-on's own), or null. */
  refusal: string | null;
  /** How many rows below the header are selected. */
  selectedRows: number;
  /** The active row's mix-ups across rows ([] when it has none, or is not a link row). */
  warnings: RowWarning[];
  /** The spreadsheet has live sales (Reconciliation's livemode): a test-mode link typed in the form is warned about too. */
  liveSales: boolean;
  /**
   * The user's naming rules (issue 17): `allowed[parameter]` lists the values a parameter may take
   * (offer them as its choices; a parameter not there takes anything), `domains` the custom
   * domains their Payment Links live on, `tabs` the rules tabs read. Pass it to tagLink as its
   * third argument: the preview then flags values outside the lists and warns about a link off
   * buy.stripe.com and those domains (`outcome.warnings`), as the server does.
   */
  rules: NamingRules;
}

/** A filled cell the write would change: where it is, what it holds, what would replace it. */
export interface Conflict {
  row: number;
  column: LinkColumn;
  /** The column's header as the tab spells it. */
  header: string;
  current: string;
  next: string;
}

export interface InsertRequest {
  fields: LinkFields;
  /** The conflicts the user agreed to overwrite, as a `confirm` answer listed them. */
  overwrite?: Conflict[];
}

export type InsertResult =
  /** `warnings`: what Stripe accepts but the user should look at (a link off buy.stripe.com and the naming rules' domains); [] when none. */
  | ({ status: 'written'; sheetName: string; row: number; link: string; warnings: RowWarning[] } & ReferenceWritten)
  /** Nothing was written: these filled cells would change. */
  | { status: 'confirm'; sheetName: string; row: number; link: string; conflicts: Conflict[] };

/** What Insert into active row says of the reference its link carries (issue 17). */
export interface ReferenceWritten {
  /** The client_reference_id the link carries: every link the add-on writes has one. */
  reference: string;
  /** True when the row had none and the add-on made `reference`, unique in the spreadsheet, and wrote it into the row. */
  referenceAdded: boolean;
  /** Other rows that carry `reference` too (`kind: 'duplicate_reference'`, naming them and the fix); [] when none. */
  referenceWarnings: RowWarning[];
}

export interface TagRequest {
  /**
   * The form's values that the user typed (or picked) themselves, by field. Each fills the
   * selected rows' empty cells for its field (written into the row, so that each link carries
   * only what its row shows); a filled cell stays the row's own. A value the form was filled
   * with from the active row and that the user left as it was is never sent (see typedFields):
   * it is that row's, and must not reach the other rows.
   */
  typed: Partial<LinkFields>;
  overwrite?: Conflict[];
}

export interface InvalidRow {
  row: number;
  problems: string[];
}

export type TagResult =
  /**
   * Rows that could not be tagged are left as they were; `filled` counts the empty cells the typed
   * values filled; `warnings` says what was tagged but should be looked at, one line each
   * (`Row 5: payment_link: example.com is not buy.stripe.com ...`).
   */
  | ({
      status: 'written';
      sheetName: string;
      sheetId: number;
      tagged: number;
      filled: number;
      invalid: InvalidRow[];
      warnings: string[];
    } & Untagged & {
        /** One line per reference that the links just written share with each other or with other rows, naming them and the fix. */
        referenceWarnings: string[];
      })
  /** Nothing was written: these filled cells (a different tagged link, a formula) would change. */
  | ({ status: 'confirm'; sheetName: string; sheetId: number; conflicts: Conflict[]; invalid: InvalidRow[] } & Untagged);

/**
 * What could not be tagged, by problem, and the fix in bulk (issue 17). `problems` is one line per
 * problem however many rows have it (show these rather than `invalid`, one entry per row). `fixes`
 * are the add-on's suggestions for the rows' own cells (not for values typed in the form, nor for
 * formula cells); `fixQuestion` asks about them with a preview ('' when there are none). The
 * sidebar applies them with sidebarApplySuggestions({ sheetId, fixes }).
 */
export interface Untagged {
  problems: ProblemGroup[];
  fixes: SuggestedFix[];
  fixQuestion: string;
}

export interface ApplyRequest {
  /** The tab the fixes are for, by its id (TagResult's sheetId): a tab renamed since is still the one, another given its name is not. */
  sheetId: number;
  /** TagResult's fixes, or some of them. */
  fixes: SuggestedFix[];
}

/**
 * What applying did: each fix is written only while its cell still holds `current`, holds no
 * formula, and the add-on still suggests `next` for it; the others are `skipped`. `message` says
 * it in words (`Applied 12 suggested values.`).
 */
export interface ApplyResult {
  status: 'applied';
  sheetName: string;
  applied: number;
  skipped: number;
  message: string;
}

/** Server functions the sidebar may call, by their top-level names in Code.js. */
export interface SidebarApi {
  sidebarContext(): SidebarContext;
  sidebarInsertIntoActiveRow(request: InsertRequest): InsertResult;
  sidebarTagSelectedRows(request: TagRequest): TagResult;
  sidebarApplySuggestions(request: ApplyRequest): ApplyResult;
}

/**
 * What Tag selected rows may apply to every selected row: the fields whose value the user typed.
 * A field that still holds what the form was filled with from the active row (`filledFrom`) is
 * that row's value, not the user's, and is left out; so is an empty one.
 */
export function typedFields(form: LinkFields, filledFrom: LinkFields | null): Partial<LinkFields> {
  const typed: Partial<LinkFields> = {};
  for (const [field, value] of Object.entries(form) as Array<[LinkField, string]>) {
    if (value !== '' && value !== filledFrom?.[field]) typed[field] = value;
  }
  return typed;
}

function sameConflict(a: Conflict, b: Conflict): boolean {
  return a.row === b.row && a.column === b.column && a.current === b.current && a.next === b.next;
}

/** True when the user agreed to every one of `conflicts`: same cell, same value, same replacement. */
export function isConsented(conflicts: readonly Conflict[], consent: readonly Conflict[] | undefined): boolean {
  if (consent === undefined) return conflicts.length === 0;
  return conflicts.every((conflict) => consent.some((agreed) => sameConflict(conflict, agreed)));
}

/** Only well-formed conflicts count as consent: a page can send anything. */
export function readConsent(value: unknown): Conflict[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(
    (item): item is Conflict =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as Conflict).row === 'number' &&
      typeof (item as Conflict).column === 'string' &&
      typeof (item as Conflict).current === 'string' &&
      typeof (item as Conflict).next === 'string',
  );
}

/** One line of the sidebar's question: `Row 3, utm_campaign: spring_sale → summer_sale`. */
export function describeConflict(conflict: Conflict, withRow: boolean): string {
  const where = withRow ? `Row ${String(conflict.row)}, ${conflict.header}` : conflict.header;
  return `${where}: ${conflict.current} → ${conflict.next}`;
}
