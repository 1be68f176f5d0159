/**
 * The reminders a Send just issued, read again every second while a mail of theirs is still on
 * its way (queued, being handed over, or waiting for another attempt), so the screen says what
 * the mail server did: accepted, refused, or still waiting. Never "sent" before it accepted.
 */
import { useEffect, useState } from 'react';
import type { Reminder } from '../../../shared/contract/reminders';
import { orderDesk } from '../../api/client';

const POLL_MS = 1000;

export function useFollowedReminders(issued: Reminder[]): Reminder[] {
  const [source, setSource] = useState(issued);
  const [current, setCurrent] = useState(issued);
  // A new Send: follow its reminders from their answer (adjusted during render, not one frame late).
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

  return current;
}
