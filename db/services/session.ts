import { DomainError } from '../../shared/api/errors';
import type { SessionInfo } from '../../shared/contract/types';
import { actingAs, type ServiceContext, type WriteContext } from '../context';
import { ensureStaffName } from './settings';

export function getSession(ctx: ServiceContext): SessionInfo {
  return { user: ctx.actor, askUser: ctx.user.mustAsk };
}

/** The clerk says who is working: a new name joins the staff list, and every later audit record carries it. */
export function setSessionUser(ctx: WriteContext, input: { name: string }): SessionInfo {
  if (!ctx.user.changeable) {
    throw new DomainError('forbidden', `This session works as "${ctx.actor}", fixed with --user when Order Desk was started.`, 'name');
  }
  // Adding the name is already that clerk's doing, so its audit record names them, not the previous user.
  const name = ensureStaffName(actingAs(ctx, input.name), input.name);
  ctx.user.confirm(name);
  return getSession(ctx);
}
