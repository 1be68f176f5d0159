import type { AuditAction, AuditEntity, AuditEntry, AuditEvent } from '../../shared/contract/audit';
import { timestamp, type ServiceContext, type WriteContext } from '../context';
import { statement } from '../statements';

/**
 * Writes one audit record, in the transaction of the change it describes. The action must be
 * one that shared/contract/audit.ts declares for the entity, so the history screens know every
 * action there is.
 */
export function audit<E extends AuditEntity>(ctx: WriteContext, entity: E, entityId: number | null, action: AuditAction<E>, before: unknown, after: unknown): void {
  statement(ctx, 'INSERT INTO audit_log (at, actor, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(timestamp(ctx), ctx.actor, entity, entityId, action, before === undefined ? null : JSON.stringify(before), after === undefined ? null : JSON.stringify(after));
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: number | null;
  action: string;
  before: string | null;
  after: string | null;
}

/** The record's history, oldest first; the log holds only what audit() wrote, so each row is one of the entity's declared actions. */
export function auditHistory<E extends AuditEntity>(ctx: ServiceContext, entity: E, entityId: number): AuditEntry<E>[] {
  const rows = statement(ctx, 'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, entityId) as AuditRow[];
  return rows.map((r) => ({
    ...({ entity, action: r.action } as AuditEvent<E>),
    id: r.id,
    at: r.at,
    actor: r.actor,
    entityId: r.entity_id,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}
