/**
 * Sync when the Reconciliation tab cannot be read safely (its header row gone): Sync now and the
 * hourly trigger stop with the reason and write nothing, and the Attribution tab's status line says so.
 */
import type { FakeStripeApi } from '@stripe-utm-sheets/tools/fake-stripe';
import { fireTrigger } from '@stripe-utm-sheets/tools/services';
import { runInEditor } from './bundle';
import type { LocalAddOn as AddOn } from '@stripe-utm-sheets/tools/local-add-on';
import { connected, lastAlert, stripeWithHistory } from './connected-add-on';

const stripe = (app: AddOn): FakeStripeApi => app.stripe;

describe('a Reconciliation tab that cannot be read safely', () => {
  it('stops Sync now with the reason and writes nothing; the next sync, once the header is back, writes everything once', () => {
    const app = connected(stripeWithHistory(5));
    const tab = app.workbook.sheet('Reconciliation');
    tab.insertRows(0, 1);
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toMatch(/Sync stopped: The Reconciliation tab's header row is missing/);
    // A sync is not a delivery: Stripe has nothing to send again.
    expect(lastAlert(app)).not.toMatch(/Stripe will send/);
    expect(tab.lastRow()).toBe(2);
    tab.deleteRows(1, 1);
    app.menu('syncNow', { text: '30' });
    expect(lastAlert(app)).toMatch(/5 new sessions/);
    expect(app.rows()).toHaveLength(5);
  });

  it('makes the hourly trigger log the reason instead of failing', () => {
    const app = connected(stripeWithHistory(3));
    app.menu('syncNow', { text: '30' });
    runInEditor(app, 'chooseScheduledSync', '60');
    app.workbook.sheet('Reconciliation').insertRows(0, 1);
    const [trigger] = app.triggers.toJSON().triggers;
    const run = app.execution('trigger');
    expect(() => fireTrigger(run, trigger!.uniqueId)).not.toThrow();
    expect(run.runtime.logs.map((entry) => entry.message).join('\n')).toMatch(
      /Scheduled sync stopped: The Reconciliation tab's header row is missing/,
    );
  });

  it("says so on the Attribution tab's status line, and writes nothing else anywhere", () => {
    const app = connected(stripeWithHistory(3));
    app.menu('syncNow', { text: '30' });
    stripe(app).scenario.paid({ clientReferenceId: 'after-the-title-row' });
    app.workbook.sheet('Reconciliation').insertRows(0, 1);
    const cells = () => app.workbook.sheets.filter((sheet) => sheet.name !== 'Attribution').map((sheet) => JSON.stringify(sheet.values()));
    const before = cells();
    app.menu('syncNow');
    expect(cells()).toEqual(before);
    const status = app.workbook
      .sheet('Attribution')
      .values()
      .flat()
      .map(String)
      .find((cell) => cell.startsWith('Sync stopped'));
    expect(status).toMatch(/The Reconciliation tab's header row is missing \(row 1 is empty\)/);
  });
});
