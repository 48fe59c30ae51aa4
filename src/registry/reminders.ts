import {
  confirmUnknown, getReminderPanel, previewReminders, runRemindersNow, runScheduledReminders,
  sendRemindersNow, setReminderSchedule, turnOffReminders, turnOnReminders,
} from '../entry/reminders';
import { entry } from './types';

/** The reminder run: its trigger, menu actions and sidebar calls. */
export const reminderEntries = {
  runScheduledReminders: entry({
    kind: 'trigger',
    doc: 'The daily reminder run, started by its time-driven trigger.',
    params: [{ name: 'e', type: 'Object', doc: 'The time-driven event.', optional: true }],
    run: runScheduledReminders,
  }),
  previewReminders: entry({ kind: 'menu', doc: 'Shows the reminders that would be sent today; sends nothing.', params: [], run: previewReminders }),
  sendRemindersNow: entry({ kind: 'menu', doc: 'Sends the reminders due today now.', params: [], run: sendRemindersNow }),
  turnOnReminders: entry({ kind: 'menu', doc: 'Turns on the daily reminder run at the hour set for it.', params: [], run: turnOnReminders }),
  turnOffReminders: entry({ kind: 'menu', doc: 'Turns off the daily reminder run.', params: [], run: turnOffReminders }),
  runRemindersNow: entry({ kind: 'sidebar', doc: 'Sends the reminders due today now and returns the counts.', params: [], run: runRemindersNow }),
  getReminderPanel: entry({ kind: 'sidebar', doc: "Today's reminder preview, unknown sends, schedule and quota.", params: [], run: getReminderPanel }),
  setSchedule: entry({
    kind: 'sidebar',
    doc: 'Turns the daily reminder run on or off at an hour.',
    params: [
      { name: 'on', type: 'boolean', doc: 'On or off.' },
      { name: 'hour', type: 'number', doc: 'Hour of day 0-23 in the spreadsheet time zone.' },
    ],
    run: setReminderSchedule,
  }),
  confirmUnknown: entry({
    kind: 'sidebar',
    doc: 'Records whether a send of unknown outcome went.',
    params: [
      { name: 'key', type: 'string', doc: 'The reminder key, e.g. INV-1|+15.' },
      { name: 'outcome', type: 'string', doc: '"sent" or "not-sent".' },
    ],
    run: confirmUnknown,
  }),
};
