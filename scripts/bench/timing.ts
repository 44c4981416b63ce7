/** Process timing for the bench: spawn, wait, measure wall time; simple stats. */
import { spawnSync } from 'node:child_process';

export interface Run {
  ms: number;
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
  if (r.error) throw r.error;
  return { ms, code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
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
