import { expect, it } from 'vitest';
import { fitWidthZoom, stepZoom, zoomLabel } from '../../renderer/components/pdf/zoom';

it('zooms in and out by the usual steps from wherever fit-width left the page, stopping at the ends', () => {
  expect(stepZoom(0.8, 1)).toBe(0.9);
  expect(stepZoom(0.8, -1)).toBe(0.75);
  expect(stepZoom(1, 1)).toBe(1.1);
  expect(stepZoom(3, 1)).toBe(3);
  expect(stepZoom(0.5, -1)).toBe(0.5);
});

it('fits an A4 page to the view, never smaller than the smallest step, and says it as a percentage', () => {
  const a4Px = 595.28 * (96 / 72);
  expect(fitWidthZoom(635, a4Px)).toBeCloseTo(0.8, 2);
  expect(fitWidthZoom(100, a4Px)).toBe(0.5);
  expect(fitWidthZoom(0, a4Px)).toBe(1);
  expect(zoomLabel(0.8)).toBe('80 %');
});
