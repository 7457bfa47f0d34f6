/** The state file: written atomically and durably before a change is answered, and read back on the next start. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FakeStripeApi } from '../../src/fake-stripe';
import { deliverTo, startTestPlayground, tempStateFile } from './helpers';

describe('state that survives a restart', () => {
  it('keeps cells, formulas, deliveries, properties and the selection, and --reset starts afresh', async () => {
    const { stateFile } = tempStateFile();
    const first = await startTestPlayground({ stateFile });
    expect(existsSync(stateFile)).toBe(true); // the seed is saved at once
    await first.post('/api/cell', { sheet: 'Links', cell: 'B2', input: 'news letter' });
    const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000) });
    const event = stripe.scenario.paid().events[0]!;
    const delivered = await deliverTo(first.webhookUrl, JSON.stringify(event));
    expect(delivered.front.status).toBe(302);
    expect(await delivered.answer?.json()).toMatchObject({ ok: true, result: 'inserted' });
    await first.post('/api/select', { sheet: 'Reconciliation', ranges: ['A2'] });
    const token = first.app.properties.script.get('WEBHOOK_TOKEN');
    await first.stop(true);

    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { format: string };
    expect(saved.format).toBe('stripe-utm-playground');
    expect(readdirSync(path.dirname(stateFile)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const second = await startTestPlayground({ stateFile });
    expect(second.playground.seeded).toBe(false);
    expect(second.app.properties.script.get('WEBHOOK_TOKEN')).toBe(token);
    const links = await second.values('Links');
    expect(links[1]?.[1]).toBe('news letter');
    expect(links[1]?.[9]).toMatch(/utm_source: "news letter" has a space/);
    const reconciliation = await second.values('Reconciliation');
    expect(reconciliation.slice(1).map((row) => row[0])).toEqual([(event.data.object as { id: string }).id]);
    const state = await second.state();
    expect(state.selection).toEqual({ sheet: 'Reconciliation', ranges: ['A2'] });
    expect(state.menus?.length).toBe(1);
    await second.stop(true);

    const third = await startTestPlayground({ stateFile, reset: true });
    expect(third.playground.seeded).toBe(true);
    expect((await third.values('Links'))[1]?.[1]).toBe('newsletter');
    expect(await third.values('Reconciliation')).toHaveLength(1);
    await third.stop();
  });

  it('moves a broken state file aside and starts from a fresh seed', async () => {
    const { stateFile } = tempStateFile();
    const first = await startTestPlayground({ stateFile });
    await first.stop(true);
    writeFileSync(stateFile, '{"format":"stripe-utm-playground", "workb');
    const second = await startTestPlayground({ stateFile });
    expect(second.playground.seeded).toBe(true);
    expect(readdirSync(path.dirname(stateFile)).some((name) => name.startsWith('state.json.broken-'))).toBe(true);
    await second.stop();
  });

  it('answers an edit only once the file holds it, and saves a burst of concurrent edits in fewer writes', async () => {
    const { stateFile } = tempStateFile();
    const pg = await startTestPlayground({ stateFile });
    try {
      const writesBefore = pg.playground.saver.writes;
      const missing: string[] = [];
      const statuses = await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const input = `burst-${String(i)}`;
          const answer = await pg.post('/api/cell', { sheet: 'Links', cell: `L${String(i + 2)}`, input });
          // Read at the moment of the answer: the edit it reports done is already on disk.
          if (!readFileSync(stateFile, 'utf8').includes(`"${input}"`)) missing.push(input);
          return answer.status;
        }),
      );
      expect(statuses.every((status) => status === 200)).toBe(true);
      expect(missing).toEqual([]);
      const writes = pg.playground.saver.writes - writesBefore;
      expect(writes).toBeGreaterThanOrEqual(1);
      expect(writes).toBeLessThan(50); // group commit: edits that arrive during a write share the next one
    } finally {
      await pg.stop();
    }
  });

  it('answers 503, not a 302, to a delivery it could not save, and takes its resend once it can', async () => {
    const { stateFile } = tempStateFile();
    const pg = await startTestPlayground({ stateFile });
    try {
      // A folder where the state file goes: the rename that would save fails.
      rmSync(stateFile);
      mkdirSync(path.join(stateFile, 'in-the-way'), { recursive: true });
      const stripe = new FakeStripeApi({ now: () => Math.floor(Date.now() / 1000), seed: 9 });
      const event = stripe.scenario.paid().events[0]!;
      const session = (event.data.object as { id: string }).id;
      const refused = await deliverTo(pg.webhookUrl, JSON.stringify(event));
      expect(refused.front.status).toBe(503);
      expect(refused.front.headers.get('location')).toBeNull();
      expect(await refused.front.text()).toMatch(/not acknowledged/);
      expect((await pg.post('/api/cell', { sheet: 'Links', cell: 'L2', input: 'unsaved' })).status).toBe(500);

      rmSync(stateFile, { recursive: true });
      const resent = await deliverTo(pg.webhookUrl, JSON.stringify(event));
      expect(resent.front.status).toBe(302);
      expect(await resent.answer?.json()).toMatchObject({ ok: true, result: 'unchanged' }); // doPost had run the first time
      expect(readFileSync(stateFile, 'utf8')).toContain(session);
    } finally {
      await pg.stop();
    }
  });
});
