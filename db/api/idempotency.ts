/**
 * A write sent again after its answer was lost is stored once. The screens make one key per
 * form (a UUID) and send it with every attempt to save that form; a write registered as
 * idempotent (db/api/register.ts) keeps its answer with the key, in the same BEGIN IMMEDIATE
 * transaction as the write itself, and a call with a key already kept answers what the first
 * call answered without writing anything. Either the write and its key are stored together, or
 * neither is, so a repeat can never find the one without the other.
 *
 * The key belongs to one method and one input: the same key with another input is refused,
 * naming the field, rather than answered with the result of something else. `confirmed` is left
 * out of the comparison: it is the clerk's consent, not part of what is stored.
 *
 * A key is kept KEPT_DAYS days: long enough for any retry (a form restored from its draft after
 * a crash, a batch restarted), not for ever. Each new key removes a few expired ones in its own
 * transaction (pruneExpiredKeys), so the table stays at about a month of keys with no job to run.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../../shared/api/errors';
import { timestamp, type ServiceContext, type WriteContext } from '../context';
import { statement } from '../statements';

/** The input of a method that takes an idempotency key (shared/contract/fields.ts idempotencyKey). */
export interface KeyedInput {
  idempotencyKey?: string | undefined;
}

/** Not part of what the key stands for. */
const LEFT_OUT = new Set(['idempotencyKey', 'confirmed']);

/** JSON with object keys sorted, so one input hashes the same however its object was built. */
function canonicalJson(value: unknown, top = true): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, false)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && !(top && LEFT_OUT.has(k)))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, false)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

export interface Request {
  method: string;
  key: string;
  hash: string;
}

export function keyedRequest(method: string, input: unknown): Request | null {
  const key = (input as KeyedInput | null)?.idempotencyKey;
  return typeof key === 'string' && key !== '' ? { method, key, hash: requestHash(input) } : null;
}

interface KeptRow {
  method: string;
  request_sha256: string;
  result: string;
}

/** The first answer given to this key, or null when the key is new; refuses a key used for something else. */
export function keptAnswer(ctx: ServiceContext, request: Request): { value: unknown } | null {
  const row = statement(ctx, 'SELECT method, request_sha256, result FROM idempotency_keys WHERE key = ?').get(request.key) as KeptRow | undefined;
  if (!row) return null;
  if (row.method !== request.method) {
    throw new DomainError('conflict', `This idempotency key was already used for ${row.method}; every form needs its own key, so nothing was saved.`, 'idempotencyKey');
  }
  if (row.request_sha256 !== request.hash) {
    throw new DomainError(
      'conflict',
      'This form was already saved with other values under the same idempotency key, so these were not saved. Open the form again to save them as a new entry.',
      'idempotencyKey',
    );
  }
  return { value: JSON.parse(row.result) as unknown };
}

/** How long an answer is kept for its key. */
export const KEPT_DAYS = 30;

/** More than one per new key, so a backlog (a database opened after long) is worked off too. */
const PRUNED_PER_WRITE = 20;

/**
 * Removes up to PRUNED_PER_WRITE keys older than KEPT_DAYS. Rows are only ever appended, so the
 * oldest are the first by rowid: the B-tree's first entries are read, never the whole table.
 */
export function pruneExpiredKeys(ctx: WriteContext): number {
  const cutoff = new Date(ctx.now().getTime() - KEPT_DAYS * 86_400_000).toISOString();
  return statement(ctx, 'DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid FROM idempotency_keys ORDER BY rowid LIMIT ?) AND created_at < ?').run(PRUNED_PER_WRITE, cutoff)
    .changes;
}

/** Keeps the answer with its key, in the transaction that stored the write (and lets a few expired keys go). */
export function keepAnswer(ctx: WriteContext, request: Request, value: unknown): void {
  pruneExpiredKeys(ctx);
  statement(ctx, 'INSERT INTO idempotency_keys (key, method, request_sha256, result, created_at) VALUES (?, ?, ?, ?, ?)').run(
    request.key,
    request.method,
    request.hash,
    JSON.stringify(value),
    timestamp(ctx),
  );
}

/** Thrown inside a staged write's transaction when another call stored the same key meanwhile: nothing is written, its answer is given. */
export class AnsweredMeanwhile extends Error {
  constructor(readonly value: unknown) {
    super('Answered by an earlier call with the same idempotency key.');
  }
}
