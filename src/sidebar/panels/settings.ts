/**
 * Settings: aging edges, score weights and grade cut-offs, hold threshold and warn ratio,
 * approvers, the reminder ladder with a live template preview. Save → saveSettings; FieldErrors
 * (keys like 'ladder.2.days', 0-based) show beside their fields.
 */
import type { Lang, LadderLevelView, SettingsView } from '../api';
import { fill, h } from '../dom';
import { currencyDigits, parseMajor, toMajor } from '../format';
import { isKey } from '../i18n';
import { server } from '../server';
import { act, ErrorSlots, field, Loadable, loadableView, loadingView, section, type Ctx } from '../ui';
import { previewFrame } from './reminders';
import { reset as resetReminders } from './reminders';

type Text = 'subjectEn' | 'bodyEn' | 'subjectZh' | 'bodyZh' | 'name';
interface LevelDraft extends Record<Text, string> {
  days: string;
  audience: 'customer' | 'internal';
  minOpen: string;
  open: boolean;
  previewLang: Lang | null;
  preview: { subject: string; htmlBody: string } | null;
}
interface Draft {
  agingEdges: string;
  weights: Record<string, string>;
  cutoffs: { A: string; B: string; C: string };
  hold: string;
  warnRatio: string;
  approvers: string;
  ladder: LevelDraft[];
}

let settings = new Loadable<SettingsView>();
let draft: Draft | null = null;
let lastErrors: Record<string, string> = {};
let savedMessage = '';

function currencyOf(ctx: Ctx): string {
  return ctx.dashboard?.currency ?? 'CNY';
}

function toDraft(s: SettingsView, currency: string): Draft {
  const digits = currencyDigits(currency);
  return {
    agingEdges: s.agingEdges.join(', '),
    weights: Object.fromEntries(Object.entries(s.scoreWeights).map(([k, v]) => [k, String(v)])),
    cutoffs: { A: String(s.gradeCutoffs.A), B: String(s.gradeCutoffs.B), C: String(s.gradeCutoffs.C) },
    hold: String(s.holdThresholdDays),
    warnRatio: String(s.warnRatio),
    approvers: s.approvers.join('\n'),
    ladder: s.ladder.map((l) => ({
      ...l, days: String(l.days), minOpen: toMajor(l.minOpen, currency).toFixed(digits),
      open: false, previewLang: null, preview: null,
    })),
  };
}

const num = (text: string): number | null => {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : null;
};

function levelView(l: LevelDraft, currency: string): LadderLevelView {
  return {
    days: num(l.days) ?? 0, audience: l.audience, name: l.name, minOpen: parseMajor(l.minOpen || '0', currency) ?? 0,
    subjectEn: l.subjectEn, bodyEn: l.bodyEn, subjectZh: l.subjectZh, bodyZh: l.bodyZh,
  };
}

/** The draft as a SettingsView, or the fields that are not numbers. */
function fromDraft(d: Draft, ctx: Ctx): { view: SettingsView; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const must = (key: string, text: string): number => {
    const n = num(text);
    if (n === null) errors[key] = ctx.t('mustNumber');
    return n ?? 0;
  };
  const edges = d.agingEdges.split(/[,，\s]+/).filter(Boolean).map((x) => num(x));
  if (edges.some((x) => x === null)) errors.agingEdges = ctx.t('mustNumber');
  const currency = currencyOf(ctx);
  const view: SettingsView = {
    agingEdges: edges.map((x) => x ?? 0),
    scoreWeights: Object.fromEntries(Object.entries(d.weights).map(([k, v]) => [k, must(`scoreWeights.${k}`, v)])),
    gradeCutoffs: { A: must('gradeCutoffs.A', d.cutoffs.A), B: must('gradeCutoffs.B', d.cutoffs.B), C: must('gradeCutoffs.C', d.cutoffs.C) },
    holdThresholdDays: must('holdThresholdDays', d.hold),
    warnRatio: must('warnRatio', d.warnRatio),
    approvers: d.approvers.split(/[\n,;]+/).map((x) => x.trim()).filter(Boolean),
    ladder: d.ladder.map((l, i) => {
      must(`ladder.${i}.days`, l.days);
      if (parseMajor(l.minOpen || '0', currency) === null) errors[`ladder.${i}.minOpen`] = ctx.t('mustNumber');
      return levelView(l, currency);
    }),
  };
  return { view, errors };
}

function input(value: string, set: (v: string) => void, attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { type: 'text', value, autocomplete: 'off', ...attrs, oninput: (e) => set((e.target as HTMLInputElement).value) });
}

function area(value: string, set: (v: string) => void, rows = 3): HTMLTextAreaElement {
  return h('textarea', { rows, value, oninput: (e) => set((e.target as HTMLTextAreaElement).value) });
}

function ladderLevel(ctx: Ctx, d: Draft, l: LevelDraft, i: number, errors: ErrorSlots, rerender: () => void): HTMLElement {
  const { t } = ctx;
  const currency = currencyOf(ctx);
  const previewBox = h('div', { class: 'template-preview', 'aria-live': 'polite' });
  const status = h('div', { class: 'status' });
  let timer: number | undefined;
  const drawPreview = (): void => {
    if (!l.preview) { fill(previewBox); return; }
    const title = t('emailPreview', { subject: l.preview.subject });
    const frame = previewBox.querySelector('iframe');
    const subject = h('div', { class: 'preview-subject' }, h('strong', null, `${t('subject')}: `), l.preview.subject);
    if (frame) {
      // Same frame, new document: no flicker while typing.
      previewBox.replaceChild(subject, previewBox.firstChild!);
      frame.setAttribute('title', title);
      frame.setAttribute('srcdoc', l.preview.htmlBody);
    } else {
      fill(previewBox, subject, previewFrame(l.preview.htmlBody, title, 'email-frame small'));
    }
  };
  const runPreview = async (button: HTMLButtonElement): Promise<void> => {
    const lang = l.previewLang ?? ctx.lang;
    const r = await act(button, status, t, () => server.previewTemplate(levelView(l, currency), lang));
    if (!r) return;
    l.preview = r;
    drawPreview();
  };
  const previewButton = h('button', { type: 'button', class: 'small', 'data-focus': `preview-${i}` }, t('preview'));
  previewButton.addEventListener('click', () => void runPreview(previewButton));
  /** Live: once a preview is showing, edits refresh it after a pause. */
  const live = (): void => {
    if (!l.preview) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void runPreview(previewButton), 600);
  };
  const text = (key: Text, caption: string, rows = 0): HTMLElement => field(caption,
    rows ? area(l[key], (v) => { l[key] = v; live(); }, rows) : input(l[key], (v) => { l[key] = v; live(); if (key === 'name') label(); }),
    { key: `ladder.${i}.${key}`, errors });
  const audience = h('select', { onchange: (e) => { l.audience = (e.target as HTMLSelectElement).value as LevelDraft['audience']; } },
    (['customer', 'internal'] as const).map((a) => h('option', { value: a, selected: l.audience === a }, t(`aud_${a}`))));
  const langSelect = h('select', { onchange: (e) => { l.previewLang = (e.target as HTMLSelectElement).value as Lang; live(); } },
    (['en', 'zh'] as const).map((x) => h('option', { value: x, selected: (l.previewLang ?? ctx.lang) === x }, t(`lang_${x}`))));
  const summary = h('summary');
  const label = (): void => {
    const days = num(l.days);
    summary.textContent = `${t('levelN', { n: i + 1 })}: ${l.name || '—'} (${days !== null && days > 0 ? '+' : ''}${l.days.trim()})`;
  };
  label();
  const details = h('details', { class: 'level', 'data-level': i, open: l.open, ontoggle: () => { l.open = details.open; } },
    summary,
    field(t('days'), input(l.days, (v) => { l.days = v; label(); }, { inputmode: 'numeric' }), { key: `ladder.${i}.days`, errors, hint: t('daysHint') }),
    field(t('audience'), audience, { key: `ladder.${i}.audience`, errors }),
    text('name', t('levelName')),
    field(t('minOpen'), input(l.minOpen, (v) => { l.minOpen = v; }, { inputmode: 'decimal' }), { key: `ladder.${i}.minOpen`, errors, hint: currency }),
    text('subjectEn', t('subjectEn')), text('bodyEn', t('bodyEn'), 5),
    text('subjectZh', t('subjectZh')), text('bodyZh', t('bodyZh'), 5),
    h('div', { class: 'buttons preview-row' }, field(t('previewIn'), langSelect, { inline: true }), previewButton),
    status, previewBox,
    h('div', { class: 'buttons' }, h('button', {
      type: 'button', class: 'small secondary-danger',
      onclick: () => { d.ladder.splice(i, 1); rerender(); },
    }, t('removeLevel', { n: i + 1 }))));
  drawPreview();
  return details;
}

function form(ctx: Ctx, s: SettingsView): HTMLElement {
  const { t } = ctx;
  const d = draft ?? (draft = toDraft(s, currencyOf(ctx)));
  const errors = new ErrorSlots();
  const status = h('div', { class: 'status', 'aria-live': 'polite' }, savedMessage ? h('span', { class: 'good', role: 'status' }, savedMessage) : null);
  const editable = ctx.dashboard ? ctx.dashboard.isApprover : true;
  const save = h('button', { type: 'submit', class: 'action blue', id: 'settings-save', disabled: !editable }, t('save'));
  const weightLabel = (k: string): string => { const key = `w_${k}`; return isKey(key) ? t(key) : k; };
  const ladder = h('div', { class: 'ladder' });
  const drawLadder = (): void => {
    errors.clear();
    fill(ladder, d.ladder.map((l, i) => ladderLevel(ctx, d, l, i, errors, drawLadder)));
  };
  drawLadder();
  const el = h('form', {
    class: 'settings', novalidate: true,
    onsubmit: async (e) => {
      e.preventDefault();
      errors.clear();
      savedMessage = '';
      fill(status);
      const { view, errors: local } = fromDraft(d, ctx);
      if (Object.keys(local).length) { showErrors(local); return; }
      const r = await act(save, status, t, () => server.saveSettings(view));
      if (!r) return;
      if (r.ok) {
        lastErrors = {};
        settings.value = view;
        resetReminders(); // the preview was planned with the ladder as it was
        savedMessage = t('settingsSaved');
        fill(status, h('span', { class: 'good', role: 'status', 'data-field': 'saved' }, savedMessage));
      } else showErrors(r.errors);
    },
  },
  editable ? null : h('p', { class: 'notice' }, t('readOnly')),
  h('fieldset', { class: 'plain-fieldset', disabled: !editable },
    h('legend', { class: 'visually-hidden' }, t('settingsTitle')),
    section(t('aging'), field(t('agingEdges'), input(d.agingEdges, (v) => { d.agingEdges = v; }), { key: 'agingEdges', errors, hint: t('agingEdgesHint') })),
    section(t('weights'), h('div', { class: 'grid2' }, Object.keys(d.weights).map((k) =>
      field(weightLabel(k), input(d.weights[k], (v) => { d.weights[k] = v; }, { inputmode: 'decimal', 'data-weight': k }), { key: `scoreWeights.${k}`, errors })))),
    section(t('cutoffs'), h('div', { class: 'grid3' }, (['A', 'B', 'C'] as const).map((g) =>
      field(t('cutoff', { grade: g }), input(d.cutoffs[g], (v) => { d.cutoffs[g] = v; }, { inputmode: 'numeric' }), { key: `gradeCutoffs.${g}`, errors })))),
    section(t('holdsSection'),
      field(t('holdThreshold'), input(d.hold, (v) => { d.hold = v; }, { inputmode: 'numeric' }), { key: 'holdThresholdDays', errors }),
      field(t('warnRatio'), input(d.warnRatio, (v) => { d.warnRatio = v; }, { inputmode: 'decimal' }), { key: 'warnRatio', errors, hint: t('warnRatioHint') }),
      field(t('approvers'), area(d.approvers, (v) => { d.approvers = v; }, 3), { key: 'approvers', errors })),
    section(t('ladder'), ladder, h('div', { class: 'buttons' }, h('button', {
      type: 'button', class: 'small', id: 'ladder-add',
      onclick: () => {
        const last = d.ladder[d.ladder.length - 1];
        d.ladder.push({
          days: String((num(last?.days ?? '0') ?? 0) + 15), audience: 'customer', name: '', minOpen: '0',
          subjectEn: last?.subjectEn ?? '', bodyEn: last?.bodyEn ?? '', subjectZh: last?.subjectZh ?? '', bodyZh: last?.bodyZh ?? '',
          open: true, previewLang: null, preview: null,
        });
        drawLadder();
      },
    }, t('addLevel')))),
    h('div', { class: 'buttons save-row' }, save), status));
  function showErrors(errs: Record<string, string>, focus = true): void {
    lastErrors = errs;
    const loose = errors.show(errs, focus);
    const n = Object.keys(errs).length;
    fill(status, h('div', { class: 'error', role: 'alert' }, h('div', null, t('fixErrors', { n })), loose.map((m) => h('div', null, m))));
  }
  if (Object.keys(lastErrors).length) showErrors(lastErrors, false);
  return el;
}

export function render(ctx: Ctx): HTMLElement {
  // The draft shows amounts in the base currency's major units, which the dashboard says: until it
  // has arrived (or failed: then CNY), the form waits, or a JPY minimum would be drafted as CNY
  // and saved 100 times too small.
  const currencyKnown = ctx.dashboard !== null || ctx.dashboardState.status === 'error';
  return h('div', null, h('h2', null, ctx.t('settingsTitle')),
    loadableView(ctx, settings, () => void settings.load(() => server.getSettings(), () => { draft = null; ctx.refresh(); }), (s) => (currencyKnown ? form(ctx, s) : loadingView(ctx.t))));
}
