import { useState, type KeyboardEvent, type ReactNode } from 'react';
import './Combobox.css';

export interface ComboboxProps<T> {
  id: string;
  value: string;
  /** The text changed by typing; the parent recomputes `options` from it. */
  onInput(text: string): void;
  options: readonly T[];
  optionKey(option: T): string;
  renderOption(option: T): ReactNode;
  onPick(option: T): void;
  /** Keys the list does not use (Enter with nothing highlighted, Tab, …) go here. */
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
}

/**
 * A text input with a suggestion list, following the ARIA 1.2 combobox pattern: typing
 * opens the list, ↑/↓ move through it, Enter picks, Esc closes it. Nothing is picked
 * unless the clerk chooses, so a free text stays free text.
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const { id, value, options, optionKey, renderOption, onPick, listLabel } = props;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-list`;
  const expanded = open && options.length > 0;
  const activeIndex = active < options.length ? active : -1;

  function pick(option: T) {
    setOpen(false);
    setActive(-1);
    onPick(option);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!event.ctrlKey && !event.altKey && !event.metaKey) {
      if (event.key === 'ArrowDown' && options.length > 0) {
        event.preventDefault();
        setOpen(true);
        setActive(expanded ? (activeIndex + 1) % options.length : 0);
        return;
      }
      if (event.key === 'ArrowUp' && expanded) {
        event.preventDefault();
        setActive(activeIndex <= 0 ? options.length - 1 : activeIndex - 1);
        return;
      }
      if (event.key === 'Enter' && expanded && activeIndex >= 0) {
        event.preventDefault();
        pick(options[activeIndex]!);
        return;
      }
      if (event.key === 'Escape' && expanded) {
        // Closing the list is all Esc does here; the screen must not treat it as "leave".
        event.preventDefault();
        setOpen(false);
        setActive(-1);
        return;
      }
      if (event.key === 'Tab') {
        setOpen(false);
        setActive(-1);
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
        aria-activedescendant={expanded && activeIndex >= 0 ? `${id}-opt-${activeIndex}` : undefined}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        data-field={props.dataField}
        title={props.title}
        onChange={(event) => {
          props.onInput(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
          props.onBlur?.();
        }}
      />
      <ul id={listId} role="listbox" aria-label={listLabel} className="combobox__list" hidden={!expanded}>
        {expanded
          ? options.map((option, index) => (
              <li
                key={optionKey(option)}
                id={`${id}-opt-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className="combobox__option"
                // mousedown, not click: picking must happen before the input loses focus.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(option);
                }}
              >
                {renderOption(option)}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
