const SHORTCUTS: [string, string][] = [
  ['Ctrl+S', 'Save the order'],
  ['Esc', 'Leave (asks first if something is unsaved)'],
  ['↑ ↓ then Enter', 'Pick a suggested title, country or customer'],
  ['Enter', 'Next field on a line; after the last price, a new line'],
  ['Tab after the last price', 'Start a new line'],
  ['Tab in an empty new line', 'On to the order details'],
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
