/**
 * The dunning ladder (催收阶梯): ordered levels, each a number of days relative to the due date
 * (negative: before it), an audience, templates in English and Chinese, and a minimum open amount.
 */
import type { Day, Minor } from '../types';
import { DEFAULT_LEVEL_NAMES, DEFAULT_TEMPLATES } from '../../i18n/ladder';

export type Audience = 'customer' | 'internal';

export interface Template {
  subject: string;
  body: string;
}

export interface LadderLevel {
  /** Days from the due date at which this level is due: -3 is three days before it. */
  days: number;
  audience: Audience;
  /** What the level is called in the log, e.g. "Overdue notice". */
  name: string;
  /** An invoice whose open amount is below this gets no reminder at this level. */
  minOpen: Minor;
  templates: { en: Template; zh: Template };
}

/** A level's label in keys and the log: `-3`, `+1`, `+15`. */
export function levelLabel(days: number): string {
  return days > 0 ? `+${days}` : String(days);
}

/** The default ladder: -3 courtesy, +1 overdue, +15 second, +30 final (hold), +45 internal escalation. */
export const DEFAULT_LADDER: LadderLevel[] = [
  { days: -3, audience: 'customer', name: DEFAULT_LEVEL_NAMES.courtesy.en, minOpen: 0, templates: DEFAULT_TEMPLATES.courtesy },
  { days: 1, audience: 'customer', name: DEFAULT_LEVEL_NAMES.overdue.en, minOpen: 0, templates: DEFAULT_TEMPLATES.overdue },
  { days: 15, audience: 'customer', name: DEFAULT_LEVEL_NAMES.second.en, minOpen: 0, templates: DEFAULT_TEMPLATES.second },
  { days: 30, audience: 'customer', name: DEFAULT_LEVEL_NAMES.final.en, minOpen: 0, templates: DEFAULT_TEMPLATES.final },
  { days: 45, audience: 'internal', name: DEFAULT_LEVEL_NAMES.escalation.en, minOpen: 0, templates: DEFAULT_TEMPLATES.escalation },
];

/** Levels of one audience in ascending order of days. */
export function levelsFor(ladder: LadderLevel[], audience: Audience): LadderLevel[] {
  return ladder.filter((l) => l.audience === audience).sort((a, b) => a.days - b.days);
}

/**
 * The highest level of an (ascending) audience ladder that is due for an invoice on `asOf`,
 * and the levels below it; null when none is due yet.
 *
 * @example highestDueLevel(levels, dueDate, dueDate + 16) // the +15 level
 */
export function highestDueLevel(levels: LadderLevel[], dueDate: Day, asOf: Day): number {
  const daysFromDue = asOf - dueDate;
  let index = -1;
  for (let i = 0; i < levels.length; i++) if (daysFromDue >= levels[i].days) index = i;
  return index;
}
