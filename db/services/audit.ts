import type { AuditEntry } from '../../shared/contract/types';
import { timestamp, type ServiceContext, type WriteContext } from '../context';
import { statement } from '../statements';

/** Writes one audit record, in the transaction of the change it describes. */
export function audit(ctx: WriteContext, entity: string, entityId: number | null, action: string, before: unknown, after: unknown): void {
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

export function auditHistory(ctx: ServiceContext, entity: string, entityId: number): AuditEntry[] {
  const rows = statement(ctx, 'SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id').all(entity, entityId) as AuditRow[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}
