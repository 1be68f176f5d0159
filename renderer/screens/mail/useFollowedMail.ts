/**
 * One mail followed until the sender is done with it: its outbox row read again while it is
 * queued or being handed over, so the screen moves from "Queued…" to "Sending…" to the server's
 * answer by itself. The sender works off the main thread; the screen only reads the outbox.
 */
import { useEffect, useState } from 'react';
import type { OutboxMail } from '../../../shared/contract/mail';
import { orderDesk } from '../../api/client';
import { stillMoving } from './mail-words';

/** Often while the handover is on; slower while a retry waits minutes for its time. */
const POLL_MS = 600;
const WAITING_POLL_MS = 5000;

export function useFollowedMail(initial: OutboxMail | null): { mail: OutboxMail | null; readError: string | null; replace(next: OutboxMail): void } {
  const [mail, setMail] = useState(initial);
  const [readError, setReadError] = useState<string | null>(null);

  const id = mail?.id;
  const moving = mail ? stillMoving(mail.status) : false;
  const waiting = mail?.status === 'queued' && mail.attempts > 0;
  useEffect(() => {
    if (!mail || !moving) return;
    let stopped = false;
    const timer = window.setTimeout(
      async () => {
        const result = await orderDesk().mail.outbox({ documentId: mail.documentId, kind: mail.kind, limit: 50 });
        if (stopped) return;
        if (!result.ok) {
          setReadError(result.error.message);
          // Asked again on the next turn: the mail may well be on its way meanwhile.
          setMail((m) => (m ? { ...m } : m));
          return;
        }
        setReadError(null);
        const found = result.value.mails.find((m) => m.id === id);
        setMail(found ?? { ...mail });
      },
      waiting ? WAITING_POLL_MS : POLL_MS,
    );
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
    // Read again after each answer (a new object), as long as the mail is still on its way.
  }, [id, moving, waiting, mail]);

  return { mail, readError, replace: setMail };
}
