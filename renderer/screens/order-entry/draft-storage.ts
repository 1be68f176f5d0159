/**
 * Unsaved forms survive a closed window or a crash: every change is written to
 * localStorage under a key per new order / per edited order, and offered back on the
 * next start. A draft is removed only after a save or an explicit discard.
 */
import { scrubDeep } from '../../components/card-safe-text';
import type { OrderForm } from './form-model';

const PREFIX = 'order-desk.order-draft.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = 1;

export interface Draft {
  form: OrderForm;
  /** ISO timestamp of the last change. */
  savedAt: string;
  /** For an edited order: the version it was based on, so a later save can detect a conflict. */
  baseUpdatedAt?: string;
  /**
   * The key the form's saves are sent with. A save whose answer never came (the app died
   * mid-save) may have stored the order: the restored draft saves with the same key, and is
   * answered with that order instead of creating a second one.
   */
  idempotencyKey?: string;
}

export type DraftStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function draftKey(orderId: number | undefined): string {
  return orderId === undefined ? `${PREFIX}new` : `${PREFIX}order-${orderId}`;
}

/** False when the browser refuses storage (private mode, disabled, full). */
export function canKeepDrafts(store: DraftStore): boolean {
  const probe = `${PREFIX}probe`;
  try {
    store.setItem(probe, '1');
    store.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

/** A full card number or a security code typed into any field never reaches browser storage. */
export function writeDraft(store: DraftStore, key: string, draft: Draft): boolean {
  try {
    store.setItem(key, JSON.stringify({ version: VERSION, ...draft, form: scrubDeep(draft.form) }));
    return true;
  } catch {
    // Storage full or disabled: the form still works; the screen says drafts are off.
    return false;
  }
}

function looksLikeForm(value: unknown): value is OrderForm {
  if (typeof value !== 'object' || value === null) return false;
  const form = value as Partial<OrderForm>;
  return typeof form.customer === 'object' && form.customer !== null && Array.isArray(form.lines) && typeof form.currency === 'string';
}

/** The stored draft, or null when there is none or it cannot be read (it is then left alone). */
export function readDraft(store: DraftStore, key: string): Draft | null {
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as { version?: number; form?: unknown; savedAt?: unknown; baseUpdatedAt?: unknown; idempotencyKey?: unknown };
    if (parsed.version !== VERSION || !looksLikeForm(parsed.form) || typeof parsed.savedAt !== 'string') return null;
    return {
      form: parsed.form,
      savedAt: parsed.savedAt,
      ...(typeof parsed.baseUpdatedAt === 'string' ? { baseUpdatedAt: parsed.baseUpdatedAt } : {}),
      ...(typeof parsed.idempotencyKey === 'string' && UUID.test(parsed.idempotencyKey) ? { idempotencyKey: parsed.idempotencyKey } : {}),
    };
  } catch {
    return null;
  }
}

export function removeDraft(store: DraftStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // Nothing more can be done; the next start offers it again, which loses nothing.
  }
}

/** "14:32" for a draft from today, "27.11.2026, 14:32" otherwise, in the clerk's locale. */
export function describeDraftTime(savedAt: string, locale: string, now: Date = new Date()): string {
  const at = new Date(savedAt);
  const sameDay = at.toDateString() === now.toDateString();
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return sameDay ? time : `${at.toLocaleDateString(locale)}, ${time}`;
}
