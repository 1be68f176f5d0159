import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { ListFilters, PagedListHook } from './paged-list-store';

export interface ListTableRefs {
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  searchRef: RefObject<HTMLInputElement | null>;
}

interface ListTableProps<R extends { id: number }> extends ListTableRefs {
  list: PagedListHook<ListFilters, R>;
  id: string;
  label: string;
  className: string;
  /** The header row's cells. */
  headerCells: ReactNode;
  rowClassName(row: R): string;
  /** One row's cells. */
  cells(row: R): ReactNode;
  open(row: R): void;
}

/**
 * One page of a list. The selected row is the one keyboard stop (roving tabindex):
 * arrows move it, Enter opens the row, Page Up/Down turn pages, Home/End jump.
 */
export function ListTable<R extends { id: number }>({ list, id, label, className, headerCells, rowClassName, cells, open, bodyRef, searchRef }: ListTableProps<R>) {
  const { rows, selected, offset, total, pageSize } = list();
  const { select, setOffset } = list.getState();
  const moveFocus = useRef(false);

  // After a key moved the selection (possibly onto a new page, whose rows replace the
  // focused one), follow it with the focus; never pull focus out of the search box.
  useEffect(() => {
    const active = document.activeElement;
    const inList = bodyRef.current?.contains(active) ?? false;
    if (moveFocus.current || inList || active === document.body) {
      bodyRef.current?.querySelector<HTMLElement>('tr[aria-selected="true"]')?.focus();
    }
    moveFocus.current = false;
  }, [selected, rows, bodyRef]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const last = rows.length - 1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => (selected < last ? select(selected + 1) : offset + pageSize < total && (setOffset(offset + pageSize), select(0))),
      ArrowUp: () => (selected > 0 ? select(selected - 1) : offset > 0 ? (setOffset(offset - pageSize), select(pageSize - 1)) : searchRef.current?.focus()),
      PageDown: () => (offset + pageSize < total ? setOffset(offset + pageSize) : select(last)),
      PageUp: () => (offset > 0 ? setOffset(offset - pageSize) : select(0)),
      Home: () => select(0),
      End: () => select(last),
      Enter: () => rows[selected] && open(rows[selected]),
    };
    const action = keys[e.key];
    if (action && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      moveFocus.current = true;
      action();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing while in the list goes to the search box, as a clerk would expect.
      searchRef.current?.focus();
    }
  };

  return (
    <table className={className} id={id} aria-label={label} aria-rowcount={total + 1}>
      <thead>
        <tr aria-rowindex={1}>{headerCells}</tr>
      </thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {rows.map((row, index) => (
          <tr
            key={row.id}
            tabIndex={index === selected ? 0 : -1}
            aria-selected={index === selected}
            aria-rowindex={offset + index + 2}
            className={rowClassName(row)}
            onClick={() => select(index)}
            onDoubleClick={() => open(row)}
            onFocus={() => index !== selected && select(index)}
          >
            {cells(row)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
