/**
 * The sidebar's script: boots with one getDashboard call, draws the header (language switch),
 * the tabs and the visible panel into #app. Every value from the server goes in as text.
 */
import type { Dashboard, Lang } from './api';
import { fill, h } from './dom';
import { makeFormatter } from './format';
import { translator, type Key } from './i18n';
import { onPending, server } from './server';
import { Loadable, type Ctx, type PanelId } from './ui';
import * as dashboardPanel from './panels/dashboard';
import * as customerPanel from './panels/customer';
import * as checkPanel from './panels/check';
import * as remindersPanel from './panels/reminders';
import * as settingsPanel from './panels/settings';
import * as collectionsPanel from './panels/collections';
import * as watchPanel from './panels/watch';

interface Panel { render(ctx: Ctx): HTMLElement }

const PANELS: { id: PanelId; label: Key; panel: Panel }[] = [
  { id: 'dashboard', label: 'tabDashboard', panel: dashboardPanel },
  { id: 'customer', label: 'tabCustomer', panel: customerPanel },
  { id: 'check', label: 'tabCheck', panel: checkPanel },
  { id: 'reminders', label: 'tabReminders', panel: remindersPanel },
  { id: 'collections', label: 'tabCollections', panel: collectionsPanel },
  { id: 'watch', label: 'tabWatch', panel: watchPanel },
  { id: 'settings', label: 'tabSettings', panel: settingsPanel },
];

const dashboard = new Loadable<Dashboard>();
let lang: Lang = /^zh/i.test(navigator.language || '') ? 'zh' : 'en';
let chosenLang = false;
let active: PanelId = 'dashboard';
let progressTimer: number | undefined;

function makeCtx(): Ctx {
  const d = dashboard.value ?? null;
  // Dates and numbers in the spreadsheet's locale when it is of the sidebar's language (en-GB for
  // English), else in the language's own: English words never come with "2025年3月14日".
  const sheetLocale = d?.locale ?? '';
  const locale = sheetLocale.toLowerCase().startsWith(lang) ? sheetLocale : lang === 'zh' ? 'zh-CN' : 'en-US';
  return {
    lang,
    t: translator(lang),
    fmt: makeFormatter(locale, d?.schedule.timeZone),
    dashboard: d,
    dashboardState: dashboard,
    refresh: () => renderPanel(),
    reloadDashboard: loadDashboard,
    show,
    openCustomer: (id) => { customerPanel.select(id); show('customer'); },
    checkOrderFor: (id) => { checkPanel.prefill(id); show('check'); },
    logActionFor: (id) => { collectionsPanel.select(id); show('collections'); },
  };
}

function loadDashboard(): void {
  void dashboard.load(() => server.getDashboard(), () => {
    if (dashboard.status === 'ready' && dashboard.value && !chosenLang) {
      const before = lang;
      lang = dashboard.value.language === 'zh' ? 'zh' : 'en';
      if (before !== lang || document.documentElement.lang !== lang) { render(); return; }
    }
    renderPanel();
  });
}

/** Keeps focus on "the same" control across a re-render: same id, or same data-focus. */
function keepFocus(draw: () => void): void {
  const el = document.activeElement as HTMLElement | null;
  const id = el && el !== document.body ? el.id : '';
  const key = el?.getAttribute?.('data-focus') ?? '';
  // A text field keeps its caret too, so typing goes on where it was.
  const caret = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? [el.selectionStart, el.selectionEnd] : null;
  draw();
  const again = (id && document.getElementById(id)) || (key && document.querySelector<HTMLElement>(`[data-focus="${key}"]`));
  if (!(again instanceof HTMLElement) || again === el) return;
  again.focus();
  if (caret && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement) && caret[0] !== null) {
    try {
      again.setSelectionRange(caret[0], caret[1]);
    } catch {
      // an input type without a caret (number, date): focus is enough
    }
  }
}

function show(id: PanelId, focus = false): void {
  active = id;
  for (const p of PANELS) {
    const tab = document.getElementById(`tab-${p.id}`);
    const selected = p.id === id;
    tab?.setAttribute('aria-selected', String(selected));
    tab?.setAttribute('tabindex', selected ? '0' : '-1');
    const panel = document.getElementById(`panel-${p.id}`);
    if (panel) panel.hidden = !selected;
  }
  renderPanel();
  if (focus) document.getElementById(`tab-${id}`)?.focus();
}

function renderPanel(): void {
  const host = document.getElementById(`panel-${active}`);
  if (!host) return;
  keepFocus(() => {
    for (const p of PANELS) {
      const el = document.getElementById(`panel-${p.id}`);
      if (el && p.id !== active) el.textContent = '';
    }
    fill(host, PANELS.find((p) => p.id === active)!.panel.render(makeCtx()));
  });
}

function onTabKey(e: KeyboardEvent): void {
  const i = PANELS.findIndex((p) => p.id === active);
  let next = -1;
  if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (i + 1) % PANELS.length;
  else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (i - 1 + PANELS.length) % PANELS.length;
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = PANELS.length - 1;
  if (next < 0) return;
  e.preventDefault();
  show(PANELS[next].id, true);
}

function render(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const t = translator(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('appName');
  keepFocus(() => {
    fill(app,
      h('header', { class: 'cd-header' },
        h('h1', { class: 'cd-title' }, t('appName')),
        h('button', {
          type: 'button', id: 'lang-switch', class: 'lang-switch', lang: lang === 'zh' ? 'en' : 'zh-CN',
          'aria-label': t('langSwitch'), title: t('langSwitch'),
          onclick: () => { chosenLang = true; lang = lang === 'zh' ? 'en' : 'zh'; render(); },
        }, t('langButton'))),
      h('div', { id: 'progress', class: 'progress', role: 'progressbar', 'aria-label': t('working'), hidden: true }, h('span', null)),
      h('nav', { class: 'tabs', role: 'tablist', 'aria-label': t('tabsLabel'), onkeydown: (e) => onTabKey(e as KeyboardEvent) },
        PANELS.map((p) => h('button', {
          type: 'button', role: 'tab', id: `tab-${p.id}`, class: 'tab', 'aria-controls': `panel-${p.id}`,
          'aria-selected': String(p.id === active), tabindex: p.id === active ? 0 : -1,
          onclick: () => show(p.id),
        }, t(p.label)))),
      PANELS.map((p) => h('div', { role: 'tabpanel', id: `panel-${p.id}`, class: 'panel', 'aria-labelledby': `tab-${p.id}`, hidden: p.id !== active })));
    renderPanel();
  });
}

/** The progress bar appears when a call has been under way for more than a second. */
onPending((n) => {
  if (n > 0 && progressTimer === undefined) {
    progressTimer = window.setTimeout(() => {
      const bar = document.getElementById('progress');
      if (bar) bar.hidden = false;
    }, 1000);
  } else if (n === 0) {
    window.clearTimeout(progressTimer);
    progressTimer = undefined;
    const bar = document.getElementById('progress');
    if (bar) bar.hidden = true;
  }
});

function boot(): void {
  loadDashboard();
  render();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
