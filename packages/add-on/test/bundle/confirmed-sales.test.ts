/**
 * Whether Stripe confirmed each sale, as dist/Code.js keeps it: the Reconciliation tab's `confirmed`
 * column, the sync's check of the sales recorded before a key was connected (batched, bounded,
 * resumable), and flagged sales left out of revenue and listed on the Attribution tab.
 */
import { FakeStripeApi, type StripeEvent } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { SCRIPT_PROPERTIES } from '../../src/core/contracts/script-properties';
import { CHECK_CHUNK, CHECKS_PER_DAY, CHECKS_PER_RUN } from '../../src/core/stripe/sale-checks';

const KEY = 'rk_test_51LocalRestrictedKey0001';
const now = (): number => Math.floor(Date.now() / 1000);
const LINK = 'https://buy.stripe.com/test_springA';
const LINKS = [
  ['Payment link', 'utm_source', 'utm_medium', 'utm_campaign', 'client_reference_id'],
  [LINK, 'newsletter', 'email', 'spring_sale', 'nl-1'],
  [LINK, 'facebook', 'paid_social', 'spring_sale', 'fb-2'],
];

function shop(): AddOn {
  const app = new AddOn(new FakeStripeApi({ keys: [KEY], now }));
  app.setUp();
  app.workbook.write('Links', LINKS);
  return app;
}

const lastAlert = (app: AddOn): string => {
  const entry = app.last?.services.ui.log.filter((e) => e.kind === 'alert').at(-1);
  return entry && 'prompt' in entry ? entry.prompt : '';
};
const confirmations = (app: AddOn) => app.rows().map((row) => row.confirmed);
const sessionReads = (app: AddOn) => app.stripe.requests.filter((r) => r.path.startsWith('/v1/checkout/sessions/'));
/** The Attribution tab's summary: its lines under the table. */
const summary = (app: AddOn): string => app.summary('Attribution');
const linkCounts = (app: AddOn) => app.rows('Links').map((row) => [row.client_reference_id, row.paid_sessions, row.revenue]);

/** A sale Stripe never made, posted with the token: a session id Stripe has no such session for. */
function forged(event: StripeEvent, sessionId: string, amount: number, reference: string): StripeEvent {
  return {
    ...event,
    id: `evt_1Forged${sessionId.slice(-6)}`,
    data: { object: { ...event.data.object, id: sessionId, amount_total: amount, client_reference_id: reference } },
  };
}

describe('the confirmed column', () => {
  it('says `not yet` for a sale taken on the token alone and `yes` for one fetched from Stripe', () => {
    const app = shop();
    const before = app.stripe.scenario.paid({ clientReferenceId: 'nl-1' });
    expect(app.deliver(before.events[0]!)).toMatchObject({ ok: true, verified: false });
    app.menu('connectStripeKey', { text: KEY });
    const after = app.stripe.scenario.paid({ clientReferenceId: 'fb-2' });
    expect(app.deliver(after.events[0]!)).toMatchObject({ ok: true, verified: true });
    expect(app.rows().map((row) => [row.session_id, row.confirmed])).toEqual([
      [before.session.id, 'not yet'],
      [after.session.id, 'yes'],
    ]);
  });
});

describe('the next sync after a key is connected', () => {
  it('confirms the sales recorded before, in one batch, and says how many', () => {
    const app = shop();
    for (let i = 0; i < 3; i++) app.deliver(app.stripe.scenario.paid({ clientReferenceId: 'nl-1' }).events[0]!);
    expect(confirmations(app)).toEqual(['not yet', 'not yet', 'not yet']);
    app.menu('connectStripeKey', { text: KEY });
    const run = app.menu('syncNow', { text: '30' });
    expect(confirmations(app)).toEqual(['yes', 'yes', 'yes']);
    expect(lastAlert(app)).toMatch(/Checked 3 sales recorded without Stripe's confirmation: 3 confirmed by Stripe, 0 not found/);
    expect(sessionReads(app).map((r) => r.path)).toEqual(app.rows().map((row) => `/v1/checkout/sessions/${String(row.session_id)}`));
    expect(run.services.urlFetch.batches).toEqual([3]);
    // Nothing left to check: the next sync asks Stripe about no session.
    app.menu('syncNow');
    expect(sessionReads(app)).toHaveLength(3);
  });

  it('flags a forged sale and one Stripe has otherwise, leaves them out of revenue and lists them', () => {
    const app = shop();
    const genuine = app.stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 1999 });
    const inflated = app.stripe.scenario.paid({ clientReferenceId: 'fb-2', amount: 1500 });
    app.deliver(genuine.events[0]!);
    app.deliver(forged(genuine.events[0]!, 'cs_test_a1ForgedSessionNobodyPaid', 50_000, 'nl-1'));
    app.deliver({ ...inflated.events[0]!, data: { object: { ...inflated.events[0]!.data.object, amount_total: 90_000 } } });
    app.menu('refreshAttribution');
    // On the token alone, every one counts, as before a key was connected.
    expect(linkCounts(app)).toEqual([
      ['nl-1', 2, '519.99 USD (test)'],
      ['fb-2', 1, '900.00 USD (test)'],
    ]);

    app.menu('connectStripeKey', { text: KEY });
    app.menu('syncNow', { text: '30' });
    expect(app.rows().map((row) => [row.client_reference_id, row.confirmed])).toEqual([
      ['nl-1', 'yes'],
      ['nl-1', 'not found in Stripe'],
      ['fb-2', 'differs from Stripe'],
    ]);
    expect(lastAlert(app)).toMatch(/1 confirmed by Stripe, 2 not found in Stripe or not as recorded \(left out of revenue/);
    // The sync refreshed attribution: only the confirmed sale counts, in the Attribution tab and on the link rows.
    expect(app.rows('Attribution').map((row) => [row.utm_source, row.paid_sessions, row.revenue])).toEqual([['newsletter', 1, 19.99]]);
    expect(linkCounts(app)).toEqual([
      ['nl-1', 1, '19.99 USD (test)'],
      ['fb-2', 0, ''],
    ]);
    expect(summary(app)).toMatch(/2 sales are left out of revenue: Stripe does not confirm them/);
    expect(summary(app)).toContain(
      '- cs_test_a1ForgedSessionNobodyPaid (Reconciliation row 3, 500.00 USD, test mode): not found in Stripe',
    );
    expect(summary(app)).toContain(`- ${inflated.session.id} (Reconciliation row 4, 900.00 USD, test mode): differs from Stripe`);
  });

  it('checks flagged sales again when a key of their mode is connected again', () => {
    const app = shop();
    app.deliver(app.stripe.scenario.paid({ clientReferenceId: 'nl-1' }).events[0]!);
    // As another account's key leaves it: that account has no such session. (The fake Stripe holds one account.)
    const sheet = app.workbook.sheet('Reconciliation');
    app.workbook.writeInput(sheet, 2, (sheet.values()[0] ?? []).indexOf('confirmed') + 1, 'not found in Stripe');
    app.menu('connectStripeKey', { text: KEY });
    expect(lastAlert(app)).toMatch(/1 flagged sale is checked again by the next sync/);
    expect(confirmations(app)).toEqual(['not yet']);
    app.menu('syncNow', { text: '30' });
    expect(confirmations(app)).toEqual(['yes']);
  });
});

describe('a check that cannot read the ledger', () => {
  it("says so after the sync's own outcome, and the next sync takes it up", () => {
    const app = shop();
    app.deliver(app.stripe.scenario.paid({ clientReferenceId: 'nl-1', created: now() - 3600 }).events[0]!);
    app.menu('connectStripeKey', { text: KEY });
    app.menu('syncNow', { text: '30' });
    // Nothing in Stripe after the cursor, so the events' sync writes nothing; a title row pushed the header down.
    const state = JSON.stringify({ cursor: now(), run: null });
    app.properties.script.replace(new Map([...app.properties.script.snapshot(), [SCRIPT_PROPERTIES.syncStates.test, state]]));
    const sheet = app.workbook.sheet('Reconciliation');
    const column = (sheet.values()[0] ?? []).indexOf('confirmed') + 1;
    app.workbook.writeInput(sheet, 2, column, 'not yet');
    sheet.insertRows(0, 1);
    app.menu('syncNow');
    expect(lastAlert(app)).toMatch(
      /^Synced 0 events: .*The check of sales recorded without Stripe's confirmation stopped: The Reconciliation tab's header row is missing.*The next sync takes it up\./s,
    );
    sheet.deleteRows(1, 1);
    app.menu('syncNow');
    expect(confirmations(app)).toEqual(['yes']);
  });
});

describe('connecting a key while the ledger cannot be read', () => {
  it('keeps the key and says its flagged sales could not be set to be checked again', () => {
    const app = shop();
    app.workbook.sheet('Reconciliation').insertRows(0, 1);
    app.menu('connectStripeKey', { text: KEY });
    expect(lastAlert(app)).toMatch(
      /^Connected rk_test_…0001 .*could not be set to be checked again \(The Reconciliation tab's header row/s,
    );
    expect(app.properties.script.get(SCRIPT_PROPERTIES.stripeApiKeys.test)).toBe(KEY);
  });
});

describe('the check of many earlier sales', () => {
  /** A ledger an earlier version kept, without a confirmed column, of `count` paid sales Stripe has. */
  function earlierLedger(count: number): AddOn {
    const stripe = new FakeStripeApi({ keys: [KEY], now });
    const header = ['session_id', 'client_reference_id', 'payment_status', 'amount', 'currency', 'customer_email'];
    const rows = [...header, 'payment_link', 'livemode', 'created', 'last_event', 'amount_minor', 'last_event_created'];
    const grid: unknown[][] = [rows];
    for (let i = 0; i < count; i++) {
      const session = stripe.addSession({ amount_total: 1000, currency: 'usd', client_reference_id: `old-${String(i)}` });
      grid.push([session.id, `old-${String(i)}`, 'paid', 10, 'usd', '', '', 'FALSE', '', `evt_1Old${String(i)}`, 1000, '']);
    }
    const app = new AddOn(stripe);
    app.workbook.write('Reconciliation', grid);
    app.menu('connectStripeKey', { text: KEY });
    return app;
  }

  it(`asks Stripe about at most ${String(CHECKS_PER_RUN)} a sync, ${String(CHECK_CHUNK)} at a time, and the next sync goes on`, () => {
    const app = earlierLedger(CHECKS_PER_RUN + 60);
    const first = app.menu('syncNow', { text: '30' });
    expect(sessionReads(app)).toHaveLength(CHECKS_PER_RUN);
    expect(first.services.urlFetch.batches).toEqual(Array.from({ length: CHECKS_PER_RUN / CHECK_CHUNK }, () => CHECK_CHUNK));
    expect(confirmations(app).filter((cell) => cell === 'yes')).toHaveLength(CHECKS_PER_RUN);
    expect(confirmations(app).filter((cell) => cell === '')).toHaveLength(60);
    expect(lastAlert(app)).toMatch(
      /Checked 500 sales .*: 500 confirmed .* 60 sales are left for the next sync \(at most 500 a sync, 5000 a day\)/,
    );

    const second = app.menu('syncNow');
    expect(second.services.urlFetch.batches).toEqual([CHECK_CHUNK, CHECK_CHUNK, 10]);
    expect(confirmations(app).every((cell) => cell === 'yes')).toBe(true);
    const tally = JSON.parse(app.properties.script.get(SCRIPT_PROPERTIES.salesChecked) ?? '{}') as { count?: number };
    expect(tally.count).toBe(CHECKS_PER_RUN + 60);
  });

  it(`stops at ${String(CHECKS_PER_DAY)} checks a day, whatever the number of syncs`, () => {
    const app = earlierLedger(40);
    const today = new Date().toISOString().slice(0, 10);
    const tally = JSON.stringify({ day: today, count: CHECKS_PER_DAY - 15 });
    app.properties.script.replace(new Map([...app.properties.script.snapshot(), [SCRIPT_PROPERTIES.salesChecked, tally]]));
    app.menu('syncNow', { text: '30' });
    expect(sessionReads(app)).toHaveLength(15);
    expect(lastAlert(app)).toMatch(/25 sales are left for the next sync/);
    app.menu('syncNow');
    expect(sessionReads(app)).toHaveLength(15);
    expect(lastAlert(app)).toMatch(/25 sales are left for the next sync \(today's bound on checks with Stripe is reached\)/);
  });
});
