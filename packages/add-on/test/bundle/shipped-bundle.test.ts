/**
 * Most runtime tests load build/test/Code.js, the readable twin of the shipped bundle. This suite
 * runs the file users get, dist/Code.js (minified), through the same paths end to end, and checks
 * that the twin is that same code: the same globals, an error pointing at the TypeScript line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { ScriptError } from '@stripe-utm-sheets/tools/apps-script-runtime';
import { CODE_PATH, readBundle } from './bundle';
import { formatAsPlainText } from './user-edits';

const TEST_BUNDLE = path.resolve(__dirname, '../../build/test/Code.js');
const NOW = Math.floor(Date.UTC(2026, 10, 20, 12) / 1000);
const KEY = 'rk_test_51LocalRestrictedKey0001';

function globalsOf(bundle: string): string[] {
  return [...bundle.matchAll(/^function (\w+)\(/gm)].map((match) => match[1]!).sort();
}

describe('dist/Code.js, the shipped file', () => {
  it('records a session once, follows its delayed payment, and survives a Plain text tab', () => {
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => NOW });
    const app = new LocalAddOn(stripe, CODE_PATH);
    app.setUp();
    formatAsPlainText(app.workbook.sheet('Reconciliation'));
    const { session, events } = stripe.scenario.asyncPayment({ outcome: 'succeeded', clientReferenceId: '00123' });
    expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'inserted' });
    expect(app.deliver(events[0]!)).toMatchObject({ ok: true, result: 'unchanged' });
    expect(app.deliver(events[1]!)).toMatchObject({ ok: true, result: 'updated' });
    expect(app.rows()).toEqual([expect.objectContaining({ session_id: session.id, client_reference_id: '00123', payment_status: 'paid' })]);
  });

  it('syncs from Stripe through the menu', () => {
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => Math.floor(Date.now() / 1000) });
    stripe.scenario.paid();
    const app = new LocalAddOn(stripe, CODE_PATH);
    app.setUp();
    app.menu('connectStripeKey', { text: KEY });
    app.menu('syncNow', { text: '30' });
    expect(app.rows()).toHaveLength(1);
  });

  it("is minified, and declares the same globals as the tests' readable twin", () => {
    const shipped = readBundle();
    expect(shipped).not.toMatch(/sourceMappingURL/);
    expect(shipped.split('\n').length).toBeLessThan(200);
    expect(globalsOf(shipped)).toEqual(globalsOf(readFileSync(TEST_BUNDLE, 'utf8')));
  });
});

describe("the tests' bundle", () => {
  it('names the TypeScript file and line where an error was thrown', () => {
    const app = new LocalAddOn(undefined, TEST_BUNDLE);
    app.workbook.write('Links', [['payment_link'], ['https://buy.stripe.com/x']]);
    app.workbook.setSelection('Links', 'A1');
    const run = app.execution('editor');
    let thrown: unknown;
    try {
      run.runtime.call('sidebarInsertIntoActiveRow', { fields: { payment_link: 'https://buy.stripe.com/x' } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScriptError);
    expect((thrown as ScriptError).scriptStack).toMatch(/src\/gas\/links\/sidebar\.ts:\d+:\d+/);
    expect((thrown as ScriptError).stack).toMatch(/src\/gas\/main\.ts:\d+:\d+/);
  });
});
