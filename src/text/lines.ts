/**
 * Line breaks as editors count them: "\n", "\r\n" and a lone "\r" (old Mac
 * files, some exports) each end a line. Every position the tool reports goes
 * through here, so a CR-only file is reported line by line, not all on line 1.
 */
function isBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}

/** Maps UTF-16 offsets to 1-based line and column, the way editors count. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (isBreak(text, i)) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

export interface Line {
  /** 0-based index. */
  index: number;
  start: number;
  /** Offset of the line's end, before "\r\n", "\n" or a lone "\r". */
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || isBreak(text, i)) {
      let end = i;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      lines.push({ index: lines.length, start, end, text: text.slice(start, end) });
      start = i + 1;
    }
  }
  return lines;
}

/**
 * A span made safe to report: inside the text, and never starting or ending
 * between the two halves of a surrogate pair (an emoji, a rare letter), where
 * an editor, SARIF viewer or GitHub annotation would show half a character.
 */
export function safeSpan(text: string, offset: number, length: number): { offset: number; length: number } {
  const from = Math.trunc(offset) || 0;
  let start = Math.min(Math.max(0, from), text.length);
  let end = Math.min(Math.max(start, from + (Math.trunc(length) || 0)), text.length);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  if (end > 0 && end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  return { offset: start, length: end - start };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
