/**
 * The watch list's two Settings rows (kept by the reader as extras, CreditFile.settingsExtra):
 *
 *   Watch Exposure Rise (%)   预警敞口增幅(%)   default 50      a rise of exposure by this share since the last run is a line
 *   Watch Exposure Floor      预警敞口下限      default 10,000  … when it is also at least this much (base currency)
 *
 * Keys are matched like headers. A rise written as a fraction — the number 0.5 that a cell
 * formatted 50% holds — is that share (50%), as the Warn Ratio reads 0.9 as 90%; 1 and more are
 * percents. A value that cannot be read, or is out of range, gives the default and a Problem on
 * the Settings sheet (it used to fall back without a word). Pure.
 */
import type { Problem } from '../types';
import type { Language } from '../../i18n/language';
import { problemMessage } from '../../i18n/problems';
import { minorDigits } from '../money';
import { nameLookup } from './headers';

export const WATCH_DEFAULTS = { risePercent: 50, riseFloorMajor: 10_000 };

/** The Settings keys of the watch list (any case, with or without the unit), English and Chinese. */
export const WATCH_SETTING_KEYS = {
  risePercent: ['Watch Exposure Rise (%)', '预警敞口增幅(%)', 'Exposure Rise Alert (%)', '敞口增幅预警(%)'],
  riseFloor: ['Watch Exposure Floor', '预警敞口下限', 'Exposure Rise Floor', '敞口预警下限'],
} as const;

const fieldOfKey = nameLookup(() => Object.entries(WATCH_SETTING_KEYS) as [keyof typeof WATCH_SETTING_KEYS, readonly string[]][]);

export interface WatchSettings {
  /** Percent, > 0. */
  risePercent: number;
  /** Minor units of the base currency, ≥ 0. */
  riseFloor: number;
}

function parseNumberText(text: string): number | null {
  const s = String(text ?? '').normalize('NFKC').replace(/[,\s%¥$元]|CNY|RMB|USD/gi, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

const EXPECTED = {
  risePercent: { en: 'a percentage above 0, such as 50%', zh: '大于 0 的百分比，例如 50%' },
  riseFloor: { en: 'an amount of 0 or more', zh: '大于或等于 0 的金额' },
};

/** The watch settings and the Problems of the rows that cannot be read. Never throws. */
export function readWatchSettings(
  extra: Readonly<Record<string, string>> | undefined,
  baseCurrency: string,
  language: Language = 'en',
  sheet = 'Settings',
): { settings: WatchSettings; problems: Problem[] } {
  const scale = 10 ** minorDigits(baseCurrency);
  const settings: WatchSettings = { risePercent: WATCH_DEFAULTS.risePercent, riseFloor: Math.round(WATCH_DEFAULTS.riseFloorMajor * scale) };
  const problems: Problem[] = [];
  if (!extra || typeof extra !== 'object') return { settings, problems };
  const seen = new Set<string>();
  for (const [key, raw] of Object.entries(extra)) {
    const field = fieldOfKey(key);
    if (field === undefined || seen.has(field)) continue;
    seen.add(field);
    const text = String(raw ?? '').trim();
    if (text === '') continue;
    const v = parseNumberText(text);
    if (field === 'risePercent' && v !== null && v > 0) {
      settings.risePercent = v < 1 ? v * 100 : v;
      continue;
    }
    if (field === 'riseFloor' && v !== null && v >= 0) {
      settings.riseFloor = Math.round(v * scale);
      continue;
    }
    const fallback = field === 'risePercent' ? `${WATCH_DEFAULTS.risePercent}%` : String(WATCH_DEFAULTS.riseFloorMajor);
    problems.push({
      sheet, row: 0, column: '', header: key, value: text.slice(0, 200),
      message: problemMessage('setting.invalid', language, { header: key, value: text.slice(0, 200), expected: EXPECTED[field][language], default: fallback }),
    });
  }
  return { settings, problems };
}
