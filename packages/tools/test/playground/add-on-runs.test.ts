/**
 * Running the add-on's functions through the API: the selection the page sets is what the add-on
 * sees, menu items with prompts answered in rounds, google.script.run's success and failure, and
 * the sidebars and dialogs served with the google.script shim.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BUNDLE_PATH } from '../../src/apps-script-runtime';
import { PLAYGROUND_STRIPE_KEY } from '../../src/playground/playground-stripe';
import { startTestPlayground, tempStateFile, type TestPlayground } from './helpers';

/** The real bundle plus a probe of what the add-on's own SpreadsheetApp sees as selected. */
const PROBE = `
function probeSelection() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  return {
    sheet: ss.getActiveSheet().getName(),
    range: ss.getActiveRange().getA1Notation(),
    list: ss.getActiveRangeList().getRanges().map(function (r) { return r.getA1Notation(); }),
    values: ss.getActiveRange().getValues()
  };
}
function probeAlertChoice() {
  var ui = SpreadsheetApp.getUi();
  var first = ui.alert('Sure?', 'Delete everything?', ui.ButtonSet.YES_NO);
  ui.alert('You said ' + first);
  return first;
}
`;

let pg: TestPlayground;

beforeAll(async () => {
  const { dir, stateFile } = tempStateFile();
  const bundlePath = path.join(dir, 'Code.js');
  writeFileSync(bundlePath, readFileSync(DEFAULT_BUNDLE_PATH, 'utf8') + PROBE);
  // The fake Stripe API holds the scenarios' assortment (what this file checks), not the demo's sales.
  pg = await startTestPlayground({ stateFile, bundlePath, seedSales: (stripe) => stripe.scenario.assortment() });
});

afterAll(async () => {
  await pg.stop();
});

describe('selection', () => {
  it('is what getActiveSheet, getActiveRange and getActiveRangeList see', async () => {
    expect((await pg.post('/api/select', { sheet: 'Links', ranges: ['B3:C4', 'E2'] })).status).toBe(200);
    const reply = await pg.run('probeSelection');
    expect(reply).toMatchObject({
      ok: true,
      result: {
        sheet: 'Links',
        range: 'B3:C4',
        list: ['B3:C4', 'E2'],
        values: [
          ['facebook', 'paid_social'],
          ['Facebook Ads', 'paid social'],
        ],
      },
    });
    const state = await pg.state();
    expect(state.selection).toEqual({ sheet: 'Links', ranges: ['B3:C4', 'E2'] });

    await pg.post('/api/select', { sheet: 'Reconciliation', ranges: ['A1'] });
    expect((await pg.run('probeSelection')).result).toMatchObject({ sheet: 'Reconciliation', range: 'A1' });
  });

  it('refuses an unknown sheet or a range that is not one', async () => {
    expect((await pg.post('/api/select', { sheet: 'Nope', ranges: ['A1'] })).status).toBe(400);
    expect((await pg.post('/api/select', { sheet: 'Links', ranges: ['not a range'] })).status).toBe(400);
    expect((await pg.post('/api/select', { sheet: 'Links', ranges: [] })).status).toBe(400);
  });
});

describe('google.script.run (POST /api/run)', () => {
  it('returns what the function returns, as JSON', async () => {
    const reply = await pg.run('UTM_CLEAN', [[['Été 2024 / Promo'], ["Mother's Day"]], true]);
    expect(reply).toMatchObject({ ok: true, result: [['ete_2024_promo'], ['mothers_day']], alerts: [], dialogs: [] });
  });

  it('answers { error } when the function throws or does not exist', async () => {
    const thrown = await pg.run('UTM_LINK', ['https://buy.stripe.com/x', 'Facebook Ads']);
    expect(thrown.ok).toBe(false);
    expect(thrown.error).toMatch(/utm_source: "Facebook Ads" has a space/);
    expect(await pg.run('noSuchFunction')).toMatchObject({ ok: false, error: 'Script function not found: noSuchFunction' });
    for (const name of ['constructor', 'eval', 'Function', 'Object', 'SpreadsheetApp', 'AddOn']) {
      expect(await pg.run(name, ['1'])).toMatchObject({ ok: false, error: `Script function not found: ${name}` });
    }
    expect((await pg.post('/api/run', { function: 'UTM_CLEAN', args: 'x' })).status).toBe(400);
  });

  it('stops at an alert with a choice and asks for the answer', async () => {
    const first = await pg.run('probeAlertChoice');
    expect(first).toMatchObject({
      ok: false,
      needsAnswer: { kind: 'alert', title: 'Sure?', prompt: 'Delete everything?', buttons: ['YES', 'NO'] },
    });
    const second = (await (await pg.post('/api/run', { function: 'probeAlertChoice', answers: [{ button: 'NO' }] })).json()) as Record<
      string,
      unknown
    >;
    expect(second).toMatchObject({ ok: true, result: 'NO', alerts: [{ title: '', prompt: 'You said NO' }] });
  });
});

describe('menu items with prompts (POST /api/menu)', () => {
  it('connects the playground key, then Sync now fills Reconciliation from the fake Stripe API', async () => {
    const asked = await pg.menu('connectStripeKey');
    expect(asked).toMatchObject({ ok: false, needsAnswer: { kind: 'prompt', title: 'Connect Stripe key', buttons: ['OK', 'CANCEL'] } });
    const connected = await pg.menu('connectStripeKey', [{ button: 'OK', text: PLAYGROUND_STRIPE_KEY }]);
    expect(connected.ok).toBe(true);
    expect(connected.alerts).toEqual([
      { title: 'Connect Stripe key', prompt: expect.stringMatching(/^Connected rk_test_…0000 \(test mode\)/) },
    ]);

    const firstSync = await pg.menu('syncNow');
    expect(firstSync.needsAnswer).toMatchObject({ kind: 'prompt', title: 'First sync' });
    const synced = await pg.menu('syncNow', [{ button: 'OK', text: '30' }]);
    expect(synced.ok).toBe(true);
    expect(synced.alerts[0]?.prompt).toMatch(/^Synced \d+ events: 5 new sessions/);
    expect(synced.toasts[0]?.message).toMatch(/Reading completed Checkout Sessions/);

    const rows = await pg.values('Reconciliation');
    const header = rows[0] ?? [];
    const status = header.indexOf('payment_status');
    const currency = header.indexOf('currency');
    const sales = rows
      .slice(1)
      .map((row) => `${row[currency] ?? ''} ${row[status] ?? ''}`)
      .sort();
    // The assortment: paid usd, jpy and kwd; an async eur payment that succeeded, an async usd one that failed; an expired gbp session (no row).
    expect(sales).toEqual(['eur paid', 'jpy paid', 'kwd paid', 'usd failed', 'usd paid']);

    // Again: nothing new, and no prompt (the sync remembers where it is).
    const again = await pg.menu('syncNow');
    expect(again.ok).toBe(true);
    expect(again.alerts[0]?.prompt).toMatch(/0 new sessions/);
  });

  it("takes Cancel and the dialog's X as Apps Script does", async () => {
    const cancelled = await pg.menu('connectStripeKey', [{ button: 'CANCEL' }]);
    expect(cancelled).toMatchObject({ ok: true, alerts: [] });
    const closed = await pg.menu('connectStripeKey', [{ button: 'CLOSE' }]);
    expect(closed).toMatchObject({ ok: true, alerts: [] });
    expect((await pg.post('/api/menu', { function: 'connectStripeKey', answers: [{ button: 'MAYBE' }] })).status).toBe(400);
  });
});

describe('sidebars and dialogs', () => {
  it('serves the HTML the add-on showed, with the google.script shim before its own scripts', async () => {
    const reply = await pg.menu('showWebhookUrl');
    expect(reply.ok).toBe(true);
    expect(reply.dialogs).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]+$/),
        kind: 'modal',
        title: 'Stripe webhooks',
        width: 560,
        height: 520,
        url: expect.stringMatching(/^\/ui\/[0-9a-f]+$/),
      },
    ]);
    const response = await pg.get(reply.dialogs[0]?.url ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const shimAt = html.indexOf('window.__playgroundShim=');
    expect(shimAt).toBeGreaterThan(html.indexOf('<head>'));
    expect(shimAt).toBeLessThan(html.indexOf('<script>', shimAt + 10));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // The shim knows the server functions; the dialog shows this playground's endpoint.
    expect(html).toMatch(/"functions":\[[^\]]*"UTM_CLEAN"/);
    expect(html).toContain(`value="${(await pg.state()).info?.webhookUrl ?? 'missing'}"`);
    expect((await pg.get('/ui/0123456789abcdef')).status).toBe(404);
  });
});

describe('the page and its guards', () => {
  it('serves the page, its script bundled from TypeScript, and its style', async () => {
    const page = await pg.get('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="/page.js" defer></script>');
    const script = await pg.get('/page.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const code = await script.text();
    expect(code).toContain('/api/state');
    expect(code).not.toMatch(/^import /m);
    expect((await pg.get('/page.css')).status).toBe(200);
  });

  it('answers only requests addressed to localhost, and JSON posts only', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${pg.url}/api/state`);
      const req = request({ host: url.hostname, port: url.port, path: '/api/state', headers: { Host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    const form = await fetch(`${pg.url}/api/menu`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"function":"syncNow"}',
    });
    expect(form.status).toBe(415);
    expect((await pg.get('/nothing-here')).status).toBe(404);
  });
});
