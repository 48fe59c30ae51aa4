import { fileLanguage, languageOfSheetNames, readCreditFile } from '../../../src/core/read';
import type { Cell } from '../../../src/core/types';

describe('fileLanguage: Settings row, else locale, else sheet names, else English', () => {
  it('takes a readable Settings Language row over everything', () => {
    expect(fileLanguage({ settingsLanguage: 'en', locale: 'zh_CN', sheetNames: ['客户', '发票'] })).toBe('en');
    expect(fileLanguage({ settingsLanguage: 'zh', locale: 'en_US', sheetNames: ['Customers'] })).toBe('zh');
  });

  it('else the locale: any zh locale is Chinese, any other English', () => {
    for (const l of ['zh_CN', 'zh_TW', 'zh-HK', 'zh']) expect(fileLanguage({ settingsLanguage: null, locale: l, sheetNames: ['Customers'] })).toBe('zh');
    for (const l of ['en_US', 'en_GB', 'de_DE']) expect(fileLanguage({ settingsLanguage: null, locale: l, sheetNames: ['客户'] })).toBe('en');
  });

  it('else Chinese when the Customers (else Invoices) sheet has a Chinese name; else English', () => {
    expect(fileLanguage({ settingsLanguage: null, locale: '', sheetNames: ['客户档案', '应收账款'] })).toBe('zh');
    expect(fileLanguage({ settingsLanguage: null, locale: null, sheetNames: ['应收账款', 'Payments'] })).toBe('zh');
    expect(fileLanguage({ settingsLanguage: null, sheetNames: ['Customers', '发票'] })).toBe('en');
    expect(fileLanguage({ settingsLanguage: null, sheetNames: ['设置', 'Notes'] })).toBe('en');
    expect(languageOfSheetNames(['Scratch'])).toBeNull();
  });
});

describe('readCreditFile: settings.language is the file\'s language', () => {
  const book = (settings: Cell[][]) => [
    { name: '客户', values: [['客户编号', '客户名称'], ['C-1', '甲']] as Cell[][] },
    { name: '发票', values: [['发票号', '客户编号', '开票日期', '金额'], ['F-1', 'C-1', '2026-03-01', 'abc']] as Cell[][] },
    { name: '设置', values: settings },
  ];

  it('no Language row: the locale, else the names; Problems in it', () => {
    const zh = readCreditFile(book([['设置项', '值']]), { timeZone: 'UTC', locale: 'zh_CN' });
    expect(zh.settings.language).toBe('zh');
    expect(zh.problems[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(readCreditFile(book([['设置项', '值']]), { timeZone: 'UTC', locale: 'en_US' }).settings.language).toBe('en');
    expect(readCreditFile(book([['设置项', '值']]), { timeZone: 'UTC' }).settings.language).toBe('zh');
  });

  it('a readable row wins; an unreadable one is a Problem and the locale decides', () => {
    expect(readCreditFile(book([['设置项', '值'], ['语言', 'English']]), { timeZone: 'UTC', locale: 'zh_CN' }).settings.language).toBe('en');
    const bad = readCreditFile(book([['设置项', '值'], ['语言', 'Klingon']]), { timeZone: 'UTC', locale: 'zh_CN' });
    expect(bad.settings.language).toBe('zh');
    expect(bad.problems.some((p) => p.header === '语言')).toBe(true);
  });

  it('a language asked for sets only the Problems\' language', () => {
    const f = readCreditFile(book([['设置项', '值']]), { timeZone: 'UTC', locale: 'zh_CN', language: 'en' });
    expect(f.settings.language).toBe('zh');
    expect(f.problems[0]!.message).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });
});
