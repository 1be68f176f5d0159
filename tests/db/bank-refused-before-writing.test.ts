import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/api/errors';
import { audit } from '../../db/services/audit';
import { refusedBeforeWriting } from '../../db/services/bank/import-stage';
import { inWriteTransaction } from '../../db/transactions';
import { openTestApp, type TestApp } from '../support/test-db';

let app: TestApp;
afterEach(() => app?.close());

const auditRows = () => app.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('a payment the import records without a savepoint', () => {
  it('passes on a refusal that came before anything was written, for the line to go to review', () => {
    app = openTestApp();
    const before = auditRows();
    const refusal = new DomainError('needs_confirmation', 'Far above what is owed.', 'amount');
    expect(() => inWriteTransaction(app.ctx, (w) => refusedBeforeWriting(w, () => { throw refusal; }))).toThrow(refusal);
    expect(auditRows()).toBe(before);
  });

  it('turns a refusal after a write into a failure of the whole stage, which keeps nothing of it', () => {
    app = openTestApp();
    const before = auditRows();
    let thrown: unknown;
    try {
      inWriteTransaction(app.ctx, (w) =>
        refusedBeforeWriting(w, () => {
          audit(w, 'bank_line', 1, 'set_aside', null, { reason: 'written before the refusal' });
          throw new DomainError('conflict', 'Refused too late.', 'amount');
        }),
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(DomainError);
    expect((thrown as Error).message).toContain('refused after it was partly written (Refused too late.)');
    expect(auditRows()).toBe(before);
  });
});
