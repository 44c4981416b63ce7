/**
 * Macro collections: one YAML or JSON file holding many canned replies — a
 * list or a map of {title|name, body|text|content|comment} — and the exports
 * of helpdesk tools: Zendesk macros ({"macros": [{"title", "actions": [{"field":
 * "comment_value", "value"}]}]}) and Freshdesk canned responses ({"title",
 * "content_html"}). Every reply becomes one message, `file.yaml#<title>`,
 * linted as a template.
 *
 * Positions: a finding's offset is in the reply's text, and `locate(offset)`
 * maps it back to the line and column of the collection file. The mapping is
 * exact for YAML literal block scalars (`|`, `|-`, `|+`), plain and quoted
 * scalars and JSON strings (escapes such as `\n`, `\"`, `\u00e4` included):
 * each character of the reply is traced to the character (or escape) it came
 * from. For folded scalars (`>`) a line break of the file may be a space of
 * the reply; the mapping is exact when our folding reproduces the parser's
 * value, which it does for ordinary paragraphs, and approximate (right line,
 * column counted from the line's indentation) otherwise. An HTML body is
 * reduced to text; its characters map to the HTML they came from, and line
 * breaks made for tags (<p>, <br>, <li>) map to the tag.
 */
import type { Document, Node as YamlNode, Pair, Scalar, YAMLMap } from 'yaml';
import type { Fix } from '../types.js';
import { yaml } from './yaml.js';
import { fileOfPath } from './member-path.js';

export interface MacroOptions {
  /** Dot path to the list (or map) of replies: "macros", "data.items", "responses.0.list". Detected when absent. */
  list?: string;
  /** Dot path, inside an item, to its title (default: title, name, subject, raw_title, id, key). */
  title?: string;
  /** Dot path, inside an item, to its body (default: body, text, content, comment, reply, message, template, value; then *_html). */
  body?: string;
}

export type MacroMapping = 'exact' | 'approximate' | 'html';

export interface MacroMessage {
  /** "file.yaml#<title>", or "file.yaml#<n>" (1-based) for an untitled item; a repeated title gets " (2)", " (3)"… */
  path: string;
  /** The reply's text: the scalar's value, HTML reduced to text. */
  text: string;
  template: true;
  /** Line and column (1-based, UTF-16 code units) in the collection file of an offset in `text`. */
  locate(offset: number): { line: number; column: number };
  /** How exact `locate` is (see the module comment). */
  mapping: MacroMapping;
  meta?: { id?: string; subject?: string };
  /**
   * Offset in the collection file of an offset in `text`, where a fix can be
   * carried back (exact mappings of plain-text bodies only).
   */
  sourceOffset?(offset: number): number;
  /** Writes replacement text as the body's scalar style needs it (JSON/YAML escapes); null when it cannot be. */
  encode?(text: string): string | null;
}

export type MacroErrorCode = 'bad-json' | 'bad-yaml' | 'bad-record' | 'empty' | 'no-collection';

export interface MacroError {
  /** "file.yaml:LINE" for a parse error, "file.yaml#<item>" for an item, "file.yaml" for the whole file. */
  path: string;
  code: MacroErrorCode;
  detail?: Record<string, string | number>;
}

export interface MacroCollection {
  messages: MacroMessage[];
  errors: MacroError[];
}

/** Files read as collections: YAML and JSON (not JSON Lines, which input/jsonl.ts reads). */
export function isMacroCollectionPath(path: string): boolean {
  return /\.(ya?ml|json)$/i.test(fileOfPath(path));
}

const TITLE_KEYS = ['title', 'name', 'subject', 'raw_title', 'id', 'key'];
const BODY_KEYS = ['body', 'text', 'content', 'comment', 'reply', 'message', 'template', 'value', 'body_text', 'plain_body'];
const HTML_BODY_KEYS = ['body_html', 'html_body', 'content_html', 'html', 'comment_html'];
const LIST_KEYS = ['macros', 'canned_responses', 'responses', 'templates', 'replies', 'snippets', 'messages', 'items', 'entries', 'data', 'results'];
const ZENDESK_COMMENT = ['comment_value', 'comment_value_html'];


/** Reads a YAML or JSON collection of replies. Pure apart from loading the parser; never throws on bad input. */
export function readMacroCollection(path: string, text: string, options: MacroOptions = {}): MacroCollection {
  const Y = yaml();
  const errors: MacroError[] = [];
  const messages: MacroMessage[] = [];
  const isJson = /\.json$/i.test(path) || (!/\.ya?ml$/i.test(path) && /^\s*[[{]/.test(text));
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`; // keep offsets; the parser skips the space
  if (isJson) {
    try {
      JSON.parse(text);
    } catch (err) {
      const reason = (err as Error).message;
      const at = /position (\d+)/.exec(reason);
      const line = at ? lineOfOffset(text, Number(at[1])) : 1;
      errors.push({ path: `${path}:${line}`, code: 'bad-json', detail: { reason: reason.split('\n')[0]!.replace(/ in JSON at position \d+.*$/, '') } });
      return { messages, errors };
    }
  }
  const counter = new Y.LineCounter();
  const doc = Y.parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false }) as Document.Parsed;
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    errors.push({ path: `${path}:${counter.linePos(err.pos[0]).line}`, code: isJson ? 'bad-json' : 'bad-yaml', detail: { reason: err.message.split('\n')[0]! } });
    return { messages, errors };
  }
  const root = doc.contents as YamlNode | null;
  const items = collectItems(Y, root, options);
  if (!items) {
    errors.push({ path, code: 'no-collection', detail: { list: options.list ?? '' } });
    return { messages, errors };
  }
  const used = new Map<string, number>();
  for (const item of items) {
    const isMapItem = Y.isMap(item.node);
    const titleNode = isMapItem ? findField(Y, item.node as YAMLMap, options.title, TITLE_KEYS) : null;
    const title = (titleNode && scalarString(Y, titleNode)) || item.key || String(item.index + 1);
    let label = `${item.folder ? `${item.folder}/` : ''}${title.replace(/\s+/g, ' ').trim() || String(item.index + 1)}`;
    const seen = used.get(label) ?? 0;
    used.set(label, seen + 1);
    if (seen > 0) label = `${label} (${seen + 1})`;
    const memberPath = `${path}#${label}`;
    const body = isMapItem ? findBody(Y, item.node as YAMLMap, options.body) : Y.isScalar(item.node) ? { node: item.node as Scalar, html: false } : null;
    if (!body) {
      // A Zendesk macro that only sets fields (status, tags, group) has no reply to lint.
      if (isMapItem && Y.isSeq((item.node as YAMLMap).get('actions', true))) continue;
      errors.push({ path: memberPath, code: 'bad-record', detail: { field: options.body ?? 'body' } });
      continue;
    }
    const value = body.node.value;
    if (typeof value !== 'string') {
      errors.push({ path: memberPath, code: 'bad-record', detail: { field: options.body ?? 'body' } });
      continue;
    }
    const html = body.html || looksLikeHtml(value);
    const scalar = scalarMap(text, body.node);
    let bodyText = value;
    let map = scalar.map;
    let mapping: MacroMapping = scalar.exact ? 'exact' : 'approximate';
    if (html) {
      const stripped = htmlToText(value);
      bodyText = stripped.text;
      map = stripped.map.map((i) => scalar.map[i]!);
      mapping = scalar.exact ? 'html' : 'approximate';
    }
    if (bodyText.trim() === '') {
      errors.push({ path: memberPath, code: 'empty' });
      continue;
    }
    const message: MacroMessage = {
      path: memberPath,
      text: bodyText,
      template: true,
      mapping,
      locate(offset: number) {
        const pos = counter.linePos(map[clamp(offset, 0, map.length - 1)]!);
        return { line: pos.line, column: pos.col };
      },
    };
    if (mapping === 'exact') {
      message.sourceOffset = (offset: number) => map[clamp(offset, 0, map.length - 1)]!;
      message.encode = encoderFor(body.node, scalar.indent);
    }
    const idNode = isMapItem ? (item.node as YAMLMap).get('id', true) : undefined;
    const id = idNode ? scalarString(Y, idNode as YamlNode) : undefined;
    if (id) message.meta = { id };
    messages.push(message);
  }
  if (messages.length === 0 && errors.length === 0) errors.push({ path, code: 'empty' });
  return { messages, errors };
}

/**
 * A fix in a member's text as a fix in the collection file, or null when it
 * cannot be carried back (an HTML or approximately mapped body, a replacement
 * the scalar style cannot hold).
 */
export function toSourceFix(message: MacroMessage, fix: Fix): Fix | null {
  if (!message.sourceOffset || !message.encode) return null;
  const text = message.encode(fix.text);
  if (text === null) return null;
  const start = message.sourceOffset(fix.offset);
  const end = fix.length === 0 ? start : message.sourceOffset(fix.offset + fix.length);
  return { offset: start, length: end - start, text };
}

type Y = typeof import('yaml');

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function scalarString(Y: Y, node: YamlNode | null | undefined): string | undefined {
  if (!node || !Y.isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' ? String(v) : undefined;
}

function getPath(Y: Y, node: YamlNode | null | undefined, path: string): YamlNode | null {
  let cur: YamlNode | null | undefined = node;
  for (const part of path.split('.').filter((p) => p !== '')) {
    if (Y.isMap(cur)) cur = cur.get(part, true) as YamlNode | undefined;
    else if (Y.isSeq(cur) && /^\d+$/.test(part)) cur = cur.get(Number(part), true) as YamlNode | undefined;
    else return null;
  }
  return cur ?? null;
}

interface Item {
  /** The key of a map entry (its title when the entry has none). */
  key?: string;
  node: YamlNode | null;
  /** Position in its list (0-based). */
  index: number;
  /** The folder's title, for replies grouped in folders. */
  folder?: string;
}

/**
 * The replies of a collection: the list at `options.list`; or a top-level
 * list; or the first list under a known key (macros, canned_responses,
 * responses, templates…); or one reply (an object with a body); or a map of
 * `Title: body` / `Title: {body: …}`. Items of a list that are folders (no
 * body, a list of replies under a known key) are opened.
 */
function collectItems(Y: Y, root: YamlNode | null, options: MacroOptions): Item[] | null {
  let collection: YamlNode | null = null;
  if (options.list !== undefined) {
    collection = getPath(Y, root, options.list);
    if (!Y.isSeq(collection) && !Y.isMap(collection)) return null;
  } else if (Y.isSeq(root)) collection = root;
  else if (Y.isMap(root)) {
    for (const key of LIST_KEYS) {
      const node = root.get(key, true) as YamlNode | undefined;
      if (Y.isSeq(node)) {
        collection = node;
        break;
      }
    }
    if (!collection) {
      if (findBody(Y, root, options.body)) return [{ node: root, index: 0 }];
      const values = root.items.map((p) => p.value as YamlNode | null);
      if (values.length > 0 && values.every((v) => (Y.isScalar(v) && typeof v.value === 'string') || Y.isMap(v))) collection = root;
    }
  }
  if (Y.isSeq(collection)) {
    return collection.items.flatMap((node, index): Item[] => {
      if (options.list === undefined && Y.isMap(node) && !findBody(Y, node, options.body)) {
        for (const key of LIST_KEYS) {
          const child = node.get(key, true) as YamlNode | undefined;
          if (!Y.isSeq(child)) continue;
          const folder = scalarString(Y, findField(Y, node, options.title, TITLE_KEYS)) ?? String(index + 1);
          return child.items.map((n, j) => ({ node: n as YamlNode | null, index: j, folder }));
        }
      }
      return [{ node: node as YamlNode | null, index }];
    });
  }
  if (Y.isMap(collection)) {
    return collection.items.map((pair: Pair, index): Item => {
      const key = scalarString(Y, pair.key as YamlNode);
      return { ...(key !== undefined ? { key } : {}), node: pair.value as YamlNode | null, index };
    });
  }
  return null;
}

function findField(Y: Y, item: YAMLMap, path: string | undefined, keys: string[]): YamlNode | null {
  if (path !== undefined) return getPath(Y, item, path);
  for (const key of keys) {
    const node = item.get(key, true) as YamlNode | undefined;
    if (Y.isScalar(node) && node.value !== null && node.value !== '') return node;
  }
  return null;
}

function findBody(Y: Y, item: YAMLMap, path: string | undefined, depth = 0): { node: Scalar; html: boolean } | null {
  if (path !== undefined) {
    const node = getPath(Y, item, path);
    return Y.isScalar(node) ? { node, html: /html/i.test(path) } : null;
  }
  // Zendesk: the reply is the action that sets the comment.
  const actions = item.get('actions', true) as YamlNode | undefined;
  if (Y.isSeq(actions)) {
    for (const field of ZENDESK_COMMENT) {
      for (const action of actions.items) {
        if (!Y.isMap(action) || action.get('field') !== field) continue;
        let value = action.get('value', true) as YamlNode | undefined;
        // The value may be ["channel:all", "text"]: the text is the last string.
        if (Y.isSeq(value)) value = [...value.items].reverse().find((v) => Y.isScalar(v) && typeof v.value === 'string') as YamlNode | undefined;
        if (Y.isScalar(value) && typeof value.value === 'string') return { node: value, html: field.endsWith('_html') };
      }
    }
    return null;
  }
  for (const [keys, html] of [
    [BODY_KEYS, false],
    [HTML_BODY_KEYS, true],
  ] as const) {
    for (const key of keys) {
      const node = item.get(key, true) as YamlNode | undefined;
      if (Y.isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return { node, html };
      // {"comment": {"body": …, "html_body": …}}
      if (Y.isMap(node) && depth === 0) {
        const inner = findBody(Y, node, undefined, 1);
        if (inner) return inner;
      }
    }
  }
  return null;
}

function looksLikeHtml(value: string): boolean {
  return /<(p|div|br|span|ul|ol|li|table|tr|td|strong|b|em|i|a|h[1-6]|blockquote)\b[^<>]*\/?>/i.test(value);
}

// ---------------------------------------------------------------------------
// Scalar source maps: map[i] is the file offset of the character i of the
// scalar's value; map[value.length] is the offset just past the value.

interface ScalarMap {
  map: number[];
  exact: boolean;
  /** Indentation of a block scalar's content (for encoding replacements with line breaks). */
  indent: number;
}

type ScalarType = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

function scalarMap(src: string, node: Scalar): ScalarMap {
  const value = String(node.value);
  const range = node.range!;
  const type = (node.type ?? 'PLAIN') as ScalarType;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') return blockMap(src, range[0], range[1], value, type === 'BLOCK_FOLDED');
  const quoted = type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE';
  const start = quoted ? range[0] + 1 : range[0];
  const end = quoted ? range[1] - 1 : range[1];
  const decoded = flowDecode(src, start, end, type === 'QUOTE_DOUBLE' ? 'double' : type === 'QUOTE_SINGLE' ? 'single' : 'plain');
  if (decoded.text === value) return { map: decoded.map, exact: true, indent: 0 };
  // Approximate: the value laid over the source from its start.
  return { map: Array.from({ length: value.length + 1 }, (_, i) => Math.min(start + i, end)), exact: false, indent: 0 };
}

interface Line {
  start: number;
  /** End of the line's text (before "\r\n" or "\n"). */
  end: number;
  /** Offset of the line break, or -1 for a last line without one. */
  brk: number;
}

function linesOf(src: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    if (src.charCodeAt(i) === 10) {
      const e = i > s && src.charCodeAt(i - 1) === 13 ? i - 1 : i;
      lines.push({ start: s, end: e, brk: e });
      s = i + 1;
    }
  }
  if (s < end) lines.push({ start: s, end, brk: -1 });
  return lines;
}

function blockMap(src: string, rangeStart: number, rangeEnd: number, value: string, folded: boolean): ScalarMap {
  const nl = src.indexOf('\n', rangeStart);
  const header = src.slice(rangeStart, nl < 0 ? rangeEnd : nl).replace(/\s+#.*$/, '').trim();
  const chomp = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
  const explicit = Number(/[1-9]/.exec(header)?.[0] ?? 0);
  const contentStart = nl < 0 ? rangeEnd : nl + 1;
  const lines = linesOf(src, contentStart, Math.max(contentStart, rangeEnd));
  const firstText = lines.find((l) => src.slice(l.start, l.end).trim() !== '');
  const auto = firstText ? /^ */.exec(src.slice(firstText.start, firstText.end))![0].length : 0;
  const candidates = explicit ? Array.from({ length: auto - explicit + 1 }, (_, i) => explicit + i).filter((n) => n >= 0).reverse() : [auto];
  if (candidates.length === 0) candidates.push(auto);
  for (const indent of candidates) {
    const decoded = folded ? foldedDecode(src, lines, indent, chomp) : literalDecode(src, lines, indent, chomp);
    if (decoded.text === value) return { map: decoded.map, exact: true, indent };
  }
  // Approximate: line k of the value on the k-th content line, at the same column after the indentation.
  const map: number[] = [];
  let line = 0;
  let col = 0;
  const textLines = lines.length > 0 ? lines : [{ start: contentStart, end: contentStart, brk: -1 }];
  for (let i = 0; i <= value.length; i++) {
    const l = textLines[Math.min(line, textLines.length - 1)]!;
    map.push(Math.min(l.start + auto + col, l.end));
    if (value.charCodeAt(i) === 10) {
      line++;
      col = 0;
    } else col++;
  }
  return { map, exact: false, indent: auto };
}

function chompTail(src: string, lines: Line[], lastText: number, chomp: 'strip' | 'clip' | 'keep', out: string[], map: number[]): void {
  if (lastText < 0) {
    // No text at all: "keep" keeps the breaks, the others give "".
    if (chomp === 'keep') for (const l of lines) if (l.brk >= 0) { out.push('\n'); map.push(l.brk); }
    return;
  }
  if (chomp === 'strip') return;
  const last = lines[lastText]!;
  if (last.brk < 0) return;
  out.push('\n');
  map.push(last.brk);
  if (chomp === 'keep') for (const l of lines.slice(lastText + 1)) if (l.brk >= 0) { out.push('\n'); map.push(l.brk); }
}

function literalDecode(src: string, lines: Line[], indent: number, chomp: 'strip' | 'clip' | 'keep'): { text: string; map: number[] } {
  const out: string[] = [];
  const map: number[] = [];
  let lastText = -1;
  lines.forEach((l, i) => {
    if (src.slice(l.start, l.end).trim() !== '') lastText = i;
  });
  for (let i = 0; i <= lastText; i++) {
    const l = lines[i]!;
    for (let p = l.start + indent; p < l.end; p++) {
      out.push(src[p]!);
      map.push(p);
    }
    if (i < lastText) {
      out.push('\n');
      map.push(l.brk);
    }
  }
  chompTail(src, lines, lastText, chomp, out, map);
  map.push(map.length > 0 ? map[map.length - 1]! + 1 : (lines[0]?.start ?? 0));
  return { text: out.join(''), map };
}

function foldedDecode(src: string, lines: Line[], indent: number, chomp: 'strip' | 'clip' | 'keep'): { text: string; map: number[] } {
  const out: string[] = [];
  const map: number[] = [];
  const content = (l: Line) => src.slice(Math.min(l.start + indent, l.end), l.end);
  const isText = (l: Line) => src.slice(l.start, l.end).trim() !== '';
  const moreIndented = (l: Line) => /^[ \t]/.test(content(l));
  let lastText = -1;
  lines.forEach((l, i) => {
    if (isText(l)) lastText = i;
  });
  let prev = -1;
  for (let i = 0; i <= lastText; i++) {
    const l = lines[i]!;
    if (!isText(l)) continue;
    const empties = lines.slice(prev + 1, i);
    if (prev < 0) {
      for (const e of empties) { out.push('\n'); map.push(e.brk); }
    } else {
      const p = lines[prev]!;
      if (!moreIndented(p) && !moreIndented(l)) {
        if (empties.length === 0) { out.push(' '); map.push(p.brk); }
        else for (const e of empties) { out.push('\n'); map.push(e.brk); }
      } else {
        out.push('\n');
        map.push(p.brk);
        for (const e of empties) { out.push('\n'); map.push(e.brk); }
      }
    }
    for (let q = l.start + indent; q < l.end; q++) {
      out.push(src[q]!);
      map.push(q);
    }
    prev = i;
  }
  chompTail(src, lines, lastText, chomp, out, map);
  map.push(map.length > 0 ? map[map.length - 1]! + 1 : (lines[0]?.start ?? 0));
  return { text: out.join(''), map };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  '\t': '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '"': '"',
  '\\': '\\',
  '/': '/',
  '0': '\0',
  a: '\x07',
  v: '\v',
  e: '\x1b',
  ' ': ' ',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/**
 * Decodes a flow scalar (plain, 'single', "double" — JSON strings are double)
 * from its source, recording where each character came from: escapes map to
 * their backslash, folded line breaks to the break.
 */
function flowDecode(src: string, start: number, end: number, style: 'plain' | 'single' | 'double'): { text: string; map: number[] } {
  const out: string[] = [];
  const map: number[] = [];
  /** Length of `out` before trailing unescaped white space (trimmed at a line break). */
  let solidEnd = 0;
  let i = start;
  const isBreak = (c: string | undefined) => c === '\n' || c === '\r';
  while (i < end) {
    const c = src[i]!;
    if (isBreak(c)) {
      out.length = solidEnd;
      map.length = solidEnd;
      const brk = i;
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      const empties: number[] = [];
      for (;;) {
        while (i < end && (src[i] === ' ' || src[i] === '\t')) i++;
        if (i < end && isBreak(src[i])) {
          empties.push(i);
          i += src[i] === '\r' && src[i + 1] === '\n' ? 2 : 1;
        } else break;
      }
      if (empties.length === 0) { out.push(' '); map.push(brk); }
      else for (const e of empties) { out.push('\n'); map.push(e); }
      solidEnd = out.length;
      continue;
    }
    if (style === 'double' && c === '\\') {
      const n = src[i + 1];
      if (isBreak(n)) {
        // An escaped line break joins the lines; the next line's indentation goes.
        i += 1 + (n === '\r' && src[i + 2] === '\n' ? 2 : 1);
        while (i < end && (src[i] === ' ' || src[i] === '\t')) i++;
        solidEnd = out.length;
        continue;
      }
      let decoded: string | undefined;
      let len = 2;
      if (n !== undefined && n in SIMPLE_ESCAPES) decoded = SIMPLE_ESCAPES[n];
      else if (n === 'x' || n === 'u' || n === 'U') {
        const digits = n === 'x' ? 2 : n === 'u' ? 4 : 8;
        const hex = src.slice(i + 2, i + 2 + digits);
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === digits) {
          decoded = String.fromCodePoint(parseInt(hex, 16));
          len = 2 + digits;
        }
      }
      if (decoded === undefined) {
        out.push(c);
        map.push(i);
        i++;
        solidEnd = out.length;
        continue;
      }
      for (const unit of splitUnits(decoded)) { out.push(unit); map.push(i); }
      i += len;
      solidEnd = out.length;
      continue;
    }
    if (style === 'single' && c === "'" && src[i + 1] === "'") {
      out.push("'");
      map.push(i);
      i += 2;
      solidEnd = out.length;
      continue;
    }
    out.push(c);
    map.push(i);
    i++;
    if (c !== ' ' && c !== '\t') solidEnd = out.length;
  }
  if (style === 'plain') {
    out.length = solidEnd;
    map.length = solidEnd;
    map.push(map.length > 0 ? map[map.length - 1]! + 1 : start);
  } else map.push(end); // just before the closing quote
  return { text: out.join(''), map };
}

/** UTF-16 code units of a string, each as a string (a \U escape may give two). */
function splitUnits(s: string): string[] {
  return s.length === 1 ? [s] : Array.from({ length: s.length }, (_, k) => s[k]!);
}

function encoderFor(node: Scalar, indent: number): (text: string) => string | null {
  switch (node.type) {
    case 'QUOTE_DOUBLE':
      return (text) => JSON.stringify(text).slice(1, -1);
    case 'QUOTE_SINGLE':
      return (text) => (/[\n\r]/.test(text) ? null : text.replace(/'/g, "''"));
    case 'BLOCK_LITERAL':
      return (text) => (/\r/.test(text) ? null : text.replace(/\n/g, `\n${' '.repeat(indent)}`));
    case 'BLOCK_FOLDED':
      return (text) => (/[\n\r]/.test(text) ? null : text);
    default:
      // A plain scalar cannot take ": ", " #", or a line break.
      return (text) => (/[\n\r]|: |:$| #|^[#&*!|>'"%@`]/.test(text) ? null : text);
  }
}

// ---------------------------------------------------------------------------
// HTML to text, keeping where each character came from.

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  auml: 'ä', ouml: 'ö', aring: 'å', Auml: 'Ä', Ouml: 'Ö', Aring: 'Å', uuml: 'ü', Uuml: 'Ü',
  eacute: 'é', Eacute: 'É', egrave: 'è', aacute: 'á', oslash: 'ø', Oslash: 'Ø', aelig: 'æ', AElig: 'Æ',
  euro: '€', pound: '£', copy: '©', reg: '®', trade: '™', deg: '°', sect: '§', middot: '·', bull: '•',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„',
  laquo: '«', raquo: '»', times: '×', minus: '−', zwnj: '\u200c', zwj: '\u200d',
};

const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'tr', 'blockquote', 'pre', 'hr', 'section', 'article', 'header', 'footer', 'address', 'dl', 'dt', 'dd', 'figure', 'form', 'fieldset']);
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'pre', 'hr']);

/**
 * HTML reduced to the text a reader sees: tags dropped, block elements and
 * <br> as line breaks (a blank line between paragraphs), list items as "- ",
 * white space collapsed as a browser does, entities decoded. `map[i]` is the
 * index in `html` of the text's character i.
 */
export function htmlToText(html: string): { text: string; map: number[] } {
  const out: string[] = [];
  const map: number[] = [];
  let pendingBreak = 0; // 0 none, 1 line break, 2 blank line
  let breakAt = 0;
  let pendingSpace = -1;
  let pre = 0;
  const requestBreak = (level: number, at: number) => {
    if (level > pendingBreak) {
      pendingBreak = level;
      breakAt = at;
    }
    pendingSpace = -1;
  };
  const emit = (ch: string, at: number) => {
    if (pendingBreak > 0 && out.length > 0) {
      while (out.length > 0 && out[out.length - 1] === ' ') { out.pop(); map.pop(); }
      let have = 0;
      for (let k = out.length - 1; k >= 0 && out[k] === '\n'; k--) have++;
      for (let k = have; k < pendingBreak; k++) { out.push('\n'); map.push(breakAt); }
    } else if (pendingSpace >= 0 && out.length > 0 && out[out.length - 1] !== '\n') {
      out.push(' ');
      map.push(pendingSpace);
    }
    pendingBreak = 0;
    pendingSpace = -1;
    out.push(ch);
    map.push(at);
  };
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      if (html.startsWith('<!--', i)) {
        const close = html.indexOf('-->', i + 4);
        i = close < 0 ? html.length : close + 3;
        continue;
      }
      const m = /^<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/.exec(html.slice(i, i + 2000));
      if (m) {
        const name = m[1]!.toLowerCase();
        const closing = m[0][1] === '/';
        if (!closing && (name === 'script' || name === 'style')) {
          const close = html.toLowerCase().indexOf(`</${name}`, i);
          const gt = close < 0 ? -1 : html.indexOf('>', close);
          i = gt < 0 ? html.length : gt + 1;
          continue;
        }
        if (name === 'br') requestBreak(pendingBreak === 1 ? 2 : 1, i);
        else if (name === 'li') {
          if (!closing) {
            requestBreak(1, i);
            emit('-', i);
            pendingSpace = i;
          } else requestBreak(1, i);
        } else if (PARAGRAPH_TAGS.has(name)) requestBreak(2, i);
        else if (BLOCK_TAGS.has(name)) requestBreak(1, i);
        else if (name === 'td' || name === 'th') {
          if (closing) pendingSpace = i;
        }
        if (name === 'pre') pre += closing ? -1 : 1;
        i += m[0].length;
        continue;
      }
    }
    if (c === '&') {
      const m = /^&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/.exec(html.slice(i, i + 40));
      if (m) {
        const ref = m[1]!;
        const decoded = ref[0] === '#' ? safeCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)) : ENTITIES[ref];
        if (decoded !== undefined) {
          for (const unit of splitUnits(decoded)) {
            if (unit === '\u00a0' || unit === '\u00ad' || unit === '\u200c' || unit === '\u200d') {
              if (unit === '\u00a0') emit(unit, i);
              continue;
            }
            emit(unit, i);
          }
          i += m[0].length;
          continue;
        }
      }
    }
    if (/\s/.test(c) && c !== '\u00a0') {
      if (pre > 0 && c === '\n') requestBreak(1, i);
      else if (pendingSpace < 0 && pendingBreak === 0) pendingSpace = i;
      i++;
      continue;
    }
    emit(c, i);
    i++;
  }
  map.push(html.length);
  return { text: out.join(''), map };
}

function safeCodePoint(cp: number): string | undefined {
  if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return String.fromCodePoint(cp);
}
