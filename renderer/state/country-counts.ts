/**
 * How many of the unit's customers live in each country, so the country suggestions put
 * the common ones first. Read once when a country field first shows, and again after a
 * minute at most; a failed read leaves the plain ranking.
 */
import { create } from 'zustand';
import { orderDesk } from '../api/client';

const FRESH_MS = 60_000;

interface CountryCountsState {
  counts: ReadonlyMap<string, number>;
  readAt: number | null;
  refresh(): void;
}

export const useCountryCounts = create<CountryCountsState>((set, get) => ({
  counts: new Map(),
  readAt: null,
  refresh() {
    const { readAt } = get();
    if (readAt !== null && Date.now() - readAt < FRESH_MS) return;
    set({ readAt: Date.now() });
    void orderDesk()
      .customers.countries({})
      .then((result) => {
        if (result.ok) set({ counts: new Map(result.value.countries.map((c) => [c.code, c.customers])) });
      });
  },
}));
