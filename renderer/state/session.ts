/** Who is working in this window's session; nothing else is shown until the app knows. */
import { create } from 'zustand';
import type { ApiError } from '../../shared/api/errors';
import type { SessionInfo } from '../../shared/contract/types';
import { orderDesk } from '../api/client';

interface SessionState {
  info: SessionInfo | null;
  loadError: ApiError | null;
  load(): Promise<void>;
  /** Confirms who is working; answers the error to show when the name is refused. */
  setUser(name: string): Promise<ApiError | null>;
}

export const useSession = create<SessionState>((set) => ({
  info: null,
  loadError: null,
  async load() {
    const result = await orderDesk().session.get({});
    if (result.ok) set({ info: result.value, loadError: null });
    else set({ loadError: result.error });
  },
  async setUser(name) {
    const result = await orderDesk().session.setUser({ name });
    if (!result.ok) return result.error;
    set({ info: result.value, loadError: null });
    return null;
  },
}));
