import { useEffect, useRef } from 'react';
import type { BatchProgress as Progress } from './batch-runner';
import { progressText } from './batch-words';

interface Props {
  progress: Progress | null;
  stopping: boolean;
  onCancel(): void;
}

/** The bar, the live line a screen reader reads out, and Cancel (which stops after the invoice in progress). */
export function BatchProgress({ progress, stopping, onCancel }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Start moved the keyboard here, so Enter or Space cancels at once.
  useEffect(() => cancelRef.current?.focus(), []);
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  return (
    <section className="batch-progress" aria-labelledby="batch-progress-heading">
      <h2 id="batch-progress-heading">Issuing invoices</h2>
      <label htmlFor="batch-progress-bar" className="batch-progress__label">
        Invoices done
      </label>
      <progress id="batch-progress-bar" value={done} max={Math.max(total, 1)} aria-valuetext={`${done} of ${total}`}>
        {done} of {total}
      </progress>
      <p className="batch-progress__text" role="status" aria-live="polite" data-testid="batch-progress-text">
        {progress ? progressText(progress, stopping) : 'Starting…'}
      </p>
      <div className="actions">
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page. */}
        <button type="button" ref={cancelRef} onClick={stopping ? undefined : onCancel} aria-disabled={stopping}>
          {stopping ? 'Stopping…' : 'Cancel'}
        </button>
        <span className="muted">Cancel stops after the invoice being issued; it is completed, the others are not started.</span>
      </div>
    </section>
  );
}
