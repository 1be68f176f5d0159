import { z } from 'zod';
import { method } from './define';
import { staffName } from './settings';
import type { SessionInfo } from './types';

export const SetUserInput = z.object({ name: staffName('Your name') });

export const sessionMethods = {
  'session.get': method<SessionInfo>()(z.object({})),
  /** Confirms who is working; a name not yet in the staff list is added to it. */
  'session.setUser': method<SessionInfo>()(SetUserInput),
};
