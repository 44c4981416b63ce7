/**
 * One email (RFC 5322 / MIME) as a reply to lint: mailparser's simpleParser
 * decodes the structure, quoted-printable and base64, the charsets (through
 * iconv-lite, which gets Windows-1252 right where Node's TextDecoder does not)
 * and RFC 2047 headers. We add what it leaves out: raw 8-bit Latin-1 headers,
 * HTML-only bodies (html-to-text, without link noise), and a refusal — never
 * an exception — for what would be linted as garbage: broken or truncated
 * MIME, a charset label that does not match the bytes, no text at all.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Threader } from './threads.js';
import { bareId, decodeCp1252, fixC1, htmlToText, idList, isUtf8, misdecoded, tidyText, type ArchiveError, type ArchiveErrorCode, type ArchiveMessage } from './mail-text.js';

/** What the readers need from a parsed mail: the reply text and the threading headers. */
export interface MailRecord {
  /** Message-ID without angle brackets. */
  messageId?: string;
  inReplyTo?: string;
  /** References, oldest first, without angle brackets. */
  references: string[];
  /** Sender address, lower-cased. */
  fromAddress?: string;
  /** Sender display name (RFC 2047 decoded). */
  fromName?: string;
  /** Date header as an ISO string (UTC). */
  date?: string;
  /** The Date header's own offset, minutes east of UTC ("+0300" → 180); absent for "-0000" (zone unknown). */
  utcOffset?: number;
  subject?: string;
  /** The text body as the recipient reads it (quoted history included). */
  text: string;
  /** True when the text was converted from an HTML-only body. */
  fromHtml: boolean;
  /** Attachment file names (inline images of the HTML body left out). */
  attachments: string[];
}

export interface MailProblem {
  code: ArchiveErrorCode;
  detail?: Record<string, string | number>;
}

export type ParseMailResult = { mail: MailRecord } | { error: MailProblem; messageId?: string };

export interface EmlOptions {
  /** Largest message parsed (bytes); default 25 MB. A bigger one is reported as too-large. */
  maxBytes?: number;
}

export const DEFAULT_MAX_MAIL_BYTES = 25 * 1024 * 1024;

const PARSER_OPTIONS = {
  skipHtmlToText: true, // our own conversion: no "[https://…]" after every link, no upper-cased headings
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  keepCidLinks: true,
  checksumAlgo: false,
} as const;

/** Headers one of which every email has; without any, the bytes are not an email. */
const MAIL_HEADERS = ['from', 'date', 'message-id', 'subject', 'to', 'content-type', 'mime-version', 'received', 'return-path'];

/** Where the header block ends (the index of its blank line), or -1. */
function headerEnd(bytes: Buffer): number {
  const lf = bytes.indexOf('\n\n');
  const crlf = bytes.indexOf('\r\n\r\n');
  if (lf === -1) return crlf;
  if (crlf === -1) return lf;
  return Math.min(lf, crlf);
}

/**
 * Raw 8-bit header bytes that are not UTF-8 ("From: Päivi Ström" written by an
 * old Latin-1 mailer): neither parser decodes them, so the header block is
 * re-encoded from Windows-1252 to UTF-8, which mailparser reads as is.
 */
function fixRawHeaders(bytes: Buffer): Buffer {
  const end = headerEnd(bytes);
  const head = end === -1 ? bytes : bytes.subarray(0, end);
  if (!head.some((b) => b >= 0x80) || isUtf8(head)) return bytes;
  const fixed = Buffer.from(decodeCp1252(head), 'utf8');
  return end === -1 ? fixed : Buffer.concat([fixed, bytes.subarray(end)]);
}

/** The header block as text, for a Message-ID when parsing failed and for the charset labels. */
function rawHeaderText(bytes: Buffer): string {
  const end = headerEnd(bytes);
  return bytes.subarray(0, end === -1 ? Math.min(bytes.length, 65536) : end).toString('latin1');
}

/**
 * A multipart boundary that is opened but never closed: the message was cut
 * off (a broken download, a disk-full mbox). Boundaries are taken from
 * Content-Type headers only, not from text that happens to mention one.
 */
function unclosedBoundary(raw: string): string | null {
  for (const header of raw.matchAll(/^content-type:[ \t]*multipart\/[^\n]*(?:\r?\n[ \t][^\n]*)*/gim)) {
    const m = /boundary\s*=\s*(?:"([^"]+)"|([^\s;"]+))/i.exec(header[0]);
    const boundary = m?.[1] ?? m?.[2];
    if (!boundary) continue;
    const open = raw.includes(`\n--${boundary}`);
    if (open && !raw.includes(`--${boundary}--`)) return boundary;
  }
  return null;
}

function isMultipart(parsed: ParsedMail): boolean {
  const type = parsed.headers.get('content-type') as { value?: string } | string | undefined;
  const value = typeof type === 'string' ? type : type?.value;
  return typeof value === 'string' && /^multipart\//i.test(value);
}

function declaredCharsets(raw: string): string {
  const names = new Set([...raw.matchAll(/charset\s*=\s*"?([\w.:-]+)/gi)].map((m) => m[1]!.toLowerCase()));
  return names.size > 0 ? [...names].join(', ') : 'none';
}

function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const fixed = fixC1(value).replace(/\s+/g, ' ').trim();
  return fixed === '' || misdecoded(fixed) ? undefined : fixed;
}

/** RFC 5322's obsolete zone names (4.3), besides numeric offsets. */
const NAMED_ZONES: Record<string, number> = { UT: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

/**
 * The zone of a raw Date header: "Thu, 12 Mar 2026 14:05:00 +0200 (EET)" → 120. The
 * parsed Date keeps only the instant; reports show the time in the writer's own offset.
 * "-0000" means the zone is not known (RFC 5322 3.3): undefined.
 */
export function dateHeaderOffset(rawHead: string): number | undefined {
  const header = /^date:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)/im.exec(rawHead)?.[1]?.replace(/\s*\([^()]*\)\s*$/, '').trim();
  if (!header) return undefined;
  const numeric = /\s([+-])(\d{2})(\d{2})$/.exec(header);
  if (numeric) {
    if (numeric[1] === '-' && numeric[2] === '00' && numeric[3] === '00') return undefined;
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return minutes < 24 * 60 && Number(numeric[3]) < 60 ? (numeric[1] === '-' ? -minutes : minutes) : undefined;
  }
  const named = /\s([A-Za-z]{1,3})$/.exec(header)?.[1]?.toUpperCase();
  return named !== undefined && Object.hasOwn(NAMED_ZONES, named) ? NAMED_ZONES[named] : undefined;
}

function isoDate(date: Date | undefined): string | undefined {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/** Parses one message; every problem comes back as a code, nothing is thrown. */
export async function parseMail(input: Uint8Array, options: EmlOptions = {}): Promise<ParseMailResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MAIL_BYTES;
  let bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.length > maxBytes) {
    return { error: { code: 'too-large', detail: { size: (bytes.length / 1048576).toFixed(1), limit: maxBytes / 1048576 } }, ...idOf(rawHeaderText(bytes)) };
  }
  if (bytes.every((b) => b <= 0x20)) return { error: { code: 'empty' } };
  bytes = fixRawHeaders(bytes);
  const rawHead = rawHeaderText(bytes);
  const fallbackId = idOf(rawHead);

  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(bytes, PARSER_OPTIONS);
  } catch (err) {
    return { error: { code: 'bad-mime', detail: { reason: (err as Error).message.split('\n')[0]!.slice(0, 120) } }, ...fallbackId };
  }
  const messageId = bareId(parsed.messageId) ?? fallbackId.messageId;
  const withId = messageId ? { messageId } : {};
  if (!MAIL_HEADERS.some((h) => parsed.headers.has(h))) return { error: { code: 'bad-mime', detail: { reason: 'no mail headers' } }, ...withId };

  // The raw text (a latin1 view of the bytes) is searched for boundaries and charsets, only when needed.
  let rawText: string | undefined;
  const raw = () => (rawText ??= bytes.toString('latin1'));
  if (isMultipart(parsed)) {
    const boundary = unclosedBoundary(raw());
    if (boundary) return { error: { code: 'truncated', detail: { boundary } }, ...withId };
  }

  const attachments = parsed.attachments.filter((a) => !a.related).map((a) => a.filename ?? a.contentType);
  let text = parsed.text ?? '';
  let fromHtml = false;
  if (text.trim() === '' && typeof parsed.html === 'string' && parsed.html.trim() !== '') {
    text = htmlToText(parsed.html);
    fromHtml = true;
  }
  text = tidyText(fixC1(text));
  if (text === '') return { error: { code: 'no-body', detail: { attachments: attachments.length } }, ...withId };
  const wrong = misdecoded(text);
  if (wrong) return { error: { code: 'bad-charset', detail: { charset: declaredCharsets(raw()), reason: wrong } }, ...withId };

  const sender = parsed.from?.value.find((a) => a.address || a.name);
  const mail: MailRecord = { references: idList(parsed.references), text, fromHtml, attachments };
  if (messageId) mail.messageId = messageId;
  const inReplyTo = idList(parsed.inReplyTo)[0];
  if (inReplyTo) mail.inReplyTo = inReplyTo;
  if (sender?.address) mail.fromAddress = sender.address.toLowerCase();
  const name = clean(sender?.name);
  if (name) mail.fromName = name.replace(/^["']|["']$/g, '');
  // mailparser leaves `date` unset without a Date header; the mbox "From " line time is the reader's fallback.
  const date = parsed.headers.has('date') ? isoDate(parsed.date) : undefined;
  if (date) {
    mail.date = date;
    const offset = dateHeaderOffset(rawHead);
    if (offset !== undefined) mail.utcOffset = offset;
  }
  const subject = clean(parsed.subject);
  if (subject) mail.subject = subject;
  return { mail };
}

function idOf(rawHead: string): { messageId?: string } {
  const m = /^message-id:[ \t]*(?:\r?\n[ \t]+)?<?([^\s<>]+)>?/im.exec(rawHead);
  return m ? { messageId: m[1]! } : {};
}

/** The message to lint for a parsed mail; the agent is the sender's display name (else the address). */
export function mailMessage(path: string, mail: MailRecord): ArchiveMessage & { channel: 'email' } {
  const message: ArchiveMessage & { channel: 'email' } = { path, text: mail.text, channel: 'email', meta: {} };
  const meta = message.meta!;
  const agent = mail.fromName ?? mail.fromAddress;
  if (agent) meta.agent = agent;
  if (mail.date) meta.date = mail.date;
  if (mail.utcOffset !== undefined) meta.utcOffset = mail.utcOffset;
  if (mail.messageId) meta.id = mail.messageId;
  if (mail.subject) meta.subject = mail.subject;
  if (mail.fromAddress) meta.from = mail.fromAddress;
  if (mail.inReplyTo) meta.inReplyTo = mail.inReplyTo;
  if (mail.attachments.length > 0) meta.attachments = mail.attachments;
  return message;
}

/**
 * One .eml file as a reply. Alone, the customer's message is left to the
 * reply's own quoted history (the linter splits it off). With `threader` (one
 * Threader shared by a folder of .eml files, fed in order) the files are
 * threaded like an mbox: a customer's mail is `skipped`, and a reply gets the
 * customer message it answers when that file came earlier.
 */
export async function parseEml(
  path: string,
  bytes: Uint8Array,
  options: EmlOptions & { threader?: Threader } = {},
): Promise<{ message?: ArchiveMessage & { channel: 'email' }; error?: ArchiveError; skipped?: 'customer' | 'duplicate' }> {
  const result = await parseMail(bytes, options);
  if ('error' in result) return { error: { path, ...result.error } };
  const message = mailMessage(path, result.mail);
  if (options.threader) {
    const decision = options.threader.accept(result.mail);
    if (!decision.reply) return { skipped: decision.reason };
    if (decision.customer !== undefined) message.customer = decision.customer;
  }
  return { message };
}
