/**
 * The Chinese words people read: one term per thing across the sheets, the sidebar and the
 * messages, full-width punctuation in Chinese sentences, and texts that name real places.
 */
import { agingLabel, translator } from '../../src/sidebar/i18n';
import { agingLabelText, REPORT_TEXT, SETUP_TEXT, STATUS_CHOICES } from '../../src/i18n/reports';
import { STATEMENT_TEXT } from '../../src/i18n/statements';
import { factorName, reasonText, type FactorCode } from '../../src/i18n/reasons';
import { cellsText } from '../../src/i18n/cells';
import { MENU_TEXT } from '../../src/i18n/menu';
import { PROBLEM_TEMPLATES, problemMessage } from '../../src/i18n/problems';
import { SIDEBAR_TEXT } from '../../src/i18n/sidebarServer';
import { DEFAULT_LEVEL_NAMES, levelNameIn } from '../../src/i18n/ladder';
import { DEFAULT_LADDER } from '../../src/core/reminders/ladder';
import { ladderRows } from '../../src/core/reminders/ladderSheet';
import { PROBLEMS } from '../../src/sheets/owned';
import { agingLabels } from '../../src/core/aging';

const zh = translator('zh');
const en = translator('en');
/** Half-width , : ; ( ) touching a Chinese character. */
const HALF_WIDTH = /[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]/;

describe('aging labels', () => {
  it('Current is 未到期 in Chinese output, the ranges unchanged; the labels themselves stay the contract\'s', () => {
    expect(agingLabels([30, 60, 90])).toEqual(['Current', '1-30', '31-60', '61-90', '91+']);
    expect(agingLabels([30, 60, 90]).map((l) => agingLabelText(l, 'zh'))).toEqual(['未到期', '1-30', '31-60', '61-90', '91+']);
    expect(agingLabels([30, 60, 90]).map((l) => agingLabelText(l, 'en'))).toEqual(['Current', '1-30', '31-60', '61-90', '91+']);
    expect(['Current', '1-30', '未到期'].map((l) => agingLabel(zh, l))).toEqual(['未到期', '1-30', '未到期']);
    expect(['Current', '1-30'].map((l) => agingLabel(en, l))).toEqual(['Current', '1-30']);
  });
});

describe('one term per thing in Chinese', () => {
  it('the sidebar names the score factors as the Credit Scores report does, in both languages', () => {
    const codes: FactorCode[] = ['timeliness', 'delinquency', 'utilisation', 'relationship', 'disputes', 'externalRating'];
    for (const code of codes) {
      expect(zh(`w_${code}` as Parameters<typeof zh>[0])).toBe(factorName(code, 'zh'));
      expect(en(`w_${code}` as Parameters<typeof en>[0])).toBe(factorName(code, 'en'));
    }
  });

  it('unapplied credit is 未核销款项 on the Aging Report, the statement, the sidebar and in problems', () => {
    expect(REPORT_TEXT.zh.unapplied).toBe('未核销款项');
    expect(STATEMENT_TEXT.zh.unapplied).toBe('未核销款项');
    expect(zh('unapplied')).toBe('未核销款项');
    expect(problemMessage('invoice.overpaid', 'zh', { header: '已付金额', paid: '2', amount: '1', extra: '1' })).toContain('未核销款项');
  });

  it('Open is 未结, On Hold is 冻结 (the Customers header), exposure is 敞口, reminders are 催收', () => {
    expect(STATUS_CHOICES.invoices.zh[0]).toBe('未结');
    expect(PROBLEM_TEMPLATES['status.invoice'].zh).toContain('修正前按“未结”处理');
    expect(zh('onHold')).toBe('冻结');
    expect(reasonText('ON_HOLD', {}, 'zh', 'CNY')).toBe('客户已冻结（暂停赊销）');
    expect(zh('exposure')).toBe('敞口');
    for (const key of ['tabReminders', 'schedule', 'reminders', 'noReminders', 'pausedUntil', 'remindersTitle', 'scheduleEnabled', 'ladder', 'planPauses'] as const) {
      expect(zh(key)).not.toContain('催款');
      expect(zh(key)).not.toContain('暂停赊销');
    }
    expect(zh('pausedUntil')).toBe('暂停催收至');
  });

  it('the sidebar is called 信用管理 in Chinese, as its title and the toasts', () => {
    expect(zh('appName')).toBe('信用管理');
    expect(en('appName')).toBe('Credit Desk');
  });
});

describe('texts that point somewhere point to the real place', () => {
  it('the Problems sheet is 数据问题', () => {
    expect(zh('problems', { n: 3 })).toContain(`“${PROBLEMS.names.zh}”`);
  });

  it('set-up is called by its menu caption, 建立信用档案', () => {
    const caption = MENU_TEXT.zh.setupCreditFile;
    expect(caption).toBe('建立信用档案');
    expect(PROBLEM_TEMPLATES['sheet.missing'].zh).toContain(`运行“${caption}”`);
    expect(SIDEBAR_TEXT.zh.noCustomersSheet).toContain(`运行“${caption}”`);
    expect(SETUP_TEXT.zh.stillEditor).toContain(`运行“${caption}”`);
    expect(SETUP_TEXT.zh.stillEditor).not.toContain('“设置”');
  });

  it('the BLOCK note names the sidebar tab, and the override cell starts with OK in Chinese too', () => {
    const t = cellsText('zh');
    const note = t.noteBlock('已逾期', 'boss@example.com', '2026-11-20');
    expect(note).toContain('打开仪表板');
    expect(note).toContain(`“${zh('tabCheck')}”`);
    expect(note).not.toContain('信用管理 >');
    expect(cellsText('en').noteBlock('late', 'boss@example.com', '2026-11-20')).toContain(`Open dashboard, tab ${en('tabCheck')}`);
    expect(t.overrideCell('boss@example.com')).toBe('OK（boss@example.com 已放行）');
    expect(cellsText('en').overrideCell('boss@example.com')).toBe('OK (override by boss@example.com)');
    expect(t.orderNotFound('SO-999', '订单')).toBe('“订单”表中没有订单 SO-999。');
  });
});

describe('the reminder ladder in Chinese', () => {
  it('a Chinese set-up writes the default levels\' Chinese names; the English names stay as they were', () => {
    expect(ladderRows(DEFAULT_LADDER, 'zh').slice(1).map((r) => r[2])).toEqual(['到期前提醒', '逾期通知', '第二次逾期通知', '最后通知', '内部升级处理']);
    expect(ladderRows(DEFAULT_LADDER, 'en').slice(1).map((r) => r[2])).toEqual(['Courtesy reminder', 'Overdue notice', 'Second notice', 'Final notice', 'Internal escalation']);
    expect(DEFAULT_LADDER.map((l) => l.name)).toEqual(Object.values(DEFAULT_LEVEL_NAMES).map((n) => n.en));
  });

  it('levelNameIn turns a default name into the other language and leaves a user\'s own name alone', () => {
    expect(levelNameIn('Final notice', 'zh')).toBe('最后通知');
    expect(levelNameIn('最后通知', 'en')).toBe('Final notice');
    expect(levelNameIn('final notice', 'en')).toBe('Final notice');
    expect(levelNameIn('Overdue notice (2 days)', 'zh')).toBe('Overdue notice (2 days)');
  });
});

describe('full-width punctuation in Chinese sentences', () => {
  it('in the check\'s reasons, the grade meanings and the sidebar server\'s messages', () => {
    const reasons = (['ON_HOLD', 'OVERDUE_HOLD', 'OVER_LIMIT', 'CASH_ONLY', 'NEAR_LIMIT', 'PAST_DUE', 'UNKNOWN_CUSTOMER'] as const)
      .map((code) => reasonText(code, { invoiceNo: 'INV-1', days: 3, threshold: 60, exposure: 100, amount: 100, limit: 1000, ratio: 90, count: 2, total: 100, id: 'C-1' }, 'zh', 'CNY'));
    for (const text of reasons) expect(text).not.toMatch(HALF_WIDTH);
    const s = SIDEBAR_TEXT.zh;
    const texts = [s.notApprover('a@example.com'), s.badDate, s.ladderOrder(3), s.approverEmail('x'), s.weightUnknown('k'), ...Object.values(s.field)];
    for (const text of texts) expect(text).not.toMatch(HALF_WIDTH);
    expect(s.notApprover('a@example.com')).toContain('（审批人：a@example.com）');
  });
});
