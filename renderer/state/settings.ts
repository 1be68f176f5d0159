/** The unit's settings, loaded once at start and after each save; screens read the locale from here. */
import { create } from 'zustand';
import type { Settings } from '../../shared/contract/types';
import type { ApiError } from '../../shared/api/errors';
import { orderDesk } from '../api/client';

interface SettingsState {
  settings: Settings | null;
  loadError: ApiError | null;
  load(): Promise<void>;
  replace(settings: Settings): void;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  loadError: null,
  async load() {
    const result = await orderDesk().settings.get({});
    if (result.ok) set({ settings: result.value.settings, loadError: null });
    else set({ loadError: result.error });
  },
  replace(settings) {
    set({ settings });
  },
}));

export function useLocale(): string {
  return useSettings((s) => s.settings?.locale ?? 'en-CH');
}
