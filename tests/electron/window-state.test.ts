import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  MIN_HEIGHT,
  MIN_WIDTH,
  clampToDisplays,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  type DisplayLike,
  type WindowStateFs,
} from '../../electron/main/window-state';

const laptop: DisplayLike = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const rightMonitor: DisplayLike = { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };

function memoryFs(files: Record<string, string> = {}): WindowStateFs & { files: Record<string, string> } {
  return {
    files,
    readFileSync(file) {
      if (!(file in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return files[file]!;
    },
    writeFileSync(file, data) {
      files[file] = data;
    },
    renameSync(from, to) {
      files[to] = files[from]!;
      delete files[from];
    },
  };
}

describe('window position and size are remembered', () => {
  it('reads back what it saved, including maximized', () => {
    const fs = memoryFs();
    saveWindowState('/u/window-state.json', fs, { x: 100, y: 80, width: 1400, height: 900 }, true);
    expect(Object.keys(fs.files)).toEqual(['/u/window-state.json']); // the temporary file was renamed into place
    expect(loadWindowState('/u/window-state.json', fs, [laptop])).toEqual({ x: 100, y: 80, width: 1400, height: 900, isMaximized: true });
  });

  it.each([
    ['no file yet', undefined],
    ['an empty file', ''],
    ['half a file', '{"x": 10, "y":'],
    ['not an object', '[1,2,3]'],
    ['text sizes', '{"width":"wide","height":"tall"}'],
    ['negative sizes', '{"width":-5,"height":700}'],
    ['fractional nonsense', '{"width":1e400,"height":700}'],
    ['null', 'null'],
  ])('falls back to the default size for %s', (_label, text) => {
    expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('never crashes on an unreadable file', () => {
    const fs = memoryFs();
    fs.readFileSync = () => {
      throw new Error('EACCES');
    };
    const state = loadWindowState('/u/window-state.json', fs, [laptop]);
    expect(state.width).toBe(DEFAULT_WINDOW_STATE.width);
    expect(state.x).toBeGreaterThanOrEqual(0);
  });

  it('ignores a position given without its other half', () => {
    expect(parseWindowState('{"x":50,"width":1000,"height":700}')).toEqual({ width: 1000, height: 700, isMaximized: false });
  });

  it('keeps a window on the second monitor where it was', () => {
    const state = clampToDisplays({ x: 2200, y: 100, width: 1600, height: 1000, isMaximized: false }, [laptop, rightMonitor]);
    expect(state).toEqual({ x: 2200, y: 100, width: 1600, height: 1000, isMaximized: false });
  });

  it('brings a window back from a monitor that was unplugged, centred on the main screen', () => {
    const state = clampToDisplays({ x: 2200, y: 100, width: 1600, height: 1000, isMaximized: true }, [laptop]);
    expect(state).toEqual({ x: 160, y: 20, width: 1600, height: 1000, isMaximized: true });
  });

  it('shrinks a window larger than the screen and pulls it fully onto it', () => {
    const state = clampToDisplays({ x: -300, y: 500, width: 3000, height: 2000, isMaximized: false }, [laptop]);
    expect(state).toEqual({ x: 0, y: 0, width: 1920, height: 1040, isMaximized: false });
  });

  it('grows a tiny saved window to the minimum the screens need', () => {
    const state = clampToDisplays({ x: 10, y: 10, width: 200, height: 100, isMaximized: false }, [laptop]);
    expect(state.width).toBe(MIN_WIDTH);
    expect(state.height).toBe(MIN_HEIGHT);
  });

  it('treats a sliver at the screen edge as off-screen', () => {
    const state = clampToDisplays({ x: 1900, y: 100, width: 1200, height: 800, isMaximized: false }, [laptop]);
    expect(state.x! + state.width).toBeLessThanOrEqual(1920);
    expect(state.x).toBe(360);
  });
});
