import { useState, type FormEvent } from 'react';
import { SettingsPatch } from '../../../shared/contract/settings';
import type { Settings } from '../../../shared/contract/types';
import { CURRENCY_CODES } from '../../../shared/money/currencies';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { useSettings } from '../../state/settings';
import { useUnsavedChangesGuard } from '../../hooks/useUnsavedChangesGuard';
import { BackupSettingsFields } from './BackupSettingsFields';
import { StaffNamesFields } from './StaffNamesFields';
import { BankAccountErrorsNote } from './BankAccountErrorsNote';
import { bankAccountErrors, bankAccountsToSave, BankAccountsFields } from './BankAccountsFields';
import { IssuerAddressFields } from './IssuerAddressFields';

type Errors = Record<string, string>;

/** The names the browser knows, offered as the clerk types; the service checks the one saved. */
const TIME_ZONE_NAMES = Intl.supportedValuesOf('timeZone');

/** Issuer details printed on invoices, display locale, the unit's time zone, default currency, staff names and backups. */
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
  const [status, setStatus] = useState<string>('');
  useUnsavedChangesGuard(JSON.stringify(draft) !== JSON.stringify(initial));

  type IssuerTextKey = Exclude<keyof Settings['issuer'], 'address'>;
  const setIssuer = (key: IssuerTextKey, value: string) => setDraft({ ...draft, issuer: { ...draft.issuer, [key]: value } });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const patch = { ...draft, bankAccounts: bankAccountsToSave(draft.bankAccounts) };
    const checked = SettingsPatch.safeParse(patch);
    if (!checked.success) {
      setErrors(Object.fromEntries(checked.error.issues.map((i) => [i.path.join('.'), i.message])));
      setStatus('');
      return;
    }
    const result = await orderDesk().settings.set(patch);
    if (!result.ok) {
      setErrors(Object.fromEntries((result.error.issues ?? [{ field: result.error.field ?? '', message: result.error.message }]).map((i) => [i.field, i.message])));
      return;
    }
    setErrors({});
    replace(result.value.settings);
    setDraft(result.value.settings);
    setStatus('Settings saved.');
  }

  const text = (label: string, key: IssuerTextKey) => (
    <Field label={label} error={errors[`issuer.${key}`]}>
      {(props) => <input {...props} value={draft.issuer[key]} onChange={(e) => setIssuer(key, e.target.value)} />}
    </Field>
  );

  return (
    <section className="screen">
      <h1>Settings</h1>
      <form className="form settings-form" onSubmit={(e) => void submit(e)}>
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
          <Field label="First day of business" error={errors.firstBusinessDay} hint="Nothing can be dated before it, so a mistyped year is caught.">
            {(props) => <input {...props} type="date" value={draft.firstBusinessDay} onChange={(e) => setDraft({ ...draft, firstBusinessDay: e.target.value })} />}
          </Field>
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
        <StaffNamesFields value={draft.staff} errors={errors} onChange={(staff) => setDraft({ ...draft, staff })} />
        <BackupSettingsFields value={draft.backup} errors={errors} onChange={(backup) => setDraft({ ...draft, backup })} />
        <div className="actions">
          <button type="submit" className="primary">
            Save settings
          </button>
          <span role="status" className="status">
            {status}
          </span>
        </div>
      </form>
    </section>
  );
}
