import { MENU_TEXT } from '../i18n/menu';
import type { Language } from '../i18n/language';
import { userLanguage } from '../platform/session';
import { showAddonMenu, showSidebarPage, type MenuItem } from '../platform/ui';

/** The menu actions in order; null is a separator. Each name is a registry entry of kind 'menu'. */
export const MENU_ACTIONS: (string | null)[] = [
  'setupCreditFile',
  'showDashboard',
  'recalculate',
  null,
  'showAgingReport',
  'showCreditScores',
  'checkSelectedOrder',
  'showProblems',
  null,
  'showStatement',
  'emailSelectedStatement',
  'showDueToday',
  'buildEvidencePack',
  'showPlanStatus',
  null,
  'showDashboardSheet',
  'showCashForecast',
  null,
  'previewReminders',
  'sendRemindersNow',
  'turnOnReminders',
  'turnOffReminders',
];

/** The menu for a language: captions from src/i18n/menu.ts. */
export function menuItems(language: Language): (MenuItem | null)[] {
  return MENU_ACTIONS.map((name) =>
    name === null ? null : { caption: MENU_TEXT[language][name] ?? name, functionName: name },
  );
}

/**
 * onOpen: builds the add-on menu. Runs in AuthMode.NONE for an add-on not yet used in this
 * document, where only the menu may be touched: nothing here reads the spreadsheet.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  showAddonMenu(menuItems(userLanguage()));
}

/** onInstall: the same menu right after installation, without reloading the document. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Opens the Credit Desk sidebar. */
export function showDashboard(): void {
  showSidebarPage(userLanguage() === 'zh' ? '信用管理' : 'Credit Desk');
}
