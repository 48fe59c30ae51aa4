/**
 * After each scheduled run: one email to the credit manager with what the run did and what
 * changed (new BLOCKs, grade drops), and the snapshot that the next run compares against.
 */
import { escapeHtml, headerSafe, isValidAddress } from '../../core/reminders/render';
import { changesSince, readSnapshot, snapshotOf, snapshotRows, type Change } from '../../core/watch';
import type { CreditPicture } from '../../core/picture';
import { isoOfDay } from '../../core/dates';
import { recipientCount, remainingMailQuota, sendMail } from '../../platform/mail';
import { ensureSheet, writeBlock } from '../../platform/spreadsheet';
import { DIGEST_TEXT } from '../../i18n/digest';
import type { RunResult } from './run';

export const SNAPSHOT_SHEET = '_CreditDesk_Snapshot';

/** Reads the last snapshot, writes the new one (one read, one write), returns the changes. */
export function updateSnapshot(picture: CreditPicture): Change[] {
  const { sheet, created } = ensureSheet(SNAPSHOT_SHEET);
  if (created) sheet.hideSheet();
  const before = created ? new Map() : readSnapshot(sheet.getDataRange().getValues());
  const now = snapshotOf(picture);
  const rows = [['Key', 'Customer ID', 'Grade', 'Verdict', 'Exposure'], ...snapshotRows(now)];
  sheet.clearContents();
  writeBlock(sheet, 1, 1, rows);
  return changesSince(before, picture);
}

/** Sends the digest when a credit manager is set and the quota allows; says whether it went. */
export function sendDigest(picture: CreditPicture, run: RunResult, changes: Change[]): boolean {
  const to = picture.settings.creditManager;
  if (!to || !isValidAddress(to)) return false;
  const t = DIGEST_TEXT[picture.settings.language];
  const subject = headerSafe(t.subject(isoOfDay(run.asOf), run.sent, changes.length));
  const lines = [
    t.counts(run.sent, run.failed, run.skipped, run.unknown),
    run.status !== 'done' ? t.status[run.status] ?? run.status : '',
    '',
    ...changes.map((c) => t.change(c)),
  ].filter((l, i) => i === 2 || l !== '');
  const body = lines.join('\n');
  const htmlBody = `<div style="font-family:Arial,sans-serif;font-size:14px">${lines.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : '')).join('')}</div>`;
  if (remainingMailQuota() < recipientCount({ to })) return false;
  sendMail({ to, subject, body, htmlBody });
  return true;
}
