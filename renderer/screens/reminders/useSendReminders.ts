/**
 * Sending the reminders the clerk kept: one reminders.issue for those with an e-mail address and
 * one for the letters to print, each all or none. Each carries an idempotency key made for that
 * very selection, so Send pressed again after a lost answer stores nothing twice; a new selection
 * gets new keys (the service refuses one key for two different requests).
 */
import { useRef, useState } from 'react';
import type { DueReminder, ReminderDelivery } from '../../../shared/contract/reminders';
import { orderDesk } from '../../api/client';
import { newIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { plannedDelivery } from './reminder-words';
import { useEmailReady } from './useEmailReady';
import type { SendOutcome } from './SentReminders';

interface Keys {
  selection: string;
  email: string;
  print: string;
}

export function useSendReminders(onSent: () => void) {
  const keys = useRef<Keys | null>(null);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<SendOutcome | null>(null);
  const emailReady = useEmailReady();

  async function send(rows: DueReminder[]): Promise<void> {
    const selection = rows.map((r) => r.invoiceId).sort((a, b) => a - b).join(',');
    if (keys.current?.selection !== selection) keys.current = { selection, email: newIdempotencyKey(), print: newIdempotencyKey() };
    const used = keys.current;
    setSending(true);
    const result: SendOutcome = { reminders: [], errors: [] };
    try {
      for (const delivery of ['email', 'print'] as ReminderDelivery[]) {
        const ids = rows.filter((r) => plannedDelivery(r, emailReady) === delivery).map((r) => r.invoiceId);
        if (ids.length === 0) continue;
        const answer = await orderDesk().reminders.issue({ invoiceIds: ids, delivery, idempotencyKey: used[delivery] });
        if (answer.ok) result.reminders.push(...answer.value.reminders);
        else result.errors.push(answer.error.message);
      }
      // Done with this selection: the next Send is a new request.
      if (result.errors.length === 0) keys.current = null;
      setOutcome(result);
      onSent();
    } finally {
      setSending(false);
    }
  }

  return { send, sending, outcome };
}
