/**
 * CPU accounting from /proc (Linux), to see where a load run's time went: the server process, the
 * load generator (this process), and everything else on the machine (other people's test runs).
 */
import fs from 'node:fs';

// USER_HZ: 100 on every Linux the project runs on (not exposed to Node without spawning getconf).
const TICK_MS = 10;

/** CPU time (user + system) of a process in ms, or null. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state is [0], utime [11], stime [12].
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** Busy CPU time of the whole machine in ms (all cores), or null. */
export function machineBusyMs(): number | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const [, ...values] = line.trim().split(/\s+/);
    const n = values.map(Number);
    // user nice system idle iowait irq softirq steal (guest is already counted in user).
    const busy = (n[0] ?? 0) + (n[1] ?? 0) + (n[2] ?? 0) + (n[5] ?? 0) + (n[6] ?? 0) + (n[7] ?? 0);
    return busy * TICK_MS;
  } catch {
    return null;
  }
}

export interface CpuSample {
  at: number;
  server: number | null;
  self: number;
  machine: number | null;
}

export function sampleCpu(serverPid: number): CpuSample {
  const usage = process.cpuUsage();
  return { at: performance.now(), server: processCpuMs(serverPid), self: (usage.user + usage.system) / 1000, machine: machineBusyMs() };
}

export interface CpuSplit {
  /** Percent of one core, over the wall-clock interval. */
  serverPct: number | null;
  loadGeneratorPct: number;
  otherPct: number | null;
  serverMs: number | null;
}

export function cpuBetween(a: CpuSample, b: CpuSample): CpuSplit {
  const wall = b.at - a.at;
  const pct = (ms: number) => Math.round((ms / wall) * 1000) / 10;
  const serverMs = a.server !== null && b.server !== null ? b.server - a.server : null;
  const selfMs = b.self - a.self;
  const machineMs = a.machine !== null && b.machine !== null ? b.machine - a.machine : null;
  return {
    serverPct: serverMs === null ? null : pct(serverMs),
    loadGeneratorPct: pct(selfMs),
    otherPct: machineMs === null ? null : pct(Math.max(0, machineMs - selfMs - (serverMs ?? 0))),
    serverMs,
  };
}
