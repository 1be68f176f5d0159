/**
 * The single entry point both bridges (Electron IPC and loopback HTTP) call: validate
 * with the contract's schema, run the service, and turn every failure into an
 * ApiError value. Unexpected errors are logged here and reported without internals;
 * a database constraint is a 4xx (see constraint-error.ts), never a 500.
 */
import { isMethodName, type MethodName } from '../../shared/contract';
import { validateInput } from '../../shared/contract/validate';
import { DomainError, fail, ok, type Result } from '../../shared/api/errors';
import type { AppContext } from '../context';
import { handlers } from './handlers';
import type { Registered } from './register';
import { constraintApiError, constraintCode, isImmutableInvoiceError } from './constraint-error';
import { isBusy } from '../transactions';

export type Invoke = (method: string, input: unknown) => Promise<Result<unknown>>;

export interface InvokeOptions {
  log?: (message: string, error: unknown) => void;
}

export function createInvoke(ctx: AppContext, options: InvokeOptions = {}): Invoke {
  const log = options.log ?? ((message, error) => console.error(message, error));
  return async (method, input) => {
    if (!isMethodName(method)) return fail('not_found', `Unknown method "${String(method).slice(0, 60)}".`);
    const parsed = validateInput(method, input);
    if (!parsed.ok) return parsed;
    try {
      const handler = handlers[method] as Registered<unknown, unknown>;
      return ok(await handler.run(ctx, parsed.value, method));
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toApiError() };
      const constraint = constraintCode(error);
      if (constraint) {
        // An issued invoice refused by its triggers is the rule working, not a gap in validation.
        if (isImmutableInvoiceError(error)) return { ok: false, error: constraintApiError(constraint, error) };
        log(`Order Desk: ${method as MethodName} reached a database constraint (${constraint}); its input validation must catch this first`, error);
        return { ok: false, error: constraintApiError(constraint) };
      }
      log(`Order Desk: ${method as MethodName} failed`, error);
      if (isBusy(error)) return fail('conflict', 'Another Order Desk kept the database busy, so nothing was saved. Please try again.');
      return fail('internal', 'Something went wrong and nothing was saved. Please try again; if it keeps happening, tell IT.');
    }
  };
}
