/**
 * A menu item's guidance, titled by what it is about. Sheets shows what a menu item throws in a box
 * titled "Error", which is wrong for a message a person acts on ("… is the add-on's own tab: select
 * your links tab", "the add-on was busy… try again in a moment"): those are the add-on's own plain
 * `Error`s, so they are shown in an alert titled by the menu item instead. Anything else (a
 * TypeError, a service's exception) is a fault and still fails the run, as does any error where
 * there is no Ui to show it in (a trigger).
 */

import { menuLabel, type GlobalName } from '../menu';

export function asMenuAction(item: GlobalName, work: () => void): void {
  try {
    work();
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'Error') throw error;
    let ui: GoogleAppsScript.Base.Ui;
    try {
      ui = SpreadsheetApp.getUi();
    } catch {
      throw error;
    }
    console.warn(`${menuLabel(item)}: ${error.message}`);
    ui.alert(menuLabel(item), error.message, ui.ButtonSet.OK);
  }
}

/** A menu item's answer to the person who chose it, titled by the item (an untitled alert reads as anonymous). */
export function tellFrom(item: GlobalName, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(menuLabel(item), message, ui.ButtonSet.OK);
}
