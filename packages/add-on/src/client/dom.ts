/** The sidebar's elements by id, and the state its modules share: one page, one form. */

import type { LinkFields, SidebarContext } from '../core/contracts/sidebar-api';
import type { LinkField } from '../core/link-tabs/link-columns';

export function $(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Missing #${id}`);
  return element;
}

export function input(field: LinkField): HTMLInputElement {
  return $(`f-${field}`) as HTMLInputElement;
}

export function button(id: string): HTMLButtonElement {
  return $(id) as HTMLButtonElement;
}

export const page: {
  /** What the server said about the sheet, last time it was read. */
  context: SidebarContext | null;
  /** What the form was filled with from the active row: a field still holding it was not typed, and Tag selected rows leaves it to that row. */
  filledFrom: LinkFields | null;
  /** True while the page waits for the user to answer whether filled cells may be replaced. */
  asking: boolean;
} = { context: null, filledFrom: null, asking: false };
