import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { toHash, useNavigation, type Route } from '../state/navigation';
import { followsHere } from './link-click';

export type AppLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {
  /** Where the link goes, e.g. { view: 'order', id: 42 }. */
  to: Route;
};

/**
 * A real link to a screen (#/view/id: shown on hover, copyable, followed with Enter) that
 * switches screens through go(), so a screen's leave guard is asked first. Modified and
 * middle clicks switch here too (see link-click.ts). Other anchor props pass through; an
 * onClick that calls preventDefault() keeps the link from navigating.
 */
export function AppLink({ to, onClick, onAuxClick, ...rest }: AppLinkProps) {
  const go = useNavigation((s) => s.go);
  const follow = (e: MouseEvent<HTMLAnchorElement>, own: ((e: MouseEvent<HTMLAnchorElement>) => void) | undefined) => {
    own?.(e);
    if (e.defaultPrevented || !followsHere(e)) return;
    e.preventDefault();
    go(to);
  };
  return <a {...rest} href={toHash(to)} onClick={(e) => follow(e, onClick)} onAuxClick={(e) => follow(e, onAuxClick)} />;
}
