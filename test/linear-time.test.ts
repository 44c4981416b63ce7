/**
 * Issue 11 item 7: the cost of a check grows with the text, not with its
 * square. Each test times the same work at n and 8n (best of three, so a
 * busy machine does not decide): linear is ~8×, quadratic ~64×.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/engine/catalogue.js';
import { Analysis } from '../src/text/analysis.js';
import { getVoikko } from '../src/text/voikko.js';
import { typo } from '../src/checks/spelling/typo.js';
import { repeatedWord } from '../src/checks/grammar/repeated-word.js';
import { overlaps, protectedRanges, type Range } from '../src/checks/spelling/protect.js';
import type { Check, CheckContext } from '../src/checks/types.js';

function bestOf3(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** How much longer 8n takes than n. */
function growth(work: (n: number) => void, n: number): number {
  work(n); // warm-up: the spellers load, the code is compiled
  return bestOf3(() => work(8 * n)) / Math.max(1, bestOf3(() => work(n)));
}

function contextOf(id: string): CheckContext {
  const meta = loadCatalogue().rules.find((r) => r.id === id)!;
  return { rule: meta, options: { ...meta.options }, products: [] };
}

function runCheck(check: Check, id: string, text: string): number {
  const analysis = new Analysis({ path: 'x.txt', text, channel: 'email', lang: 'fi' });
  return check(analysis, contextOf(id)).length;
}

const voikko = getVoikko() !== null;

describe('linear time on hostile text', () => {
  it('protected spans of a long run of letters (the e-mail pattern rescanned the run from every letter)', () => {
    const ratio = growth((n) => protectedRanges(`Hei Anna,\n\n${'a'.repeat(n)}\n`), 200_000);
    expect(ratio).toBeLessThan(24);
  });

  it.runIf(voikko)('spelling/typo on a long run of letters', () => {
    const ratio = growth((n) => runCheck(typo, 'spelling/typo', `Hei Anna,\n\nkiitos viestistä. ${'a'.repeat(n)}\n\nTerveisin\nLaura\n`), 20_000);
    expect(ratio).toBeLessThan(24);
  });

  it.runIf(voikko)('grammar/repeated-word on one long paragraph with many doubled words', () => {
    const paragraph = (n: number) => 'Tilaus on on lähtenyt varastolta tänään, ja se saapuu pian. '.repeat(Math.ceil(n / 60));
    let found = 0;
    const ratio = growth((n) => {
      found = runCheck(repeatedWord, 'grammar/repeated-word', `Hei Anna,\n\n${paragraph(n)}\n\nTerveisin\nLaura\n`);
    }, 8_000);
    expect(found).toBeGreaterThan(50);
    expect(ratio).toBeLessThan(24);
  });

  it('overlaps agrees with a scan, nested and overlapping ranges included', () => {
    let seed = 7;
    const rand = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % m);
    for (let round = 0; round < 200; round++) {
      const ranges: Range[] = Array.from({ length: rand(12) }, () => {
        const start = rand(100);
        return { start, end: start + 1 + rand(30) };
      }).sort((a, b) => a.start - b.start);
      for (let q = 0; q < 20; q++) {
        const start = rand(120);
        const end = start + rand(10);
        expect(overlaps(ranges, start, end)).toBe(ranges.some((r) => r.start < end && r.end > start));
      }
    }
  });
});
