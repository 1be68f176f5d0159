import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Publication } from '../../../shared/contract/types';
import { isbnProblem } from '../../../shared/domain/isbn';
import { FORMAT_LABELS, FORMATS, type PublicationFormat } from '../../../shared/domain/vocabulary';
import { orderDesk } from '../../api/client';
import { Field } from '../../components/Field';
import { useUnsavedChangesGuard } from '../../hooks/useUnsavedChangesGuard';
import { LanguagePicker } from './LanguagePicker';
import { checkDraft, draftFrom, emptyDraft, errorsFromApi, toInput, type DraftErrors, type PublicationDraft } from './publication-draft';

interface PublicationFormProps {
  publication: Publication | null;
  onSaved(publication: Publication): void;
  onCancel(): void;
}

/** Add or edit one title. Checked with the API's own schema before sending; the API's answer lands on the same fields. */
export function PublicationForm({ publication, onSaved, onCancel }: PublicationFormProps) {
  const [draft, setDraft] = useState<PublicationDraft>(() => (publication ? draftFrom(publication) : emptyDraft()));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  useUnsavedChangesGuard(JSON.stringify(draft) !== JSON.stringify(publication ? draftFrom(publication) : emptyDraft()));

  useEffect(() => titleRef.current?.focus(), []);

  function set<K extends keyof PublicationDraft>(key: K, value: PublicationDraft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined, form: undefined }));
  }

  /** An ISBN is checked as soon as the clerk leaves the field, not only on save. */
  function checkIsbnOnLeave(key: 'isbn' | 'eisbn', label: string) {
    const value = draft[key].trim();
    setErrors((e) => ({ ...e, [key]: value === '' ? undefined : (isbnProblem(value, label) ?? undefined) }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    const problems = checkDraft(draft);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      focusFirstInvalid();
      return;
    }
    setSaving(true);
    const result = await orderDesk().catalogue.save(toInput(draft));
    setSaving(false);
    if (!result.ok) {
      setErrors(errorsFromApi(result.error));
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setDraft(draftFrom(result.value.publication));
    onSaved(result.value.publication);
  }

  function focusFirstInvalid() {
    // After React paints the errors, put the cursor where the first one is.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.publication-form [aria-invalid="true"]')?.focus());
  }

  const toggleFormat = (format: PublicationFormat, on: boolean) =>
    set('formats', on ? FORMATS.filter((f) => f === format || draft.formats.includes(f)) : draft.formats.filter((f) => f !== format));

  return (
    <form className="form publication-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Title" error={errors.title}>
        {(props) => <input {...props} ref={titleRef} value={draft.title} onChange={(e) => set('title', e.target.value)} />}
      </Field>
      <Field label="Subtitle" error={errors.subtitle}>
        {(props) => <input {...props} value={draft.subtitle} onChange={(e) => set('subtitle', e.target.value)} />}
      </Field>
      <div className="publication-form__row">
        <Field label="Year" error={errors.year}>
          {(props) => <input {...props} inputMode="numeric" value={draft.year} onChange={(e) => set('year', e.target.value)} />}
        </Field>
        <Field label="Pages" error={errors.pages}>
          {(props) => <input {...props} inputMode="numeric" value={draft.pages} onChange={(e) => set('pages', e.target.value)} />}
        </Field>
      </div>
      <Field label="ISBN" error={errors.isbn} hint="10 or 13 digits; hyphens optional.">
        {(props) => <input {...props} value={draft.isbn} onChange={(e) => set('isbn', e.target.value)} onBlur={() => checkIsbnOnLeave('isbn', 'ISBN')} />}
      </Field>
      <Field label="E-ISBN" error={errors.eisbn} hint="ISBN of the PDF edition, if it has its own.">
        {(props) => <input {...props} value={draft.eisbn} onChange={(e) => set('eisbn', e.target.value)} onBlur={() => checkIsbnOnLeave('eisbn', 'E-ISBN')} />}
      </Field>
      <LanguagePicker value={draft.languages} error={errors.languages} onChange={(codes) => set('languages', codes)} />
      <fieldset className="publication-form__formats" aria-describedby={errors.formats ? 'formats-error' : undefined}>
        <legend>Formats</legend>
        {FORMATS.map((format) => (
          <label key={format} className="check">
            <input type="checkbox" checked={draft.formats.includes(format)} onChange={(e) => toggleFormat(format, e.target.checked)} />
            {FORMAT_LABELS[format]}
          </label>
        ))}
        {errors.formats ? (
          <div className="field__error" id="formats-error" role="alert">
            {errors.formats}
          </div>
        ) : null}
      </fieldset>
      <label className="check publication-form__retired">
        <input type="checkbox" checked={!draft.active} onChange={(e) => set('active', !e.target.checked)} />
        Retired: kept on earlier orders, no longer offered for new ones
      </label>
      {errors.form ? (
        <p className="banner banner--error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="actions">
        {/* Not disabled while saving: disabling the focused button would drop keyboard focus to the page. */}
        <button type="submit" className="primary" aria-busy={saving}>
          {publication ? 'Save changes' : 'Add publication'}
        </button>
        <button type="button" onClick={onCancel}>
          Close
        </button>
      </div>
    </form>
  );
}
