import { useId, useState } from 'react';
import { Field } from '../../components/Field';
import { useLocale } from '../../state/settings';
import { findLanguage, languageName, languageOptions } from './language-names';

interface LanguagePickerProps {
  value: string[];
  error?: string | undefined;
  onChange(codes: string[]): void;
}

/** Pick languages by name from the full list; stored as ISO 639-1 codes. Enter adds, each chosen one has a remove button. */
export function LanguagePicker({ value, error, onChange }: LanguagePickerProps) {
  const locale = useLocale();
  const listId = useId();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function add() {
    if (typed.trim() === '') return;
    const found = findLanguage(typed, locale);
    if (!found) {
      setProblem(`"${typed.trim()}" is not in the list of languages.`);
      return;
    }
    if (!value.includes(found.code)) onChange([...value, found.code]);
    setTyped('');
    setProblem(null);
  }

  return (
    <div className="language-picker">
      <Field label="Languages" error={problem ?? error} hint="Type a language name, then press Enter to add it.">
        {(props) => (
          <>
            {value.length > 0 ? (
              <ul className="chips" aria-label="Chosen languages">
                {value.map((code) => (
                  <li key={code} className="chip">
                    {languageName(code, locale)}
                    <button type="button" className="chip__remove" aria-label={`Remove ${languageName(code, locale)}`} onClick={() => onChange(value.filter((c) => c !== code))}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="language-picker__add">
              <input
                {...props}
                list={listId}
                value={typed}
                autoComplete="off"
                onChange={(e) => {
                  setTyped(e.target.value);
                  setProblem(null);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && typed.trim() !== '') {
                    // Enter adds the language instead of submitting the whole form.
                    e.preventDefault();
                    add();
                  }
                }}
              />
              <button type="button" onClick={add}>
                Add
              </button>
            </div>
          </>
        )}
      </Field>
      <datalist id={listId}>
        {languageOptions(locale)
          .filter((o) => !value.includes(o.code))
          .map((o) => (
            <option key={o.code} value={o.name} />
          ))}
      </datalist>
    </div>
  );
}
