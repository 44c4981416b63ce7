/** Process timing for the bench: spawn, wait, measure wall time; simple stats. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Run {
  ms: number;
  /** CPU time (user + system) of the child and its threads, where the platform tells (Linux); else undefined. */
  cpuMs?: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  cwd: string;
  /** Piped to the child's stdin; without it stdin is /dev/null. */
  input?: string;
  /** Keep stdout (for a sanity run); by default it goes to /dev/null. */
  captureStdout?: boolean;
  /** Added to the environment. */
  env?: Record<string, string>;
}

/** Runs `cmd args` to completion and returns the wall time from spawn to exit. */
export function timeProcess(cmd: string, args: string[], opts: SpawnOptions): Run {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd,
    stdio: [opts.input !== undefined ? 'pipe' : 'ignore', opts.captureStdout ? 'pipe' : 'ignore', 'pipe'],
    ...(opts.input !== undefined ? { input: opts.input } : {}),
    maxBuffer: 1024 * 1024 * 1024,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpuMs();
  if (r.error) throw r.error;
  return { ms, ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpuMs: cpuAfter - cpuBefore } : {}), code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/**
 * CPU time of this process's waited-for children (cutime + cstime of
 * /proc/self/stat, in clock ticks of 10 ms). On a machine shared with other
 * work the wall time says how busy it was; the CPU time what a run cost.
 */
export function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5), counted from the state (field 3) at index 0.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

export interface Stats {
  runs: number;
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length === 0 ? NaN : s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const r = (x: number): number => Math.round(x * 10) / 10;
  return { runs: s.length, median: r(median), min: r(s[0] ?? NaN), max: r(s[s.length - 1] ?? NaN), samples: samples.map(r) };
}
