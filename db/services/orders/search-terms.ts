/**
 * What the search index's vocabulary says about a query before running it: how many
 * orders hold each typed word, and which indexed words a typed prefix stands for.
 *
 * A prefix query ("trafficking"*) makes FTS5 merge the doclists of every word with that
 * prefix on each run, which is what made a word found in nearly every order slow to
 * page through. Rewritten as the exact words it stands for ("trafficking"), FTS5 reads
 * only the part of the doclist it needs, and a single word's document count is the
 * exact number of matching orders without counting them row by row.
 */
import type { ServiceContext } from '../../context';
import { statement } from '../../statements';

/** An indexed word, and how many orders hold it. */
interface Term {
  term: string;
  doc: number;
}

export interface QueryTerms {
  /** At most this many orders match (every word must; each word matches at most the sum of its terms). */
  upperBound: number;
  /** The exact number of matching orders, when the vocabulary alone tells it (one word, one indexed word). */
  exactCount: number | null;
  /** The same query with every prefix spelt out as its indexed words, or null when a prefix stands for too many. */
  exactQuery: string | null;
}

/** Beyond this many indexed words per prefix, an OR of them costs more than the prefix merge. */
const MAX_TERMS_PER_WORD = 16;
const LAST_CODE_POINT = String.fromCodePoint(0x10ffff);

const vocabularies = new WeakSet<object>();

/** The fts5vocab view of orders_fts, a temp table of this connection (nothing is stored). */
function ensureVocabulary(ctx: ServiceContext): void {
  if (vocabularies.has(ctx.db)) return;
  ctx.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.orders_fts_terms USING fts5vocab(main, 'orders_fts', 'row')");
  vocabularies.add(ctx.db);
}

/** The typed words of a query built by toFtsQuery ("…"* each), when every one is a single index token. */
function singleTokenWords(fts: string): string[] | null {
  const phrases = [...fts.matchAll(/"([^"]*)"\*/g)].map((m) => m[1]!);
  if (phrases.length === 0 || phrases.map((p) => `"${p}"*`).join(' ') !== fts) return null;
  // Letters and digits only: what the unicode61 tokenizer keeps as one token. Anything
  // else (a phrase such as "2026 00012", CJK split into characters) is left to FTS5.
  return phrases.every((p) => /^[\p{L}\p{N}]+$/u.test(p)) ? phrases : null;
}

/** The indexed words a typed word is a prefix of. */
function wordTerms(ctx: ServiceContext, word: string): Term[] {
  return statement(ctx, 'SELECT term, doc FROM temp.orders_fts_terms WHERE term >= ? AND term < ?').all(word, `${word}${LAST_CODE_POINT}`) as Term[];
}

/**
 * What the vocabulary tells about a query from toFtsQuery, or null when it cannot tell
 * (a word the tokenizer would split, or one it would spell differently from the index).
 */
export function queryTerms(ctx: ServiceContext, fts: string): QueryTerms | null {
  const words = singleTokenWords(fts);
  if (!words) return null;
  ensureVocabulary(ctx);
  const perWord = words.map((w) => wordTerms(ctx, w));
  // No indexed word starts with it: either nothing matches or the tokenizer folds it
  // further than the query did. FTS5 itself knows which; let it answer.
  if (perWord.some((terms) => terms.length === 0)) return null;
  const upperBound = Math.min(...perWord.map((terms) => terms.reduce((sum, t) => sum + t.doc, 0)));
  const only = perWord.length === 1 && perWord[0]!.length === 1 ? perWord[0]![0]! : null;
  const spelt = perWord.every((terms) => terms.length <= MAX_TERMS_PER_WORD)
    ? perWord.map((terms) => `(${terms.map((t) => `"${t.term.replace(/"/g, '""')}"`).join(' OR ')})`).join(' AND ')
    : null;
  return { upperBound, exactCount: only ? only.doc : null, exactQuery: spelt };
}
