/**
 * Settings → E-mail texts: the subject and text of each kind of mail in each document language,
 * one at a time (chosen with two lists), with the placeholders Order Desk fills in and a way back
 * to the default wording. Saved with the rest of Settings; a mail follows its document's language.
 */
import { useState } from 'react';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../shared/documents/invoice-document';
import { DEFAULT_MAIL_TEMPLATES, MAIL_KINDS, MAIL_PLACEHOLDERS, type MailKind, type MailPlaceholder, type MailTemplates } from '../../../../shared/mail/templates';
import { Field } from '../../../components/Field';
import './mail-settings.css';

const KIND_LABELS: Record<MailKind, string> = { invoice: 'Invoice', credit_note: 'Credit note', reminder: 'Payment reminder' };
const LANGUAGE_LABELS: Record<DocumentLanguage, string> = { en: 'English', fr: 'French', es: 'Spanish' };

const PLACEHOLDER_MEANINGS: Record<MailPlaceholder, string> = {
  customerName: 'the customer’s name',
  documentNumber: 'the number of the invoice, credit note or reminder',
  amount: 'the amount with its currency (for a reminder: what is still open)',
  dueDate: 'the due date',
  orderNumber: 'the order’s number',
  unitName: 'the issuer’s name (Settings → Issuer)',
};

interface Props {
  value: MailTemplates;
  errors: Record<string, string>;
  onChange(next: MailTemplates): void;
}

interface Choice {
  kind: MailKind;
  language: DocumentLanguage;
}

/** The first template an error names ("mailTemplates.invoice.fr.subject"), to show it. */
function templateWithError(errors: Record<string, string>): Choice | null {
  for (const path of Object.keys(errors)) {
    const [root, kind, language] = path.split('.');
    if (root === 'mailTemplates' && (MAIL_KINDS as readonly string[]).includes(kind ?? '') && (DOCUMENT_LANGUAGES as readonly string[]).includes(language ?? '')) {
      return { kind: kind as MailKind, language: language as DocumentLanguage };
    }
  }
  return null;
}

export function MailTemplatesFields({ value, errors, onChange }: Props) {
  const [choice, setChoice] = useState<Choice>({ kind: 'invoice', language: 'en' });
  // A refused save shows the template it is about, in the same render, so the error is on screen when the form puts the cursor on it.
  const [seenErrors, setSeenErrors] = useState(errors);
  if (seenErrors !== errors) {
    setSeenErrors(errors);
    const wrong = templateWithError(errors);
    if (wrong && (wrong.kind !== choice.kind || wrong.language !== choice.language)) setChoice(wrong);
  }

  const { kind, language } = choice;
  const template = value[kind][language];
  const original = DEFAULT_MAIL_TEMPLATES[kind][language];
  const isDefault = template.subject === original.subject && template.text === original.text;
  const set = (patch: Partial<typeof template>) => onChange({ ...value, [kind]: { ...value[kind], [language]: { ...template, ...patch } } });
  const path = `mailTemplates.${kind}.${language}`;
  const edited = MAIL_KINDS.flatMap((k) =>
    DOCUMENT_LANGUAGES.filter((l) => value[k][l].subject !== DEFAULT_MAIL_TEMPLATES[k][l].subject || value[k][l].text !== DEFAULT_MAIL_TEMPLATES[k][l].text).map(
      (l) => `${KIND_LABELS[k]} in ${LANGUAGE_LABELS[l]}`,
    ),
  );

  return (
    <fieldset className="mail-templates">
      <legend>E-mail texts</legend>
      <p className="fieldset__hint">Each mail is written in its document’s language. Edited: {edited.length > 0 ? edited.join(', ') : 'none (every text is the default)'}.</p>
      <div className="mail-templates__choice">
        <Field label="Mail for">
          {(props) => (
            <select {...props} value={kind} onChange={(e) => setChoice({ kind: e.target.value as MailKind, language })}>
              {MAIL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Language">
          {(props) => (
            <select {...props} value={language} onChange={(e) => setChoice({ kind, language: e.target.value as DocumentLanguage })}>
              {DOCUMENT_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_LABELS[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div role="group" aria-label={`${KIND_LABELS[kind]} e-mail in ${LANGUAGE_LABELS[language]}`}>
        <Field label={`Subject (${KIND_LABELS[kind].toLowerCase()}, ${LANGUAGE_LABELS[language]})`} error={errors[`${path}.subject`]}>
          {(props) => <input {...props} lang={language} value={template.subject} onChange={(e) => set({ subject: e.target.value })} />}
        </Field>
        <Field label={`Text (${KIND_LABELS[kind].toLowerCase()}, ${LANGUAGE_LABELS[language]})`} error={errors[`${path}.text`]}>
          {(props) => <textarea {...props} lang={language} rows={10} value={template.text} onChange={(e) => set({ text: e.target.value })} />}
        </Field>
        <div className="actions mail-templates__reset">
          <button type="button" disabled={isDefault} onClick={() => set({ subject: original.subject, text: original.text })}>
            Reset to the default text
          </button>
          <span className="muted">{isDefault ? 'This is the default text.' : 'Edited; saved with Save settings.'}</span>
        </div>
      </div>
      <div className="mail-templates__placeholders">
        <p className="mail-templates__placeholders-title">Placeholders Order Desk fills in</p>
        <dl>
          {MAIL_PLACEHOLDERS.map((name) => (
            <div key={name}>
              <dt>
                <code>{`{${name}}`}</code>
              </dt>
              <dd>{PLACEHOLDER_MEANINGS[name]}</dd>
            </div>
          ))}
        </dl>
      </div>
    </fieldset>
  );
}
