/**
 * Messages with one voice (issue 17, item 5), from dist/Code.js and the dialogs built beside it:
 * guidance titled by what it is about, never "Error"; the refusal of a secret key naming every
 * permission; Help and the set-up dialog complete in themselves, the relay explained where a
 * marketer reads it; the new URL first after Rotate webhook token.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { LocalAddOn as AddOn, WEB_APP_URL } from '@stripe-utm-sheets/tools/local-add-on';
import { KEY_PERMISSIONS } from '../../src/core/ledger/stripe-events';
import { DIST } from './bundle';
import { snapshot, workbook } from './link-workbook';

const KEY = 'rk_test_51LocalRestrictedKey0001';

/** What a person reads in an HTML page: no markup, no script, no style, and only what is not hidden. */
function readable(html: string): string {
  const source = html.replace(/<(script|style)[\s\S]*?<\/\1>/g, '');
  // Drop a hidden block and everything in it: a stack of the open divs and paragraphs.
  const open: boolean[] = [];
  let text = '';
  let at = 0;
  for (const tag of source.matchAll(/<(\/?)(div|p)\b([^>]*)>/g)) {
    if (!open.includes(true)) text += source.slice(at, tag.index);
    at = tag.index + tag[0].length;
    if (tag[1] === '/') open.pop();
    else open.push(/\bhidden\b/.test(tag[3] ?? ''));
    text += ' ';
  }
  text += source.slice(at);
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const alertsOf = (app: AddOn) => (app.last?.services.ui.log ?? []).flatMap((entry) => (entry.kind === 'alert' ? [entry] : []));

describe('guidance is titled by what it is about, never "Error"', () => {
  it('Check selected cells on one of the add-on’s own tabs says so in an alert titled "Check selected cells"', () => {
    const app = workbook();
    app.workbook.setSelection('Reconciliation', 'A1:J2');
    const before = snapshot(app);
    expect(() => app.menu('checkSelectedCells')).not.toThrow();
    expect(alertsOf(app)).toEqual([
      expect.objectContaining({
        title: 'Check selected cells',
        prompt: expect.stringContaining('"Reconciliation" is the add-on\'s own tab: nothing was written'),
      }),
    ]);
    expect(snapshot(app)).toBe(before);
  });
});

describe('the refusal of a secret key', () => {
  it('asks for a restricted key with read access to every permission the add-on needs, Payment Links included', () => {
    const app = new AddOn(new FakeStripeApi());
    app.setUp();
    app.menu('connectStripeKey', { text: 'sk_test_51SecretKeyThatCanMoveMoney' });
    const said = alertsOf(app).at(-1)?.prompt ?? '';
    expect(said).toMatch(/^That is a secret key, which can move money\. Create a restricted key \(rk_\.\.\.\) with read access to /);
    for (const permission of KEY_PERMISSIONS) expect(said).toContain(permission.resource);
    expect(said).toContain('Payment Links');
    expect(said).not.toMatch(/\bonly\b/);
  });
});

describe('the set-up dialog', () => {
  function setUpDialog(): string {
    const app = new AddOn();
    app.setUp();
    return app.last?.services.ui.lastDialog()?.html ?? '';
  }

  it('is complete in itself: it sends nobody to the README', () => {
    expect(setUpDialog()).not.toMatch(/README/i);
  });

  it("gives the relay's two values and what to do with each, in order", () => {
    const text = readable(setUpDialog());
    expect(text).toContain(`APPS_SCRIPT_URL : this spreadsheet's address for the relay, with its secret token. Copy it:`);
    expect(setUpDialog()).toContain(`value="${WEB_APP_URL}?token=`);
    expect(text).toMatch(/Why a relay: .* never sees that signature/);
    const steps = [
      'npx wrangler secret put APPS_SCRIPT_URL',
      'npx wrangler deploy',
      "Developers > Webhooks > Add endpoint : the relay's address",
      'Signing secret , choose Reveal , copy the whsec_... value',
      'npx wrangler secret put STRIPE_WEBHOOK_SECRET',
    ];
    const at = steps.map((step) => text.indexOf(step));
    expect(at.every((index) => index > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

describe('Rotate webhook token', () => {
  it('shows the new URL first, then where it goes, and nothing of the first set-up', () => {
    const app = new AddOn();
    app.setUp();
    app.menu('rotateWebhookToken', { button: 'YES' });
    const html = app.last?.services.ui.lastDialog()?.html ?? '';
    const text = readable(html);
    expect(text).toMatch(/^New webhook URL The new webhook URL , with its new secret token: Copy The old URL no longer works\./);
    expect(html).toContain(`value="${WEB_APP_URL}?token=${app.token()}"`);
    expect(html.indexOf(`value="${WEB_APP_URL}?token=`)).toBeLessThan(html.indexOf('old URL no longer works'));
    expect(text).toContain("in the relay's APPS_SCRIPT_URL setting");
    expect(text).not.toContain('Sales reach it in one of three ways');
  });
});

describe('Help', () => {
  const help = readable(readFileSync(path.join(DIST, 'Help.html'), 'utf8'));

  it('explains the relay in plain words, complete in itself', () => {
    expect(help).not.toMatch(/README/i);
    expect(help).toMatch(/the relay , goes between them/);
    expect(help).toMatch(/checks the signature, passes the event on to this sheet and tells Stripe it arrived/);
    expect(help).toContain('APPS_SCRIPT_URL');
    expect(help).toContain('STRIPE_WEBHOOK_SECRET');
    expect(help).toContain("the webhook endpoint is then the relay's address, never the sheet's");
  });

  it('never tells a user to paste the /exec URL into Stripe as the way to set up', () => {
    expect(help).not.toMatch(/shows the webhook URL to paste into Stripe/);
    expect(help).toMatch(/Direct endpoint: only for trying things out/);
  });

  it("says what a marketer's day with links needs: required values, references, fixes in bulk, naming rules", () => {
    expect(help).toContain('Source, medium and campaign are required');
    expect(help).toMatch(/every link the add-on writes gets a reference of its own/);
    expect(help).toMatch(/offers to apply the suggested values to the cells it marked/);
    expect(help).toMatch(/Naming rules .* any tab whose first row names UTM parameters/);
    expect(help).toContain('payment_link_domain');
  });

  it('names Scheduled sync…, the one place to choose it', () => {
    expect(help).toContain('then Scheduled sync… to read new sales from Stripe every 15 minutes or every hour');
  });
});

describe('counts in words that agree', () => {
  it('says "0 of 1 sale attributed" after a sync of one sale', () => {
    const stripe = new FakeStripeApi({ keys: [KEY], now: () => Math.floor(Date.now() / 1000) });
    const app = new AddOn(stripe);
    app.setUp();
    app.menu('connectStripeKey', { text: KEY });
    stripe.scenario.paid({ clientReferenceId: 'no-such-row' });
    const run = app.menu('syncNow', { text: '1' });
    expect(run.services.spreadsheet.toasts.map((toast) => toast.message)).toContain('Attribution refreshed: 0 of 1 sale attributed.');
    const refreshed = app.menu('refreshAttribution').services.spreadsheet.toasts.at(-1)?.message ?? '';
    expect(refreshed).toMatch(/^0 of 1 sale attributed\./);
  });
});
