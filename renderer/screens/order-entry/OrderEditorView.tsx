import { useEffect, useRef } from 'react';
import { useUnsavedChangesGuard } from '../../hooks/useUnsavedChangesGuard';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LeavePrompt } from '../../components/LeavePrompt';
import { useNavigation } from '../../state/navigation';
import { CustomerBlock } from './CustomerBlock';
import { DuplicateWarning } from './DuplicateWarning';
import { LinesTable } from './LinesTable';
import { OrderDetailsFields } from './OrderDetailsFields';
import { ShortcutList } from './ShortcutList';
import { useOrderEditor, type EditorSetup, type OrderEditor } from './useOrderEditor';

function CurrencyDialog({ editor }: { editor: OrderEditor }) {
  const dialog = editor.dialog;
  if (dialog?.kind !== 'currency') return null;
  const { currency, plan, typedKept } = dialog;
  const from = editor.form.currency;
  const actions = [{ label: `Change to ${currency} and re-price`, primary: true, onChoose: () => editor.confirmCurrency(currency, false) }];
  if (plan.typedReplaceable > 0) actions.push({ label: 'Also replace prices typed by hand', primary: false, onChoose: () => editor.confirmCurrency(currency, true) });
  actions.push({ label: `Keep ${from}`, primary: false, onChoose: editor.cancelDialog });
  return (
    <ConfirmDialog title={`Change the currency from ${from} to ${currency}?`} actions={actions} onCancel={editor.cancelDialog}>
      {plan.fromList > 0 ? <p>{plan.fromList === 1 ? '1 line takes' : `${plan.fromList} lines take`} the {currency} list price.</p> : null}
      {plan.typedReplaceable > 0 ? (
        <p>
          {plan.typedReplaceable === 1 ? '1 line has' : `${plan.typedReplaceable} lines have`} a price typed by hand. It is kept unless you choose to replace it with the
          list price.
        </p>
      ) : null}
      {plan.withoutPrice.length > 0 ? (
        <p>
          No {currency} list price for: {plan.withoutPrice.join('; ')}. Type those prices.
        </p>
      ) : null}
      {typedKept > 0 ? <p>{typedKept === 1 ? '1 price typed by hand has' : `${typedKept} prices typed by hand have`} no list price and stay as typed: check they are in {currency}.</p> : null}
    </ConfirmDialog>
  );
}

/** The app's one leave prompt, with the order entry's own middle answer: its draft is kept. */
function LeaveDialog({ editor }: { editor: OrderEditor }) {
  if (editor.dialog?.kind !== 'leave') return null;
  return (
    <LeavePrompt
      unsaved="This order has changes that are not saved. A draft is kept and offered when you come back, unless you discard it."
      onStay={editor.cancelDialog}
      onKeepDraft={editor.leave}
      onLeave={editor.discardAndLeave}
    />
  );
}

function BannerView({ editor }: { editor: OrderEditor }) {
  const banner = editor.banner;
  if (!banner) return null;
  if (banner.kind === 'saved') {
    return (
      <p className="banner banner--saved" role="status">
        <strong>Order {banner.number} saved.</strong> <a href={`#/order/${banner.orderId}`}>Open order {banner.number}</a>. The form below is ready for the next order.
      </p>
    );
  }
  if (banner.kind === 'error') {
    return (
      <p className="banner banner--error" role="alert">
        {banner.text}
      </p>
    );
  }
  return (
    <p className="banner banner--info" role="status">
      {banner.text}
    </p>
  );
}

/** The order form itself, once it is known what it starts from. */
export function OrderEditorView({ setup }: { setup: EditorSetup }) {
  const editor = useOrderEditor(setup);
  const { form, errors } = editor;
  const isEdit = setup.order !== undefined;

  // Navigating away by any means (Alt+digit, the menu, Back, a link) asks the same question as Esc, in the same dialog.
  const dirty = editor.dirty;
  useUnsavedChangesGuard(dirty);
  const latest = useRef(editor);
  useEffect(() => {
    latest.current = editor;
  });
  useEffect(() => {
    const { setLeaveGuard } = useNavigation.getState();
    setLeaveGuard(
      dirty
        ? (to) => {
            latest.current.askBeforeGoing(to);
            return false;
          }
        : null,
    );
    return () => setLeaveGuard(null);
  }, [dirty]);

  // Shortcuts work from anywhere on the screen; Esc is left to an open suggestion list first.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const current = latest.current;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void current.save();
      } else if (event.key === 'Escape' && !event.defaultPrevented && !current.dialog) {
        event.preventDefault();
        current.requestLeave();
      } else if (event.altKey && !event.ctrlKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        current.addLine();
      } else if (event.altKey && !event.ctrlKey && (event.code === 'KeyA' || event.key.toLowerCase() === 'a') && current.duplicates && !current.dialog) {
        event.preventDefault();
        void current.save({ acceptDuplicates: true });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="screen order-entry" aria-labelledby="order-entry-title">
      <div className="order-entry__head">
        <h1 id="order-entry-title">{isEdit ? `Edit order ${setup.order!.number}` : 'New order'}</h1>
        <span className="order-entry__draft muted" aria-live="polite">
          {editor.draftsOff ? 'Drafts cannot be kept in this browser: save before closing.' : editor.dirty ? 'Unsaved changes — kept as a draft' : ''}
        </span>
      </div>
      <BannerView editor={editor} />
      {editor.catalogue.error ? <p className="banner banner--error">{editor.catalogue.error}</p> : null}
      {/* Not a <form>: Enter in a field must never save by accident; Ctrl+S does. */}
      <div className="form order-entry__form">
        <CustomerBlock
          customer={form.customer}
          customerId={form.customerId}
          errors={errors}
          onChange={editor.changeCustomer}
          onPickCustomer={editor.pickCustomer}
          onUnlink={editor.unlinkCustomer}
          onLeaveField={editor.leaveField}
          focusField={editor.focusField}
        />
        <LinesTable
          lines={form.lines}
          currency={form.currency}
          currencyNote={editor.currencyNote}
          publications={editor.catalogue.publications}
          totals={editor.totals}
          errors={errors}
          onCurrency={editor.changeCurrency}
          onLine={editor.changeLine}
          onPick={editor.pickTitle}
          onLeave={editor.leaveLine}
          onAddLine={editor.addLine}
          onRemoveLine={editor.removeLine}
          focusField={editor.focusField}
        />
        <OrderDetailsFields form={form} errors={errors} onChange={editor.changeDetails} onLeaveField={editor.leaveField} />
        {editor.duplicates ? (
          <DuplicateWarning duplicates={editor.duplicates} onSaveAnyway={() => void editor.save({ acceptDuplicates: true })} onOpenOriginal={editor.openOriginal} />
        ) : null}
        <div className="actions order-entry__actions">
          <button type="button" className="primary" disabled={editor.saving} onClick={() => void editor.save()} aria-keyshortcuts="Control+S">
            {editor.saving ? 'Saving…' : isEdit ? 'Save changes' : 'Save order'} <kbd>Ctrl+S</kbd>
          </button>
          <button type="button" onClick={editor.requestLeave} aria-keyshortcuts="Escape">
            {isEdit ? 'Back to the order' : 'Leave'} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
      <ShortcutList />
      <CurrencyDialog editor={editor} />
      <LeaveDialog editor={editor} />
    </section>
  );
}
