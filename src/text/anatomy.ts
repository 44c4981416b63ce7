import { splitLines, type Line } from './lines.js';
import { maskPlaceholders, PLACEHOLDER_TOKEN } from './template.js';

/**
 * The parts of a reply: greeting line, body, closing wish, signature block and
 * the quoted history below it. Offsets are those of the original text.
 */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Greeting extends Span {
  /** The opening word(s): "Hei", "Hyvä", "Bästa". */
  word: string;
  /** The customer's name when the greeting has one ("Anna", "Matti Virtanen"). */
  name: string | null;
}

export interface SignOff {
  /** The closing wish line ("Ystävällisin terveisin", "Ha en fin dag!"), if any. */
  closing: Span | null;
  /** Lines after the closing wish (or the trailing name lines): names, titles, company. */
  signature: Span[];
  start: number;
  /** Where the sign-off block ends: the reply's end, or, where a footer follows it ("Hakemuksen tiedot …", "© Helsingin kaupunki"), the end of its signature. */
  end: number;
  /** Whether the closing is a formula a name should follow ("Terveisin", "Med vänliga hälsningar"), not a wish complete in itself ("Hyvää päivänjatkoa!"). */
  regards: boolean;
}

/**
 * One part of a reply that a rule line ("-----", "___") divides: a
 * bilingual auto-reply has its Finnish, Swedish and English parts, each
 * with its own greeting and closing. Offsets are those of the text.
 */
export interface Section {
  start: number;
  end: number;
  greeting: Greeting | null;
  firstLine: Line;
  lastLine: Line;
  signOff: SignOff | null;
  /** Lines with content. */
  lines: number;
}

export interface Anatomy {
  lines: Line[];
  /** The reply's parts between rule lines; one section (the whole reply) where it has none. */
  sections: Section[];
  /** End of the reply proper; quoted history (if any) starts here. */
  replyEnd: number;
  quoted: Span | null;
  greeting: Greeting | null;
  /** The first line with content, whether or not it greets. */
  firstLine: Line | null;
  lastLine: Line | null;
  signOff: SignOff | null;
  body: Span;
}

export const QUOTE_HEADER_START = /^\s*\**(lähettäjä|från|from|von|de)\s*:\**\s*\S/i;
export const QUOTE_HEADER_FIELD = /^\s*\**(lähetetty|skickat|sent|päivämäärä|datum|date|aihe|ämne|subject|vastaanottaja|till|to)\s*:/i;
export const QUOTE_BANNER =
  /^\s*-{2,}\s*(alkuperäinen viesti|ursprungligt meddelande|original message|välitetty viesti|edelleenlähetetty viesti|vidarebefordrat meddelande|forwarded message)\b/i;
const QUOTE_WROTE = /(kirjoitti|skrev|wrote)\s*:\s*$/i;
/** Gmail in Swedish puts the sender after the verb: "Den 3 mars 2025 kl. 10:12 skrev Anna <anna@x.se>:". */
const QUOTE_WROTE_SENDER = /(?<![\p{L}])(kirjoitti|skrev|wrote) [^\n]{1,80}(@|>)[^\n]*:\s*$/iu;

/** A Gmail/Apple attribution line: "… kirjoitti:", "Den … skrev Anna <a@x.se>:", "On …, Anna <a@x> " + "wrote:". */
export function isWroteLine(text: string, next?: string): boolean {
  if (QUOTE_WROTE.test(text) && text.length < 200) return true;
  if (QUOTE_WROTE_SENDER.test(text) && /\d/.test(text)) return true;
  return /^(on|den|\w{2} \d)/i.test(text) && /@/.test(text) && QUOTE_WROTE.test(next ?? '');
}

/** Where the quoted history starts: the first quote header or ">"-quoted line after the reply. */
function findQuoteStart(lines: Line[]): number {
  let seenContent = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (seenContent) {
      if (/^\s*>/.test(text)) return i;
      if (QUOTE_BANNER.test(text)) return i;
      if (QUOTE_HEADER_START.test(text) && lines.slice(i + 1, i + 6).some((l) => QUOTE_HEADER_FIELD.test(l.text))) return i;
      if (isWroteLine(text, lines[i + 1]?.text)) return i;
    }
    if (text.trim() !== '') seenContent = true;
  }
  return lines.length;
}

const GREETING_WORD =
  /^(hei\s+hei|hei|heippa|moikka|moi|moro|terve|tervehdys|hyvät|hyvä|arvoisa|arvoisat|huomenta|hyvää\s+(?:huomenta|päivää|iltaa)|päivää|iltaa|hejsan|hej\s+hej|hej|hallå|tjena|tjenare|tja|bästa|kära|god\s+(?:morgon|dag|kväll|middag)|goddag|hello|hi|hey|dear|good\s+(?:morning|afternoon|evening))(?![\p{L}\p{N}])/u;

/** Words after a greeting that are not the customer's name. */
const NOT_A_NAME = new Set(
  ('asiakas asiakkaamme asiakkaat asiakkaat, vastaanottaja jäsen jäsenemme jäsenet kaikki taas vaan vain ' +
    'sinä te teille sinulle ja kund kunden kunder kära medlem mottagare alla igen på dig er där allihop ' +
    'customer customers there all sir madam member team tiimi asiakkaamme!').split(' '),
);

/**
 * The people a nameless greeting addresses by their role: "Hyvä asiakkaamme",
 * "Hyvät huoltajat", "Bästa vårdnadshavare", "Hyvä Lupapisteen käyttäjä".
 * Beginnings of the word, so inflected and plural forms match too.
 */
const ROLE_STEMS = (
  'asiak asiakk huoltaj vanhem hakij jäsen käyttäj viera asuka asukk naapur opiskelij oppila potila kuluttaj tilaaj ' +
  'matkustaj osallistuj lukij ystäv kolleg kumppan vastaanottaj omistaj vuokralai kuntalai kaupunkilai ' +
  'kund vårdnadshavar förälder föräldr sökand medlem användar gäst invånar grann student elev patient konsument ' +
  'prenumerant resenär deltagar läsar vän kollega mottagar ägar hyresgäst ' +
  'customer client guardian parent applicant member user guest resident neighbo subscriber passenger participant ' +
  'reader friend colleague recipient owner tenant'
).split(' ');

/** Whether a word names the reader's role, not the reader: "asiakkaamme", "huoltaja(t)", "vårdnadshavare", "palvelunkäyttäjä". */
function isRoleWord(token: string): boolean {
  const w = token.toLowerCase().replace(/\([\p{L}]{1,3}\)/gu, '').replace(/[^\p{L}-]/gu, '');
  if (w.length < 3) return false;
  // A compound ends in its role ("palvelunkäyttäjä", "kommuninvånare") or starts with it ("asiakkaamme").
  return ROLE_STEMS.some((r) => w.startsWith(r) || (w.length > r.length + 3 && w.slice(3).includes(r)));
}

/** Markup a greeting line may start with: a Markdown heading or emphasis, an opening HTML tag. */
const LEAD_MARKUP = /^(?:#{1,6}[ \t]+|(?:<[a-z][a-z0-9]*(?:\s[^<>]*)?>\s*)+|(?:\*\*|__|\*|_)(?=\p{L}))/iu;

/** The greeting words of a form letter ("Hyvä asiakas", "Bästa kund", "Dear customer"), a subset of GREETING_WORD: they need a name or a role after them. */
export const FORMAL_GREETING = /^(hyvä|hyvät|bästa|kära|arvoisa|arvoisat|dear)$/i;

function parseGreeting(line: Line): Greeting | null {
  const text = line.text;
  let lead = text.length - text.trimStart().length;
  const markup = LEAD_MARKUP.exec(text.slice(lead));
  if (markup) lead += markup[0].length;
  const rest = text.slice(lead);
  // Matched in lower case: a case-insensitive Unicode regex this size costs milliseconds to compile.
  const match = GREETING_WORD.exec(rest.toLowerCase());
  if (!match) return null;
  let word = rest.slice(0, match[0].length);
  // "Hyvä(t) huoltaja(t)": a plural ending offered in brackets belongs to the word.
  const plural = /^\(\p{L}{1,3}\)/u.exec(rest.slice(word.length));
  const wordEnd = word.length + (plural ? plural[0].length : 0);
  // The greeting runs to the first comma, exclamation mark, colon or full stop, or the line's end.
  let after = rest.slice(wordEnd);
  // "Hei, Matti!": a comma between the greeting word and the name.
  const commaName = /^,\s*(?=\p{Lu}[^,!:.;]*[!,]?\s*$)/u.exec(after);
  const skipped = commaName ? commaName[0].length : 0;
  after = after.slice(skipped);
  // A placeholder is one token, whatever punctuation it holds: "Hei {{ ticket.requester.first_name }},".
  const stop = maskPlaceholders(after).search(/[,!:.;]|\s[-–—]\s/);
  const raw = (stop === -1 ? after : after.slice(0, stop)).trim();
  // "**Hei Anna,**": emphasis closing after the name is markup, unless the name is a placeholder ("*|FNAME|*").
  const nameText = PLACEHOLDER_TOKEN.test(raw) ? raw : raw.replace(/(?:\*\*|__|\*|_|<\/[a-z0-9]+>)+$/i, '').trim();
  // "Hyvä"/"Bästa" open a body sentence too ("Hyvä kysymys!"): only a greeting when it ends the line or a comma follows.
  const end = lead + wordEnd + skipped + (stop === -1 ? after.length : stop + 1);
  const spanText = text.slice(lead, end).replace(/\s+$/, '');
  const tokens = nameText.split(/\s+/).filter(Boolean);
  let name: string | null = null;
  const role = tokens.length > 0 && tokens.length <= 4 && isRoleWord(tokens[tokens.length - 1]!);
  if (PLACEHOLDER_TOKEN.test(nameText)) name = nameText;
  else if (!role && tokens.length > 0 && tokens.length <= 5) {
    const nameLike = tokens.filter((t) => isNameToken(t));
    if (nameLike.length > 0 && tokens.every((t) => isNameToken(t) || /^(ja|och|&|and|von|van|af|de)$/i.test(t))) {
      name = nameText;
    }
  }
  if (FORMAL_GREETING.test(word) && tokens.length === 0 && stop === -1) return null;
  if (/^(hyvä|hyvät|bästa|kära)$/i.test(word) && name === null && !role && !tokens.every((t) => NOT_A_NAME.has(t.toLowerCase()))) {
    return null;
  }
  word = rest.slice(0, wordEnd);
  return { start: line.start + lead, end: line.start + lead + spanText.length, text: spanText, word, name };
}

function isNameToken(token: string): boolean {
  if (PLACEHOLDER_TOKEN.test(token)) return true;
  if (NOT_A_NAME.has(token.toLowerCase())) return false;
  return /^\p{Lu}[\p{L}'’-]*\.?$/u.test(token);
}

/**
 * A line that may stand above the greeting: a heading, a subject line, a
 * customer or order number, a logo or link placeholder ("# Tilausvahvistus",
 * "Aihe: Laskusi", "Asiakasnumero: 123456", "{shop_url}"). Short and with no
 * sentence end, so a reply that opens with business is never read past.
 */
function isPreamble(text: string): boolean {
  const t = text.trim();
  if (/^#{1,6}\s/.test(t) && t.length <= 80) return true;
  if (PLACEHOLDER_TOKEN.test(t)) return true;
  if (/[.!?,;]$/.test(t) && !/\d[.]$/.test(t)) return false;
  // A notification's subject can be long: "Utbetalning av den andra raten av det beviljade Helsingforstillägget kräver åtgärder".
  return t.split(/\s+/).length <= 14 && t.length <= 100;
}

/** The greeting: on the first line with content, or below a heading, subject or number line or two. */
function findGreeting(lines: Line[], contentIdx: number[]): Greeting | null {
  // Never the last line: a farewell there ("Hei hei!") is not a greeting.
  for (let k = 0; k < Math.min(contentIdx.length, 4); k++) {
    const line = lines[contentIdx[k]!]!;
    if (k > 0 && k === contentIdx.length - 1) return null;
    const greeting = parseGreeting(line);
    if (greeting) return greeting;
    if (!isPreamble(line.text)) return null;
  }
  return null;
}

/** Closing formulas that a name is meant to follow: "Ystävällisin terveisin", "Talvisin terveisin", "Med vänliga hälsningar", "Mvh". */
const REGARDS =
  String.raw`(?:\p{L}+in\s+|\p{L}+)?terveisin|tervein|terkuin|terkkuja|terkut|terveiset|t\.|yst\.\s?terv\.?|ystävällisesti|kiittäen|(?:\p{L}+in\s+)?tervehdyksin|(?:med\s+)?(?:\p{L}+\s+)?hälsning(?:ar)?|mvh|(?:with\s+)?(?:\p{L}+\s+)?regards|(?:\p{L}+\s+)?wishes|cheers|(?:yours\s+)?(?:sincerely|faithfully|truly)`;
/** Closing wishes, complete without a name: "Hyvää päivänjatkoa!", "Ha en fin dag!". */
const WISHES =
  String.raw`hyvää (?:päivänjatkoa|päivää|jatkoa|viikonloppua|viikonjatkoa|illanjatkoa|kesää|syksyä|talvea|kevättä|joulua|uutta vuotta)|mukavaa (?:päivää|päivänjatkoa|viikonloppua|viikkoa|viikonjatkoa|kesää|syksyä|iltaa|joulua)|aurinkoista (?:päivää|kesää|päivänjatkoa)|kaikkea hyvää|allt gott|ha en (?:fin|bra|trevlig|skön) \p{L}+|trevlig (?:dag|helg|kväll|sommar|vecka|jul)|have a (?:nice|good|great|lovely) (?:day|weekend|week|evening)|(?:kiitos|tack|thanks|thank you)(?=[\s,!.]*$)`;
/** A closing at the start of a line (matched against the line in lower case). */
const CLOSING = new RegExp(String.raw`^[\s–—-]*(?:(${REGARDS})|(${WISHES}))(?![\p{L}])`, 'u');
/** A closing after the last sentence of a one-line message: "… 26.9. asti. Terveisin Ville, Sointu Energia". */
const CLOSING_INLINE = new RegExp(String.raw`(?<=[.!?),]\s+)(?:(${REGARDS})|(${WISHES}))(?![\p{L}])(?!.*[.!?]\s+\p{L})`, 'u');

const CONTACT_LINE = /(@|https?:\/\/|www\.|\+?\d[\d\s-]{6,}\d|^\s*(puh|p|tel|gsm|mob|mobil|phone)\.?\s*[:.]?\s*\+?\d)/i;

/** A trailing line that reads like a signature: a name, a title, a company, contact details. */
function looksLikeSignatureLine(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > 60) return false;
  if (CONTACT_LINE.test(t)) return true;
  if (/[.?!:]$/.test(t) && !/\b(oy|oyj|ab|ltd|inc)\.?$/i.test(t)) return false;
  const words = t.replace(/^[–—\-/~*]+\s*/, '').split(/\s+/);
  if (words.length > 6) return false;
  // Names, titles and company lines start with a capital (or a dash before a name).
  return /^[–—\-/~*]*\s*[\p{Lu}{[%]/u.test(t);
}

/** A signature line says something: letters, digits or a placeholder, not only an emoji or a rule ("😊", "--"). */
const SAYS_SOMETHING = /[\p{L}\p{N}]/u;

/** The closing on a line from `from` (its match), and the rest of the line that signs it ("Terveisin Laura"). */
function closingOn(line: Line, match: RegExpExecArray): { closing: Span; signature: Span[]; regards: boolean } {
  const from = match.index + (match[0].length - match[0].trimStart().length);
  const start = line.start + from;
  const wishEnd = match.index + match[0].length;
  const rest = line.text.slice(wishEnd).replace(/^[\s,!.–—-]+/, '');
  const regards = match[1] !== undefined;
  if (rest.length > 0 && rest.length < 50 && SAYS_SOMETHING.test(rest) && !/^(ja|och|and|&)\b/i.test(rest)) {
    const restStart = line.start + line.text.indexOf(rest, wishEnd);
    return {
      closing: { start, end: line.start + wishEnd, text: line.text.slice(from, wishEnd).trim() },
      signature: [{ start: restStart, end: restStart + rest.trimEnd().length, text: rest.trim() }],
      regards,
    };
  }
  return { closing: { start, end: line.start + line.text.trimEnd().length, text: line.text.slice(from).trim() }, signature: [], regards };
}

function findSignOff(lines: Line[], firstContent: number, lastContent: number): SignOff | null {
  const replyEnd = lines[lastContent]!.start + lines[lastContent]!.text.trimEnd().length;
  // The last closing wish within the final lines of the reply.
  for (let i = lastContent; i > firstContent && i >= lastContent - 8; i--) {
    const line = lines[i]!;
    const match = CLOSING.exec(line.text.toLowerCase());
    if (!match) continue;
    // A long sentence that happens to start with "Hälsningar…" is not a closing.
    if (line.text.trim().split(/\s+/).length > 12) continue;
    const { closing, signature, regards } = closingOn(line, match);
    for (let j = i + 1; j <= lastContent; j++) {
      const l = lines[j]!;
      if (!SAYS_SOMETHING.test(l.text)) continue;
      signature.push(spanOf(l));
    }
    return { closing, signature, start: closing.start, end: replyEnd, regards };
  }
  // A template's signature placeholder ("%{signature}", "{{agent.signature}}") signs, even with a postscript below it.
  for (let i = lastContent; i > firstContent && i >= lastContent - 8; i--) {
    const t = lines[i]!.text.trim();
    if (!PLACEHOLDER_TOKEN.test(t) || !/sign|allekirj|underskrift|agent|staff/i.test(t)) continue;
    const span = spanOf(lines[i]!);
    return { closing: null, signature: [span], start: span.start, end: replyEnd, regards: false };
  }
  // A formula that only closes letters, far above the end: a notification's footer follows its sign-off.
  for (let i = lastContent - 9; i > firstContent; i--) {
    const far = farClosing(lines, i, lastContent);
    if (far) return far;
  }
  // No closing wish: trailing short name-like lines ("Laura", "– Laura", "Laura / Elisa").
  const signature: Span[] = [];
  for (let i = lastContent; i > firstContent && signature.length < 5; i--) {
    const line = lines[i]!;
    if (line.text.trim() === '') {
      if (signature.length > 0) break;
      continue;
    }
    if (!looksLikeSignatureLine(line.text)) break;
    signature.unshift(spanOf(line));
  }
  if (signature.length === 0) return null;
  // The body must still have a sentence of its own above the signature.
  return { closing: null, signature, start: signature[0]!.start, end: replyEnd, regards: false };
}

function spanOf(line: Line): Span {
  const lead = line.text.length - line.text.trimStart().length;
  return { start: line.start + lead, end: line.start + line.text.trimEnd().length, text: line.text.trim() };
}

/** Regards that close letters and nothing else: "terveisin", "hälsningar", "regards", not "kiittäen" or "t.". */
const LETTER_REGARDS = /(terveisin|tervehdyksin|hälsning|hälsningar|mvh|regards)$/;
/** A cheap test before the closing patterns run on a line far from the end (matched in lower case). */
const HAS_LETTER_REGARDS = /terveisin|tervehdyksin|hälsning|mvh|regards/;

/** The closing on a line (in lower case) when it is a letter's regards: at the line's start, or, with `inline`, ending its paragraph. */
function letterRegards(lower: string, inline: boolean): RegExpExecArray | null {
  if (!HAS_LETTER_REGARDS.test(lower)) return null;
  const match = CLOSING.exec(lower) ?? (inline ? CLOSING_INLINE.exec(lower) : null);
  return match && match[1] !== undefined && LETTER_REGARDS.test(match[1]) ? match : null;
}

/**
 * A sign-off on line `i` with the footer of a notification below it: the
 * closing alone on its line ("Ystävällisin terveisin,") or ending a paragraph
 * ("… sekä työpaikkoja. Ystävällisin terveisin, Kesäseteli-tiimi"), and its
 * signature the block of lines below it, a blank line between allowed.
 */
function farClosing(lines: Line[], i: number, lastContent: number): SignOff | null {
  const line = lines[i]!;
  const match = letterRegards(line.text.toLowerCase(), true);
  if (!match) return null;
  const { closing, signature } = closingOn(line, match);
  // What follows the formula on its line is a signature of a few words, never the rest of a sentence.
  const rest = line.text.slice(closing.end - line.start).trim();
  if (rest.split(/\s+/).length > 5 || /[.!?]$/.test(rest)) return null;
  if (signature.length === 0) {
    let j = i + 1;
    if (j <= lastContent && lines[j]!.text.trim() === '') j++;
    for (; j <= lastContent && lines[j]!.text.trim() !== '' && signature.length < 6; j++) signature.push(spanOf(lines[j]!));
  }
  const end = signature.length > 0 ? signature[signature.length - 1]!.end : closing.end;
  return { closing, signature, start: closing.start, end, regards: true };
}

/** A one-line message (SMS, chat) that ends with its closing: "Hei! … asti. Terveisin Ville, Sointu Energia". */
function findInlineSignOff(line: Line): SignOff | null {
  const match = CLOSING_INLINE.exec(line.text.toLowerCase());
  if (!match) return null;
  const { closing, signature, regards } = closingOn(line, match);
  // What follows signs it: a name or a company ("Ville, Sointu Energia", "/SAS"), not the rest of a sentence.
  const rest = signature[0]?.text;
  if (rest !== undefined && (!/^[–—\-/]?\s*[\p{Lu}{[%<*]/u.test(rest) || /(?:^|\s)\p{Ll}+[.?]$/u.test(rest) || rest.split(/\s+/).length > 6)) return null;
  return { closing, signature, start: closing.start, end: line.start + line.text.trimEnd().length, regards };
}

/** A line that divides the parts of a message: three or more dashes, underscores, asterisks or equals signs. */
const RULE_LINE = /^\s*(?:-{3,}|_{3,}|\*{3,}|={3,}|[–—]{2,})\s*$/;

/** The greeting, sign-off and edges of the content lines `idx` (indexes into `lines`, in order, not empty). */
function frame(lines: Line[], idx: number[]): Section {
  const first = idx[0]!;
  const last = idx[idx.length - 1]!;
  const greeting = findGreeting(lines, idx);
  const signOff = idx.length > 1 ? findSignOff(lines, first, last) : findInlineSignOff(lines[first]!);
  const firstLine = lines[first]!;
  const lastLine = lines[last]!;
  return { start: firstLine.start, end: lastLine.start + lastLine.text.trimEnd().length, greeting, firstLine, lastLine, signOff, lines: idx.length };
}

/**
 * The content lines `idx` cut after each closing that stands on its own line
 * and the signature block below it, where another signed part follows: an
 * auto-reply in Finnish, Swedish and English one after another, each signed,
 * with no rule line between them. Text below the last signature (a
 * postscript, a footer, a disclaimer) stays with the part above it.
 */
function splitAfterSignOffs(lines: Line[], idx: number[]): number[][] {
  const closings: number[] = [];
  for (let k = 1; k < idx.length; k++) {
    const lower = lines[idx[k]!]!.text.toLowerCase();
    if (letterRegards(lower, false) && lower.trim().split(/\s+/).length <= 6) closings.push(k);
  }
  const pieces: number[][] = [];
  let from = 0;
  for (let c = 0; c < closings.length - 1; c++) {
    const k = closings[c]!;
    if (k < from) continue;
    // The signature: the next lines without a gap (one blank line allowed right below the closing).
    let end = k;
    if (idx[k + 1] === idx[k]! + 1 || idx[k + 1] === idx[k]! + 2) {
      end = k + 1;
      while (end + 1 < idx.length && idx[end + 1] === idx[end]! + 1) end++;
    }
    // The next part needs a body of its own above its closing.
    if (closings[c + 1]! - (end + 1) < 1) continue;
    pieces.push(idx.slice(from, end + 1));
    from = end + 1;
  }
  pieces.push(idx.slice(from));
  return pieces;
}

/** A section and the language it is written in. */
export interface Part<L extends string = string> extends Section {
  lang: L;
}

/**
 * The reply's language parts: its sections, with consecutive sections in the
 * same language joined (a footer below a rule line belongs to the part above
 * it), so each part has the greeting of its first section and the sign-off of
 * its last.
 */
export function languageParts<L extends string>(sections: readonly Section[], langOf: (section: Section) => L): Part<L>[] {
  const parts: Part<L>[] = [];
  for (const section of sections) {
    const lang = langOf(section);
    const previous = parts[parts.length - 1];
    if (previous && previous.lang === lang) {
      // A footer below the sign-off ("---" and the company's address) does not unsign the part.
      // Nor does a footer's trailing lines replace a sign-off with a closing ("Terveisin / Laura").
      const signOff = previous.signOff?.closing && !section.signOff?.closing ? previous.signOff : section.signOff ?? previous.signOff;
      Object.assign(previous, { end: section.end, lastLine: section.lastLine, signOff, lines: previous.lines + section.lines });
    } else parts.push({ ...section, lang });
  }
  return parts;
}

export function analyseAnatomy(text: string): Anatomy {
  const lines = splitLines(text);
  const quoteLine = findQuoteStart(lines);
  const replyLines = lines.slice(0, quoteLine);
  const replyEnd = quoteLine < lines.length ? lines[quoteLine]!.start : text.length;
  const quoted =
    quoteLine < lines.length ? { start: replyEnd, end: text.length, text: text.slice(replyEnd) } : null;

  const contentIdx = replyLines.filter((l) => l.text.trim() !== '').map((l) => l.index);
  if (contentIdx.length === 0) {
    return { lines, sections: [], replyEnd, quoted, greeting: null, firstLine: null, lastLine: null, signOff: null, body: { start: 0, end: replyEnd, text: text.slice(0, replyEnd) } };
  }
  const whole = frame(lines, contentIdx);
  const { greeting, signOff, firstLine } = whole;
  const last = contentIdx[contentIdx.length - 1]!;
  // Parts between rule lines are framed only when there are several: a reply in one part is `whole`.
  const parts: number[][] = [];
  let part: number[] = [];
  for (const i of contentIdx) {
    if (RULE_LINE.test(lines[i]!.text)) {
      if (part.length > 0) parts.push(part);
      part = [];
    } else part.push(i);
  }
  if (part.length > 0) parts.push(part);
  const pieces = parts.flatMap((p) => splitAfterSignOffs(lines, p));
  const sections: Section[] = pieces.length <= 1 ? [whole] : pieces.map((p) => frame(lines, p));

  const bodyStart = greeting ? greeting.end : firstLine.start;
  let bodyEnd = signOff ? signOff.start : lines[last]!.end;
  if (bodyEnd < bodyStart) bodyEnd = bodyStart;
  return {
    lines,
    sections,
    replyEnd,
    quoted,
    greeting,
    firstLine,
    lastLine: lines[last]!,
    signOff,
    body: { start: bodyStart, end: bodyEnd, text: text.slice(bodyStart, bodyEnd) },
  };
}
