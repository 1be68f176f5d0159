/**
 * The state and actions of one order form: editing, validation shown on leaving a
 * field and on save, drafts on every change, re-pricing, the duplicate check and save.
 */
import { screenCardText } from '../../components/card-safe-text';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { MAX_QUANTITY, type DuplicateCandidate } from '../../../shared/contract/orders';
import type { Customer, Order, Publication } from '../../../shared/contract/types';
import { countryName } from '../../../shared/domain/countries';
import type { ReceivedVia } from '../../../shared/domain/vocabulary';
import { foldForMatch } from '../../../shared/domain/text';
import { currencyExponent, type CurrencyCode } from '../../../shared/money/currencies';
import { amount, decimalPlaces, isDecimalString, toDecimalString } from '../../../shared/money/money';
import { orderDesk } from '../../api/client';
import { useNavigation, type Route } from '../../state/navigation';
import { exactTitle } from './catalogue-match';
import { canKeepDrafts, draftKey, removeDraft, writeDraft } from './draft-storage';
import { emptyForm, emptyLine, isBlankLine, normalizePriceText, parseQuantity, sameContent, toOrderInput, type CustomerDraft, type LineDraft, type OrderForm } from './form-model';
import { applyReprice, displayTotals, pickPublication, planReprice, priceLookup, type RepricePlan } from './line-pricing';
import type { LineColumn } from './LineRow';
import { FORM_FIELD, issuesToFieldErrors, lineField, validateForm, type FieldErrors } from './validation';
import { useOrderCatalogue } from './useOrderCatalogue';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';

export interface EditorSetup {
  /** Set when editing an existing order. */
  order?: Order;
  form: OrderForm;
  /** What the form holds when nothing was changed: an empty form, or the order as stored. */
  baseline: OrderForm;
  /** The order version this edit started from, sent back so a conflicting change is caught. */
  baseUpdatedAt?: string;
  /** A restored draft's key: its saves are sent with the key the form had before (draft-storage.ts). */
  idempotencyKey?: string;
  defaultCurrency: CurrencyCode;
  locale: string;
}

const LINE_COLUMNS: readonly LineColumn[] = ['title', 'quantity', 'unitPrice'];

export type Banner = { kind: 'error'; text: string } | { kind: 'saved'; orderId: number; number: string } | { kind: 'info'; text: string };

export type EditorDialog =
  | { kind: 'currency'; currency: CurrencyCode; plan: RepricePlan; typedKept: number }
  /** Asked for Esc, the Leave button and every other way out (Alt+digit, a link, Back); `to` is where the clerk was going. */
  | { kind: 'leave'; to?: Route };

function hasTypedPriceWithoutList(line: LineDraft, currency: CurrencyCode, priceOf: ReturnType<typeof priceLookup>): boolean {
  return line.priceSource === 'typed' && line.unitPrice.trim() !== '' && (line.publicationId === null || priceOf(line.publicationId, currency) === undefined);
}

/** Shows a typed price with the currency's decimals ("25" → "25.00") without ever rounding it. */
function tidyPrice(text: string, currency: CurrencyCode): string {
  const normalized = normalizePriceText(text);
  if (!isDecimalString(normalized) || decimalPlaces(normalized) > currencyExponent(currency)) return normalized;
  return toDecimalString(amount(normalized), currency);
}

export function useOrderEditor(setup: EditorSetup) {
  const orderId = setup.order?.id;
  const [form, setForm] = useState(setup.form);
  const [baseline, setBaseline] = useState(setup.baseline);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<Banner | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  const [saving, setSaving] = useState(false);
  const [draftsOff] = useState(() => !canKeepDrafts(localStorage));
  const pendingFocus = useRef<string | null>('customer.name');
  const pricedAsOf = useRef(setup.form.receivedOn);
  /** Set once the clerk chooses the currency: a picked customer's usual currency no longer replaces it. */
  const currencyChosen = useRef(false);
  /** What is said beside Currency about the picked customer's last order. */
  const [currencyNote, setCurrencyNote] = useState<string | null>(null);
  const formNow = useRef(form);
  useEffect(() => {
    formNow.current = form;
  });
  /** The name of the customer the order is linked to, as picked or stored. */
  const linkedName = useRef<string | null>(setup.form.customerId !== null ? setup.form.customer.name : null);

  const catalogue = useOrderCatalogue(form.receivedOn);
  const priceOf = useMemo(() => priceLookup(catalogue.publications), [catalogue.publications]);
  const validation = useMemo(() => validateForm(form), [form]);
  const totals = useMemo(
    () => displayTotals(form.lines, form.currency, isBlankLine, (l) => LINE_COLUMNS.some((column) => validation[lineField(l.key, column)] !== undefined)),
    [form.lines, form.currency, validation],
  );
  const dirty = !sameContent(form, baseline);
  const key = draftKey(orderId);
  // One key per order keyed in, sent with every attempt to save it: a retry after a lost answer creates one order.
  const submission = useIdempotencyKey(setup.idempotencyKey);

  const visibleErrors = useMemo(() => {
    const shown: FieldErrors = {};
    for (const [field, message] of Object.entries(validation)) {
      if (submitted || touched.has(field)) shown[field] = message;
    }
    return { ...shown, ...serverErrors };
  }, [validation, submitted, touched, serverErrors]);

  // Only its change matters: it makes React render, and the effect below then moves focus.
  const [, setFocusRequests] = useState(0);
  /** Focus moves once React has rendered the field (a new line, a fresh form). */
  const focusField = useCallback((field: string) => {
    pendingFocus.current = field;
    setFocusRequests((n) => n + 1);
  }, []);

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const element = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(target)}"]`);
    if (element) {
      element.focus();
      pendingFocus.current = null;
    }
  });

  // Every change is kept as a draft; a form back to its starting point needs none.
  useEffect(() => {
    if (sameContent(form, baseline)) {
      removeDraft(localStorage, key);
      return;
    }
    writeDraft(localStorage, key, {
      form,
      savedAt: new Date().toISOString(),
      ...(setup.baseUpdatedAt ? { baseUpdatedAt: setup.baseUpdatedAt } : {}),
      ...(orderId === undefined ? { idempotencyKey: submission.key } : {}),
    });
  }, [form, baseline, key, setup.baseUpdatedAt, orderId, submission.key]);

  // Prices follow the date received: list prices are re-read for the new date; typed ones stay.
  useEffect(() => {
    if (catalogue.asOf === null || catalogue.asOf === pricedAsOf.current) return;
    pricedAsOf.current = catalogue.asOf;
    setForm((f) => {
      const lines = applyReprice(f.lines, f.currency, priceOf, false);
      return lines.some((l, i) => l.unitPrice !== f.lines[i]?.unitPrice) ? { ...f, lines } : f;
    });
  }, [catalogue.asOf, priceOf]);

  const touch = useCallback((field: string) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field))), []);
  const clearServerError = (field: string) =>
    setServerErrors((errors) => {
      if (!(field in errors)) return errors;
      const { [field]: _removed, ...rest } = errors;
      return rest;
    });

  function changeCustomer(patch: Partial<CustomerDraft>, field: keyof CustomerDraft) {
    // Typing another name over a picked customer means another customer: drop the link
    // (the service still matches by e-mail). Accent or case fixes keep it.
    const linked = linkedName.current;
    const unlink = patch.name !== undefined && linked !== null && foldForMatch(patch.name) !== foldForMatch(linked);
    setForm((f) => ({ ...f, customer: { ...f.customer, ...patch }, customerId: unlink ? null : f.customerId }));
    if (unlink) linkedName.current = null;
    clearServerError(`customer.${field === 'countryText' ? 'country' : field}`);
  }

  function leaveField(field: string) {
    if (field === 'customer.phone' || field === 'customer.email') {
      const name = field === 'customer.phone' ? 'phone' : 'email';
      setForm((f) => (f.customer[name] === f.customer[name].trim() ? f : { ...f, customer: { ...f.customer, [name]: f.customer[name].trim() } }));
    }
    if (field === 'customerReference' || field === 'notes') {
      // A full card number is cut to its last four digits as the clerk leaves the field; a CVV is left for validation to refuse.
      const screened = screenCardText(field === 'notes' ? 'Notes' : "Customer's reference", form[field]);
      if (screened.notice) {
        setForm((f) => ({ ...f, [field]: screenCardText('', f[field]).text }));
        setBanner({ kind: 'info', text: screened.notice });
      }
    }
    touch(field);
  }

  function pickCustomer(customer: Customer) {
    linkedName.current = customer.name;
    setForm((f) => ({
      ...f,
      customerId: customer.id,
      customer: {
        name: customer.name,
        address: customer.address,
        country: customer.country,
        countryText: countryName(customer.country, setup.locale),
        city: customer.city,
        postalCode: customer.postalCode,
        phone: customer.phone,
        email: customer.email,
      },
    }));
    setServerErrors((errors) => Object.fromEntries(Object.entries(errors).filter(([f]) => !f.startsWith('customer.'))));
    if (orderId === undefined) void followLastOrderCurrency(customer.id);
    // The customer block is complete: on to the books.
    const firstOpen = form.lines.find((l) => l.title.trim() === '');
    focusField(firstOpen ? lineField(firstOpen.key, 'title') : 'currency');
  }

  /**
   * A customer who ordered before usually orders in the same currency: a new order takes the
   * currency of their last order, unless the clerk chose one or a line already has a price
   * (those would need re-pricing: then it is only pointed out beside Currency).
   */
  async function followLastOrderCurrency(customerId: number) {
    const result = await orderDesk().customers.orders({ id: customerId, limit: 1, offset: 0 });
    const last = result.ok ? result.value.rows[0] : undefined;
    const now = formNow.current;
    if (!last || now.customerId !== customerId) return;
    if (now.currency === last.currency) {
      setCurrencyNote(null);
    } else if (currencyChosen.current || now.lines.some((l) => l.unitPrice.trim() !== '')) {
      setCurrencyNote(`This customer's last order (${last.number}) was in ${last.currency}.`);
    } else {
      setForm((f) => (f.customerId === customerId ? { ...f, currency: last.currency } : f));
      setCurrencyNote(`${last.currency}, as in this customer's last order (${last.number}).`);
    }
  }

  function changeDetails(patch: Partial<OrderForm>, field: string) {
    setForm((f) => ({ ...f, ...patch }));
    clearServerError(field);
  }

  function changeLine(lineKey: string, change: (line: LineDraft) => LineDraft, column: LineColumn) {
    setForm((f) => ({ ...f, lines: f.lines.map((l) => (l.key === lineKey ? change(l) : l)) }));
    if (column === 'quantity') {
      // A quantity no order can have (letters, a thousand million) is said at once, not on leaving the box.
      const line = form.lines.find((l) => l.key === lineKey);
      const quantity = line ? parseQuantity(change(line).quantity) : undefined;
      if (quantity !== undefined && (!Number.isSafeInteger(quantity) || quantity > MAX_QUANTITY)) touch(lineField(lineKey, 'quantity'));
    }
    clearServerError(lineField(lineKey, column));
    clearServerError('lines');
  }

  function pickTitle(lineKey: string, publication: Publication) {
    changeLine(lineKey, (l) => pickPublication(l, publication, form.currency), 'title');
    clearServerError(lineField(lineKey, 'unitPrice'));
  }

  function leaveLine(lineKey: string, column: LineColumn) {
    if (column === 'unitPrice') {
      setForm((f) => ({
        ...f,
        lines: f.lines.map((l) => {
          if (l.key !== lineKey) return l;
          const tidy = tidyPrice(l.unitPrice, f.currency);
          return tidy === l.unitPrice ? l : { ...l, unitPrice: tidy };
        }),
      }));
    }
    if (column === 'title') {
      // A title typed out in full is the catalogue title, not a free-text line.
      setForm((f) => ({
        ...f,
        lines: f.lines.map((l) => {
          if (l.key !== lineKey || l.publicationId !== null) return l;
          const match = exactTitle(l.title, catalogue.publications);
          if (!match) return l;
          const picked = pickPublication(l, match, f.currency);
          return l.priceSource === 'typed' ? { ...picked, unitPrice: l.unitPrice, priceSource: 'typed' } : picked;
        }),
      }));
    }
    const line = form.lines.find((l) => l.key === lineKey);
    // Tabbing through an untouched new line is not a mistake worth a red message.
    if (line && !isBlankLine(line)) touch(lineField(lineKey, column));
  }

  function addLine() {
    const line = emptyLine();
    setForm((f) => ({ ...f, lines: [...f.lines, line] }));
    focusField(lineField(line.key, 'title'));
  }

  function removeLine(lineKey: string, column: LineColumn) {
    const index = form.lines.findIndex((l) => l.key === lineKey);
    if (index < 0) return;
    const remaining = form.lines.filter((l) => l.key !== lineKey);
    const lines = remaining.length > 0 ? remaining : [emptyLine()];
    setForm((f) => ({ ...f, lines }));
    const next = lines[Math.min(index, lines.length - 1)]!;
    focusField(lineField(next.key, column));
    setBanner({ kind: 'info', text: `Line ${index + 1} removed.` });
  }

  function changeCurrency(currency: CurrencyCode) {
    if (currency === form.currency) return;
    currencyChosen.current = true;
    setCurrencyNote(null);
    const plan = planReprice(form.lines, currency, priceOf);
    const typedKept = form.lines.filter((l) => hasTypedPriceWithoutList(l, currency, priceOf)).length;
    if (plan.fromList === 0 && plan.typedReplaceable === 0 && plan.withoutPrice.length === 0 && typedKept === 0) {
      setForm((f) => ({ ...f, currency }));
      return;
    }
    setDialog({ kind: 'currency', currency, plan, typedKept });
  }

  function confirmCurrency(currency: CurrencyCode, replaceTyped: boolean) {
    setForm((f) => ({ ...f, currency, lines: applyReprice(f.lines, currency, priceOf, replaceTyped) }));
    setDialog(null);
    focusField('currency');
  }

  function cancelDialog() {
    const wasCurrency = dialog?.kind === 'currency';
    setDialog(null);
    if (wasCurrency) focusField('currency');
  }

  function focusFirstProblem(errors: FieldErrors) {
    const firstLineTitle = form.lines[0] ? lineField(form.lines[0].key, 'title') : '';
    for (const element of document.querySelectorAll<HTMLElement>('.order-entry [data-field]')) {
      const field = element.dataset.field ?? '';
      if (errors[field] || (errors.lines && field === firstLineTitle)) {
        element.focus();
        return;
      }
    }
  }

  function leave() {
    const to = dialog?.kind === 'leave' ? dialog.to : undefined;
    setDialog(null);
    useNavigation.getState().setLeaveGuard(null);
    useNavigation.getState().go(to ?? (orderId === undefined ? { view: 'orders' } : { view: 'order', id: orderId }));
  }

  function requestLeave() {
    if (dialog) return;
    if (dirty) setDialog({ kind: 'leave' });
    else leave();
  }

  /** Another way out than Esc (Alt+digit, a link, Back) while the form is unsaved: the same question as Esc asks. */
  function askBeforeGoing(to: Route) {
    if (!dialog) setDialog({ kind: 'leave', to });
  }

  /** The form on the desk is the original of an order already keyed: open that order, dropping this form. */
  function openOriginal(id: number) {
    removeDraft(localStorage, key);
    useNavigation.getState().setLeaveGuard(null);
    useNavigation.getState().go({ view: 'order', id });
  }

  function discardAndLeave() {
    removeDraft(localStorage, key);
    leave();
  }

  function showApiError(error: ApiError, lineKeys: string[]) {
    const issues = error.issues ?? (error.field ? [{ field: error.field, message: error.message }] : []);
    const byField = issuesToFieldErrors(issues, lineKeys);
    const { [FORM_FIELD]: _general, ...fieldErrors } = byField;
    setServerErrors(fieldErrors);
    const text =
      error.code === 'conflict'
        ? error.message
        : Object.keys(fieldErrors).length > 0
          ? 'The order was not saved. Please correct the fields marked below.'
          : `The order was not saved: ${error.message}`;
    setBanner({ kind: 'error', text });
    if (Object.keys(fieldErrors).length > 0) window.setTimeout(() => focusFirstProblem(fieldErrors), 0);
  }

  async function save(options: { acceptDuplicates?: boolean } = {}) {
    if (saving || dialog) return;
    setSubmitted(true);
    const errors = validateForm(form);
    if (Object.keys(errors).length > 0) {
      setBanner({ kind: 'error', text: 'The order was not saved. Please correct the fields marked below.' });
      focusFirstProblem(errors);
      return;
    }
    const { input, lineKeys } = toOrderInput(form);
    setSaving(true);
    try {
      const api = orderDesk();
      const check = await api.orders.findDuplicates({
        customer: { name: input.customer.name, country: input.customer.country, email: input.customer.email },
        lines: input.lines.map((l) => ({ publicationId: l.publicationId, title: l.title, quantity: l.quantity ?? 0 })),
        receivedOn: input.receivedOn,
        ...(orderId !== undefined ? { excludeOrderId: orderId } : {}),
      });
      if (check.ok && check.value.duplicates.length > 0) {
        // Only Save anyway saves a duplicate, and only one the warning on screen names.
        const shown = new Set((duplicates ?? []).map((d) => d.id));
        if (!options.acceptDuplicates || !check.value.duplicates.every((d) => shown.has(d.id))) {
          // Focus stays where the clerk is: a reflexive Enter or Ctrl+S must not find Save anyway.
          setDuplicates(check.value.duplicates);
          setBanner(null);
          return;
        }
      }
      // The schema accepted this input above, so every quantity is a whole number and Received via chosen here.
      const valid = { ...input, receivedVia: input.receivedVia as ReceivedVia, lines: input.lines.map((l) => ({ ...l, quantity: l.quantity ?? 0 })) };
      const result =
        orderId === undefined
          ? await api.orders.create({ ...valid, idempotencyKey: submission.key })
          : await api.orders.update({ ...valid, id: orderId, ...(setup.baseUpdatedAt ? { expectedUpdatedAt: setup.baseUpdatedAt } : {}) });
      if (!result.ok) {
        showApiError(result.error, lineKeys);
        return;
      }
      removeDraft(localStorage, key);
      const saved = result.value.order;
      if (orderId !== undefined) {
        useNavigation.getState().setLeaveGuard(null);
        useNavigation.getState().go({ view: 'order', id: saved.id });
        return;
      }
      // Clerks key forms back to back: a fresh form for the same day's post, focus in Name, and a new key for it.
      // How it came is chosen again for each paper; the date received stays (the same day's post).
      submission.renew();
      const fresh = emptyForm({ currency: setup.defaultCurrency, receivedOn: form.receivedOn });
      setForm(fresh);
      setBaseline(fresh);
      pricedAsOf.current = fresh.receivedOn;
      setTouched(new Set());
      setSubmitted(false);
      setServerErrors({});
      setDuplicates(null);
      currencyChosen.current = false;
      setCurrencyNote(null);
      setBanner({ kind: 'saved', orderId: saved.id, number: saved.number });
      focusField('customer.name');
    } finally {
      setSaving(false);
    }
  }

  return {
    form,
    dirty,
    catalogue,
    currencyNote,
    totals,
    errors: visibleErrors,
    banner,
    duplicates,
    dialog,
    saving,
    draftsOff,
    changeCustomer,
    pickCustomer,
    unlinkCustomer: () => {
      linkedName.current = null;
      setCurrencyNote(null);
      setForm((f) => ({ ...f, customerId: null }));
    },
    changeDetails,
    leaveField,
    changeLine,
    pickTitle,
    leaveLine,
    addLine,
    removeLine,
    changeCurrency,
    confirmCurrency,
    cancelDialog,
    focusField,
    save,
    requestLeave,
    askBeforeGoing,
    leave,
    discardAndLeave,
    openOriginal,
  };
}

export type OrderEditor = ReturnType<typeof useOrderEditor>;
