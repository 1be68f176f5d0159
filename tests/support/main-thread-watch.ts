/**
 * Watches whether this thread (the app's main thread in a test) keeps running its timers: a
 * 10 ms interval notes the longest stretch between two ticks, and how much CPU time the thread
 * itself spent in that stretch. The machine running the tests may be loaded (several test
 * runs on two cores): a timer that fires late because the thread waited for a core is not the
 * app at work, whereas a synchronous task (50,000 rows written on this thread) spends its whole
 * stretch on the CPU. So `longestBusyMs` is what a test bounds; where the thread's own CPU time
 * cannot be read (only Linux has /proc/thread-self), it is the stretch itself.
 */
import fs from 'node:fs';

const STAT = '/proc/thread-self/stat';
const MS_PER_TICK = 10; // USER_HZ, 100 on Linux

/** This thread's CPU time (user + system) in ms, or null where it cannot be read. */
function threadCpuMs(): number | null {
  try {
    // The fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(STAT, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return null;
  }
}

export interface ThreadWatch {
  /** Stops watching; the longest stretch between two ticks, and the most CPU time the thread spent in one. */
  stop(): { longestGapMs: number; longestBusyMs: number };
}

export function watchThisThread(): ThreadWatch {
  let lastAt = performance.now();
  let lastCpu = threadCpuMs();
  let longestGapMs = 0;
  let longestBusyMs = 0;
  const tick = () => {
    const at = performance.now();
    const cpu = threadCpuMs();
    const gap = at - lastAt;
    longestGapMs = Math.max(longestGapMs, gap);
    longestBusyMs = Math.max(longestBusyMs, cpu !== null && lastCpu !== null ? cpu - lastCpu : gap);
    lastAt = at;
    lastCpu = cpu;
  };
  const timer = setInterval(tick, 10);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { longestGapMs, longestBusyMs };
    },
  };
}
