/** Ui, Menu, PromptResponse, and the UI state tests inspect (env.ui). */
import { ServiceError } from '../errors';
import { Button, ButtonName, ButtonSet, enumName } from '../enums';
import { GasObject } from '../gas-object';
import type { Execution } from '../execution';
import type { HtmlOutput } from './html';

/** One entry of a menu. */
export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { caption: string; submenu: MenuInfo };

/** A menu added to the UI. */
export interface MenuInfo {
  title: string;
  /** True for createAddonMenu() (shown under Extensions > add-on name). */
  addon: boolean;
  items: MenuEntry[];
}

/** A sidebar or dialog shown. */
export interface PanelInfo {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width: number | null;
  height: number | null;
  executionId: number;
}

/** A toast shown with Spreadsheet.toast. */
export interface ToastInfo {
  message: string;
  title: string;
  timeoutSeconds: number;
  executionId: number;
}

/** An alert or prompt shown, with the response it got. */
export interface AlertInfo {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: string;
  response: ButtonName;
  text?: string;
}

/** A scripted answer to the next alert/prompt: a button name, or {button, text} for a prompt. */
export type ScriptedResponse = ButtonName | { button?: ButtonName; text?: string };

const BUTTONS: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** What the user sees: menus, sidebars, dialogs, toasts, alerts; and scripted answers. */
export class UiState {
  readonly menus: MenuInfo[] = [];
  readonly sidebars: PanelInfo[] = [];
  readonly dialogs: PanelInfo[] = [];
  readonly toasts: ToastInfo[] = [];
  readonly alerts: AlertInfo[] = [];
  private readonly queue: ScriptedResponse[] = [];

  constructor(readonly addonName: string) {}

  /** Queues answers for the next alerts/prompts, in order. Unanswered ones get the first button. */
  respond(...responses: ScriptedResponse[]): void {
    this.queue.push(...responses);
  }

  /** Scripted answers not used yet. */
  pendingResponses(): number {
    return this.queue.length;
  }

  /** The menu with that title (the add-on menu's title is the add-on name). */
  menu(title: string): MenuInfo | undefined {
    return this.menus.find((m) => m.title === title);
  }

  /** Forgets the menus (a page reload). */
  clearMenus(): void {
    this.menus.length = 0;
  }

  _next(buttonSet: string): { button: ButtonName; text: string } {
    const r = this.queue.shift();
    const dflt = (BUTTONS[buttonSet] ?? ['OK'])[0];
    if (r === undefined) return { button: dflt, text: '' };
    if (typeof r === 'string') return { button: r, text: '' };
    return { button: r.button ?? dflt, text: r.text ?? '' };
  }

  _addMenu(menu: MenuInfo): void {
    const i = this.menus.findIndex((m) => m.title === menu.title);
    if (i >= 0) this.menus[i] = menu;
    else this.menus.push(menu);
  }
}

/** Apps Script's Menu. */
export class Menu extends GasObject {
  readonly _type = 'Menu';
  readonly _items: MenuEntry[] = [];
  constructor(x: Execution, readonly _title: string, readonly _addon: boolean) {
    super(x);
  }
  addItem(caption: string, functionName: string): Menu {
    this._items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): Menu {
    this._items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: Menu): Menu {
    this._items.push({ caption: menu._title, submenu: menu._info() });
    return this;
  }
  addToUi(): void {
    this._x.env.ui._addMenu(this._info());
  }
  _info(): MenuInfo {
    return { title: this._title, addon: this._addon, items: this._items.map((i) => ({ ...i })) };
  }
}

/** Apps Script's PromptResponse. */
export class PromptResponse extends GasObject {
  readonly _type = 'PromptResponse';
  constructor(x: Execution, readonly _button: ButtonName, readonly _text: string) {
    super(x);
  }
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): unknown {
    return Button[this._button];
  }
}

/** Apps Script's Ui (Spreadsheet UI). */
export class Ui extends GasObject {
  readonly _type = 'Ui';
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(x: Execution) {
    super(x);
  }
  createMenu(caption: string): Menu {
    return new Menu(this._x, String(caption), false);
  }
  createAddonMenu(): Menu {
    return new Menu(this._x, this._x.env.ui.addonName, true);
  }

  _dialog(kind: 'alert' | 'prompt', args: unknown[]): { title: string; message: string; buttons: string } {
    const isSet = (v: unknown): boolean => v !== undefined && String(v) in BUTTONS;
    if (args.length >= 3) return { title: String(args[0]), message: String(args[1]), buttons: enumName(args[2]) };
    if (args.length === 2) {
      if (isSet(args[1])) return { title: '', message: String(args[0]), buttons: enumName(args[1]) };
      if (kind === 'prompt') return { title: String(args[0]), message: String(args[1]), buttons: 'OK' };
    }
    if (args.length === 0) throw new ServiceError(`The parameters () don't match the method signature for Ui.${kind}.`);
    return { title: '', message: String(args[0]), buttons: 'OK' };
  }
  /** alert(prompt) | (prompt, buttons) | (title, prompt, buttons): returns the scripted Button. */
  alert(...args: unknown[]): unknown {
    const d = this._dialog('alert', args);
    const r = this._x.env.ui._next(d.buttons);
    this._x.env.ui.alerts.push({ kind: 'alert', ...d, response: r.button });
    return Button[r.button];
  }
  /** prompt(prompt) | (prompt, buttons) | (title, prompt, buttons): returns the scripted PromptResponse. */
  prompt(...args: unknown[]): PromptResponse {
    const d = this._dialog('prompt', args);
    const r = this._x.env.ui._next(d.buttons);
    this._x.env.ui.alerts.push({ kind: 'prompt', ...d, response: r.button, text: r.text });
    return new PromptResponse(this._x, r.button, r.text);
  }
  _panel(kind: PanelInfo['kind'], html: HtmlOutput, title?: string): PanelInfo {
    return { kind, title: title ?? html._title, content: html._content, width: html._width, height: html._height, executionId: this._x.id };
  }
  showSidebar(userInterface: HtmlOutput): void {
    this._x.env.ui.sidebars.push(this._panel('sidebar', userInterface));
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this._x.env.ui.dialogs.push(this._panel('modal', userInterface, String(title)));
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this._x.env.ui.dialogs.push(this._panel('modeless', userInterface, String(title)));
  }
}
