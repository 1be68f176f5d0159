const SHORTCUTS: [string, string][] = [
  ['Ctrl+S', 'Save the order (after a duplicate warning it only checks again)'],
  ['Alt+A', 'Save anyway, when a duplicate warning is shown'],
  ['Esc', 'Leave (asks first if something is unsaved, as Alt+digit and links do)'],
  ['Enter or Tab', 'Take the highlighted title or country: the best match for what you typed'],
  ['↑ ↓', 'Highlight another suggestion; the last one keeps what you typed as a title not in the catalogue'],
  ['Enter in Name or E-mail', 'Take the highlighted existing customer (Tab goes on with a new customer)'],
  ['Enter', 'Next field on a line; after the last price, a new line'],
  ['Tab after the last price', 'Start a new line'],
  ['Tab in an empty new line', 'On to the order details'],
  ['↑ ↓ in a date', 'The day after or before'],
  ['Alt+L', 'Add a line'],
  ['Ctrl+Delete or Alt+Backspace', 'Remove the line you are on'],
];

export function ShortcutList() {
  return (
    <aside className="shortcut-list" aria-labelledby="shortcut-list-title">
      <h2 id="shortcut-list-title">Keyboard</h2>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
