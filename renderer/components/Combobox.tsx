import { useState, type KeyboardEvent, type ReactNode } from 'react';
import './Combobox.css';

/** The explicit last entry that keeps the typed text instead of a suggestion. */
export interface FreeTextEntry {
  /** What the entry says, e.g. `Use “…” as a title not in the catalogue`. */
  label(text: string): string;
  /** Shown (and highlighted) even when nothing matches, so Enter still says what it does. */
  showAlone: boolean;
  onChoose?(): void;
}

export interface ComboboxProps<T> {
  id: string;
  value: string;
  /** The text changed by typing; the parent recomputes `options` from it. */
  onInput(text: string): void;
  /** Best match first: it is highlighted while the list is shown. */
  options: readonly T[];
  optionKey(option: T): string;
  renderOption(option: T): ReactNode;
  onPick(option: T): void;
  /** Without it there is no free text: the value must come from the list. */
  freeText?: FreeTextEntry;
  /**
   * Whether Tab, like Enter, takes the highlighted entry (default). Off where a wrong
   * pick costs more than a missed one (a customer fills six fields).
   */
  tabTakes?: boolean;
  /**
   * Keys the list does not use (Tab with the list closed, shortcuts, …) go here, and so
   * does every Enter, after it took an entry, so the screen can move on to the next field.
   */
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  onBlur?(): void;
  /** Accessible name when no <label> points at the input (e.g. a table cell). */
  'aria-label'?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string | undefined;
  listLabel: string;
  className?: string;
  placeholder?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'email';
  dataField?: string;
  /** Shown on hover: the full text when it is wider than the input. */
  title?: string;
  readOnly?: boolean;
}

/**
 * A text input with a suggestion list, following the ARIA 1.2 combobox pattern with
 * automatic selection: typing opens the list with the best match highlighted, ↑/↓ move
 * through it, Enter (and Tab, unless `tabTakes` is off) takes the highlighted entry,
 * Esc closes the list and keeps the text. Free text, where allowed, is its own entry at
 * the end of the list, so keeping what was typed is a choice and never the accident.
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const { id, value, options, optionKey, renderOption, onPick, listLabel, freeText } = props;
  const [open, setOpen] = useState(false);
  /** null: the default highlight (the best match); a number once the clerk moved with ↑/↓. */
  const [moved, setMoved] = useState<number | null>(null);
  const listId = `${id}-list`;
  const hasText = value.trim() !== '';
  const showFree = freeText !== undefined && hasText && (options.length > 0 || freeText.showAlone);
  const count = options.length + (showFree ? 1 : 0);
  const expanded = open && count > 0 && !props.readOnly;
  const freeIndex = showFree ? options.length : -1;
  const active = !expanded ? -1 : moved !== null && moved < count ? moved : 0;
  const optionId = (index: number) => (index === freeIndex ? `${id}-opt-free` : `${id}-opt-${index}`);

  function close() {
    setOpen(false);
    setMoved(null);
  }

  /** Takes the highlighted entry; false when there was none to take. */
  function takeActive(): boolean {
    if (active < 0) return false;
    close();
    if (active === freeIndex) freeText?.onChoose?.();
    else onPick(options[active]!);
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!event.ctrlKey && !event.altKey && !event.metaKey) {
      if (event.key === 'ArrowDown' && count > 0) {
        event.preventDefault();
        setOpen(true);
        setMoved(expanded ? (active + 1) % count : 0);
        return;
      }
      if (event.key === 'ArrowUp' && expanded) {
        event.preventDefault();
        setMoved(active <= 0 ? count - 1 : active - 1);
        return;
      }
      if (event.key === 'Enter' && expanded) {
        event.preventDefault();
        takeActive();
      }
      if (event.key === 'Escape' && expanded) {
        // Closing the list is all Esc does here; the screen must not treat it as "leave".
        event.preventDefault();
        close();
        return;
      }
      if (event.key === 'Tab') {
        // Focus moves on as usual; the highlighted entry goes with it.
        if (props.tabTakes !== false) takeActive();
        close();
      }
    }
    props.onKeyDown?.(event);
  }

  return (
    <div className={`combobox ${props.className ?? ''}`}>
      <input
        id={id}
        type="text"
        role="combobox"
        dir="auto"
        value={value}
        aria-label={props['aria-label']}
        aria-invalid={props['aria-invalid']}
        aria-describedby={props['aria-describedby']}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        data-field={props.dataField}
        title={props.title}
        readOnly={props.readOnly}
        onChange={(event) => {
          props.onInput(event.target.value);
          setOpen(true);
          setMoved(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          close();
          props.onBlur?.();
        }}
      />
      <ul id={listId} role="listbox" aria-label={listLabel} className="combobox__list" hidden={!expanded}>
        {expanded ? (
          <>
            {options.map((option, index) => (
              <li
                key={optionKey(option)}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className="combobox__option"
                // mousedown, not click: picking must happen before the input loses focus.
                onMouseDown={(event) => {
                  event.preventDefault();
                  close();
                  onPick(option);
                }}
              >
                {renderOption(option)}
              </li>
            ))}
            {showFree ? (
              <li
                key="free-text"
                id={optionId(freeIndex)}
                role="option"
                aria-selected={active === freeIndex}
                className="combobox__option combobox__option--free"
                onMouseDown={(event) => {
                  event.preventDefault();
                  close();
                  freeText.onChoose?.();
                }}
              >
                {freeText.label(value.trim())}
              </li>
            ) : null}
          </>
        ) : null}
      </ul>
    </div>
  );
}
