/** Check an order: customer ID and amount → OK / WARN / BLOCK with reasons; an approver may override a BLOCK. */
import type { CheckResultView } from '../api';
import { fill, h } from '../dom';
import { server } from '../server';
import { act, actOnce, busy, ErrorSlots, field, section, type Ctx } from '../ui';

const state = {
  customerId: '',
  amount: '',
  result: null as CheckResultView | null,
  /** The customer and amount the result is for (the override applies to exactly those). */
  checked: { customerId: '', amount: '' },
  orderNo: '',
  reason: '',
  overridden: false,
};

export function prefill(customerId: string): void {
  if (customerId !== state.customerId) {
    state.customerId = customerId;
    state.result = null;
    state.overridden = false;
  }
}

function overrideForm(ctx: Ctx): HTMLElement {
  const { t } = ctx;
  const errors = new ErrorSlots();
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const orderNo = h('input', { type: 'text', value: state.orderNo, autocomplete: 'off', 'data-focus': 'override-order-no', oninput: (e) => { state.orderNo = (e.target as HTMLInputElement).value; } });
  const reason = h('textarea', { rows: 3, required: true, 'aria-required': 'true', value: state.reason, 'data-focus': 'override-reason', oninput: (e) => { state.reason = (e.target as HTMLTextAreaElement).value; } });
  // While an override is on its way, a redraw (a language switch, a load) shows Submit disabled.
  const submit = h('button', { type: 'submit', class: 'action blue', id: 'override-submit', disabled: busy('override'), 'aria-busy': busy('override') ? 'true' : null }, t('submitOverride'));
  if (state.overridden) return h('p', { class: 'good', role: 'status', 'data-field': 'overridden' }, t('overridden'));
  const form = h('form', {
    class: 'override', novalidate: true,
    onsubmit: async (e) => {
      e.preventDefault();
      errors.clear();
      if (busy('override')) return;
      if (!state.reason.trim()) { errors.show({ reason: t('reasonRequired') }); return; }
      const { customerId, amount } = state.checked;
      const r = await actOnce('override', submit, status, t, () => server.overrideBlock(customerId, amount, state.reason.trim(), state.orderNo.trim()));
      // Redrawn meanwhile: the form on screen is another one (its Submit disabled); draw it again.
      if (!form.isConnected) {
        if (r?.ok) state.overridden = true;
        ctx.refresh();
        return;
      }
      if (!r) return;
      if (r.ok) {
        state.overridden = true;
        fill(form, h('p', { class: 'good', role: 'status', 'data-field': 'overridden' }, t('overridden')));
      } else {
        const loose = errors.show(r.errors);
        if (loose.length) fill(status, h('span', { class: 'error', role: 'alert' }, loose.join(' ')));
      }
    },
  },
  field(t('orderNo'), orderNo, { key: 'orderNo', errors }),
  field(t('reason'), reason, { key: 'reason', errors }),
  h('div', { class: 'buttons' }, submit), status);
  return form;
}

function resultView(ctx: Ctx, r: CheckResultView): HTMLElement {
  const { t, fmt } = ctx;
  const verdict = r.verdict === 'OK' || r.verdict === 'WARN' || r.verdict === 'BLOCK' ? r.verdict : 'BLOCK';
  return h('div', { class: 'check-result' },
    h('div', { class: `verdict verdict-${verdict}`, role: 'status', 'data-verdict': verdict },
      h('span', { class: 'verdict-word' }, t(`verdict_${verdict}`)),
      h('span', { class: 'verdict-text' }, r.text)),
    r.reasons.length ? h('div', null, h('h4', null, t('reasons')), h('ul', { class: 'reasons' }, r.reasons.map((x) => h('li', null, x)))) : null,
    h('dl', { class: 'pairs' },
      h('dt', null, t('exposureAfter')), h('dd', null, fmt.money(r.exposureAfter)),
      h('dt', null, t('limit')), h('dd', null, r.limit ? fmt.money(r.limit) : t('noLimit'))),
    verdict === 'BLOCK'
      ? (ctx.dashboard?.canOverride ? section(t('override'), overrideForm(ctx)) : h('p', { class: 'muted' }, t('notApprover')))
      : null);
}

export function render(ctx: Ctx): HTMLElement {
  const { t } = ctx;
  const currency = ctx.dashboard?.currency ?? '';
  const errors = new ErrorSlots();
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const result = h('div', { class: 'result-region' }, state.result ? resultView(ctx, state.result) : null);
  const listId = 'check-customers';
  const customer = h('input', {
    type: 'text', id: 'check-customer', value: state.customerId, autocomplete: 'off', list: listId,
    oninput: (e) => { state.customerId = (e.target as HTMLInputElement).value; },
  });
  const amount = h('input', {
    type: 'text', id: 'check-amount', inputmode: 'decimal', value: state.amount, autocomplete: 'off',
    oninput: (e) => { state.amount = (e.target as HTMLInputElement).value; },
  });
  const submit = h('button', { type: 'submit', class: 'action blue', id: 'check-submit' }, t('check'));
  return h('div', null,
    h('h2', null, t('checkTitle')),
    h('form', {
      class: 'check-form', novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        errors.clear();
        const id = state.customerId.trim();
        const amt = state.amount.trim();
        const missing: Record<string, string> = {};
        if (!id) missing.customerId = t('required');
        if (!amt) missing.amount = t('required');
        if (Object.keys(missing).length) { errors.show(missing); return; }
        const r = await act(submit, status, t, () => server.checkOrder(id, amt));
        if (!r) return;
        state.result = r;
        state.checked = { customerId: id, amount: amt };
        state.overridden = false;
        state.reason = '';
        fill(result, resultView(ctx, r));
      },
    },
    field(t('customerId'), customer, { key: 'customerId', errors }),
    h('datalist', { id: listId }, (ctx.dashboard?.riskiest ?? []).map((c) => h('option', { value: c.id, label: c.name }))),
    field(t('amount'), amount, { key: 'amount', errors, hint: currency ? t('amountHint', { currency }) : undefined }),
    h('div', { class: 'buttons' }, submit), status),
    result);
}
