/** The reminders.* methods of the contract, on the reminder services. */
import type { Handlers } from '../../api/handlers';
import { read, stagedWrite } from '../../api/register';
import { dueReminders } from './due';
import { issueReminders } from './issue';
import { listReminders, reminderPdf } from './read';
import { remindersZip } from './zip';

export const reminderHandlers: Pick<Handlers, 'reminders.due' | 'reminders.issue' | 'reminders.list' | 'reminders.pdf' | 'reminders.zip'> = {
  'reminders.due': read(dueReminders),
  // Renders in the worker, then stores every reminder of the call in one transaction.
  'reminders.issue': stagedWrite(issueReminders, { idempotent: true }),
  'reminders.list': read(listReminders),
  'reminders.pdf': read(reminderPdf),
  'reminders.zip': read(remindersZip),
};
