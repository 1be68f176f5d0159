import { afterEach, describe, expect, it } from 'vitest';
import { STAGES_TOUCH, warmPageCache } from '../../db/bank/warm-cache';
import { openTestApp, type TestApp } from '../support/test-db';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the page cache a storing bank worker warms while the file is read', () => {
  it('names only tables and indexes this version has: one a migration renamed would silently go cold', () => {
    app = openTestApp();
    const names = new Set(app.db.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table', 'index')`).pluck().all() as string[]);
    const missing = STAGES_TOUCH.map(([table, index]) => index ?? table).filter((name) => !names.has(name));
    expect(missing).toEqual([]);
  });

  it('reads every one of them, and gives way as soon as it is told', async () => {
    app = openTestApp();
    expect(await warmPageCache(app.db, () => false)).toBe(STAGES_TOUCH.length);
    let asked = 0;
    expect(await warmPageCache(app.db, () => ++asked > 2)).toBe(2);
  });
});
