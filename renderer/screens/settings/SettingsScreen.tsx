import { useEffect, useRef, useState, type FormEvent } from 'react';
import { SettingsPatch } from '../../../shared/contract/settings';
import type { Settings } from '../../../shared/contract/types';
import { CURRENCY_CODES } from '../../../shared/money/currencies';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { useSettings } from '../../state/settings';
import { useUnsavedChangesGuard } from '../../hooks/useUnsavedChangesGuard';
import { useLeavePrompt } from '../../hooks/useLeavePrompt';
import { BackupSettingsFields } from './BackupSettingsFields';
import { StaffNamesFields } from './StaffNamesFields';
import { BankAccountErrorsNote } from './BankAccountErrorsNote';
import { bankAccountErrors, bankAccountsToSave, BankAccountsFields } from './BankAccountsFields';
import { IssuerAddressFields } from './IssuerAddressFields';
import { MailServerFields } from './mail/MailServerFields';
import { MailTemplatesFields } from './mail/MailTemplatesFields';
import { ReminderLevelsFields } from './ReminderLevelsFields';

type Errors = Record<string, string>;

/** The names the browser knows, offered as the clerk types; the service checks the one saved. */
const TIME_ZONE_NAMES = Intl.supportedValuesOf('timeZone');

/** What the line beside Save says: saved, or refused with nothing saved. */
type SaveStatus = { kind: 'saved' } | { kind: 'refused'; attempt: number; message: string } | null;

/**
 * After a refused save: the cursor goes to the first field in error (the form is long, and the
 * error may be far above the button), and the line beside the button says nothing was saved.
 * Errors shown without a field of their own (a whole list refused) get the focus themselves.
 */
function focusFirstError(form: HTMLFormElement): number {
  const shown = [...form.querySelectorAll<HTMLElement>('.field__error')];
  const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  const target = first && (!shown[0] || first.compareDocumentPosition(shown[0]) & Node.DOCUMENT_POSITION_FOLLOWING) ? first : shown[0];
  if (target) {
    if (target.tabIndex < 0 && !target.matches('input, select, textarea, button')) target.tabIndex = -1;
    target.focus();
  }
  return shown.length;
}

function refusedText(count: number, unshown: string): string {
  if (count === 0) return `Nothing was saved: ${unshown}`;
  return count === 1 ? 'Nothing was saved: correct the field marked above (the cursor is on it).' : `Nothing was saved: correct the ${count} fields marked above (the cursor is on the first).`;
}

/** Issuer details printed on invoices, display locale, the unit's time zone, default currency, e-mail, staff names and backups. */
export function SettingsScreen() {
  const loaded = useSettings((s) => s.settings);
  if (!loaded) {
    return (
      <section className="screen">
        <h1>Settings</h1>
        <p>Loading…</p>
      </section>
    );
  }
  return <SettingsForm initial={loaded} />;
}

function SettingsForm({ initial }: { initial: Settings }) {
  const replace = useSettings((s) => s.replace);
  const [draft, setDraft] = useState<Settings>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<SaveStatus>(null);
  const form = useRef<HTMLFormElement>(null);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useUnsavedChangesGuard(dirty);
  const leavePrompt = useLeavePrompt({ dirty, unsaved: 'Settings have changes that are not saved. Leaving discards them.', escapeTo: { view: 'home' } });
  const [refusedLine, setRefusedLine] = useState('');

  // Once the refused save's errors are on the page: the cursor to the first, and how many there are beside the button.
  const refusedAttempt = status?.kind === 'refused' ? status.attempt : 0;
  useEffect(() => {
    if (refusedAttempt > 0 && form.current && status?.kind === 'refused') setRefusedLine(refusedText(focusFirstError(form.current), status.message));
  }, [refusedAttempt]); // eslint-disable-line react-hooks/exhaustive-deps -- once per refused save

  const refuse = (next: Errors) => {
    setErrors(next);
    setStatus((previous) => ({ kind: 'refused', attempt: (previous?.kind === 'refused' ? previous.attempt : 0) + 1, message: Object.values(next)[0] ?? '' }));
  };

  // A password kept or a certificate trusted is saved at once: the form takes it in without losing what is being edited.
  const savedNow = (settings: Settings) => {
    replace(settings);
    setDraft((d) => ({ ...d, mail: { ...d.mail, passwordSet: settings.mail.passwordSet, passwordSource: settings.mail.passwordSource, pinnedFingerprint: settings.mail.pinnedFingerprint } }));
  };

  type IssuerTextKey = Exclude<keyof Settings['issuer'], 'address'>;
  const setIssuer = (key: IssuerTextKey, value: string) => setDraft({ ...draft, issuer: { ...draft.issuer, [key]: value } });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const patch = { ...draft, bankAccounts: bankAccountsToSave(draft.bankAccounts) };
    const checked = SettingsPatch.safeParse(patch);
    if (!checked.success) {
      refuse(Object.fromEntries(checked.error.issues.map((i) => [i.path.join('.'), i.message])));
      return;
    }
    const result = await orderDesk().settings.set(patch);
    if (!result.ok) {
      refuse(Object.fromEntries((result.error.issues ?? [{ field: result.error.field ?? '', message: result.error.message }]).map((i) => [i.field, i.message])));
      return;
    }
    setErrors({});
    replace(result.value.settings);
    setDraft(result.value.settings);
    setStatus({ kind: 'saved' });
  }

  const text = (label: string, key: IssuerTextKey) => (
    <Field label={label} error={errors[`issuer.${key}`]}>
      {(props) => <input {...props} value={draft.issuer[key]} onChange={(e) => setIssuer(key, e.target.value)} />}
    </Field>
  );

  return (
    <section className="screen">
      <h1>Settings</h1>
      <form ref={form} className="form settings-form" onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Issuer on invoices</legend>
          {text('Issuer name', 'name')}
          <IssuerAddressFields value={draft.issuer.address} errors={errors} onChange={(address) => setDraft({ ...draft, issuer: { ...draft.issuer, address } })} />
          {text('Post box', 'postBox')}
          {text('Issuer phone', 'phone')}
          {text('Issuer fax', 'fax')}
          {text('Issuer e-mail', 'email')}
        </fieldset>
        <fieldset>
          <legend>Display and defaults</legend>
          <Field label="Locale for numbers and dates" error={errors.locale} hint="For example en-CH, fr-CH, de-CH.">
            {(props) => <input {...props} value={draft.locale} onChange={(e) => setDraft({ ...draft, locale: e.target.value })} />}
          </Field>
          <Field label="Time zone of the unit" error={errors.timeZone} hint="Decides which day “today” is for every date filled in, checked and reported, on every computer. For example Europe/Zurich.">
            {(props) => (
              <>
                <input {...props} list="time-zone-names" autoComplete="off" value={draft.timeZone} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })} />
                <datalist id="time-zone-names">
                  {TIME_ZONE_NAMES.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <DateField
            label="First day of business"
            name="firstBusinessDay"
            error={errors.firstBusinessDay}
            hint="Nothing can be dated before it, so a mistyped year is caught."
            value={draft.firstBusinessDay}
            onChange={(firstBusinessDay) => setDraft({ ...draft, firstBusinessDay })}
          />
          <Field label="Default currency" error={errors.defaultCurrency}>
            {(props) => (
              <select {...props} value={draft.defaultCurrency} onChange={(e) => setDraft({ ...draft, defaultCurrency: e.target.value as Settings['defaultCurrency'] })}>
                {CURRENCY_CODES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <BankAccountsFields value={draft.bankAccounts} errors={bankAccountErrors(errors, bankAccountsToSave(draft.bankAccounts))} onChange={(bankAccounts) => setDraft({ ...draft, bankAccounts })} />
        <BankAccountErrorsNote errors={errors} />
        <fieldset>
          <legend>Invoices</legend>
          <Field label="Payment terms (days)" error={errors.paymentTermsDays} hint="Days from the invoice date to its due date.">
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={String(draft.paymentTermsDays)}
                onChange={(e) => setDraft({ ...draft, paymentTermsDays: /^\d+$/.test(e.target.value) ? Number(e.target.value) : (e.target.value as unknown as number) })}
              />
            )}
          </Field>
        </fieldset>
        <MailServerFields value={draft.mail} saved={initial.mail} errors={errors} onChange={(mail) => setDraft({ ...draft, mail })} onSavedNow={savedNow} />
        <MailTemplatesFields value={draft.mailTemplates} errors={errors} onChange={(mailTemplates) => setDraft({ ...draft, mailTemplates })} />
        <ReminderLevelsFields value={draft.reminders} errors={errors} onChange={(reminders) => setDraft({ ...draft, reminders })} />
        <StaffNamesFields value={draft.staff} errors={errors} onChange={(staff) => setDraft({ ...draft, staff })} />
        <BackupSettingsFields value={draft.backup} errors={errors} onChange={(backup) => setDraft({ ...draft, backup })} />
        <div className="actions">
          <button type="submit" className="primary">
            Save settings
          </button>
          <span role="status" className={status?.kind === 'refused' ? 'status status--refused' : 'status'}>
            {status?.kind === 'saved' ? 'Settings saved.' : status?.kind === 'refused' ? refusedLine : ''}
          </span>
        </div>
      </form>
      {leavePrompt}
    </section>
  );
}
