/**
 * Shared pieces of the archive readers (eml, mbox, CSV): the error codes they
 * report, the extra message fields they fill in, HTML to text, the legacy
 * encodings (Windows-1252 repairs) and the checks that keep mojibake out of
 * the linter.
 */
import { compile } from 'html-to-text';
// iconv-lite comes with mailparser (libmime decodes with it); used here for Windows-1252 files.
import iconv from 'iconv-lite';
import type { Channel, InputErrorCode, Message, MessageMeta } from '../types.js';

/** Why an archive member could not be linted (worded in report/i18n.ts). */
export type ArchiveErrorCode = InputErrorCode;

export interface ArchiveError {
  path: string;
  code: ArchiveErrorCode;
  detail?: Record<string, string | number>;
}

/** What the archive readers put in `Message.meta`. */
export type ArchiveMeta = MessageMeta;

/** A message from an archive; `channel` only when the source says it. */
export type ArchiveMessage = Omit<Message, 'channel' | 'meta'> & { channel?: Channel; meta?: ArchiveMeta };

export type ArchiveItem = { message: ArchiveMessage } | { error: ArchiveError };


// ---------------------------------------------------------------------------
// Windows-1252

/** Windows-1252 characters for the bytes 0x80–0x9F (undefined ones stay as they are). */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Maps C1 controls (U+0080–U+009F) through the Windows-1252 table: text that
 * was labelled ISO-8859-1 (or decoded by a TextDecoder with the Node ≥20.18
 * windows-1252 regression) but written on Windows. The five bytes Windows-1252
 * leaves undefined stay C1 controls and are caught by `misdecoded`.
 */
export function fixC1(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Bytes as Windows-1252 (the WHATWG reading of "latin1"/"iso-8859-1" too). */
export function decodeCp1252(bytes: Uint8Array): string {
  return fixC1(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * A whole file as text whatever it was saved as: UTF-16 with a BOM, UTF-8 with
 * or without a BOM, else Windows-1252 (Excel's "CSV" in Finnish and Swedish
 * Windows). Windows-1252 decodes every byte, so `binary` is the only refusal.
 */
export function decodeSniffed(bytes: Uint8Array): { text: string; encoding: TextEncodingName } | { error: 'binary' } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.subarray(0, 8192).includes(0)) return { error: 'binary' };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    if (isUtf8(rest)) return { text: utf8Fatal.decode(rest), encoding: 'utf-8-bom' };
  } else if (isUtf8(bytes)) return { text: utf8Fatal.decode(bytes), encoding: 'utf-8' };
  return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252'), encoding: 'windows-1252' };
}

// ---------------------------------------------------------------------------
// Checks on decoded text

/** What a UTF-8 continuation byte (0x80–0xBF) becomes when read as Windows-1252 or Latin-1. */
const CONTINUATION = '\\u0080-\\u00bf\\u20ac\\u201a\\u0192\\u201e\\u2026\\u2020\\u2021\\u02c6\\u2030\\u0160\\u2039\\u0152\\u017d\\u2018\\u2019\\u201c\\u201d\\u2022\\u2013\\u2014\\u02dc\\u2122\\u0161\\u203a\\u0153\\u017e\\u0178';

/**
 * UTF-8 read as Windows-1252/Latin-1: "Ã¤" for ä, "Ã¶" for ö, "Ã…" for Å,
 * "Â " for a no-break space, "â‚¬" for €, "â€“" for –, "â€™" for ’. Ã and Â
 * followed by what a continuation byte becomes do not occur in Finnish or
 * Swedish (nor does â followed by € or ‚).
 */
const MOJIBAKE = new RegExp(`[\\u00c2\\u00c3][${CONTINUATION}]|\\u00e2[\\u20ac\\u201a][${CONTINUATION}]`);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes of a UTF-8 (or ASCII) body decoded as UTF-16 because of a wrong
 * charset label: every two letters become one CJK-looking character ("Hei
 * Anna" → "效⁩湁慮"). The text is mostly characters past U+00FF, and its own
 * UTF-16 bytes, read as UTF-8, are valid text with spaces between Latin
 * words. Real Chinese or Japanese text fails that: its UTF-16 bytes are no
 * valid UTF-8, or no words.
 */
function utf8ReadAsUtf16(text: string): boolean {
  const sample = text.slice(0, 2000);
  let wide = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) > 0xff) wide++;
  if (sample.length < 4 || wide < sample.length / 2) return false;
  for (const order of ['le', 'be'] as const) {
    const bytes = Buffer.from(sample, 'utf16le');
    if (order === 'be') for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
    let decoded: string;
    try {
      decoded = UTF8.decode(bytes);
    } catch {
      continue;
    }
    const letters = (decoded.match(/[A-Za-z\u00c0-\u024f]/g) ?? []).length;
    const spaces = (decoded.match(/[ \n]/g) ?? []).length;
    if (letters >= decoded.length * 0.5 && spaces >= decoded.length * 0.04) return true;
  }
  return false;
}

/** Why decoded text cannot be right, or null: replacement characters, mojibake, UTF-8 read as UTF-16, C1 or other control characters. */
export function misdecoded(text: string): string | null {
  if (text.includes('\ufffd')) return 'U+FFFD';
  if (utf8ReadAsUtf16(text)) return 'UTF-8 read as UTF-16';
  const moji = MOJIBAKE.exec(text);
  if (moji) return `"${moji[0]}"`;
  if (/[\u0080-\u009f]/.test(text)) return 'C1';
  // NUL and other C0 controls besides tab, newline, form feed and carriage return: binary in a text part.
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return 'control';
  return null;
}

/**
 * Line ends to "\n", trailing spaces off every line, no leading blank lines
 * and no trailing white space: the text as the reader sees it.
 */
export function tidyText(text: string): string {
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (/[ \t]\n/.test(out)) out = out.replace(/[ \t]+\n/g, '\n');
  return out.replace(/^\n+/, '').trimEnd();
}

// ---------------------------------------------------------------------------
// HTML to text

let converter: ((html: string) => string) | undefined;

/**
 * HTML bodies (HTML-only mails, HTML columns of helpdesk exports) as the
 * customer reads them: link text without the URL, no images, headings and
 * table headers in their own case (never upper-cased: that would be flagged
 * as shouting), one line per Outlook paragraph, `<blockquote>` as "> " quoting
 * (so the quoted history is recognised), no-break spaces as spaces, at most
 * one blank line in a row.
 */
export function htmlToText(html: string): string {
  converter ??= compile({
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'h5', options: { uppercase: false } },
      { selector: 'h6', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
      // Outlook writes every line as <p class=MsoNormal> and a blank line as <p class=MsoNormal>&nbsp;</p>.
      { selector: 'p.MsoNormal', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'div.MsoNormal', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    ],
  });
  return tidyText(converter(html).replace(/\u00a0/g, ' ')).replace(/\n{3,}/g, '\n\n');
}

/** A helpdesk field that holds HTML rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<(p|div|br|html|body|span|table|blockquote)\b[^>]*>/i.test(text) && /<\/(p|div|html|body|span|td|blockquote)>|<br\s*\/?>/i.test(text);
}

// ---------------------------------------------------------------------------
// Small helpers

/** "<abc@x>" → "abc@x"; white space and angle brackets off. */
export function bareId(id: string | undefined | null): string | undefined {
  if (!id) return undefined;
  const trimmed = id.trim().replace(/^<+|>+$/g, '').trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Every Message-ID in a References/In-Reply-To value ("<a@x> <b@y>"), oldest first. */
export function idList(value: string | readonly string[] | undefined | null): string[] {
  if (!value) return [];
  const text = typeof value === 'string' ? value : value.join(' ');
  const ids = [...text.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (ids.length > 0) return ids;
  return text.split(/[\s,]+/).map((s) => bareId(s)).filter((s): s is string => !!s);
}

/**
 * Dates as helpdesk exports write them, made ISO: "3.11.2026 14:05" →
 * "2026-11-03T14:05", "2026-11-03 14:05:09" → "2026-11-03T14:05:09". A date
 * without a zone stays without one (it is local time). Anything else as given.
 */
export function normalizeDate(value: string): string {
  const s = value.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T](?:klo\s*)?(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?)?$/.exec(s);
  if (m) {
    const [, d, mo, y, h, mi, se] = m;
    const date = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    return h ? `${date}T${h.padStart(2, '0')}:${mi}${se ? `:${se}` : ''}` : date;
  }
  m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m) return `${m[1]}T${m[2]}${m[3] ?? ''}`;
  return s;
}
