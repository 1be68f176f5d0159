/**
 * "Issue and e-mail": the issuing dialog hands the new document to its own screen with the
 * E-mail dialog to open there. Kept apart from the address, so a reload or Back does not open it again.
 */
import { create } from 'zustand';

interface MailRequestState {
  /** The document whose screen opens its E-mail dialog on arrival, once. */
  documentId: number | null;
  request(documentId: number): void;
  /** Whether the E-mail dialog of this document was asked for. */
  asked(documentId: number): boolean;
  /** The dialog opened: the request is done. */
  clear(): void;
}

export const useMailRequest = create<MailRequestState>((set, get) => ({
  documentId: null,
  request(documentId) {
    set({ documentId });
  },
  asked(documentId) {
    return get().documentId === documentId;
  },
  clear() {
    set({ documentId: null });
  },
}));
