/**
 * Series colours for every chart: mid-tones that keep their contrast on a light and a dark
 * panel alike, in an order that stays apart for the common kinds of colour blindness
 * (Okabe–Ito). Text in charts uses currentColor, so it follows the page's ink.
 */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#CC79A7', '#D55E00', '#009E73', '#56B4E9', '#F0E442', '#000000'] as const;

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}
