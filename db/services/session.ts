import { DomainError } from '../../shared/api/errors';
import type { SessionInfo } from '../../shared/contract/types';
import { createContext, type ServiceContext } from '../context';
import { ensureStaffName } from './settings';

export function getSession(ctx: ServiceContext): SessionInfo {
  return { user: ctx.actor, askUser: ctx.user.mustAsk };
}

/** The clerk says who is working: a new name joins the staff list, and every later audit record carries it. */
export function setSessionUser(ctx: ServiceContext, input: { name: string }): SessionInfo {
  if (!ctx.user.changeable) {
    throw new DomainError('forbidden', `This session works as "${ctx.actor}", fixed with --user when Order Desk was started.`, 'name');
  }
  // Adding the name is already that clerk's doing, so its audit record names them, not the previous user.
  const asClerk = createContext(ctx.db, input.name, ctx.now, ctx.documents);
  const name = ensureStaffName(asClerk, input.name);
  ctx.user.confirm(name);
  return getSession(ctx);
}
