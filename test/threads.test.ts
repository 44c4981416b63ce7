import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createLinter, lintFiles } from '../src/engine/linter.js';
import type { FileResult } from '../src/types.js';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'fixtures/threads');
const expected = YAML.parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')) as Record<string, string[]>;
const THREAD_RULES = /^(thread\/|address\/mismatch$)/;

describe('customer–reply pairs', async () => {
  const linter = createLinter();
  const results = new Map<string, FileResult>();
  for (const name of readdirSync(join(dir, 'pairs')).sort()) {
    const reply = readFileSync(join(dir, 'pairs', name, 'reply.txt'), 'utf8');
    const customer = readFileSync(join(dir, 'pairs', name, 'customer.txt'), 'utf8');
    results.set(`pairs/${name}`, linter.lint({ path: `pairs/${name}`, text: reply, customer }));
  }
  for (const name of readdirSync(join(dir, 'quoted')).sort()) {
    const text = readFileSync(join(dir, 'quoted', name), 'utf8');
    results.set(`quoted/${name}`, linter.lint({ path: `quoted/${name}`, text }));
  }
  const batch = await lintFiles([join(dir, 'batch.jsonl')]);
  for (const r of batch.results) results.set(`batch.jsonl#${r.path.split('#')[1]}`, r);

  it('has at least 40 pairs in both languages and reads the JSON Lines batch', () => {
    expect(batch.errors).toEqual([]);
    expect(results.size).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual([...results.keys()].sort());
  });

  for (const [item, ids] of Object.entries(expected)) {
    if (ids.length === 0) {
      it(`finds nothing in the good ${item}`, () => {
        const r = results.get(item)!;
        expect(r.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      });
    } else {
      it(`finds ${ids.join(', ')} in ${item}`, () => {
        const found = results.get(item)!.findings.map((f) => f.ruleId).filter((id) => THREAD_RULES.test(id));
        for (const id of ids) expect(found, id).toContain(id);
      });
    }
  }
});

describe('duplicate replies', () => {
  it('tells apart Message-IDs that differ in one character, and knows one seen again', async () => {
    const { Threader } = await import('../src/input/threads.js');
    const threader = new Threader({ agents: ['@yritys.fi'] });
    const reply = (messageId: string) => threader.accept({ messageId, fromAddress: 'tuki@yritys.fi', references: [], text: 'Hei Maija,', fromHtml: false, attachments: [] });
    for (let i = 0; i < 20_000; i++) expect(reply(`${String(i).padStart(6, '0')}.1733583600@mail.yritys.fi`).reply).toBe(true);
    expect(reply('000042.1733583600@mail.yritys.fi')).toEqual({ reply: false, reason: 'duplicate' });
    expect(threader.stats).toMatchObject({ replies: 20_000, duplicates: 1 });
  });
});
