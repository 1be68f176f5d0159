/** The viewer's zoom: fit the page to the width of the view, or a fixed size (1 = real size). */
export type Zoom = 'fit-width' | number;

export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

/** The next fixed step above (direction 1) or below (-1) the zoom now in effect. */
export function stepZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((z) => z > current + 0.001) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 0.001) ?? ZOOM_STEPS[0];
}

/** The zoom that makes a page `pageWidthPx` wide at real size fill `availablePx`; never below the smallest step. */
export function fitWidthZoom(availablePx: number, pageWidthPx: number): number {
  if (availablePx <= 0 || pageWidthPx <= 0) return 1;
  return Math.max(ZOOM_STEPS[0], Math.min(4, availablePx / pageWidthPx));
}

export function zoomLabel(zoom: number): string {
  return `${Math.round(zoom * 100)} %`;
}
