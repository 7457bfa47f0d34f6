/**
 * Scheduled sync… (issue 17, item 4): one menu item, one dialog that shows the current choice (off,
 * every 15 minutes, every hour) and what the last scheduled run did, and one trigger at most per
 * person afterwards. Run from dist/Code.js in the local runtime.
 */
import { fireTrigger } from '@stripe-utm-sheets/tools/services';
import type { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { runInEditor } from './bundle';
import { connected, stripeWithHistory } from './connected-add-on';

interface ChoiceResult {
  ok: boolean;
  message: string;
  current: string;
}

const choose = (app: AddOn, value: string): ChoiceResult => runInEditor(app, 'chooseScheduledSync', value) as ChoiceResult;

/** The dialog as Scheduled sync… opens it. */
function dialog(app: AddOn): { title: string; html: string; text: string; checked: string | null } {
  app.menu('openScheduledSync');
  const shown = app.last?.services.ui.lastDialog();
  const html = shown?.html ?? '';
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
  return { title: shown?.title ?? '', html, text, checked: /value="(\w+)" checked/.exec(html)?.[1] ?? null };
}

const schedules = (app: AddOn) =>
  app.triggers
    .toJSON()
    .triggers.filter((t) => t.handlerFunction === 'runScheduledSync')
    .map((t) => t.schedule);

/** Set up, connected, and synced once (the scheduled sync needs a starting point). */
function synced(): AddOn {
  const app = connected(stripeWithHistory(3));
  app.menu('syncNow', { text: '30' });
  return app;
}

describe('the menu', () => {
  it('has one Scheduled sync… item in place of the two on/off toggles', () => {
    const app = synced();
    const run = app.menu('onOpen');
    const captions = JSON.stringify(run.services.ui.menus);
    expect(run.services.ui.menuFunction('Scheduled sync…')).toBe('openScheduledSync');
    expect(captions).not.toMatch(/on\/off/);
    expect(run.runtime.hasFunction('openScheduledSync')).toBe(true);
    expect(run.runtime.hasFunction('toggleHourlySync')).toBe(false);
  });

  it('is what the set-up dialog names', () => {
    const app = synced();
    app.menu('setUpReconciliation');
    const html = app.last?.services.ui.lastDialog()?.html ?? '';
    expect(html).toContain('within the interval you pick (15 minutes or an hour)');
    expect(html).toContain('then <b>Scheduled sync…</b> to choose how often.');
  });
});

describe('the dialog', () => {
  it('shows the current choice, and that it has not run yet', () => {
    const app = synced();
    const shown = dialog(app);
    expect(shown.title).toBe('Scheduled sync');
    expect(shown.checked).toBe('off');
    expect(shown.text).toContain('Your scheduled sync is off: new sales arrive by webhook, or when you choose Sync now.');
    expect(shown.text).toContain('The scheduled sync has not run yet.');
    expect(shown.text).toContain('Off Every 15 minutes Every hour');
    expect(shown.html).not.toMatch(/\bError\b/);
  });

  it('turns it on, shows which, replaces one interval by the other saying so, and turns it off', () => {
    const app = synced();
    const on = choose(app, '15');
    expect(on).toMatchObject({ ok: true, current: expect.stringContaining('on: every 15 minutes') });
    expect(on.message).toMatch(/^Your scheduled sync is on: every 15 minutes .* under your Google account/);
    expect(schedules(app)).toEqual([{ everyMinutes: 15 }]);
    expect(dialog(app).checked).toBe('15');

    expect(choose(app, '15').message).toBe('Your scheduled sync already runs every 15 minutes: nothing changed.');
    expect(schedules(app)).toEqual([{ everyMinutes: 15 }]);

    const hourly = choose(app, '60');
    expect(hourly.message).toMatch(/^Your scheduled sync is on \(it ran every 15 minutes before\): every hour/);
    expect(schedules(app)).toEqual([{ everyHours: 1 }]);
    expect(dialog(app)).toMatchObject({ checked: '60', text: expect.stringContaining('Your scheduled sync is on: every hour') });

    expect(choose(app, 'off')).toMatchObject({ ok: true, message: expect.stringMatching(/^Your scheduled sync is off\./) });
    expect(schedules(app)).toEqual([]);
    expect(dialog(app).checked).toBe('off');
  });

  it('says what to do first, and changes nothing, without a key or before the first Sync now', () => {
    const app = connected(stripeWithHistory(1));
    expect(choose(app, '60')).toMatchObject({ ok: false, message: expect.stringMatching(/^Run Sync now once first/) });
    app.menu('connectStripeKey', { text: '' });
    expect(choose(app, '15')).toMatchObject({ ok: false, message: expect.stringMatching(/^Connect a restricted Stripe key first/) });
    expect(choose(app, 'weekly')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Choose one of Off, Every 15 minutes, Every hour/),
    });
    expect(schedules(app)).toEqual([]);
  });
});

describe('its last run', () => {
  it('is kept by the trigger and shown: when, and what it did', () => {
    const stripe = stripeWithHistory(3);
    const app = connected(stripe);
    app.menu('syncNow', { text: '30' });
    choose(app, '60');
    stripe.scenario.paid({ clientReferenceId: 'from-the-trigger' });
    const [trigger] = app.triggers.toJSON().triggers;
    fireTrigger(app.execution('trigger'), trigger!.uniqueId);
    const shown = dialog(app);
    expect(shown.text).toMatch(/Last run: \d{4}-\d\d-\d\d \d\d:\d\d \(just now\)\. Synced \d+ events?: 1 new session,/);
    expect(shown.text).toMatch(/Attribution refreshed/);
    expect(shown.text).not.toMatch(/another person/);
  });

  it('says when it did not finish', () => {
    const app = synced();
    choose(app, '60');
    app.workbook.sheet('Reconciliation').insertRows(0, 1);
    const [trigger] = app.triggers.toJSON().triggers;
    fireTrigger(app.execution('trigger'), trigger!.uniqueId);
    expect(dialog(app).text).toMatch(/\(just now\)\. It did not finish: .*header row is missing/);
  });

  it("tells another person's scheduled sync from yours: triggers belong to the person who made them", () => {
    const app = synced();
    choose(app, '15');
    const [theirs] = app.triggers.toJSON().triggers;
    fireTrigger(app.execution('trigger'), theirs!.uniqueId);
    // What a second person sees: the trigger is not among theirs (getProjectTriggers lists only one's own).
    app.triggers.remove(theirs!.uniqueId);
    const shown = dialog(app);
    expect(shown.checked).toBe('off');
    expect(shown.text).toContain("by another person's scheduled sync");
    expect(shown.text).toContain('Another person turned a scheduled sync on (every 15 minutes).');
    expect(shown.text).toContain('only that person sees it here and can turn it off');
  });
});
