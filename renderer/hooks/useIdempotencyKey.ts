/**
 * One idempotency key per form: made when the form opens, sent with every attempt to save it
 * (so a save repeated after its answer was lost is stored once: db/api/idempotency.ts), and
 * replaced by a new one once a save succeeded and the form is used for the next entry.
 */
import { useCallback, useState } from 'react';

/** A random UUID (version 4). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `kept`: the key a restored draft was being saved with, so its save is the same save. */
export function useIdempotencyKey(kept?: string): { key: string; renew(): void } {
  const [key, setKey] = useState(() => kept ?? newIdempotencyKey());
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  return { key, renew };
}
