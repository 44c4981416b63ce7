/**
 * Issue 11 item 7: the cost of a check grows with the text, not with its
 * square. Each test times one text of size 16n against sixteen of size n,
 * the same amount of text (best of three, so a busy machine does not
 * decide): linear costs about the same (~1×), quadratic 16×. The bound is 6×.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/engine/catalogue.js';
import { Analysis } from '../src/text/analysis.js';
import { getVoikko } from '../src/text/voikko.js';
import { typo } from '../src/checks/spelling/typo.js';
import { repeatedWord } from '../src/checks/grammar/repeated-word.js';
import { voikkoErrorsAround } from '../src/checks/grammar/shared.js';
import { overlaps, protectedRanges, type Range } from '../src/checks/spelling/protect.js';
import type { Check, CheckContext } from '../src/checks/types.js';
import { redactReport } from '../src/engine/redact.js';
import type { FileResult } from '../src/types.js';
import { finding } from './helpers.js';

function bestOf3(fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const K = 16;

/** Time of one input of size K·n over K inputs of size n. */
function growth(work: (n: number) => void, n: number): number {
  // Warm-up: the spellers load, the code is compiled for both sizes.
  work(n);
  work(K * n);
  const big = bestOf3(() => work(K * n));
  const small = bestOf3(() => {
    for (let i = 0; i < K; i++) work(n);
  });
  return big / small;
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
    const ratio = growth((n) => protectedRanges(`Hei Anna,\n\n${'a'.repeat(n)}\n`), 100_000);
    expect(ratio).toBeLessThan(6);
  });

  it.runIf(voikko)('spelling/typo on a long run of letters', () => {
    const ratio = growth((n) => runCheck(typo, 'spelling/typo', `Hei Anna,\n\nkiitos viestistä. ${'a'.repeat(n)}\n\nTerveisin\nLaura\n`), 10_000);
    expect(ratio).toBeLessThan(6);
  });

  it.runIf(voikko)('grammar/repeated-word on one long paragraph with many doubled words', () => {
    // The whole check, as the issue measured it (1 MB: 8 s, 2 MB: 25 s before).
    let run = 0;
    const paragraph = (n: number) => `Viesti ${++run}. ` + 'Tilaus on on lähtenyt varastolta tänään, ja se saapuu pian. '.repeat(Math.ceil(n / 60));
    const found = runCheck(repeatedWord, 'grammar/repeated-word', `Hei Anna,\n\n${paragraph(20_000)}\n\nTerveisin\nLaura\n`);
    expect(found).toBeGreaterThan(100);
    // Its cost was finding each pair's paragraph by a scan from the reply's start (Voikko's own
    // pass, linear, hides it at small sizes): the look-ups alone, on replies made beforehand.
    const analyses = new Map<number, { analysis: Analysis; at: number }>();
    for (const n of [2_000, 2_000 * 16]) {
      const text = `Hei Anna,\n\n${paragraph(n)}\n\nPaketti on on matkalla.\n\nTerveisin\nLaura\n`;
      analyses.set(n, { analysis: new Analysis({ path: 'x.txt', text, channel: 'email', lang: 'fi' }), at: text.lastIndexOf('on on') });
    }
    const ratio = growth((n) => {
      const { analysis, at } = analyses.get(n)!;
      for (let i = 0; i < n * 4; i++) voikkoErrorsAround(analysis, at, at + 5, 'paragraph');
    }, 2_000);
    expect(ratio).toBeLessThan(6);
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

  it('--redact with many findings: each quoted original is masked in one pass (a search per original per finding was quadratic)', () => {
    let leaked = 0;
    const ratio = growth((n) => {
      const lines = Array.from({ length: n }, (_, i) => `Soita 040 ${String(1000000 + i).slice(1)} tai 050 ${String(2000000 + i).slice(1)}, Anna.`);
      const text = `Hei Anna,\n\n${lines.join('\n')}\n\nTerveisin\nLaura\n`;
      let offset = 'Hei Anna,\n\n'.length;
      const findings = lines.map((line, i) => {
        offset += i === 0 ? 0 : lines[i - 1]!.length + 1;
        return finding({ ruleId: 'content/x', offset, length: line.length, line: i + 3, actual: `${line} `, message: `Rivi ${i + 3}.` });
      });
      const result: FileResult = { path: 'a.txt', language: 'fi', channel: 'email', score: 0, bingo: { points: 0, squares: [] }, findings, suppressed: 0 };
      const out = redactReport({ results: [result], errors: [], summary: { files: 1, findings: n, errors: 0, warnings: n, infos: 0, suppressed: 0, score: 0 } }, new Map([['a.txt', text]]));
      leaked = out.report.results[0]!.findings.filter((f) => /040 \d|Anna/.test(f.message + f.actual)).length;
    }, 200);
    expect(leaked).toBe(0);
    expect(ratio).toBeLessThan(6);
  });
});
