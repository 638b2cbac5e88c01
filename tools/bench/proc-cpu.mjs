// CPU time from /proc (Linux), shared by throughput.mjs and scale.mjs: what a request costs the server
// process and PostgreSQL, whatever else the machine runs — throughput on a shared machine moves with
// the other load, CPU per request much less.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100);

/**
 * user + system CPU of a process in ms, and of its children that have ended; fields after the
 * command name: state is the 3rd, ppid the 4th, utime the 14th, cutime the 16th.
 */
export function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS, childrenCpuMs: (Number(fields[13]) + Number(fields[14])) * TICK_MS };
  } catch {
    return null; // gone in the meantime
  }
}

/**
 * The postmaster's own CPU, that of its children that have ended (cutime + cstime: the parallel workers
 * of a big aggregate live only during it) and that of its live children (the backends of the pools,
 * the background workers). Without the ended ones a parallel query's workers were counted in no
 * snapshot, or in "before" only (a negative figure).
 */
export function postgresCpuMs(postmasterPid) {
  const postmaster = procStat(postmasterPid);
  let total = (postmaster?.cpuMs ?? 0) + (postmaster?.childrenCpuMs ?? 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(entry);
    if (stat && stat.ppid === postmasterPid) total += stat.cpuMs;
  }
  return total;
}

/** The postmaster's pid, from the postmaster.pid file somewhere under `dir` (the scratch directory). */
export function findPostmasterPid(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.name === 'postmaster.pid') return Number(readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8').split('\n')[0]);
  }
  throw new Error(`找不到 postmaster.pid（${dir}）`);
}
