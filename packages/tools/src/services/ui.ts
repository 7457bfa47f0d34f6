/**
 * SpreadsheetApp.getUi(), following https://developers.google.com/apps-script/reference/base/ui,
 * https://developers.google.com/apps-script/reference/base/menu and
 * https://developers.google.com/apps-script/reference/base/prompt-response: the add-on menu, alerts,
 * prompts, sidebars and modal dialogs. Everything the script shows is recorded in `log`; alerts and
 * prompts are answered from a queue the test fills with `answerNext`. The records keep the shapes of
 * sub-menus and modeless dialogs, which the playground can show, though no script method makes them.
 */
import { facade, stringOf, textOf, unwrapFacade, type ScriptRealm } from './script-realm';

export const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
export type ButtonName = keyof typeof BUTTON;
export type ButtonSetName = keyof typeof BUTTON_SET;

const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuItemRecord =
  { kind: 'item'; caption: string; functionName: string } | { kind: 'separator' } | { kind: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  name: string;
  /** createAddonMenu() rather than createMenu(name). */
  addon: boolean;
  items: MenuItemRecord[];
}

export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
}

export type UiLogEntry =
  | { kind: 'menu'; menu: MenuRecord }
  | { kind: 'alert'; title: string; prompt: string; buttons: ButtonSetName; answer: ButtonName }
  | { kind: 'prompt'; title: string; prompt: string; buttons: ButtonSetName; answer: ButtonName; text: string }
  | DialogRecord;

/** A dialog the script showed that needed an answer nobody had given (see UiFake.stopWhenUnanswered). */
export interface UnansweredDialog {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
}

/** Thrown into the script at an alert or prompt with no answer queued, when UiFake.stopWhenUnanswered is set. */
export class UnansweredDialogError extends Error {
  constructor(readonly dialog: UnansweredDialog) {
    super(`The script is waiting for an answer to the ${dialog.kind} "${dialog.title || dialog.prompt.slice(0, 60)}"`);
    this.name = 'UnansweredDialogError';
  }
}

/** The buttons of a ButtonSet, in the order Sheets shows them. */
export function buttonsOf(set: ButtonSetName): ButtonName[] {
  return [...BUTTONS_OF[set]];
}

export interface ScriptedAnswer {
  /** The button the user presses (default: the first button of the set, OK or YES). */
  button?: ButtonName;
  /** What the user types into a prompt (default ''). */
  text?: string;
}

function isButtonSet(value: unknown): value is ButtonSetName {
  return typeof value === 'string' && value in BUTTON_SET;
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

export class UiFake {
  /** Everything shown, in order. */
  readonly log: UiLogEntry[] = [];
  /** The menus on the UI now: re-adding a menu of the same name replaces it. */
  readonly menus: MenuRecord[] = [];
  /** The name Sheets shows for the add-on's menu (createAddonMenu). */
  addonName = 'Add-on';
  /**
   * For the playground, which cannot answer in the middle of a call: a prompt, or an alert with more
   * than an OK button, that has no queued answer stops the script (throws, as a service throws an
   * Exception, and records the dialog in `unanswered`) instead of taking the default button.
   */
  stopWhenUnanswered = false;
  /** The dialog that stopped the script (only with stopWhenUnanswered). */
  unanswered: UnansweredDialog | null = null;
  private readonly answers: ScriptedAnswer[] = [];

  /** Queues the answer to the next alert or prompt. */
  answerNext(answer: ScriptedAnswer): this {
    this.answers.push(answer);
    return this;
  }

  /** Scripted answers not used yet. */
  get pendingAnswers(): number {
    return this.answers.length;
  }

  /** The function a menu item of that caption runs (searching sub-menus too), or null. */
  menuFunction(caption: string): string | null {
    const search = (items: MenuItemRecord[]): string | null => {
      for (const item of items) {
        if (item.kind === 'item' && item.caption === caption) return item.functionName;
        if (item.kind === 'submenu') {
          const found = search(item.menu.items);
          if (found !== null) return found;
        }
      }
      return null;
    };
    for (const menu of this.menus) {
      const found = search(menu.items);
      if (found !== null) return found;
    }
    return null;
  }

  /** The last sidebar or dialog shown, or null. */
  lastDialog(): DialogRecord | null {
    for (let i = this.log.length - 1; i >= 0; i--) {
      const entry = this.log[i];
      if (entry && (entry.kind === 'sidebar' || entry.kind === 'modal' || entry.kind === 'modeless')) return entry;
    }
    return null;
  }

  /** The Ui object the script gets from SpreadsheetApp.getUi(). */
  forScript(realm: ScriptRealm): object {
    return facade(new UiImpl(this, realm), realm, { name: 'Ui' });
  }

  /** @internal Stops the script at a dialog that needs an answer nobody gave (stopWhenUnanswered only). */
  requireAnswer(dialog: UnansweredDialog): void {
    if (!this.stopWhenUnanswered || this.answers.length > 0) return;
    if (dialog.kind === 'alert' && dialog.buttons === 'OK') return;
    this.unanswered = dialog;
    throw new UnansweredDialogError(dialog);
  }

  /** @internal */
  takeAnswer(buttons: ButtonSetName): { button: ButtonName; text: string } {
    const allowed = BUTTONS_OF[buttons];
    const answer = this.answers.shift() ?? {};
    const button = answer.button ?? allowed[0] ?? 'OK';
    if (button !== 'CLOSE' && !allowed.includes(button)) {
      throw new Error(`Scripted answer ${button} is not a button of ButtonSet.${buttons}`);
    }
    return { button, text: answer.text ?? '' };
  }

  /** @internal */
  addMenu(menu: MenuRecord): void {
    const index = this.menus.findIndex((m) => m.name === menu.name && m.addon === menu.addon);
    if (index === -1) this.menus.push(menu);
    else this.menus[index] = menu;
    this.log.push({ kind: 'menu', menu });
  }
}

interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number | null;
  getHeight(): number | null;
}

function htmlOf(value: unknown, method: string): HtmlLike {
  const target = unwrapFacade(value);
  if (target !== null && typeof target === 'object' && 'getContent' in target && 'getTitle' in target) return target as HtmlLike;
  throw new Error(`The parameters (${typeName(value)}) don't match the method signature for Ui.${method}.`);
}

function copyMenu(menu: MenuRecord): MenuRecord {
  return {
    name: menu.name,
    addon: menu.addon,
    items: menu.items.map((item) => (item.kind === 'submenu' ? { kind: 'submenu', menu: copyMenu(item.menu) } : { ...item })),
  };
}

class MenuImpl {
  readonly record: MenuRecord;

  constructor(
    private readonly ui: UiFake,
    private readonly realm: ScriptRealm,
    name: string,
    addon: boolean,
  ) {
    this.record = { name, addon, items: [] };
  }

  addItem(caption: unknown, functionName: unknown): object {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw new Error(`The parameters (${typeName(caption)},${typeName(functionName)}) don't match the method signature for Menu.addItem.`);
    }
    this.record.items.push({ kind: 'item', caption, functionName });
    return facade(this, this.realm, { name: 'Menu' });
  }

  addSeparator(): object {
    this.record.items.push({ kind: 'separator' });
    return facade(this, this.realm, { name: 'Menu' });
  }

  addToUi(): void {
    this.ui.addMenu(copyMenu(this.record));
  }
}

class PromptResponseImpl {
  constructor(
    private readonly button: ButtonName,
    private readonly text: string,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): ButtonName {
    return this.button;
  }
}

function dialogArguments(args: unknown[], method: string): { title: string; prompt: string; buttons: ButtonSetName } {
  const [a, b, c] = args;
  const text = textOf;
  if (args.length <= 1) return { title: '', prompt: text(a), buttons: 'OK' };
  if (args.length === 2) {
    if (!isButtonSet(b)) throw new Error(`The parameters (String,${typeName(b)}) don't match the method signature for Ui.${method}.`);
    return { title: '', prompt: text(a), buttons: b };
  }
  if (!isButtonSet(c)) throw new Error(`The parameters (String,String,${typeName(c)}) don't match the method signature for Ui.${method}.`);
  return { title: text(a), prompt: text(b), buttons: c };
}

class UiImpl {
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;

  constructor(
    private readonly ui: UiFake,
    private readonly realm: ScriptRealm,
  ) {}

  createAddonMenu(): object {
    return facade(new MenuImpl(this.ui, this.realm, this.ui.addonName, true), this.realm, { name: 'Menu' });
  }

  alert(...args: unknown[]): ButtonName {
    const { title, prompt, buttons } = dialogArguments(args, 'alert');
    this.ui.requireAnswer({ kind: 'alert', title, prompt, buttons });
    const { button } = this.ui.takeAnswer(buttons);
    this.ui.log.push({ kind: 'alert', title, prompt, buttons, answer: button });
    return button;
  }

  prompt(...args: unknown[]): object {
    const { title, prompt, buttons } = dialogArguments(args, 'prompt');
    this.ui.requireAnswer({ kind: 'prompt', title, prompt, buttons });
    const { button, text } = this.ui.takeAnswer(buttons);
    this.ui.log.push({ kind: 'prompt', title, prompt, buttons, answer: button, text });
    return facade(new PromptResponseImpl(button, text), this.realm, { name: 'PromptResponse' });
  }

  showSidebar(output: unknown): void {
    show(this.ui, 'sidebar', output, null, 'showSidebar');
  }

  showModalDialog(output: unknown, title: unknown): void {
    show(this.ui, 'modal', output, title, 'showModalDialog');
  }
}

function show(ui: UiFake, kind: DialogRecord['kind'], output: unknown, title: unknown, method: string): void {
  const html = htmlOf(output, method);
  ui.log.push({
    kind,
    title: title === null || title === undefined ? html.getTitle() : stringOf(title),
    html: html.getContent(),
    width: html.getWidth(),
    height: html.getHeight(),
  });
}
