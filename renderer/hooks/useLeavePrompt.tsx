/**
 * Leaving a screen with unsaved edits — Alt+digit, a link, Back or Esc — asks first, in the
 * app's one leave prompt (components/LeavePrompt, the order entry's too). The screen stays until
 * the clerk answers; leaving then goes where the clerk was going. Closing the window is asked by
 * useUnsavedChangesGuard.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { LeavePrompt, type LeaveWords } from '../components/LeavePrompt';
import { useNavigation, type Route } from '../state/navigation';

interface LeavePromptOptions {
  dirty: boolean;
  /** What is unsaved, for the question: "Settings have changes that are not saved." */
  unsaved: string;
  /** Where Esc leaves to; Esc does nothing here without it. */
  escapeTo?: Route;
  /** The question and answers when leaving does something else than discard edits. */
  words?: LeaveWords;
  /** Called as the clerk leaves, before going: what leaving stops. */
  onLeave?(): void;
}

/** Returns the dialog to render (null while nobody is leaving). */
export function useLeavePrompt({ dirty, unsaved, escapeTo, words, onLeave }: LeavePromptOptions): ReactNode {
  const [leavingTo, setLeavingTo] = useState<Route | null>(null);
  const asking = useRef(false);
  useEffect(() => {
    asking.current = leavingTo !== null;
  }, [leavingTo]);

  useEffect(() => {
    const { setLeaveGuard } = useNavigation.getState();
    setLeaveGuard(
      dirty
        ? (to) => {
            setLeavingTo(to);
            return false;
          }
        : null,
    );
    return () => setLeaveGuard(null);
  }, [dirty]);

  const escapeHash = escapeTo ? JSON.stringify(escapeTo) : null;
  useEffect(() => {
    if (!escapeHash) return;
    const onKey = (event: KeyboardEvent) => {
      // An open list or dialog uses Esc first (and marks it handled).
      if (event.key !== 'Escape' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || asking.current) return;
      event.preventDefault();
      useNavigation.getState().go(JSON.parse(escapeHash) as Route);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [escapeHash]);

  if (!leavingTo) return null;
  const stay = () => setLeavingTo(null);
  const leave = () => {
    const { setLeaveGuard, go } = useNavigation.getState();
    onLeave?.();
    setLeaveGuard(null);
    setLeavingTo(null);
    go(leavingTo);
  };
  return <LeavePrompt unsaved={unsaved} onStay={stay} onLeave={leave} {...(words ? { words } : {})} />;
}
