/**
 * The menu's Re-attribute past sales: says how many sales today's link rows would move and where,
 * asks, and only on Yes rewrites their campaigns (gas/attribution/reattribute.ts). Past sales keep
 * the attribution they got unless a person chooses this, having seen what it changes.
 */

import { UnreadableTabError } from '../ledger/unreadable-tab';
import { planReattribution, reattributeAndWrite, type Reattribution } from '../attribution/reattribute';

const TITLE = 'Re-attribute past sales';

/** The step's answer, or null once an unreadable tab has been explained to the user (nothing was written). */
function orExplained<T>(ui: GoogleAppsScript.Base.Ui, step: () => T): T | null {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof UnreadableTabError)) throw error;
    ui.alert(TITLE, `Nothing was re-attributed. ${error.message.replace(/\.?$/, '.')}`, ui.ButtonSet.OK);
    return null;
  }
}

const salesText = (count: number): string => `${String(count)} ${count === 1 ? 'sale' : 'sales'}`;

export function askAndReattribute(): void {
  const ui = SpreadsheetApp.getUi();
  const plan: Reattribution | null = orExplained(ui, planReattribution);
  if (plan === null) return;
  if (plan.moved === 0 && plan.checkoutsMoved === 0) {
    ui.alert(
      TITLE,
      "No sale would move: every sale already has the campaign today's link rows give it. Nothing was changed.",
      ui.ButtonSet.OK,
    );
    return;
  }
  const answer = ui.alert(
    TITLE,
    `${plan.lines.join('\n')}\n\n` +
      `Move ${plan.moved + plan.checkoutsMoved === 1 ? 'it' : 'them'}? ` +
      "Their utm_* cells in Reconciliation are rewritten from today's link rows, and the Attribution tab and the links " +
      "tabs' counts follow. No leaves every sale where it is.",
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  const done = orExplained(ui, reattributeAndWrite);
  if (done === null) return;
  ui.alert(
    TITLE,
    `${salesText(done.moved)} moved to the campaign today's link rows give them. ${done.report.summary[0] ?? ''}`.trim(),
    ui.ButtonSet.OK,
  );
}
