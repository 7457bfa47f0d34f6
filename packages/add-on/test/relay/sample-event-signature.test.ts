/** `npm run send-event` (the tools' sample events) signs each kind so that the relay's own verifier accepts it, and only with that secret. */
import { SAMPLE_KINDS, sampleEventsOf, sampleStory } from '@stripe-utm-sheets/tools/sample-events/sample-events';
import { sendEvents } from '@stripe-utm-sheets/tools/sample-events/send';
import { verifySignature } from '../../src/relay/signature';

const SECRET = 'whsec_sampleEventSignatureTest0123456789';

test.each(SAMPLE_KINDS)('%s verifies with the relay, over the body as sent', async (kind) => {
  const sent: { body: string; signature: string | null }[] = [];
  const capture = ((_url: string, init?: RequestInit) => {
    sent.push({ body: typeof init?.body === 'string' ? init.body : '', signature: new Headers(init?.headers).get('stripe-signature') });
    return Promise.resolve(new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } }));
  }) as typeof fetch;
  const events = sampleEventsOf(sampleStory('nl-0001'), kind);
  const [delivery] = await sendEvents(events, {
    target: { kind: 'url', url: 'https://relay.example.workers.dev/' },
    playground: 'http://127.0.0.1:9',
    secret: SECRET,
    fetch: capture,
  });
  expect(delivery?.ok).toBe(true);
  expect(sent).toHaveLength(1);
  const { body, signature } = sent[0]!;
  expect(JSON.parse(body)).toMatchObject({ type: kind, id: events[0]!.id });
  await expect(verifySignature(body, signature, SECRET)).resolves.toMatchObject({ ok: true });
  await expect(verifySignature(body, signature, `${SECRET}x`)).resolves.toMatchObject({ ok: false, failure: 'no_match' });
});
