import { languageOfLocale, type Language } from '../i18n/language';

/**
 * The user's language from their locale. In AuthMode.NONE (onOpen before the add-on is
 * authorised) Session may refuse; then English.
 */
export function userLanguage(): Language {
  try {
    return languageOfLocale(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

/** The email of the user running this execution, lower-cased; '' when Apps Script withholds it. */
export function activeUserEmail(): string {
  try {
    return (Session.getActiveUser().getEmail() || '').trim().toLowerCase();
  } catch {
    return '';
  }
}
