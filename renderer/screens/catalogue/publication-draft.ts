/** The publication form as typed (all text), and its conversion to the API's PublicationInput. */
import type { z } from 'zod';
import { PublicationInput } from '../../../shared/contract/catalogue';
import type { Publication } from '../../../shared/contract/types';
import type { ApiError } from '../../../shared/api/errors';
import { hyphenateIsbn } from '../../../shared/domain/isbn';
import type { PublicationFormat } from '../../../shared/domain/vocabulary';

export interface PublicationDraft {
  id?: number;
  title: string;
  subtitle: string;
  year: string;
  pages: string;
  isbn: string;
  eisbn: string;
  languages: string[];
  formats: PublicationFormat[];
  active: boolean;
  /** When the title was last saved, as this screen saw it; lets the API refuse to overwrite someone else's change. */
  expectedUpdatedAt?: string;
}

/** Field name → message; nested paths such as "languages.1" are shown on their field. */
export type DraftErrors = Partial<Record<keyof PublicationDraft | 'form', string>>;

export function emptyDraft(): PublicationDraft {
  return { title: '', subtitle: '', year: '', pages: '', isbn: '', eisbn: '', languages: [], formats: ['print'], active: true };
}

export function draftFrom(p: Publication): PublicationDraft {
  return {
    id: p.id,
    title: p.title,
    subtitle: p.subtitle,
    year: p.year === null ? '' : String(p.year),
    pages: p.pages === null ? '' : String(p.pages),
    isbn: hyphenateIsbn(p.isbn),
    eisbn: hyphenateIsbn(p.eisbn),
    languages: [...p.languages],
    formats: [...p.formats],
    active: p.active,
    expectedUpdatedAt: p.updatedAt,
  };
}

/** Whole numbers go as numbers; anything else is passed on as typed so the schema names the problem. */
function wholeOrText(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function toInput(draft: PublicationDraft): z.input<typeof PublicationInput> {
  return {
    ...(draft.id === undefined ? {} : { id: draft.id }),
    title: draft.title,
    subtitle: draft.subtitle,
    year: wholeOrText(draft.year) as number | null,
    pages: wholeOrText(draft.pages) as number | null,
    isbn: draft.isbn,
    eisbn: draft.eisbn,
    languages: draft.languages,
    formats: draft.formats,
    active: draft.active,
    ...(draft.expectedUpdatedAt === undefined ? {} : { expectedUpdatedAt: draft.expectedUpdatedAt }),
  };
}

function fieldOf(path: string): keyof DraftErrors {
  const head = path.split('.')[0] ?? '';
  return (['title', 'subtitle', 'year', 'pages', 'isbn', 'eisbn', 'languages', 'formats', 'active'].includes(head) ? head : 'form') as keyof DraftErrors;
}

function collect(issues: { field: string; message: string }[]): DraftErrors {
  const errors: DraftErrors = {};
  for (const issue of issues) errors[fieldOf(issue.field)] ??= issue.message;
  return errors;
}

/** Checks the draft with the very schema the API uses, so the screen and the API never disagree. */
export function checkDraft(draft: PublicationDraft): DraftErrors {
  const parsed = PublicationInput.safeParse(toInput(draft));
  if (parsed.success) return {};
  return collect(parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
}

export function errorsFromApi(error: ApiError): DraftErrors {
  return collect(error.issues ?? [{ field: error.field ?? '', message: error.message }]);
}
