/**
 * The playground runs the scheduled sync on its schedule (issue 17): once a person chose it in
 * Scheduled sync…, the server's clock runs the recurring trigger when it comes due, the page is
 * told, and the state's info (banner and page) says what runs and when.
 */
import { SCRIPT_PROPERTIES } from '@stripe-utm-sheets/add-on/core/contracts/script-properties';
import { PLAYGROUND_STRIPE_KEY } from '../../src/playground/playground-stripe';
import { runDueTriggers } from '../../src/playground/due-triggers';
import { nextRunMs } from '../../src/services';
import { startTestPlayground, type TestPlayground } from './helpers';

let pg: TestPlayground;

beforeAll(async () => {
  pg = await startTestPlayground();
  expect((await pg.menu('connectStripeKey', [{ text: PLAYGROUND_STRIPE_KEY }])).ok).toBe(true);
  expect((await pg.menu('syncNow', [{ text: '30' }])).ok).toBe(true);
});

afterAll(async () => {
  await pg.stop();
});

const scheduled = () => pg.app.triggers.triggers.filter((t) => t.handlerFunction === 'runScheduledSync');
const lastRun = () => pg.app.properties.script.get(SCRIPT_PROPERTIES.scheduledSyncLastRun);

describe('the scheduled sync in the playground', () => {
  it('says that none is on, and how to turn one on', async () => {
    expect((await pg.state()).info?.schedule).toMatch(
      /^Scheduled syncs run on their schedule while the playground runs\. None is on: choose "Scheduled sync…"/,
    );
  });

  it('runs when due on the fake clock, once, and the state says when it runs next', async () => {
    const chosen = await pg.run('chooseScheduledSync', ['15']);
    expect(chosen.result).toMatchObject({ ok: true });
    const [trigger] = scheduled();
    expect((await pg.state()).info?.schedule).toMatch(/: the scheduled sync every 15 minutes, next at \d\d:\d\d\.$/);
    const due = nextRunMs(trigger!)!;
    expect(runDueTriggers(pg.playground, new Date(due - 1000), () => undefined)).toEqual([]);
    const version = (await pg.state()).version;
    const fired = runDueTriggers(pg.playground, new Date(due), () => undefined);
    expect(fired.map((f) => [f.trigger.handlerFunction, f.ok])).toEqual([['runScheduledSync', true]]);
    expect(JSON.parse(lastRun() ?? '{}')).toMatchObject({
      ok: true,
      trigger: trigger!.uniqueId,
      summary: expect.stringMatching(/^Synced /),
    });
    expect((await pg.state()).version).toBeGreaterThan(version);
    expect(nextRunMs(trigger!)).toBe(due + 15 * 60_000);
  });

  it("runs on the server's own clock when it comes due", async () => {
    const store = pg.app.properties.script;
    const without = store.snapshot();
    without.delete(SCRIPT_PROPERTIES.scheduledSyncLastRun);
    store.replace(without);
    const [trigger] = scheduled();
    trigger!.schedule!.nextRunAt = new Date(Date.now() - 1000).toISOString();
    const deadline = Date.now() + 15_000;
    while (lastRun() === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(JSON.parse(lastRun() ?? '{}')).toMatchObject({ ok: true, trigger: trigger!.uniqueId });
    expect(nextRunMs(trigger!)).toBeGreaterThan(Date.now());
  });
});
