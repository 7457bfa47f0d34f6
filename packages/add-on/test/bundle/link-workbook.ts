/**
 * Shared by the link-writing suites: the playground's Links tab beside the add-on's own tabs, the
 * sidebar's server calls, and readers for what a tab holds.
 */
import { runInEditor } from './bundle';
import { LocalAddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { DEMO_LINK_HEADERS, DEMO_LINK_ROWS } from '@stripe-utm-sheets/tools/demo-links';
import type { InsertResult, SidebarContext, TagResult } from '../../src/core/contracts/sidebar-api';

export const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';
const SALE = ['cs_test_a1', 'fb-0002', 'paid', 49, 'eur', 'buyer@example.com', 'plink_1', false, '', 'evt_1'];

/** The playground's Links tab (row 3 is facebook / carousel / fb-0002) and the add-on's own tabs. */
export function workbook(): LocalAddOn {
  const app = new LocalAddOn();
  app.workbook.write('Links', [[...DEMO_LINK_HEADERS], ...DEMO_LINK_ROWS.map((row) => [...row])]);
  app.workbook.write('Reconciliation', [
    [
      'session_id',
      'client_reference_id',
      'payment_status',
      'amount',
      'currency',
      'customer_email',
      'payment_link',
      'livemode',
      'created',
      'last_event',
    ],
    SALE,
  ]);
  app.workbook.write('Attribution', [
    ['utm_campaign', 'utm_source', 'utm_medium', 'currency', 'livemode', 'paid_sessions', 'revenue'],
    ['spring_sale', 'facebook', 'paid_social', 'eur', false, 1, 49],
  ]);
  app.workbook.write('Webhook log', [
    ['reason', 'count', 'last_seen', 'last_detail'],
    ['wrong or missing token (retried)', 1, '2024-01-01', ''],
  ]);
  return app;
}

export const insert = (app: LocalAddOn, request: unknown) => runInEditor(app, 'sidebarInsertIntoActiveRow', request) as InsertResult;
export const tag = (app: LocalAddOn, request: unknown) => runInEditor(app, 'sidebarTagSelectedRows', request) as TagResult;
export const context = (app: LocalAddOn) => runInEditor(app, 'sidebarContext') as SidebarContext;

/** Everything a tab holds that an action could change: values, formulas, notes, fills, formats. */
export function snapshot(app: LocalAddOn): string {
  const tabs: Record<string, unknown> = {};
  for (const sheet of app.workbook.sheets) {
    const cells: unknown[] = [];
    sheet.forEachCell((cell, row, column) =>
      cells.push([row, column, cell.value, cell.formula, cell.note, cell.background, cell.numberFormat]),
    );
    tabs[sheet.name] = cells;
  }
  return JSON.stringify(tabs);
}

export const links = (app: LocalAddOn) => app.workbook.sheet('Links').values();
export const header = (app: LocalAddOn) => links(app)[0] ?? [];
/** Row `row` of Links as an object keyed by header. */
export function linkRow(app: LocalAddOn, row: number): Record<string, unknown> {
  const values = links(app)[row - 1] ?? [];
  return Object.fromEntries(header(app).map((name, i) => [String(name), values[i]]));
}

export const FORM = {
  payment_link: LINK,
  utm_source: 'facebook',
  utm_medium: 'paid_social',
  utm_campaign: 'spring_sale',
  utm_term: '',
  utm_content: '',
  client_reference_id: '',
};
