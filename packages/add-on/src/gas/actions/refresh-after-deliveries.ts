/**
 * What the one-off trigger that deliveries schedule runs (reconciliation/refresh-schedule.ts): it
 * takes the pending refresh (its trigger deleted, the marker cleared, so a delivery from now on
 * schedules the next), then runs the same refresh as the menu's Refresh attribution, under the
 * script lock and without a Ui. A refresh that fails (the lock busy for its 30 s, Stripe
 * unreachable, an error) is scheduled again, later each time; a tab that cannot be read safely is
 * not: the Attribution tab's status line says what to fix, and the next delivery or Refresh
 * attribution tries again.
 */

import { refreshAndReport } from '../attribution/refresh';
import type { GlobalName } from '../menu';
import { REFRESH_AFTER_DELIVERIES_HANDLER, rescheduleRefresh, takePendingRefresh } from '../reconciliation/refresh-schedule';

/** The trigger's handler is a global of main.ts: a rename there fails to compile here. */
export const REFRESH_AFTER_DELIVERIES: GlobalName = REFRESH_AFTER_DELIVERIES_HANDLER;

export function refreshAfterDeliveriesFromTrigger(): void {
  const taken = takePendingRefresh();
  try {
    refreshAndReport();
  } catch (error) {
    const failures = (taken?.failures ?? 0) + 1;
    console.error(
      `Attribution was not refreshed after deliveries (${error instanceof Error ? error.message : String(error)}); trying again later (attempt ${String(failures + 1)}).`,
    );
    rescheduleRefresh(failures);
  }
}
