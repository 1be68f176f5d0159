/**
 * Series colours for every chart, in an order that stays apart for the common kinds of colour
 * blindness (Okabe–Ito). On screen a chart takes `var(--series-N)` from charts.css, which has a
 * light and a dark set (black bars vanish on a dark panel, yellow ones on a white one); these
 * light values are the fallback and what paper (always light) uses. Text in charts uses
 * currentColor, so it follows the page's ink.
 */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#CC79A7', '#D55E00', '#009E73', '#56B4E9', '#8F7F00', '#000000'] as const;

export function seriesColour(index: number): string {
  const i = index % SERIES_COLOURS.length;
  return `var(--series-${i + 1}, ${SERIES_COLOURS[i]})`;
}
