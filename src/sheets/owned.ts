/**
 * The sheets Credit Desk owns and writes: their names and headers in English and Chinese.
 * The add-on finds an owned sheet by either name; it creates it in the user's language.
 */
import type { Language } from '../i18n/language';
import { LOG_HEADERS, LOG_HEADERS_ZH } from '../core/reminders/log';

export interface OwnedSheet {
  names: Record<Language, string>;
  headers: Record<Language, readonly string[]>;
  /**
   * The field a header cell names, for a log's rows laid out by header. Default: the English
   * header of the same position, the cell matched by its English or Chinese text.
   */
  fieldOf?: (header: unknown) => string | undefined;
  /** The fields a sheet's first row must name for it to be this log. Default: every header. */
  required?: readonly string[];
}

export const REMINDER_LOG: OwnedSheet = {
  names: { en: 'Reminder Log', zh: '催收记录' },
  headers: { en: LOG_HEADERS, zh: LOG_HEADERS_ZH },
  // What the reader needs to know what was sent: a log missing another column is still the log.
  required: ['Key', 'State'],
};

export const AUDIT_LOG: OwnedSheet = {
  names: { en: 'Audit Log', zh: '审计日志' },
  headers: {
    en: ['Time', 'User', 'Action', 'Customer ID', 'Order No', 'Amount', 'Verdict', 'Reason'],
    zh: ['时间', '用户', '操作', '客户编号', '订单号', '金额', '检查结果', '原因'],
  },
};

export const PROBLEMS: OwnedSheet = {
  names: { en: 'Problems', zh: '数据问题' },
  headers: {
    en: ['Sheet', 'Row', 'Column', 'Header', 'Value', 'Problem', 'Link'],
    zh: ['工作表', '行', '列', '表头', '值', '问题', '链接'],
  },
};

/** The name a sheet has when it exists under either language's name. */
export function findOwnedName(sheetNames: string[], sheet: OwnedSheet): string | null {
  const wanted = [sheet.names.en, sheet.names.zh].map((n) => n.toLowerCase());
  return sheetNames.find((n) => wanted.includes(n.trim().toLowerCase())) ?? null;
}
