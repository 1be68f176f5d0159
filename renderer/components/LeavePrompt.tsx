/**
 * The app's one question before unsaved work is left behind, whichever way the clerk leaves
 * (Esc, Alt+digit, a link, Back) and on whichever screen: the same title, the safe answer first
 * and under the cursor (a reflexive Enter loses nothing), the way out last. The order entry adds
 * its middle answer, "Leave, keep as draft"; a screen whose work is not an edit (a batch being
 * issued) words the answers for what leaving does there.
 */
import { ConfirmDialog, type DialogAction } from './ConfirmDialog';

export interface LeaveWords {
  title: string;
  stay: string;
  leave: string;
}

export const LEAVE_WITHOUT_SAVING: LeaveWords = { title: 'Leave without saving?', stay: 'Keep editing', leave: 'Discard changes and leave' };

interface LeavePromptProps {
  /** What would be lost, in a sentence: "Settings have changes that are not saved." */
  unsaved: string;
  onStay(): void;
  onLeave(): void;
  /** The order entry's draft: leave now, and find the form again later. */
  onKeepDraft?(): void;
  words?: LeaveWords;
}

export function LeavePrompt({ unsaved, onStay, onLeave, onKeepDraft, words = LEAVE_WITHOUT_SAVING }: LeavePromptProps) {
  const actions: DialogAction[] = [{ label: words.stay, primary: true, onChoose: onStay }];
  if (onKeepDraft) actions.push({ label: 'Leave, keep as draft', onChoose: onKeepDraft });
  actions.push({ label: words.leave, onChoose: onLeave });
  return (
    <ConfirmDialog title={words.title} onCancel={onStay} actions={actions}>
      <p>{unsaved}</p>
    </ConfirmDialog>
  );
}
