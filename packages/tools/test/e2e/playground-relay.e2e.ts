/**
 * A signed webhook through `npm run relay`, in front of the playground open in Debian's Chromium:
 * the relay checks the signature, and the sale shows up as one Reconciliation row, retries included.
 */
import { FakeStripeApi, signPayload } from '../../src/fake-stripe';
import { expectText } from './browser';
import { playgroundForEachTest } from './open-playground';
import { startRelay, type RelayProcess } from './relay-process';

// As Apps Script: the relay checks signatures, and the playground behind it does not.
const ui = playgroundForEachTest({ behindRelay: true });

describe('a delivery through the relay', () => {
  const RELAY_SECRET = 'whsec_e2e_relay_secret';
  let relay: RelayProcess;
  afterEach(async () => {
    await relay.stop();
  });

  it('is answered 200 by `npm run relay` and shows up as a Reconciliation row in the open page', async () => {
    relay = await startRelay({ STRIPE_WEBHOOK_SECRET: RELAY_SECRET, APPS_SCRIPT_URL: ui.playground.webhookUrl });
    await ui.page.getByRole('tab', { name: 'Reconciliation' }).click();
    await expectText(ui.cell(2, 1), /^$/);
    const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000) });
    const { session, events } = stripe.scenario.paid({
      currency: 'eur',
      amount: 4500,
      email: 'relay@example.com',
      clientReferenceId: 'nl-0002',
    });
    const body = JSON.stringify(events[0]);
    const post = (secret: string) =>
      fetch(relay.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signPayload(body, secret, Math.floor(Date.now() / 1000)) },
        body,
      });

    const forged = await post('whsec_not_the_secret');
    expect(forged.status).toBe(400);
    const signed = await post(RELAY_SECRET);
    expect(signed.status).toBe(200);
    expect(await signed.json()).toMatchObject({ ok: true, answer: { ok: true, result: 'inserted', session: session.id } });

    await expectText(ui.cell(2, 1), session.id);
    await expectText(ui.cell(2, 2), 'nl-0002');
    await expectText(ui.cell(2, 3), 'paid');
    await expectText(ui.cell(2, 5), 'eur');
    await expectText(ui.cell(3, 1), /^$/);

    // Stripe's retry of the same event: 200 again, and still one row.
    const again = await post(RELAY_SECRET);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, answer: { result: 'unchanged' } });
    await ui.page.reload();
    await ui.page.getByRole('tab', { name: 'Reconciliation' }).click();
    await expectText(ui.cell(2, 1), session.id);
    await expectText(ui.cell(3, 1), /^$/);
    expect(relay.output.join('\n')).toMatch(/relay: 200 /);
  });
});
