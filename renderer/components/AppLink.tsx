import type { AnchorHTMLAttributes } from 'react';
import { toHash, useNavigation, type Route } from '../state/navigation';
import { opensInPlace } from './link-click';

export type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  /** Where the link goes, e.g. { view: 'order', id: 42 }. */
  to: Route;
};

/**
 * A real link to a screen (#/view/id: copyable, shown on hover, opens with Enter) that switches
 * screens through go(), so a screen's leave guard is asked first. Other anchor props pass through;
 * an onClick that calls preventDefault() keeps the link from navigating.
 */
export function AppLink({ to, onClick, ...rest }: AppLinkProps) {
  const go = useNavigation((s) => s.go);
  return (
    <a
      {...rest}
      href={toHash(to)}
      onClick={(e) => {
        onClick?.(e);
        // The preload sets window.orderDesk only in the desktop window, which has no tabs.
        if (e.defaultPrevented || !opensInPlace(e, window.orderDesk === undefined)) return;
        e.preventDefault();
        go(to);
      }}
    />
  );
}
