/**
 * Removes old backups in the backup worker, a slice at a time. Deleting a 914 MB backup took
 * 375-617 ms in one call (on the main thread, where pruning ran, nothing was answered meanwhile),
 * and freeing that much at once also held up other writers' syncs: while another process
 * deleted one, 16 KiB written and synced every 25 ms took up to 217 ms (3-5 of ~140 reached
 * 50 ms in three tries). Cut down 32 MiB at a time, each cut synced and followed by a pause
 * as long as it took, the same syncs stayed under 47 ms; removing a backup takes a second or so.
 */
import fs from 'node:fs';

const SLICE_BYTES = 32 * 1024 * 1024;
const PAUSE_MIN_MS = 2;
const PAUSE_MAX_MS = 50;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function shrinkAway(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r+');
  } catch {
    return; // Already gone.
  }
  try {
    let size = fs.fstatSync(fd).size;
    while (size > 0) {
      const started = performance.now();
      size = Math.max(0, size - SLICE_BYTES);
      fs.ftruncateSync(fd, size);
      fs.fsyncSync(fd);
      sleep(Math.min(PAUSE_MAX_MS, Math.max(PAUSE_MIN_MS, performance.now() - started)));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes each file (and any WAL, SHM or journal SQLite left beside it); a file that cannot be removed is left. */
export function removeGently(files: readonly string[]): { removed: string[] } {
  const removed: string[] = [];
  for (const file of files) {
    try {
      shrinkAway(file);
      for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
      removed.push(file);
    } catch {
      // Left for the next prune, which removes leftovers too.
    }
  }
  return { removed };
}
