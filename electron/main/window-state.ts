/**
 * Remembers the window's size, position and maximized state between runs in a small
 * JSON file in userData. The file is only a convenience: anything missing, corrupt or
 * nonsensical falls back to defaults, and a window that would open off every screen
 * (a monitor was unplugged) is moved back onto one.
 */
import path from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;
const DEFAULT_WIDTH = 1280;
const DEFAULT_HEIGHT = 860;
/** How much of the window must be on a screen for it to count as visible (enough to grab the title bar). */
const MIN_VISIBLE = 100;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Undefined position means "let the OS centre it". */
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

/** Only what clamping needs from Electron's Display. */
export interface DisplayLike {
  workArea: Rect;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT, isMaximized: false };

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(1).max(100_000);
const stateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: size,
  height: size,
  isMaximized: z.boolean().default(false),
});

export function windowStateFile(userDataDir: string): string {
  return path.join(userDataDir, WINDOW_STATE_FILE);
}

/** Never throws: bad JSON or bad values give the defaults. */
export function parseWindowState(text: string | null | undefined): WindowState {
  if (!text) return { ...DEFAULT_WINDOW_STATE };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const parsed = stateSchema.safeParse(raw);
  if (!parsed.success) return { ...DEFAULT_WINDOW_STATE };
  const { x, y, width, height, isMaximized } = parsed.data;
  // A position is only meaningful as a pair.
  return x !== undefined && y !== undefined ? { x, y, width, height, isMaximized } : { width, height, isMaximized };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function centreIn(area: Rect, width: number, height: number): Rect {
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * Fits the saved state to the screens there are now: never larger than the screen it is
 * on, never smaller than the minimum the layout needs, and visibly on some screen.
 */
export function clampToDisplays(state: WindowState, displays: readonly DisplayLike[], primary: DisplayLike | undefined = displays[0]): WindowState {
  if (!primary) return state;
  const { x, y } = state;
  const home = x !== undefined && y !== undefined ? displays.find((d) => {
    const o = overlap({ x, y, width: state.width, height: state.height }, d.workArea);
    return o.width >= MIN_VISIBLE && o.height >= Math.min(MIN_VISIBLE, state.height);
  }) : undefined;
  const area = (home ?? primary).workArea;
  const width = Math.max(Math.min(state.width, area.width), Math.min(MIN_WIDTH, area.width));
  const height = Math.max(Math.min(state.height, area.height), Math.min(MIN_HEIGHT, area.height));
  if (!home || x === undefined || y === undefined) {
    return { ...centreIn(area, width, height), isMaximized: state.isMaximized };
  }
  // Keep the saved position, nudged so the whole window is inside the screen it was on.
  const clampedX = Math.min(Math.max(x, area.x), area.x + area.width - width);
  const clampedY = Math.min(Math.max(y, area.y), area.y + area.height - height);
  return { x: clampedX, y: clampedY, width, height, isMaximized: state.isMaximized };
}

export function serializeWindowState(bounds: Rect, isMaximized: boolean): string {
  const state: WindowState = { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height), isMaximized };
  return `${JSON.stringify(state, null, 2)}\n`;
}

/** File access injected so tests use an in-memory fake. */
export interface WindowStateFs {
  readFileSync(file: string, encoding: 'utf8'): string;
  writeFileSync(file: string, data: string): void;
  renameSync(from: string, to: string): void;
}

export function loadWindowState(file: string, fs: WindowStateFs, displays: readonly DisplayLike[], primary?: DisplayLike): WindowState {
  let text: string | null = null;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    text = null; // first run, or unreadable: defaults
  }
  return clampToDisplays(parseWindowState(text), displays, primary);
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, fs: WindowStateFs, bounds: Rect, isMaximized: boolean): void {
  const temporary = `${file}.tmp`;
  try {
    fs.writeFileSync(temporary, serializeWindowState(bounds, isMaximized));
    fs.renameSync(temporary, file);
  } catch (error) {
    // Losing the window position is not worth interrupting the clerk for.
    console.warn('Order Desk: could not save the window position:', error);
  }
}
