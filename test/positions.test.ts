import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/linter.js';
import { LineIndex, safeSpan, splitLines } from '../src/text/lines.js';
import type { Finding } from '../src/types.js';

function find(findings: Finding[], ruleId: string): Finding {
  const f = findings.find((x) => x.ruleId === ruleId);
  expect(f, ruleId).toBeDefined();
  return f!;
}

/** Every finding's span is inside the text, on whole characters, and its line/column agree with the offset. */
function expectSane(text: string, findings: Finding[]) {
  const index = new LineIndex(text);
  for (const f of findings) {
    expect(f.offset, f.ruleId).toBeGreaterThanOrEqual(0);
    expect(f.offset + f.length, f.ruleId).toBeLessThanOrEqual(text.length);
    expect(f.column, f.ruleId).toBeGreaterThanOrEqual(1);
    expect(f.actual).toBe(text.slice(f.offset, f.offset + f.length));
    const low = (i: number) => text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
    expect(low(f.offset) && f.offset > 0 && text.charCodeAt(f.offset - 1) >= 0xd800 && text.charCodeAt(f.offset - 1) <= 0xdbff, `${f.ruleId} starts on a low surrogate`).toBe(false);
    expect(index.position(f.offset)).toEqual({ line: f.line, column: f.column });
  }
}

describe('positions (issue 11, item 8)', () => {
  it('greeting/missing on a first line with a double space or a tab: a real span, not offset -1 / column 0', () => {
    for (const text of ['Tilauksesi  on lähetetty tänään.\n\nTerveisin\nLaura', 'Tilauksesi\ton lähetetty tänään.\n\nTerveisin\nLaura']) {
      const r = lintText(text, { lang: 'fi' });
      const f = find(r.findings, 'greeting/missing');
      expect(f.offset).toBe(0);
      expect(f.column).toBe(1);
      expect(f.actual).toBe(text.split('\n')[0]);
      expectSane(text, r.findings);
    }
  });

  it('greeting/missing when the first line is not at offset 0 starts on that line, not on the newline before it', () => {
    const text = '\n\n  Paketti  lähti\tmatkaan eilen.\n\nTerveisin\nLaura';
    const r = lintText(text, { lang: 'fi' });
    const f = find(r.findings, 'greeting/missing');
    expect(f.line).toBe(3);
    expect(f.column).toBe(3);
    expect(f.actual).toBe('Paketti  lähti\tmatkaan eilen.');
    expectSane(text, r.findings);
  });

  it('channel/length never starts a span on a lone low surrogate', () => {
    // Emoji push the SMS into UCS-2: the cut lands inside a surrogate pair for some lengths.
    for (let pad = 0; pad < 12; pad++) {
      const text = `Hei Anna, ${'x'.repeat(pad)}${'kiitos 😊 '.repeat(30)}\nTerveisin Laura`;
      const r = lintText(text, { lang: 'fi', channel: 'sms' });
      find(r.findings, 'channel/length');
      expectSane(text, r.findings);
    }
  });

  it('a CR-only file is reported line by line', () => {
    const text = 'Hei Anna,\r\rÄlä epäröi ottaa yhteyttä.\r\rTerveisin\rLaura';
    const r = lintText(text, { lang: 'fi' });
    const f = find(r.findings, 'phrase/calque');
    expect(f.line).toBe(3);
    expect(f.column).toBe(1);
    // The greeting on line 1 is seen as a greeting: the anatomy splits CR lines too.
    expect(r.findings.some((x) => x.ruleId === 'greeting/missing')).toBe(false);
    expectSane(text, r.findings);
  });

  it('LineIndex and splitLines agree on \\n, \\r\\n and lone \\r', () => {
    const text = 'a\nb\r\nc\rd';
    expect(splitLines(text).map((l) => l.text)).toEqual(['a', 'b', 'c', 'd']);
    const index = new LineIndex(text);
    for (const l of splitLines(text)) expect(index.position(l.start)).toEqual({ line: l.index + 1, column: 1 });
  });

  it('safeSpan clamps to the text and keeps surrogate pairs whole', () => {
    const t = 'a😊b';
    expect(safeSpan(t, -1, 2)).toEqual({ offset: 0, length: 1 });
    expect(safeSpan(t, 2, 2)).toEqual({ offset: 1, length: 3 });
    expect(safeSpan(t, 1, 1)).toEqual({ offset: 1, length: 2 });
    expect(safeSpan(t, 10, 3)).toEqual({ offset: 4, length: 0 });
  });
});
