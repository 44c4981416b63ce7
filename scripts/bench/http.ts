/**
 * `aspalint serve` under load, on loopback only: one-draft POST /v1/lint
 * requests from autocannon at 1, 8 and 64 concurrent connections, each for a
 * fixed time, against one server process. Requests per second (mean over the
 * run) and latency percentiles come from autocannon's histograms.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export interface HttpLoad {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface HttpMeasure {
  draftBytes: number;
  startMs: number;
  loads: HttpLoad[];
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

export async function measureHttp(root: string, bin: string, draft: string, seconds: number, levels: number[] = [1, 8, 64]): Promise<HttpMeasure> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--host', '127.0.0.1', '--port', '0'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr!.on('data', (c: Buffer) => {
        stderr += c.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`aspalint serve exited ${code}: ${stderr.trim()}`)));
    });
    const startMs = performance.now() - started;
    const body = JSON.stringify({ reply: draft });
    const request = { url: `${url}/v1/lint`, method: 'POST', headers: { 'content-type': 'application/json' }, body };
    // A short warm-up, so the first level does not pay for the first requests' compiling.
    await autocannon({ ...request, connections: 8, duration: 1 });
    const loads: HttpLoad[] = [];
    for (const connections of levels) {
      const r = await autocannon({ ...request, connections, duration: seconds });
      loads.push({
        connections,
        seconds,
        requests: r.requests.total,
        requestsPerSec: Math.round(r.requests.average),
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
      });
    }
    return { draftBytes: Buffer.byteLength(draft), startMs: Math.round(startMs), loads };
  } finally {
    child.kill('SIGTERM');
  }
}
