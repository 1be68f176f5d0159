/**
 * While a screen has unsaved edits, closing or reloading the page asks first: the browser
 * shows its own "Leave site?" prompt, and the desktop shell turns the cancelled unload into
 * its "Leave without saving?" dialog (electron/main/main-window.ts, will-prevent-unload).
 * Moving between screens inside the app is guarded separately (navigation's leaveGuard).
 */
import { useEffect } from 'react';

export function useUnsavedChangesGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older engines only ask when returnValue is set as well.
      event.returnValue = true;
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}
