/** Which screen is showing. Mirrored in the address hash so reload and Back keep the place. */
import { create } from 'zustand';

export const VIEWS = ['home', 'orders', 'new-order', 'catalogue', 'customers', 'reports', 'data', 'settings', 'invoices', 'invoice-batch', 'reminders', 'bank'] as const;
/** Views that show one record, addressed as #/view/id. */
export const RECORD_VIEWS = ['order', 'edit-order', 'customer', 'invoice', 'bank-statement', 'bank-line'] as const;
export type View = (typeof VIEWS)[number] | (typeof RECORD_VIEWS)[number];

export interface Route {
  view: View;
  /** e.g. the order id for view "order". */
  id?: number;
}

export function parseHash(hash: string): Route {
  const [view, id] = hash.replace(/^#\/?/, '').split('/');
  if ((RECORD_VIEWS as readonly string[]).includes(view ?? '') && id && /^\d+$/.test(id)) return { view: view as View, id: Number(id) };
  if ((VIEWS as readonly string[]).includes(view ?? '')) return { view: view as View };
  return { view: 'home' };
}

export function toHash(route: Route): string {
  return route.id === undefined ? `#/${route.view}` : `#/${route.view}/${route.id}`;
}

interface NavigationState {
  route: Route;
  /**
   * A screen with unsaved work sets this; it returns false to stay. It is told where the
   * clerk was going, so a screen that asks in its own dialog can go there once answered.
   */
  leaveGuard: ((to: Route) => boolean) | null;
  setLeaveGuard(guard: ((to: Route) => boolean) | null): void;
  go(route: Route): void;
}

export const useNavigation = create<NavigationState>((set, get) => ({
  route: parseHash(window.location.hash),
  leaveGuard: null,
  setLeaveGuard(guard) {
    set({ leaveGuard: guard });
  },
  go(route) {
    const guard = get().leaveGuard;
    if (guard && !guard(route)) return;
    set({ leaveGuard: null });
    const hash = toHash(route);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route });
  },
}));

window.addEventListener('hashchange', () => {
  const next = parseHash(window.location.hash);
  const { route, leaveGuard } = useNavigation.getState();
  if (toHash(next) === toHash(route)) return;
  if (leaveGuard && !leaveGuard(next)) {
    window.history.replaceState(window.history.state, '', toHash(route));
    return;
  }
  useNavigation.setState({ route: next, leaveGuard: null });
});
