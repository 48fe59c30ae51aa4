import type { Language } from './language';

/** Menu captions, English and Chinese. Keys are the registry names of the menu actions. */
export const MENU_TEXT: Record<Language, Record<string, string>> = {
  en: {
    showDashboard: 'Open dashboard',
  },
  zh: {
    showDashboard: '打开仪表板',
  },
};
