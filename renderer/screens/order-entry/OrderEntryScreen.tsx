import { useEffect, useState } from 'react';
import type { Order } from '../../../shared/contract/types';
import { countryName } from '../../../shared/domain/countries';
import { unitToday } from '../../state/business-day';
import { isAllowed } from '../../../shared/domain/order-rules';
import type { OrderInvoice } from '../../../shared/contract/orders';
import { orderDesk } from '../../api/client';
import { useLocale, useSettings } from '../../state/settings';
import { EditRefused } from '../orders/invoicing/EditRefused';
import { DraftOffer } from './DraftOffer';
import { draftKey, readDraft, removeDraft, type Draft } from './draft-storage';
import { emptyForm, fromOrder, sameContent, type OrderForm } from './form-model';
import { priceLookup } from './line-pricing';
import { OrderEditorView } from './OrderEditorView';
import type { EditorSetup } from './useOrderEditor';
import './order-entry.css';

type Start =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'locked'; order: Order; invoices: OrderInvoice[] }
  | { kind: 'offer'; draft: Draft; setup: EditorSetup }
  | { kind: 'ready'; setup: EditorSetup };

async function loadOrder(id: number, locale: string): Promise<{ order: Order; invoices: OrderInvoice[]; baseline: OrderForm } | { error: string }> {
  const api = orderDesk();
  const got = await api.orders.get({ id });
  if (!got.ok) return { error: got.error.message };
  const order = got.value.order;
  const listed = await api.catalogue.list({ includeRetired: false, asOf: order.receivedOn });
  const priceOf = priceLookup(listed.ok ? listed.value.publications : []);
  return { order, invoices: got.value.invoices, baseline: fromOrder(order, countryName(order.customer.country, locale), (pid) => priceOf(pid, order.currency)) };
}

/** Decides what the form starts from: a stored order, an unsaved draft (asked first), or nothing. */
function useStart(id: number | undefined): [Start, (start: Start) => void] {
  const settings = useSettings((s) => s.settings);
  const locale = useLocale();
  const [start, setStart] = useState<Start>({ kind: 'loading' });
  // Without settings (a load error is shown by the app) the form still opens, in CHF.
  const ready = useSettings((s) => s.settings !== null || s.loadError !== null);
  const defaultCurrency = settings?.defaultCurrency ?? 'CHF';

  useEffect(() => {
    if (!ready) return;
    let current = true;
    const key = draftKey(id);
    const offerOrStart = (setup: EditorSetup, orderUpdatedAt?: string) => {
      const draft = readDraft(localStorage, key);
      if (draft && !sameContent(draft.form, setup.baseline)) {
        setStart({ kind: 'offer', draft, setup: { ...setup, ...(orderUpdatedAt ? { baseUpdatedAt: draft.baseUpdatedAt ?? orderUpdatedAt } : {}) } });
      } else {
        if (draft) removeDraft(localStorage, key);
        setStart({ kind: 'ready', setup });
      }
    };
    if (id === undefined) {
      const baseline = emptyForm({ currency: defaultCurrency, receivedOn: unitToday() });
      offerOrStart({ form: baseline, baseline, defaultCurrency, locale });
      return;
    }
    void loadOrder(id, locale).then((loaded) => {
      if (!current) return;
      if ('error' in loaded) setStart({ kind: 'failed', message: loaded.error });
      else if (!isAllowed('edit', loaded.order)) setStart({ kind: 'locked', order: loaded.order, invoices: loaded.invoices });
      else {
        const { order, baseline } = loaded;
        offerOrStart({ order, form: baseline, baseline, baseUpdatedAt: order.updatedAt, defaultCurrency, locale }, order.updatedAt);
      }
    });
    return () => {
      current = false;
    };
  }, [id, ready, defaultCurrency, locale]);

  return [start, setStart];
}

/** #/new-order and #/edit-order/ID: key in a paper order form, or correct an open order. */
export function OrderEntryScreen({ id }: { id?: number | undefined }) {
  const [start, setStart] = useStart(id);

  if (start.kind === 'loading') {
    return (
      <section className="screen">
        <h1>{id === undefined ? 'New order' : 'Edit order'}</h1>
        <p>Loading…</p>
      </section>
    );
  }
  if (start.kind === 'failed') {
    return (
      <section className="screen">
        <h1>Edit order</h1>
        <p className="banner banner--error">{start.message}</p>
        <p>
          <a href="#/orders">Back to the orders</a>
        </p>
      </section>
    );
  }
  if (start.kind === 'locked') return <EditRefused order={start.order} invoices={start.invoices} />;
  if (start.kind === 'offer') {
    const { draft, setup } = start;
    return (
      <section className="screen order-entry">
        <h1>{setup.order ? `Edit order ${setup.order.number}` : 'New order'}</h1>
        <DraftOffer
          draft={draft}
          changedSince={setup.order !== undefined && draft.baseUpdatedAt !== undefined && draft.baseUpdatedAt !== setup.order.updatedAt}
          onRestore={() => setStart({ kind: 'ready', setup: { ...setup, form: draft.form, ...(draft.idempotencyKey ? { idempotencyKey: draft.idempotencyKey } : {}) } })}
          onDiscard={() => {
            removeDraft(localStorage, draftKey(id));
            setStart({ kind: 'ready', setup: { ...setup, form: setup.baseline } });
          }}
        />
      </section>
    );
  }
  return <OrderEditorView setup={start.setup} />;
}
