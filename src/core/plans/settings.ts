/**
 * The plan settings, from the Settings rows the reader keeps as extras (CreditFile.settingsExtra):
 *
 *   Plan Grace (days)     还款宽限天数     default 3   days after an instalment's due date it may still be paid
 *   Plan Reminder Days    还款提醒提前天数  default 3   the instalment reminder goes this many days before
 *   Weight Promises       权重 承诺         default 1   weight of the broken-promises factor in the score
 *
 * Keys are matched like headers (case, spaces, punctuation, a trailing "(days)" ignored). A value
 * that is not a number in range gives the default and a Problem on the Settings sheet.
 */
import type { Problem } from '../types';
import { nameLookup } from '../read/headers';
import { planProblemMessage } from '../../i18n/plans';
import type { Language } from '../../i18n/language';
import { DEFAULT_PLAN_SETTINGS, type PlanSettings } from './keep';

const KEYS: Record<keyof PlanSettings, string[]> = {
  graceDays: ['Plan Grace (days)', 'Plan Grace', 'Plan Grace Days', 'Grace Days', '还款宽限天数', '还款宽限期', '宽限天数', '计划宽限天数'],
  reminderDays: ['Plan Reminder Days', 'Plan Reminder (days)', 'Instalment Reminder Days', 'Installment Reminder Days', '还款提醒提前天数', '还款提醒天数', '分期提醒天数'],
  promisesWeight: ['Weight Promises', 'Promises Weight', 'Weight Broken Promises', '权重 承诺', '承诺权重', '权重 违约承诺', '违约承诺权重'],
};

const fieldOfKey = nameLookup(() => Object.entries(KEYS) as [keyof PlanSettings, string[]][]);

/** Reads the plan settings; never throws. */
export function planSettings(extra: Readonly<Record<string, string>> | undefined, language: Language = 'en', sheet = 'Settings'): { settings: PlanSettings; problems: Problem[] } {
  const settings: PlanSettings = { ...DEFAULT_PLAN_SETTINGS };
  const problems: Problem[] = [];
  if (!extra || typeof extra !== 'object') return { settings, problems };
  for (const [key, raw] of Object.entries(extra)) {
    const field = fieldOfKey(key);
    if (!field) continue;
    const text = String(raw ?? '').trim().replace(/\s*(days?|天|日)$/i, '');
    if (text === '') continue;
    const v = Number(text);
    const ok = field === 'promisesWeight' ? Number.isFinite(v) && v >= 0 && v <= 1000 : Number.isInteger(v) && v >= 0 && v <= 365;
    if (ok) settings[field] = v;
    else
      problems.push({
        sheet, row: 0, column: '', header: key, value: String(raw).slice(0, 200),
        message: planProblemMessage('plans.setting', language, { header: key, value: String(raw).slice(0, 200), fallback: DEFAULT_PLAN_SETTINGS[field],
          expected: field === 'promisesWeight' ? 'a number of 0 or more' : 'a whole number of days from 0 to 365',
          expectedZh: field === 'promisesWeight' ? '大于或等于 0 的数字' : '0 到 365 的整数天数' }),
      });
  }
  return { settings, problems };
}
