import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { BankLine } from '../../../shared/contract/bank';
import { BankLineItem, type LineActions } from './BankLineItem';

interface Stop {
  key: string;
  lineIndex: number;
  /** A suggestion's index, or 'line' for a line without suggestions. */
  at: number | 'line';
}

/** Every place the keyboard stops, top to bottom: each suggestion, or the line itself when it has none. */
function stopsOf(rows: readonly BankLine[]): Stop[] {
  return rows.flatMap((line, lineIndex) =>
    line.suggestions.length > 0 ? line.suggestions.map((_, i): Stop => ({ key: `${line.id}:${i}`, lineIndex, at: i })) : [{ key: `${line.id}:line`, lineIndex, at: 'line' as const }],
  );
}

interface Props {
  rows: BankLine[];
  label: string;
  busyLineId: number | null;
  actions: LineActions;
  /** Put the keyboard on the line at this index (after the line there was dealt with and left the list). */
  focusRequest: { index: number; seq: number } | null;
}

/**
 * The lines, keyboard first: ↑ ↓ move through the suggestions from line to line (a line
 * without one is a stop itself), Enter takes the highlighted suggestion, F finds an order, S
 * splits, A sets aside. One stop is in the Tab order (roving tabindex), so Tab leaves the list.
 */
export function BankLinesList({ rows, label, busyLineId, actions, focusRequest }: Props) {
  const stops = stopsOf(rows);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const active = stops.find((s) => s.key === activeKey) ?? stops[0] ?? null;
  const elements = useRef(new Map<string, HTMLElement>());

  const stopRef = useCallback(
    (key: string): Ref<HTMLElement> =>
      (element: HTMLElement | null) => {
        if (element) elements.current.set(key, element);
        else elements.current.delete(key);
      },
    [],
  );

  const moveTo = (stop: Stop | undefined) => {
    if (!stop) return;
    setActiveKey(stop.key);
    elements.current.get(stop.key)?.focus();
  };

  useEffect(() => {
    if (!focusRequest || rows.length === 0) return;
    const index = Math.min(focusRequest.index, rows.length - 1);
    const stop = stops.find((s) => s.lineIndex === index);
    // Focusing it makes it the active stop (onFocus below).
    if (stop) elements.current.get(stop.key)?.focus();
    // Only when asked: the request comes once the rows it is about are in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select') || event.ctrlKey || event.altKey || event.metaKey) return;
    const here = active ? stops.indexOf(active) : -1;
    const line = active ? rows[active.lineIndex] : undefined;
    const key = event.key;
    let next: Stop | undefined;
    if (key === 'ArrowDown') next = stops[Math.min(here + 1, stops.length - 1)];
    else if (key === 'ArrowUp') next = stops[Math.max(here - 1, 0)];
    else if (key === 'Home') next = stops[0];
    else if (key === 'End') next = stops.at(-1);
    else if (key === 'PageDown') next = stops.find((s) => active && s.lineIndex > active.lineIndex) ?? stops.at(-1);
    else if (key === 'PageUp') next = stops.find((s) => active && s.lineIndex === Math.max(active.lineIndex - 1, 0));
    else if (line && line.status === 'to_review' && line.undetailedBatch === null && busyLineId === null) {
      const chosen = typeof active?.at === 'number' ? (line.suggestions[active.at] ?? null) : null;
      const lower = key.toLowerCase();
      if (lower === 'f') actions.find(line);
      else if (lower === 's') actions.split(line, chosen ?? line.suggestions[0] ?? null);
      else if (lower === 'a') actions.setAside(line);
      else if (key === 'Enter' && active?.at === 'line' && target === elements.current.get(active.key)) actions.find(line);
      else return;
      event.preventDefault();
      return;
    } else return;
    event.preventDefault();
    moveTo(next);
  }

  return (
    <ol
      className="bank-lines"
      aria-label={label}
      aria-keyshortcuts="ArrowUp ArrowDown Enter F S A"
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const stop = stops.find((s) => elements.current.get(s.key) === e.target);
        if (stop) setActiveKey(stop.key);
        else {
          const li = (e.target as HTMLElement).closest('li.bank-line');
          const index = li ? [...(li.parentElement?.children ?? [])].indexOf(li) : -1;
          const first = stops.find((s) => s.lineIndex === index);
          if (first && first.lineIndex !== active?.lineIndex) setActiveKey(first.key);
        }
      }}
    >
      {rows.map((line, index) => (
        <BankLineItem
          key={line.id}
          line={line}
          active={active && active.lineIndex === index ? active.at : null}
          stopRef={stopRef}
          busy={busyLineId === line.id}
          actions={actions}
        />
      ))}
    </ol>
  );
}
