import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeGently } from '../../db/backup/remove-gently';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-desk-remove-'));
  dirs.push(dir);
  return dir;
}

describe('removing old backups a slice at a time', () => {
  it('removes a file larger than one slice, with what SQLite kept beside it, and leaves other files', () => {
    const dir = tempDir();
    const big = path.join(dir, 'order-desk-backup-2020-01-01T000000Z.db.removing');
    // 70 MiB: three slices. Sparse, so the test writes next to nothing.
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 70 * 1024 * 1024);
    fs.writeFileSync(`${big}-wal`, 'wal');
    fs.writeFileSync(path.join(dir, 'keep.db'), 'other');
    expect(removeGently([big])).toEqual({ removed: [big] });
    expect(fs.readdirSync(dir)).toEqual(['keep.db']);
  });

  it('counts a file already gone as removed', () => {
    const gone = path.join(tempDir(), 'gone.db');
    expect(removeGently([gone])).toEqual({ removed: [gone] });
  });
});
