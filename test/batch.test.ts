import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintStream, type Outcome } from '../src/engine/batch.js';
import { createLinter } from '../src/engine/linter.js';
import type { InputItem } from '../src/input/read-inputs.js';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'fixtures', 'replies');

/** Every reply fixture, as the input layer gives them, several times over (a run long enough to share). */
function items(copies: number): InputItem[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort();
  const one = files.map((f): InputItem => ({ message: { path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') } }));
  return Array.from({ length: copies }, (_, i) => one.map((x) => ('message' in x ? { message: { ...x.message, path: `${x.message.path}#${i}` } } : x))).flat();
}

async function collect(input: InputItem[], jobs: number, extra: Parameters<typeof lintStream>[3] = {}): Promise<Outcome[]> {
  const linter = createLinter({});
  const out: Outcome[] = [];
  async function* source() {
    yield* input;
  }
  for await (const o of lintStream(source(), linter, {}, { jobs, ...extra })) out.push(o);
  return out;
}

describe('lintStream', () => {
  it('shares a run between this thread and a worker and keeps input order', async () => {
    const input = items(6);
    const one = await collect(input, 1);
    // Small chunks and no warm-up: the worker and this thread both get a share.
    const two = await collect(input, 2, { chunk: 4, warmup: 0 });
    expect(two.map((o) => ('result' in o ? o.result.path : o.error.path))).toEqual(input.map((i) => ('message' in i ? i.message.path : '')));
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  }, 120_000);

  it('lints here the chunks of a worker that ran out of its heap', async () => {
    const input = items(2);
    const one = await collect(input, 1);
    // A heap too small for the rules: every worker dies, and the run still reports every reply.
    const two = await collect(input, 2, { chunk: 4, warmup: 0, workerLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 } });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  }, 120_000);

});
