/**
 * The menu moves the renderer by setting the address hash, exactly like a click on a
 * link would, so the screen's unsaved-work guard still applies. This needs no extra
 * preload surface. Only fixed routes are accepted: nothing is interpolated into script.
 */
export const MENU_ROUTES = { newOrder: '#/new-order' } as const;
export type MenuRoute = (typeof MENU_ROUTES)[keyof typeof MENU_ROUTES];

export function hashNavigationScript(route: MenuRoute): string {
  if (!Object.values(MENU_ROUTES).includes(route)) throw new Error(`Unknown menu route ${String(route)}`);
  return `location.hash = ${JSON.stringify(route)}; undefined;`;
}
