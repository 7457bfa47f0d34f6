/**
 * The settled sync in dist/Code.js against the fake Stripe's balance: every balance transaction of
 * the account's payments recorded once in the Settled tab, however often it is read; a sync
 * stopped at the time limit or by an error resumes at the page it stopped on; a payment whose
 * transaction Stripe has not made yet is filled by a later sync; a transaction whose sale is not
 * logged waits; a key that may not read them says what to give it.
 */
import type { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import type { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { KEY, lastAlert, now } from './connected-add-on';
import { settledShop, sync } from './settled-shop';

const HOUR = 3600;
const DAY = 86_400;

const balancePages = (stripe: FakeStripeApi) => stripe.requests.filter((r) => r.path === '/v1/balance_transactions');
const savedState = (app: AddOn) =>
  JSON.parse(app.properties.script.get('SETTLED_SYNC_STATE_TEST') ?? '{}') as {
    cursor: number | null;
    run: { startingAfter: string } | null;
  };

/** `count` USD sales, one an hour before the fake's clock (as it stands) moves to now. */
function manySales(count: number) {
  const shop = settledShop();
  shop.clock.at(now() - (count + 1) * HOUR);
  for (let i = 0; i < count; i++) {
    shop.clock.tick(HOUR);
    shop.stripe.scenario.paid({ clientReferenceId: ['nl-1', 'fb-2', 'g-3'][i % 3] ?? null, amount: 1000 + i });
  }
  shop.clock.at(now());
  return shop;
}

/** A Sync now whose execution's clock jumps `msPerPage` at each page of balance transactions, or whose pages fail. */
function syncWith(app: AddOn, stripe: FakeStripeApi, options: { msPerPage?: number; failPages?: (page: number) => boolean }): string {
  const run = app.execution('editor');
  run.runtime.evaluate(
    '(function (real) { var skew = 0; Date.now = function () { return real() + skew; }; globalThis.advanceClock_ = function (ms) { skew += ms; }; })(Date.now)',
  );
  let pages = 0;
  run.services.urlFetch.handle('api.stripe.com', (request) => {
    if (request.url.includes('/v1/balance_transactions?')) {
      pages++;
      if (options.msPerPage !== undefined) run.runtime.evaluate(`advanceClock_(${String(options.msPerPage)})`);
      if (options.failPages?.(pages)) return { status: 500, body: '{"error":{"message":"boom"}}' };
    }
    return stripe.handle(request);
  });
  run.services.ui.answerNext({ text: '30' });
  try {
    run.runtime.call('syncNow');
  } finally {
    run.services.endExecution();
  }
  const alert = run.services.ui.log.filter((e) => e.kind === 'alert').at(-1);
  return alert && 'prompt' in alert ? alert.prompt : '';
}

const ids = (app: AddOn) => app.rows('Settled').map((row) => String(row.balance_transaction));

describe('the settled sync', () => {
  it('records each balance transaction of the payments once, however often a sync reads it', () => {
    const { app, stripe, clock } = settledShop();
    const first = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 10000 });
    clock.tick(HOUR);
    stripe.scenario.paid({ clientReferenceId: 'fb-2', amount: 4000 });
    stripe.afterSale.refund(first.session.id, { amount: 2500 });
    clock.at(now());
    sync(app);
    // Quiet when it read everything: the sales are what the message is about.
    expect(lastAlert(app)).toBe(
      'Synced 3 events: 2 new sessions, 0 updated, 1 refund, dispute or invoice recorded, 0 already up to date, 0 not recorded.',
    );
    const listed = stripe.balanceTransactions().map((txn) => String(txn.id));
    expect(ids(app).sort()).toEqual([...listed].sort());
    expect(listed).toHaveLength(3);
    const before = app.workbook.sheet('Settled').values();

    sync(app);
    sync(app);
    expect(app.workbook.sheet('Settled').values()).toEqual(before);
    // Each later run starts an hour before the newest transaction it had seen: one page, nothing twice.
    const pages = balancePages(stripe);
    expect(pages).toHaveLength(3);
    expect(Number(pages[2]?.query['created[gte]'])).toBe(
      Math.max(...stripe.balanceTransactions().map((txn) => Number(txn.created))) - HOUR,
    );
    for (const page of pages) expect(page.query).toMatchObject({ 'expand[]': ['data.source'], limit: '100' });

    clock.tick(60);
    stripe.scenario.paid({ clientReferenceId: 'g-3', amount: 6000 });
    sync(app);
    expect(ids(app)).toHaveLength(4);
    expect(new Set(ids(app)).size).toBe(4);
  });

  it('stops at the time limit with whole pages recorded, and the next sync continues there, recording nothing twice', () => {
    const { app, stripe } = manySales(250);
    // Each page of balance transactions takes 2.5 minutes of the 4.5: two pages, then the stop.
    const message = syncWith(app, stripe, { msPerPage: 150_000 });
    expect(message).toMatch(/^Synced 250 events: 250 new sessions.*/);
    expect(message).toMatch(
      /Fees and net in the account's currency: stopped at the time limit after 2 pages of balance transactions \(200 balance transactions recorded so far\); the next sync continues from there\.$/,
    );
    expect(ids(app)).toHaveLength(200);
    const paused = savedState(app).run?.startingAfter;
    expect(paused).toMatch(/^txn_/);
    // The refresh after it fills what is there and leaves the rest empty, saying why.
    const rows = app.rows();
    expect(rows.filter((row) => row.settlement_currency === 'usd')).toHaveLength(200);
    expect(rows.filter((row) => row.settlement_currency === '' && row.fees === '' && row.net_settled === '')).toHaveLength(50);
    expect(app.summary('Attribution (settled)')).toContain('50 paid sessions have no balance transaction read yet');

    const before = balancePages(stripe).length;
    sync(app);
    expect(balancePages(stripe)[before]?.query.starting_after).toBe(paused);
    expect(ids(app)).toHaveLength(250);
    expect(new Set(ids(app)).size).toBe(250);
    expect(app.rows().every((row) => row.settlement_currency === 'usd' && typeof row.fees === 'number')).toBe(true);
    expect(savedState(app).run).toBeNull();
  });

  it('stops at an error with whole pages recorded, and the next sync resumes at the page it stopped on', () => {
    const { app, stripe } = manySales(250);
    // The second page fails past every retry (five tries).
    const message = syncWith(app, stripe, { failPages: (page) => page >= 2 && page <= 6 });
    expect(message).toMatch(
      /Fees and net in the account's currency stopped: Stripe did not answer properly \(500\).*100 balance transactions recorded so far\); the next sync resumes there\.$/,
    );
    expect(ids(app)).toHaveLength(100);
    const paused = savedState(app).run?.startingAfter;
    expect(paused).toMatch(/^txn_/);

    const before = balancePages(stripe).length;
    sync(app);
    expect(lastAlert(app)).not.toMatch(/Fees and net/);
    expect(balancePages(stripe)[before]?.query.starting_after).toBe(paused);
    expect(new Set(ids(app)).size).toBe(250);
    expect(ids(app)).toHaveLength(250);
  });

  it('leaves a payment whose balance transaction is not made yet empty, and a later sync fills it', () => {
    const { app, stripe, clock } = settledShop();
    const settledAtOnce = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 10000 });
    stripe.balanceTransactions(); // its charge is made now, at once
    // Stripe's asynchronous capture: the next payment's balance transaction comes two hours after it.
    stripe.setBalanceTransactionDelay(2 * HOUR);
    clock.at(now() - 3 * HOUR);
    const late = stripe.scenario.paid({ clientReferenceId: 'fb-2', amount: 4000 });
    clock.at(now() - 2 * HOUR);
    sync(app);
    const row = (id: string) => app.rows().find((r) => r.session_id === id);
    expect(row(settledAtOnce.session.id)).toMatchObject({ settlement_currency: 'usd', fees: 3.2, net_settled: 96.8 });
    expect(row(late.session.id)).toMatchObject({ payment_status: 'paid', settlement_currency: '', fees: '', net_settled: '' });
    expect(app.summary('Attribution (settled)')).toContain('1 paid session has no balance transaction read yet');

    clock.at(now());
    sync(app);
    expect(row(late.session.id)).toMatchObject({ settlement_currency: 'usd', fees: 1.46, net_settled: 38.54 });
    expect(app.summary('Attribution (settled)')).not.toContain('no balance transaction read yet');
  });

  it('records a transaction whose sale is not logged, counts it for nothing, and counts it once the sale is logged', () => {
    const { app, stripe, clock } = settledShop();
    clock.at(now() - 5 * DAY);
    const older = stripe.scenario.paid({ clientReferenceId: 'g-3', amount: 6000 });
    clock.at(now());
    // The first sync reads one day of events, so the sale is not logged; its balance transaction is read all the same.
    app.menu('syncNow', { text: '1' });
    expect(app.rows()).toEqual([]);
    expect(app.rows('Settled')).toEqual([
      expect.objectContaining({ session_id: '', counted: 'waiting for its session (or not a sale of a payment link)' }),
    ]);
    expect(app.rows('Attribution (settled)')).toEqual([]);
    expect(app.summary('Attribution (settled)')).toContain('1 balance transaction in the Settled tab counts for nothing yet');

    for (const event of older.events) app.deliver(event);
    sync(app);
    expect(app.rows('Settled')).toEqual([expect.objectContaining({ session_id: older.session.id, counted: 'payment' })]);
    expect(app.rows('Attribution (settled)')).toEqual([
      expect.objectContaining({ utm_campaign: 'launch', utm_source: 'google', paid_sessions: 1, gross_settled: 60 }),
    ]);
  });

  it('goes back, the first time, to the oldest sale the ledger holds, past the 30 days of events Stripe keeps', () => {
    const { app, stripe, clock } = settledShop();
    clock.at(now() - 45 * DAY);
    const old = stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 10000 });
    // Delivered when it was made: the sync's events could not reach it now.
    for (const event of old.events) expect(app.deliver(event)).toMatchObject({ ok: true });
    clock.at(now());
    sync(app);
    const [first] = balancePages(stripe);
    expect(Number(first?.query['created[gte]'])).toBe(old.session.created);
    expect(app.rows()).toEqual([expect.objectContaining({ session_id: old.session.id, settlement_currency: 'usd', fees: 3.2 })]);
  });

  it('says what to give a key that may not read balance transactions, and writes nothing settled', () => {
    const { app, stripe } = settledShop();
    stripe.scenario.paid({ clientReferenceId: 'nl-1', amount: 10000 });
    stripe.removeKey(KEY);
    stripe.addKey({ key: KEY, deny: ['balance_transactions'] });
    sync(app);
    expect(lastAlert(app)).toMatch(
      /^Synced 1 event: 1 new session,.* Fees and net in the account's currency were not read: The Stripe key is not allowed to read this \(403\)\. Give the restricted key read access to .*Balance transaction sources, Charges and Disputes/,
    );
    expect(app.rows()).toHaveLength(1);
    expect(app.workbook.getSheet('Settled')).toBeNull();
    expect(app.workbook.getSheet('Attribution (settled)')).toBeNull();
    expect(Object.keys(app.rows()[0] ?? {})).not.toContain('net_settled');
  });
});
