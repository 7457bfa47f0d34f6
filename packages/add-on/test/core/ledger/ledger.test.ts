/**
 * The declared ledger and the one table of what the add-on asks of Stripe: the marks it knows its
 * own tabs and columns by, and every text a user is told about events and key permissions, derived
 * from that table and found where the user reads it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ATTRIBUTION_COLUMNS, SALE_CAMPAIGN_COLUMNS } from '../../../src/core/attribution/attribution-sheet';
import { headerKey } from '../../../src/core/helpers/header-names';
import {
  ATTRIBUTION_TAB,
  columnNames,
  fixedFormat,
  LINK_TAB_COLUMNS,
  OWN_TAB_DECLARATIONS,
  RECONCILIATION_TAB,
  WEBHOOK_LOG_TAB,
} from '../../../src/core/ledger/declaration';
import { ownColumnHeader, ownTabName, roleOfTabMark, tabMarkValue } from '../../../src/core/ledger/marks';
import {
  EVENT_ROUTES,
  KEY_PERMISSIONS,
  keyPermissionsText,
  readSyncIntervalText,
  SUBSCRIBED_EVENT_TYPES,
  SYNC_INTERVALS,
} from '../../../src/core/ledger/stripe-events';
import { SYNC_CHOICES } from '../../../src/core/ledger/scheduled-sync';
import { COLUMN_FORMATS, RECONCILIATION_COLUMNS } from '../../../src/core/ledger/reconciliation-columns';
import { describeApiError, eventsPagePath } from '../../../src/core/stripe/stripe-api';
import { HANDLED_EVENT_TYPES } from '../../../src/core/stripe/stripe-event';
import { checkStripeKey } from '../../../src/core/stripe/stripe-key';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('tab marks', () => {
  it("give a role only to the sheet they were put on: a copied tab carrying the mark is the user's", () => {
    const value = tabMarkValue('reconciliation', 1234);
    expect(roleOfTabMark(value, 1234)).toBe('reconciliation');
    expect(roleOfTabMark(value, 99)).toBeNull();
    expect(roleOfTabMark('reconciliation', 1234)).toBeNull();
    expect(roleOfTabMark('ledger@1234', 1234)).toBeNull();
    expect(roleOfTabMark(null, 0)).toBeNull();
  });

  it("name the add-on's tab beside a user's tab of the same name, and its column beside a user's column", () => {
    const taken = new Set(['Attribution', 'Attribution (add-on)']);
    expect(ownTabName('Attribution', (name) => taken.has(name))).toBe('Attribution (add-on 2)');
    expect(ownTabName('Webhook log', (name) => taken.has(name))).toBe('Webhook log');
    expect(ownColumnHeader('revenue', new Set([headerKey('Revenue')]), headerKey)).toBe('revenue (add-on)');
    expect(ownColumnHeader('paid_sessions', new Set([headerKey('Revenue')]), headerKey)).toBe('paid_sessions');
  });
});

describe('the declared ledger', () => {
  it('is where the stores take their columns and formats from', () => {
    expect(RECONCILIATION_COLUMNS).toEqual(RECONCILIATION_TAB.columns.filter((c) => c.merge === 'newest-event').map((c) => c.name));
    // A sale keeps the attribution it got: its campaign columns are filled once; its link's URL is refreshed.
    expect(RECONCILIATION_TAB.columns.filter((c) => c.merge === 'filled-once').map((c) => c.name)).toEqual(
      SALE_CAMPAIGN_COLUMNS.filter((name) => name !== 'payment_link_url'),
    );
    expect(RECONCILIATION_TAB.columns.find((c) => c.name === 'payment_link_url')?.merge).toBe('refresh');
    expect(columnNames(ATTRIBUTION_TAB)).toEqual([...ATTRIBUTION_COLUMNS]);
    for (const name of RECONCILIATION_COLUMNS)
      expect(COLUMN_FORMATS[name]).toBe(fixedFormat(RECONCILIATION_TAB.columns.find((c) => c.name === name)!) ?? undefined);
    expect(columnNames(WEBHOOK_LOG_TAB)).toEqual(['reason', 'count', 'last_seen', 'last_detail']);
    expect(LINK_TAB_COLUMNS.map((c) => c.name)).toEqual(['paid_sessions', 'checkouts', 'revenue']);
  });

  it('has one role, name and key per tab, and columns found once each by header', () => {
    expect(new Set(OWN_TAB_DECLARATIONS.map((tab) => tab.role)).size).toBe(OWN_TAB_DECLARATIONS.length);
    expect(new Set(OWN_TAB_DECLARATIONS.map((tab) => tab.name.toLowerCase())).size).toBe(OWN_TAB_DECLARATIONS.length);
    for (const tab of OWN_TAB_DECLARATIONS) {
      const keys = tab.columns.map((c) => headerKey(c.name));
      expect(new Set(keys).size).toBe(keys.length);
      if (tab.key !== null) expect(columnNames(tab)).toContain(tab.key);
      for (const header of tab.adoptWhenHeaderHas) expect(columnNames(tab)).toContain(header);
    }
  });
});

describe('what the add-on asks of Stripe, in one table', () => {
  it('routes every handled event type, and the sync asks for exactly those', () => {
    expect([...SUBSCRIBED_EVENT_TYPES].sort()).toEqual([...HANDLED_EVENT_TYPES].sort());
    expect(Object.keys(EVENT_ROUTES).sort()).toEqual([...HANDLED_EVENT_TYPES].sort());
    const asked = decodeURIComponent(eventsPagePath(0, null))
      .match(/types\[\]=([^&]+)/g)
      ?.map((part) => part.slice('types[]='.length));
    expect(asked).toEqual(SUBSCRIBED_EVENT_TYPES);
  });

  it('says the same permissions wherever a user is told them', () => {
    expect(keyPermissionsText()).toBe(
      'Checkout Sessions, Events, Payment Links, Invoices, Balance transaction sources, Charges and Disputes',
    );
    const refusal = checkStripeKey('sk_test_abcdefghijklmnop');
    expect(refusal.ok ? '' : refusal.error).toContain(keyPermissionsText());
    expect(describeApiError(403, '{}')).toContain(keyPermissionsText());
    for (const permission of KEY_PERMISSIONS) expect(permission.why).not.toBe('');
  });

  it('is what the README and Help tell a user to subscribe to and allow', () => {
    // The repository's README, two levels above this package.
    const readme = readFileSync(path.join(ROOT, '..', '..', 'README.md'), 'utf8');
    for (const type of SUBSCRIBED_EVENT_TYPES) expect(readme).toContain(type);
    expect(readme).toContain(keyPermissionsText());
    // The set-up dialog takes both from the table; it never lists them by hand.
    const dialog = readFileSync(path.join(ROOT, 'src/gas/html/SetupDialog.html'), 'utf8');
    for (const type of SUBSCRIBED_EVENT_TYPES) expect(dialog).not.toContain(type);
    expect(dialog).toContain('{{subscribed_events}}');
    expect(dialog).toContain('{{key_permissions}}');
  });

  it('has the sync intervals that the menu, the set-up dialog and the stored setting use', () => {
    expect(SYNC_INTERVALS.map((interval) => interval.minutes)).toEqual([15, 60]);
    expect(SYNC_CHOICES.map((choice) => choice.label)).toEqual(['Off', 'Every 15 minutes', 'Every hour']);
    expect(['15', '60', '30', '', null].map(readSyncIntervalText)).toEqual([15, 60, null, null, null]);
    const dialog = readFileSync(path.join(ROOT, 'src/gas/html/SetupDialog.html'), 'utf8');
    for (const interval of SYNC_INTERVALS) expect(dialog).not.toContain(interval.every);
    expect(dialog).toContain('{{sync_spans}}');
    const menu = readFileSync(path.join(ROOT, 'src/gas/menu.ts'), 'utf8');
    for (const interval of SYNC_INTERVALS) expect(menu).not.toContain(interval.every);
  });
});
