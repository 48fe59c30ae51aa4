/**
 * After each scheduled run: the snapshot that the next run compares against, the risk watch list
 * (what crossed a line since the last run: a sheet and the digest), this week's cash forecast
 * when none is stored yet, and one email to the credit manager with what the run did and every
 * watch-list line.
 */
import { escapeHtml, headerSafe, isValidAddress } from '../../core/reminders/render';
import { readSnapshot, snapshotOf, snapshotRows, SNAPSHOT_HEADER } from '../../core/watch';
import { watchList, watchOptionsOf, type BrokenPromise, type WatchLine } from '../../core/watchlist';
import type { CreditPicture } from '../../core/picture';
import { brokenSince } from '../../core/plans/keep';
import { formatMoney } from '../../core/format';
import { isoOfDay } from '../../core/dates';
import type { Day } from '../../core/types';
import { recipientCount, remainingMailQuota, sendMail } from '../../platform/mail';
import { timeZone, writeBlock } from '../../platform/spreadsheet';
import { openStore } from '../logSheet';
import { DIGEST_TEXT } from '../../i18n/digest';
import { DASHBOARD_NAMES } from '../../i18n/dashboard';
import { writeReport } from '../reports/write';
import { watchLayout } from '../watch/layout';
import { storeTodaysForecast } from '../forecast/run';
import type { RunResult } from './run';

export const SNAPSHOT_SHEET = '_CreditDesk_Snapshot';

export interface SnapshotOptions {
  /** The Settings sheet's extra rows (CreditFile.settingsExtra): the watch list's thresholds. */
  settingsExtra?: Record<string, string>;
  /**
   * Broken promises and missed instalments since the last run. Default: brokenSince over the
   * picture's arrangements (a picture loaded with its plans), since the last snapshot's day.
   */
  brokenPromises?: readonly BrokenPromise[];
  /** The spreadsheet's time zone (read when not given). */
  timeZone?: string;
  /** Write the Watch List sheet and store the week's forecast (default true). */
  sheets?: boolean;
}

/** The as-of day written beside the snapshot's header; null in older snapshots. */
function snapshotDay(values: unknown[][]): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(values[0]?.[SNAPSHOT_HEADER.length + 1] ?? ''));
  return m ? Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000) : null;
}

/** The plans broken after the last snapshot's day, from the picture's arrangements ([] without a day or plans). */
export function brokenFromPicture(picture: CreditPicture, since: Day | null): BrokenPromise[] {
  if (since === null) return [];
  const views = [...picture.customers.values()].flatMap((c) => c.arrangements ?? []);
  return brokenSince(views, since, picture.asOf).map((w) => ({
    customerKey: w.customerKey,
    promisedDay: w.missedDue,
    detail: `${w.planId}${w.shortfall > 0 ? ` · ${formatMoney(w.shortfall, picture.settings.baseCurrency)}` : ''}`,
  }));
}

/**
 * Reads the last snapshot, writes the new one (one read, one write), writes the Watch List sheet,
 * stores this week's cash forecast when none is yet, and returns the watch-list lines.
 */
export function updateSnapshot(picture: CreditPicture, options: SnapshotOptions = {}): WatchLine[] {
  // The add-on's snapshot sheet, never a user's sheet of that name (src/sheets/logSheet.ts).
  const { sheet, values, created } = openStore({ name: SNAPSHOT_SHEET, header: SNAPSHOT_HEADER });
  const before = readSnapshot(values);
  const since = snapshotDay(values);
  const lines = watchList(before, picture, {
    ...watchOptionsOf(options.settingsExtra, picture.settings.baseCurrency),
    brokenPromises: options.brokenPromises ?? brokenFromPicture(picture, since),
  });
  const pad = ['', ''];
  const rows = [[...SNAPSHOT_HEADER, 'As Of', isoOfDay(picture.asOf)], ...snapshotRows(snapshotOf(picture)).map((r) => [...r, ...pad])];
  sheet.clearContents();
  writeBlock(sheet, 1, 1, rows);
  if (options.sheets !== false) {
    const language = picture.settings.language;
    const zone = options.timeZone ?? timeZone();
    writeReport(DASHBOARD_NAMES.watch, language, watchLayout(lines, picture.asOf, created ? null : since, language, zone, picture.settings.baseCurrency), { activate: false });
    storeTodaysForecast(picture);
  }
  return lines;
}

/** Sends the digest when a credit manager is set and the quota allows; says whether it went. */
export function sendDigest(picture: CreditPicture, run: RunResult, changes: WatchLine[]): boolean {
  const to = picture.settings.creditManager;
  if (!to || !isValidAddress(to)) return false;
  const t = DIGEST_TEXT[picture.settings.language];
  const subject = headerSafe(t.subject(isoOfDay(run.asOf), run.sent, changes.length));
  const lines = [
    t.counts(run.sent, run.failed, run.skipped, run.unknown),
    run.status !== 'done' ? t.status[run.status] ?? run.status : '',
    '',
    t.watchHead(changes.length),
    ...changes.map((c) => t.change(c)),
  ].filter((l, i) => i === 2 || l !== '');
  const body = lines.join('\n');
  const htmlBody = `<div style="font-family:Arial,sans-serif;font-size:14px">${lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : '')).join('')}</div>`;
  if (remainingMailQuota() < recipientCount({ to })) return false;
  sendMail({ to, subject, body, htmlBody });
  return true;
}
