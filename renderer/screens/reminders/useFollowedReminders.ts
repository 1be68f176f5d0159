/**
 * Reminders shown with their delivery (those a Send just issued, or those whose mail was not
 * delivered), read again every second while a mail of theirs is still on its way (queued, being
 * handed over, or waiting for another attempt), so the screen says what the mail server did:
 * accepted, refused, or still waiting. Never "sent" before it accepted. A mail sent again by the
 * clerk (mail.retry) is on its way again: the reminder follows it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { OutboxMail } from '../../../shared/contract/mail';
import type { Reminder } from '../../../shared/contract/reminders';
import { orderDesk } from '../../api/client';
import { reminderStatusOfMail } from './reminder-words';

const POLL_MS = 1000;

export interface FollowedReminders {
  reminders: Reminder[];
  /** The reminder's mail was queued again (mail.retry answered `mail`): shown as on its way, and followed. */
  queuedAgain(mail: OutboxMail): void;
}

export function useFollowedReminders(issued: Reminder[]): FollowedReminders {
  const [source, setSource] = useState(issued);
  const [current, setCurrent] = useState(issued);
  // A new list: follow its reminders from their answer (adjusted during render, not one frame late).
  if (source !== issued) {
    setSource(issued);
    setCurrent(issued);
  }
  const moving = current.some((r) => r.deliveryStatus === 'email_pending');

  useEffect(() => {
    if (!moving) return;
    let stopped = false;
    const timer = window.setTimeout(() => {
      const ids = current.map((r) => r.id);
      void orderDesk()
        .reminders.list({ ids, limit: ids.length })
        .then((answer) => {
          if (stopped || !answer.ok) return;
          const byId = new Map(answer.value.reminders.map((r) => [r.id, r]));
          setCurrent((before) => before.map((r) => byId.get(r.id) ?? r));
        });
    }, POLL_MS);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [current, moving]);

  const queuedAgain = useCallback((mail: OutboxMail) => {
    // A reminder's mail names the reminder as its document.
    setCurrent((before) =>
      before.map((r) =>
        r.id === mail.documentId && mail.kind === 'reminder'
          ? {
              ...r,
              deliveryStatus: reminderStatusOfMail(mail.status),
              mail: { id: mail.id, status: mail.status, response: mail.response, error: mail.error, sendingAt: mail.sendingAt, acceptedAt: mail.acceptedAt },
            }
          : r,
      ),
    );
  }, []);

  return { reminders: current, queuedAgain };
}
