/**
 * The E-mail panel of an invoice or credit note: "E-mail…" (Alt+E) and the delivery history. The
 * dialog opens by itself when the clerk chose "Issue and e-mail".
 */
import { useEffect, useState } from 'react';
import { MailDialog, type MailDocument } from './MailDialog';
import { MailHistory } from './MailHistory';
import { useMailRequest } from './mail-request';

export function DocumentMail({ document }: { document: MailDocument }) {
  const [open, setOpen] = useState(() => useMailRequest.getState().asked(document.id));
  const [version, setVersion] = useState(0);
  // Asked once: a later visit to this document does not open the dialog again.
  useEffect(() => useMailRequest.getState().clear(), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // By key code, so a Mac's Option layer still works.
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.defaultPrevented && e.code === 'KeyE') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="document-mail">
      <div className="actions document-mail__actions">
        <button type="button" onClick={() => setOpen(true)} aria-keyshortcuts="Alt+E">
          E-mail… <kbd>Alt+E</kbd>
        </button>
      </div>
      <MailHistory document={document} version={version} />
      {open ? <MailDialog document={document} onClose={() => setOpen(false)} onQueued={() => setVersion((v) => v + 1)} /> : null}
    </div>
  );
}
