/**
 * A lean unified parser plugin for Finnish and Swedish replies. It builds the
 * tree retext-latin builds (RootNode > ParagraphNode > SentenceNode >
 * WordNode(TextNode…) / WhiteSpaceNode / PunctuationNode / SymbolNode, exact
 * positions; `nlcst-to-string` gives back the input) in one pass over the text
 * and a few linear passes over its tokens, 3–4 times faster.
 *
 * Words are formed as parse-latin forms them: the same character classes and
 * the same joins ("www.elisa.fi", "anna@x.fi", "X:n", "kiitos.Tilaus",
 * "sähkö-", "km/h", "e.g."). Sentences end where parse-latin ends them,
 * except:
 *
 * - Paragraphs are blocks separated by blank (empty or whitespace-only) lines.
 *   retext also starts a paragraph after a sentence that ends a line.
 * - Finnish, Swedish and English abbreviations ("esim.", "kl.", "puh.",
 *   "t.ex.", "Mr.") do not end a sentence, even before a capital or a digit,
 *   and keep their full stop ("kl." in "kl. 14.30"). retext only knows single
 *   letters and a few Latin abbreviations. Abbreviations that end a list
 *   ("jne.", "yms.", "tms.", "ym.", "etc.", "osv.") end the sentence before a
 *   capital.
 * - A full stop after a number of one to three digits ends the sentence
 *   before a capital ("klo 10–16. Asentaja soittaa", "vecka 42. Klicka").
 *   retext reads every such number as an ordinal. Here the number is an
 *   ordinal only at the start of a line ("1. Kirjaudu sisään"), and "mm"
 *   after a number is the unit ("3 mm. De behöver bytas").
 * - A full stop, "!" or "?" directly followed by something other than a
 *   space or a capital does not end a sentence ("1.10.–30.11.").
 * - A full stop that ends a paragraph stays punctuation (retext joins it to
 *   the word when the next paragraph starts in lower case).
 * - Emoji standing after a sentence end stay with that sentence
 *   ("Kiitos! 😊 | Hei"); retext starts the next sentence with them.
 * - A variation selector stays with the character before it ("❤️" is one
 *   SymbolNode); retext makes a WordNode of U+FE0F.
 *
 * Nodes share their points, and a one-part word shares its position with its
 * text: treat positions as read-only. Sentence plugins registered for
 * retext-latin through `nlcst*Extensions` data are not run.
 */
import type { Processor } from 'unified';
import type { Paragraph, ParagraphContent, Root, Sentence, SentenceContent, Text, WhiteSpace, Word, WordContent } from 'nlcst';

type Position = NonNullable<Root['position']>;
type Point = Position['start'];

/** Registers the parser on a unified processor, as retext-latin does. */
export default function latinLite(this: Processor): undefined {
  this.parser = (doc: string) => parseLatinLite(String(doc));
}

// ---------------------------------------------------------------------------
// Character classes: parse-latin's, per UTF-16 code unit.

/** A merged token (removed from the list). */
const GONE = 0;
const WS = 1;
const PUNCT = 2;
const WORD = 3;
const SYM = 4;

const classes = new Uint8Array(0x10000);
const P_RE = /\p{P}/u;
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;

function computeClass(c: number): number {
  if ((c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) {
    return WS;
  }
  // Lone surrogates: emoji and other astral characters are symbols. So are
  // variation selectors on their own (after a character, they join its token).
  if ((c >= 0xd800 && c <= 0xdfff) || isSelector(c)) return SYM;
  const ch = String.fromCharCode(c);
  if (P_RE.test(ch)) {
    // Unicode punctuation that parse-latin counts as symbols: # % & * @ † ‡ ‰ ‱ ※ …
    if (c === 0x23 || c === 0x25 || c === 0x26 || c === 0x2a || c === 0x40 || c === 0x2020 || c === 0x2021 || c === 0x2030 || c === 0x2031 || c === 0x203b || c === 0x1b4e || c === 0x1b4f || c === 0x1b7f) return SYM;
    return PUNCT;
  }
  return WORD_RE.test(ch) ? WORD : SYM;
}

for (let c = 0; c < 0x250; c++) classes[c] = computeClass(c);

function classOf(c: number): number {
  const k = classes[c]!;
  return k !== 0 ? k : (classes[c] = computeClass(c));
}

/** Variation selectors: U+FE0F asks for the emoji form of "❤", "✔", "☀"… */
function isSelector(c: number): boolean {
  return c >= 0xfe00 && c <= 0xfe0f;
}

const LOWER_RE = /^\p{Ll}/u;
const UPPER_RE = /^[\p{Lu}\p{Lt}]/u;
const AFFIX_RE = /^[!"'.?\u2026\u203D\p{Pe}\p{Pf}]$/u;
const NUMERICAL_RE = /^\p{N}$/u;
const PICTO_RE = /^\p{Extended_Pictographic}/u;
const MARKS_RE = /^\p{M}+$/u;

function isLower(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  return LOWER_RE.test(text.slice(at, at + 2));
}

function isUpper(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return UPPER_RE.test(text.slice(at, at + 2));
}

function isTerminalChar(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x203d;
}

/** parse-latin's `wordSymbolInner`: the characters that join two words (or a run of "_"). */
function isInnerSymbolChar(c: number): boolean {
  return c === 0x26 || c === 0x27 || c === 0x2d || c === 0x2e || c === 0x3a || c === 0x3d || c === 0x3f || c === 0x40 || c === 0x5f || c === 0xad || c === 0xb7 || c === 0x2010 || c === 0x2011 || c === 0x2019 || c === 0x2027;
}

function isDigits(value: string, max: number): boolean {
  if (value.length === 0 || value.length > max) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Abbreviations

/** parse-latin's words before a full stop that never end a sentence: single letters and Latin abbreviations. */
const LATIN_PREFIX = /^(?:[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/;

/** Abbreviations (lower case, without the last full stop) after which a sentence goes on. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // Finnish
  'esim', 'ko', 'ao', 'em', 'mm', 'n', 'ns', 'ym', 'yms', 'jne', 't', 'tms', 'klo', 'puh', 'p', 'os', 'ks', 'huom', 's', 'v', 'vrt',
  // Swedish
  't.ex', 'bl.a', 'kl', 'ca', 'dvs', 'm.m', 'o.s.v', 'osv', 's.k', 'nr', 'tel', 'obs', 'resp', 'jfr', 'inkl', 'exkl',
  // English
  'e.g', 'i.e', 'etc', 'mr', 'mrs', 'dr',
]);

const MAX_ABBREVIATION = 5;

/** Abbreviations that end a list ("kuitit jne."): before a capital, the sentence ends with them. */
const LIST_ENDS: ReadonlySet<string> = new Set(['jne', 'yms', 'tms', 'ym', 'etc', 'osv']);

/** Abbreviations that are units after a number ("3 mm. De behöver"). */
const UNITS: ReadonlySet<string> = new Set(['mm']);

// ---------------------------------------------------------------------------
// Parser

/** Punctuation or symbol: what joins a word. */
type Mark = Extract<WordContent, { type: 'PunctuationNode' | 'SymbolNode' }>;

/** Parses Finnish or Swedish text into an nlcst tree (see the module comment). */
export function parseLatinLite(text: string): Root {
  return new LiteParser(text).parse();
}

/** Token arrays reused by parses of texts up to `SHARED_MAX` (a parse runs to its end synchronously). */
const SHARED_MAX = 1 << 20;
let shared = tokenArrays(4096);

function tokenArrays(size: number) {
  return { k: new Uint8Array(size), br: new Uint8Array(size), s: new Int32Array(size), e: new Int32Array(size) };
}

class LiteParser {
  /** Token kinds, line breaks (up to 255), start and end offsets, nodes; `n` tokens. */
  private readonly k: Uint8Array;
  private readonly br: Uint8Array;
  private readonly s: Int32Array;
  private readonly e: Int32Array;
  private readonly node: SentenceContent[] = [];
  private n = 0;

  constructor(private readonly text: string) {
    let arrays = shared;
    if (arrays.k.length <= text.length) {
      arrays = tokenArrays(Math.max(text.length + 1, arrays.k.length * 2));
      if (text.length < SHARED_MAX) shared = arrays;
    }
    ({ k: this.k, br: this.br, s: this.s, e: this.e } = arrays);
  }

  parse(): Root {
    const root: Root = { type: 'RootNode', children: [] };
    this.tokenize();
    if (this.n === 0) return root;
    const text = this.text;
    if (text.includes('&')) this.mergeAmpersands();
    if (text.includes('-')) this.mergeFinalHyphens();
    this.mergeInnerSymbols();
    if (text.includes('/')) this.mergeSlashes();
    if (text.includes('.')) this.mergeInitialisms();
    const { k, n, node } = this;
    let i = 0;
    while (i < n) {
      if (k[i] === WS) {
        root.children.push(node[i] as WhiteSpace);
        i++;
        continue;
      }
      // A paragraph runs to the next blank line, or to the white space ending the text.
      let end = i + 1;
      while (end < n && !(k[end] === WS && (end === n - 1 || this.br[end]! >= 2))) end++;
      root.children.push(this.paragraph(i, end));
      i = end;
    }
    root.position = { start: root.children[0]!.position!.start, end: root.children[root.children.length - 1]!.position!.end };
    return root;
  }

  // -- Tokens ---------------------------------------------------------------

  /** Runs of word characters, of white space, of one punctuation or symbol character (surrogates continue a run). */
  private tokenize(): void {
    const { text, k: kinds, br: breaks, s: starts, e: ends, node } = this;
    const length = text.length;
    let n = 0;
    let line = 1;
    let lineStart = 0;
    let start: Point = { line: 1, column: 1, offset: 0 };
    let i = 0;
    while (i < length) {
      let c = text.charCodeAt(i);
      const k = classOf(c);
      let j = i + 1;
      let lineBreaks = 0;
      if (k === WORD) {
        while (j < length && (classOf((c = text.charCodeAt(j))) === WORD || isSelector(c))) j++;
      } else if (k === WS) {
        // Line breaks: "\r\n", "\r" or "\n", as parse-latin counts them.
        let x = i;
        for (;;) {
          if (c === 0x0d) {
            line++;
            lineBreaks++;
            lineStart = x + 1;
          } else if (c === 0x0a) {
            if (x === 0 || text.charCodeAt(x - 1) !== 0x0d) {
              line++;
              lineBreaks++;
            }
            lineStart = x + 1;
          }
          if (++x >= length) break;
          c = text.charCodeAt(x);
          if (classOf(c) !== WS) break;
        }
        j = x;
      } else {
        while (j < length) {
          const d = text.charCodeAt(j);
          if (isSelector(d)) {
            j++;
            continue;
          }
          if ((d !== c && (d < 0xd800 || d > 0xdfff)) || classOf(d) !== k) break;
          c = d;
          j++;
        }
      }
      const end: Point = { line, column: j - lineStart + 1, offset: j };
      const value = text.slice(i, j);
      kinds[n] = k;
      breaks[n] = lineBreaks > 255 ? 255 : lineBreaks;
      starts[n] = i;
      ends[n] = j;
      const position: Position = { start, end };
      if (k === WORD) {
        const child: Text = { type: 'TextNode', value, position };
        node[n] = { type: 'WordNode', children: [child], position };
      } else {
        node[n] = { type: k === WS ? 'WhiteSpaceNode' : k === PUNCT ? 'PunctuationNode' : 'SymbolNode', value, position };
      }
      n++;
      start = end;
      i = j;
    }
    this.n = n;
  }

  private is(i: number, c: number): boolean {
    return this.e[i]! - this.s[i]! === 1 && this.text.charCodeAt(this.s[i]!) === c;
  }

  private isMark(i: number): boolean {
    return this.k[i] === PUNCT || this.k[i] === SYM;
  }

  private isTerminal(i: number): boolean {
    return this.k[i] === PUNCT && isTerminalChar(this.text.charCodeAt(this.s[i]!));
  }

  private value(i: number): string {
    return this.text.slice(this.s[i]!, this.e[i]!);
  }

  private move(from: number, to: number): void {
    this.k[to] = this.k[from]!;
    this.br[to] = this.br[from]!;
    this.s[to] = this.s[from]!;
    this.e[to] = this.e[from]!;
    this.node[to] = this.node[from]!;
  }

  /** Appends token `i` (a leaf or a word's children) to word `w`. */
  private append(w: number, i: number): void {
    const word = this.node[w] as Word;
    const other = this.node[i]!;
    if (other.type === 'WordNode') word.children.push(...other.children);
    else word.children.push(other as Mark);
    word.position = { start: word.position!.start, end: other.position!.end };
    this.e[w] = this.e[i]!;
  }

  /** Prepends leaf `i` to word `w`. */
  private prepend(w: number, i: number): void {
    const word = this.node[w] as Word;
    const leaf = this.node[i] as Mark;
    word.children.unshift(leaf);
    word.position = { start: leaf.position!.start, end: word.position!.end };
    this.s[w] = this.s[i]!;
  }

  private finish(w: number): void {
    this.n = w;
    this.node.length = w;
  }

  /** "&" before a word, and not after one, starts that word. */
  private mergeAmpersands(): void {
    const { k, n } = this;
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (this.isMark(i) && this.is(i, 0x26) && (w === 0 || k[w - 1] !== WORD) && i + 1 < n && k[i + 1] === WORD) {
        this.prepend(i + 1, i);
        continue;
      }
      if (w !== i) this.move(i, w);
      w++;
    }
    this.finish(w);
  }

  /** "-" after a word, and not before one, ends the word ("sähkö- ja"). */
  private mergeFinalHyphens(): void {
    const { k, n } = this;
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (w > 0 && k[w - 1] === WORD && this.isMark(i) && this.is(i, 0x2d) && !(i + 1 < n && k[i + 1] === WORD)) {
        this.append(w - 1, i);
        continue;
      }
      if (w !== i) this.move(i, w);
      w++;
    }
    this.finish(w);
  }

  private isInnerSymbol(i: number): boolean {
    const { text, s, e } = this;
    if (e[i]! - s[i]! === 1) return isInnerSymbolChar(text.charCodeAt(s[i]!));
    for (let x = s[i]!; x < e[i]!; x++) if (text.charCodeAt(x) !== 0x5f) return false;
    return true;
  }

  /** Inner symbols join words: "www.elisa.fi", "anna@x.fi", "X:n", "kiitos.Tilaus". */
  private mergeInnerSymbols(): void {
    const { k, n } = this;
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (w > 0 && k[w - 1] === WORD && this.isMark(i)) {
        let last = -1;
        for (let j = i; j < n; j++) {
          if (k[j] === WORD) last = j;
          else if (!this.isMark(j) || !this.isInnerSymbol(j)) break;
        }
        if (last !== -1) {
          for (let j = i; j <= last; j++) this.append(w - 1, j);
          i = last;
          continue;
        }
      }
      if (w !== i) this.move(i, w);
      w++;
    }
    this.finish(w);
  }

  /** "/" after a word of one or two characters, before another or none: "km/h", "Ab/Oy". */
  private mergeSlashes(): void {
    const { k, s, e, n } = this;
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (w > 0 && k[w - 1] === WORD && this.isMark(i) && this.is(i, 0x2f) && e[w - 1]! - s[w - 1]! < 3) {
        const nextWord = i + 1 < n && k[i + 1] === WORD;
        if (!nextWord || e[i + 1]! - s[i + 1]! < 3) {
          this.append(w - 1, i);
          if (nextWord) this.append(w - 1, ++i);
          continue;
        }
      }
      if (w !== i) this.move(i, w);
      w++;
    }
    this.finish(w);
  }

  /** Initialisms take their final full stop: "e.g.", "m.m.", "o.s.v.". */
  private mergeInitialisms(): void {
    const { k, n } = this;
    let w = 0;
    for (let i = 0; i < n; i++) {
      if (w > 0 && k[w - 1] === WORD && k[i] === PUNCT && this.is(i, 0x2e) && isInitialism(this.node[w - 1] as Word)) {
        this.append(w - 1, i);
        continue;
      }
      if (w !== i) this.move(i, w);
      w++;
    }
    this.finish(w);
  }

  // -- Paragraphs and sentences -----------------------------------------------

  private isEmoji(i: number): boolean {
    return this.k[i] === SYM && PICTO_RE.test(this.text.slice(this.s[i]!, this.s[i]! + 2));
  }

  /** Tokens `[first, end)` as a paragraph. */
  private paragraph(first: number, end: number): Paragraph {
    const bounds = mergeWordless(this.k, this.splitSentences(first, end));
    const children: ParagraphContent[] = [];
    for (let b = 0; b < bounds.length; b += 2) {
      if (b > 0) for (let i = bounds[b - 1]! + 1; i < bounds[b]!; i++) children.push(this.node[i] as WhiteSpace);
      children.push(this.sentence(bounds[b]!, bounds[b + 1]!, end));
    }
    return { type: 'ParagraphNode', children, position: span(children) };
  }

  /** Sentences of the paragraph `[first, end)`, as pairs of token indices `[start, last]`. */
  private splitSentences(first: number, end: number): number[] {
    const { k } = this;
    const bounds: number[] = [];
    let start = first;
    let i = first;
    while (i < end) {
      if (!this.isTerminal(i)) {
        i++;
        continue;
      }
      // A run of terminal marks ("?!", "!!!"), then closing marks ('."', ".)").
      let r = i;
      while (r + 1 < end && this.isTerminal(r + 1)) r++;
      const singleDot = r === i && this.is(i, 0x2e);
      let closed = false;
      while (r + 1 < end && this.isMark(r + 1) && AFFIX_RE.test(this.text.charAt(this.s[r + 1]!))) {
        r++;
        closed = true;
      }
      if (r + 1 >= end) break;
      if (singleDot && !closed && i > first && k[i - 1] === WORD && this.continuesAfter(i - 1, first, end)) {
        i = r + 1;
        continue;
      }
      const spaced = k[r + 1] === WS;
      const j = spaced ? r + 2 : r + 1;
      if (this.isEmoji(j)) {
        // Emoji standing after a sentence end stay with that sentence ("Kiitos! 😊").
        let last = j;
        for (;;) {
          const a = last + 1;
          if (a < end && k[a] === WORD && MARKS_RE.test(this.value(a))) last = a;
          else if (a < end && this.isEmoji(a)) last = a;
          else if (a + 1 < end && k[a] === WS && this.isEmoji(a + 1)) last = a + 1;
          else break;
        }
        if (last + 1 >= end) break;
        if (k[last + 1] === WS) {
          bounds.push(start, last);
          start = i = last + 2;
          continue;
        }
      }
      let boundary: boolean;
      if (!spaced) {
        // Unspaced, only a capital starts a sentence ("Kiitos!Hei", not "1.10.–30.11.").
        boundary = k[j] === WORD && isUpper(this.text, this.s[j]!);
      } else if (k[j] === WORD) {
        boundary = !isLower(this.text, this.s[j]!);
      } else {
        boundary = !this.is(j, 0x2c) && !this.is(j, 0x3b);
      }
      if (boundary) {
        bounds.push(start, r);
        start = i = j;
      } else {
        i = r + 1;
      }
    }
    if (start < end) bounds.push(start, end - 1);
    return bounds;
  }

  /** Whether a single full stop after word `w` leaves the sentence open: abbreviation, initial, list number. */
  private continuesAfter(w: number, first: number, end: number): boolean {
    if (this.e[w]! - this.s[w]! > MAX_ABBREVIATION) return false;
    const value = this.value(w).toLowerCase();
    if (isDigits(value, 3)) {
      // "1. Kirjaudu sisään" at the start of a line is a list marker.
      return w === first || (this.k[w - 1] === WS && this.br[w - 1]! > 0);
    }
    if (UNITS.has(value) && w - 2 >= first && this.k[w - 1] === WS && this.k[w - 2] === WORD) {
      const c = this.text.charCodeAt(this.e[w - 2]! - 1);
      if (c >= 0x30 && c <= 0x39) return false;
    }
    if (LIST_ENDS.has(value)) {
      // "kuitit jne. Lähetämme" ends a sentence; "jne. kaikki" does not.
      const next = this.k[w + 2] === WS ? w + 3 : w + 2;
      return !(next < end && this.k[next] === WORD && isUpper(this.text, this.s[next]!));
    }
    return ABBREVIATIONS.has(value) || LATIN_PREFIX.test(value);
  }


  /**
   * The sentence `[first, last]` of a paragraph ending before `end`. As
   * parse-latin's `mergeRemainingFullStops`, a full stop that does not end the
   * sentence joins the word before it ("ko.", "esim.", "Kiitos. tervetuloa"),
   * else the word after it (".5").
   */
  private sentence(first: number, last: number, end: number): Sentence {
    const { k, node } = this;
    let found = false;
    let merged = false;
    for (let i = last; i >= first; i--) {
      const kind = k[i];
      if (kind === WORD) found = true;
      if (!this.isTerminal(i)) continue;
      if (!found) {
        found = true;
        continue;
      }
      if (!this.is(i, 0x2e)) continue;
      const next = this.after(i, last);
      if (i > first && k[i - 1] === WORD) {
        // Not in "{.} .".
        const nextNext = next === -1 ? -1 : this.after(next, last);
        if (next !== -1 && k[next] === WS && nextNext !== -1 && this.text.slice(this.s[nextNext]!, this.e[nextNext]!) === '.') continue;
        this.append(i - 1, i);
        k[i] = GONE;
        merged = true;
      } else if (next !== -1 && k[next] === WORD) {
        this.prepend(next, i);
        k[i] = GONE;
        merged = true;
      }
    }
    if (last === end - 1 && this.attachFinalStop(first, last)) merged = true;
    let children: SentenceContent[];
    if (merged) {
      children = [];
      for (let i = first; i <= last; i++) if (k[i] !== GONE) children.push(node[i]!);
    } else {
      children = node.slice(first, last + 1);
    }
    return { type: 'SentenceNode', children, position: span(children) };
  }

  /** The next token still in the sentence. */
  private after(i: number, last: number): number {
    for (let j = i + 1; j <= last; j++) if (this.k[j] !== GONE) return j;
    return -1;
  }

  /**
   * parse-latin's `mergePrefixExceptions` at the end of a paragraph: the full
   * stop after a single letter or Latin abbreviation ("Matti V.") joins the
   * word when a word comes before the next sentence end, or nothing follows.
   */
  private attachFinalStop(first: number, last: number): boolean {
    const { k } = this;
    if (last - 1 < first || k[last] !== PUNCT || !this.is(last, 0x2e) || k[last - 1] !== WORD) return false;
    if (this.e[last - 1]! - this.s[last - 1]! > 4 || !LATIN_PREFIX.test(this.value(last - 1).toLowerCase())) return false;
    let joins = last === this.n - 1;
    for (let i = last + 1; i < this.n && !joins; i++) {
      if (k[i] === WORD) joins = true;
      else if (this.isTerminal(i)) break;
    }
    if (joins) {
      this.append(last - 1, last);
      k[last] = GONE;
    }
    return joins;
  }
}

/** parse-latin's `mergeInitialisms` test on a word's children: one character, ".", one character, …, not all digits. */
function isInitialism(word: Word): boolean {
  const parts: WordContent[] = word.children;
  if (parts.length === 1 || parts.length % 2 === 0) return false;
  let allDigits = true;
  for (let position = parts.length - 1; position >= 0; position--) {
    const value = parts[position]!.value;
    if (position % 2 === 0) {
      if (value.length > 1) return false;
      if (!NUMERICAL_RE.test(value)) allDigits = false;
    } else if (value !== '.') {
      if (position < parts.length - 2) break;
      return false;
    }
  }
  return !allDigits;
}

/** A sentence without words joins the previous sentence (the next one when it is first). */
function mergeWordless(k: Uint8Array, bounds: number[]): number[] {
  if (bounds.length <= 2) return bounds;
  const out: number[] = [];
  let carry = -1;
  for (let b = 0; b < bounds.length; b += 2) {
    const first = bounds[b]!;
    const last = bounds[b + 1]!;
    let words = false;
    for (let i = first; i <= last && !words; i++) words = k[i] === WORD;
    if (words) {
      out.push(carry === -1 ? first : carry, last);
      carry = -1;
    } else if (out.length > 0) {
      out[out.length - 1] = last;
    } else if (carry === -1) {
      carry = first;
    }
  }
  if (carry !== -1) out.push(carry, bounds[bounds.length - 1]!);
  return out;
}

function span(children: { position?: Position | undefined }[]): Position {
  return { start: children[0]!.position!.start, end: children[children.length - 1]!.position!.end };
}
