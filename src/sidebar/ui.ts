/** Pieces every panel shares: the context, loading and error states, labelled fields with errors. */
import type { Dashboard, Lang } from './api';
import { fill, h, uid, type Child } from './dom';
import type { Formatter } from './format';
import type { Translate } from './i18n';

export type PanelId = 'dashboard' | 'customer' | 'check' | 'reminders' | 'collections' | 'watch' | 'settings';

export interface Ctx {
  lang: Lang;
  t: Translate;
  fmt: Formatter;
  /** The dashboard once loaded (language, locale, currency, isApprover). */
  dashboard: Dashboard | null;
  /** The dashboard's loading state, for the panel that shows it. */
  dashboardState: Loadable<Dashboard>;
  /** Re-renders the visible panel from its state. */
  refresh(): void;
  /** Reloads the dashboard (one getDashboard round trip). */
  reloadDashboard(): void;
  /** Shows a panel; `focus` moves focus to its tab. */
  show(panel: PanelId, focus?: boolean): void;
  openCustomer(id: string): void;
  checkOrderFor(id: string): void;
  /** Shows the Collections tab with the log form and history for a customer. */
  logActionFor(id: string): void;
}

export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** A value loaded from the server once, kept for re-renders (language switch, tab switch). */
export class Loadable<T> {
  status: 'idle' | 'loading' | 'error' | 'ready' = 'idle';
  value: T | undefined;
  error = '';
  private seq = 0;

  async load(fetch: () => Promise<T>, changed: () => void): Promise<void> {
    const mine = ++this.seq;
    this.status = 'loading';
    changed();
    try {
      const v = await fetch();
      if (mine !== this.seq) return;
      this.value = v;
      this.status = 'ready';
    } catch (e) {
      if (mine !== this.seq) return;
      this.error = errorMessage(e);
      this.status = 'error';
    }
    changed();
  }
}

export function loadingView(t: Translate): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('loading'));
}

export function errorView(t: Translate, message: string, retry: () => void): HTMLElement {
  return h('div', { class: 'error-box', role: 'alert' },
    h('p', { class: 'error' }, t('failed', { msg: message })),
    h('button', { type: 'button', onclick: retry }, t('retry')));
}

/** Renders a Loadable: loading, error with retry, or the value. */
export function loadableView<T>(ctx: Ctx, l: Loadable<T>, start: () => void, render: (v: T) => Child): Child {
  if (l.status === 'idle') {
    // Started after this render, so the load's own re-render never nests inside it.
    l.status = 'loading';
    queueMicrotask(start);
  }
  if (l.status === 'error') return errorView(ctx.t, l.error, start);
  if (l.status === 'ready' && l.value !== undefined) return render(l.value);
  return loadingView(ctx.t);
}

/**
 * Calls that must go out once, by a key naming what they do ('override', 'unknown:<line key>',
 * 'statement:<customer>'), while they are on their way. Kept here rather than in the button that
 * was pressed: a panel redrawn meanwhile (a load finishing, a language switch) draws its buttons
 * from busy(key), disabled.
 */
const inFlight = new Set<string>();

export function busy(key: string): boolean {
  return inFlight.has(key);
}

/** act() for a call that must go out once: resolves to undefined, calling nothing, while `key` is on its way. */
export async function actOnce<T>(key: string, button: HTMLButtonElement, status: HTMLElement, t: Translate, call: () => Promise<T>): Promise<T | undefined> {
  if (inFlight.has(key)) return undefined;
  inFlight.add(key);
  try {
    return await act(button, status, t, call);
  } finally {
    inFlight.delete(key);
  }
}

/**
 * Runs a button's server call: the button is disabled meanwhile, `status` says "Working…", then
 * nothing (the caller shows the result) or the error. Resolves to undefined on failure.
 */
export async function act<T>(button: HTMLButtonElement, status: HTMLElement, t: Translate, call: () => Promise<T>): Promise<T | undefined> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  fill(status, h('span', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('working')));
  try {
    const result = await call();
    fill(status);
    return result;
  } catch (e) {
    fill(status, h('span', { class: 'error', role: 'alert' }, t('actionFailed', { msg: errorMessage(e) })));
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    if (button.isConnected && (document.activeElement === document.body || !document.activeElement)) button.focus();
  }
}

type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Error slots by field path ('ladder.2.days'): where FieldErrors are shown. */
export class ErrorSlots {
  private slots = new Map<string, { el: HTMLElement; input: Input }>();
  /** The errors last shown; a field that is edited drops out of it. */
  private current: Record<string, string> = {};

  /** Forgets one field's error (the person is fixing it). */
  fixed(key: string): void {
    const slot = this.slots.get(key);
    if (!slot || !(key in this.current)) return;
    delete this.current[key];
    slot.el.textContent = '';
    slot.input.removeAttribute('aria-invalid');
  }

  add(key: string, el: HTMLElement, input: Input): void {
    this.slots.set(key, { el, input });
  }

  clear(): void {
    for (const { el, input } of this.slots.values()) {
      el.textContent = '';
      input.removeAttribute('aria-invalid');
    }
  }

  /** Shows each message beside its field; returns the messages with no field, and focuses the first bad field. */
  show(errors: Record<string, string>, focus = true): string[] {
    this.clear();
    this.current = errors;
    const loose: string[] = [];
    let first: Input | null = null;
    for (const [key, msg] of Object.entries(errors)) {
      const slot = this.slots.get(key);
      if (!slot) { loose.push(msg); continue; }
      slot.el.textContent = msg;
      slot.input.setAttribute('aria-invalid', 'true');
      // A field inside a closed <details> (a ladder level) is opened so its error can be seen.
      const details = slot.input.closest('details');
      if (details) details.open = true;
      first = first ?? slot.input;
    }
    if (focus) first?.focus();
    return loose;
  }
}

/** A labelled form field (.form-group) with an optional hint and an error slot under `key`. */
export function field(label: string, input: Input, opts: { hint?: string; key?: string; errors?: ErrorSlots; inline?: boolean } = {}): HTMLElement {
  const id = input.id || uid('f');
  input.id = id;
  const described: string[] = [];
  const hint = opts.hint ? h('span', { class: 'hint', id: `${id}-hint` }, opts.hint) : null;
  if (hint) described.push(hint.id);
  const err = h('span', { class: 'error field-error', id: `${id}-err`, 'aria-live': 'polite' });
  described.push(err.id);
  input.setAttribute('aria-describedby', described.join(' '));
  if (opts.key) {
    input.setAttribute('data-key', opts.key);
    err.setAttribute('data-error-for', opts.key);
    const { key, errors } = opts;
    errors?.add(key, err, input);
    const fixed = (): void => errors?.fixed(key);
    input.addEventListener('input', fixed);
    input.addEventListener('change', fixed);
  }
  return h('div', { class: opts.inline ? 'form-group inline' : 'form-group' },
    h('label', { for: id }, label), input, hint, err);
}

/** A checkbox with its label after it. */
export function checkbox(label: string, checked: boolean, onchange: (v: boolean) => void, attrs: Record<string, string> = {}): HTMLElement {
  const id = uid('cb');
  const input = h('input', { type: 'checkbox', id, checked, ...attrs, onchange: (e) => onchange((e.target as HTMLInputElement).checked) });
  return h('div', { class: 'form-group check' }, input, h('label', { for: id }, label));
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h3', null, title), ...children);
}

/** A row of label and value (definition list item). */
export function stat(label: string, value: Child, sub?: Child): HTMLElement {
  return h('div', { class: 'stat' }, h('div', { class: 'stat-label' }, label), h('div', { class: 'stat-value' }, value), sub ? h('div', { class: 'stat-sub' }, sub) : null);
}

export function gradeBadge(t: Translate, grade: string): HTMLElement {
  return h('span', { class: `grade grade-${/^[ABCD]$/.test(grade) ? grade : 'D'}`, title: t('gradeName', { grade }) }, grade);
}
