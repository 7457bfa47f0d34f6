/**
 * The status line after a run: the reply tells each toast's timeout and whether it came before or
 * after the run's alerts, and the page shows the run's last word, never a toast the run outlived
 * ("Reading completed Checkout Sessions from Stripe…" after the sync has ended).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BUNDLE_PATH } from '../../src/apps-script-runtime';
import type { RunReply, ToastView } from '../../src/playground/api-types';
import { runOutcome } from '../../src/playground/page/run-outcome';
import { PLAYGROUND_STRIPE_KEY } from '../../src/playground/playground-stripe';
import { startTestPlayground, tempStateFile, type TestPlayground } from './helpers';

const PROBE = `
function probeAlertThenToast() {
  SpreadsheetApp.getActiveSpreadsheet().toast('Working…', 'Probe');
  SpreadsheetApp.getUi().alert('Half way');
  SpreadsheetApp.getActiveSpreadsheet().toast('All done', 'Probe', -1);
}
`;

let pg: TestPlayground;

beforeAll(async () => {
  const { dir, stateFile } = tempStateFile();
  const bundlePath = path.join(dir, 'Code.js');
  writeFileSync(bundlePath, readFileSync(DEFAULT_BUNDLE_PATH, 'utf8') + PROBE);
  pg = await startTestPlayground({ stateFile, bundlePath });
});

afterAll(async () => {
  await pg.stop();
});

describe("a run's toasts in its reply", () => {
  it('carry their timeout and how many alerts came before them', async () => {
    const reply = await pg.run('probeAlertThenToast');
    expect(reply.alerts).toEqual([{ title: '', prompt: 'Half way' }]);
    expect(reply.toasts).toEqual([
      { title: 'Probe', message: 'Working…', timeoutSeconds: 5, alertsBefore: 0 },
      { title: 'Probe', message: 'All done', timeoutSeconds: -1, alertsBefore: 1 },
    ]);
    expect(runOutcome('probeAlertThenToast()', reply, false)).toEqual({ message: 'Probe: All done', error: false, timeoutSeconds: null });
  });

  it('Sync now ends on its alert: the "Reading … from Stripe" toast came before it and is over', async () => {
    await pg.menu('connectStripeKey', [{ button: 'OK', text: PLAYGROUND_STRIPE_KEY }]);
    const synced = await pg.menu('syncNow', [{ button: 'OK', text: '30' }]);
    expect(synced.ok).toBe(true);
    // Every sync refreshes attribution and says so in a toast of its own, before the sync's alert.
    expect(synced.toasts).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Reading completed Checkout Sessions/),
        timeoutSeconds: 5,
        alertsBefore: 0,
      }),
      expect.objectContaining({
        message: expect.stringMatching(/^Attribution refreshed: \d+ of \d+ sales attributed\.$/),
        alertsBefore: 0,
      }),
    ]);
    expect(synced.alerts).toHaveLength(1);
    const outcome = runOutcome('Sync now', synced, false);
    expect(outcome).toEqual({
      message: `Sync now: ${synced.alerts[0]?.prompt.replace(/\s+/g, ' ').trim() ?? ''}`,
      error: false,
      timeoutSeconds: null,
    });
    expect(outcome?.message).toMatch(/^Sync now: Synced \d+ events/);
  });

  it("Check selected cells ends on its toast, shown for the toast's 8 seconds", async () => {
    await pg.post('/api/select', { sheet: 'Links', ranges: ['B2:G7'] });
    // No to its offer to apply the suggestions (issue 17): the run ends on the marking's toast.
    const checked = await pg.menu('checkSelectedCells', [{ button: 'NO' }]);
    expect(checked.alerts).toEqual([]);
    expect(checked.toasts).toEqual([expect.objectContaining({ title: 'Check selected cells', timeoutSeconds: 8, alertsBefore: 0 })]);
    expect(runOutcome('Check selected cells', checked, false)).toEqual({
      message: `Check selected cells: ${checked.toasts[0]?.message ?? ''}`,
      error: false,
      timeoutSeconds: 8,
    });
  });
});

describe('runOutcome', () => {
  const reply = (fields: Partial<RunReply>): RunReply => ({
    ok: true,
    alerts: [],
    toasts: [],
    dialogs: [],
    logs: [],
    version: 1,
    ...fields,
  });
  const toast = (fields: Partial<ToastView>): ToastView => ({
    title: 'Sync',
    message: 'Reading…',
    timeoutSeconds: 5,
    alertsBefore: 0,
    ...fields,
  });

  it('says a failure, whatever the run toasted before it, until something replaces it', () => {
    expect(runOutcome('Sync now', reply({ ok: false, error: 'Stripe said no', toasts: [toast({})] }), false)).toEqual({
      message: 'Sync now failed: Stripe said no',
      error: true,
      timeoutSeconds: null,
    });
    expect(runOutcome('x()', reply({ ok: false, error: 'boom' }), true)).toMatchObject({ message: 'x() failed: boom', error: true });
  });

  it('shows a last toast for its timeout, or until replaced when the timeout is not positive', () => {
    expect(runOutcome('Check', reply({ toasts: [toast({ title: '', message: 'one\n two', timeoutSeconds: 3 })] }), false)).toEqual({
      message: 'one two',
      error: false,
      timeoutSeconds: 3,
    });
    expect(runOutcome('Check', reply({ toasts: [toast({ timeoutSeconds: -1 })] }), true)).toEqual({
      message: 'Sync: Reading…',
      error: false,
      timeoutSeconds: null,
    });
  });

  it('says the last alert when it came after the toasts, and "done" when the run showed nothing', () => {
    const alerts = [{ title: '', prompt: 'Synced 3 events:\n3 new sessions.' }];
    expect(runOutcome('Sync now', reply({ alerts, toasts: [toast({})] }), false)).toEqual({
      message: 'Sync now: Synced 3 events: 3 new sessions.',
      error: false,
      timeoutSeconds: null,
    });
    expect(runOutcome('Open link builder', reply({}), false)).toEqual({
      message: 'Open link builder: done.',
      error: false,
      timeoutSeconds: null,
    });
    // A sidebar's google.script.run call: its own page says how it went.
    expect(runOutcome('insertLink()', reply({ alerts }), true)).toBeNull();
    expect(runOutcome('insertLink()', reply({}), true)).toBeNull();
  });
});
