/**
 * The custom functions read the naming rules from Apps Script's document cache: a column of
 * per-row `=UTM_LINK(A2, ...)` formulas is one execution per row, and reading the rules means
 * reading every tab's header. Run from the built bundle in the local runtime.
 */
import { LocalAddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { ScriptError } from '@stripe-utm-sheets/tools/apps-script-runtime';
import type { ScriptWithServices } from '@stripe-utm-sheets/tools/services';

const LINK = 'https://buy.stripe.com/test_eVa5nPg1j1wmfXq5kr';
const RULES_KEY = 'naming_rules_v1';

function app(tabs: number): LocalAddOn {
  const added = new LocalAddOn();
  added.workbook.write('Rules', [['utm_source'], ['facebook']]);
  for (let i = 0; i < tabs; i++)
    added.workbook.write(`Tab ${String(i)}`, [
      ['Budget', 'Owner'],
      [100, 'Ana'],
    ]);
  return added;
}

/** One custom-function execution, as Sheets makes one per formula; returns its answer and its spreadsheet round trips. */
function utmLink(added: LocalAddOn, source: string): { answer: string; roundTrips: number } {
  const run: ScriptWithServices = added.execution('custom_function');
  try {
    let answer: string;
    try {
      answer = String(run.runtime.call('UTM_LINK', LINK, source, 'email', 'spring_sale'));
    } catch (error) {
      if (!(error instanceof ScriptError)) throw error;
      answer = error.message;
    }
    return { answer, roundTrips: run.services.stats().spreadsheet.roundTrips };
  } finally {
    run.services.endExecution();
  }
}

describe('UTM_LINK keeps the naming rules in the document cache', () => {
  it('reads the tabs once, then answers the next formulas from the cache, however many tabs there are', () => {
    const added = app(20);
    const first = utmLink(added, 'Facebook_Ads');
    expect(first.answer).toContain('utm_source');
    expect(first.answer).toContain('facebook');
    expect(first.roundTrips).toBeGreaterThan(20);

    for (const source of ['facebook', 'Facebook_Ads']) {
      const next = utmLink(added, source);
      expect(next.roundTrips).toBe(0);
      expect(next.answer).toBe(utmLink(app(0), source).answer);
    }
  });

  it('reads the tabs again when the cache has dropped its copy, or holds something that is not rules', () => {
    const added = app(3);
    utmLink(added, 'facebook');
    added.caches.document.remove(RULES_KEY);
    expect(utmLink(added, 'facebook').roundTrips).toBeGreaterThan(3);

    added.caches.document.put(RULES_KEY, '{"allowed": "anything"}', 60);
    const answered = utmLink(added, 'Facebook_Ads');
    expect(answered.roundTrips).toBeGreaterThan(3);
    expect(answered.answer).toContain('facebook');
    expect(answered.answer).not.toMatch(/^https:/);
  });

  it('takes a rules edit once Check selected cells or the link builder has read the tabs again', () => {
    const added = app(1);
    expect(utmLink(added, 'instagram').answer).not.toMatch(/^https:/);

    added.workbook.write('Rules', [['utm_source'], ['facebook'], ['instagram']]);
    // The cached copy serves the functions until it expires or the tabs are read again.
    expect(utmLink(added, 'instagram').answer).not.toMatch(/^https:/);

    added.menu('sidebarContext');
    expect(utmLink(added, 'instagram').answer).toMatch(/^https:\/\/buy\.stripe\.com\/.*utm_source=instagram/);
  });
});
