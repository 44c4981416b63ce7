import { splitLines, type Line } from './lines.js';

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
}

export interface Anatomy {
  lines: Line[];
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

const PLACEHOLDER = /^(\{\{.*\}\}|\{.*\}|\[.*\]|%\w+%|<[^@>]+>)$/;

function parseGreeting(line: Line): Greeting | null {
  const text = line.text;
  const lead = text.length - text.trimStart().length;
  const rest = text.slice(lead);
  // Matched in lower case: a case-insensitive Unicode regex this size costs milliseconds to compile.
  const match = GREETING_WORD.exec(rest.toLowerCase());
  if (!match) return null;
  const word = rest.slice(0, match[0].length);
  // The greeting runs to the first comma, exclamation mark, colon or full stop, or the line's end.
  let after = rest.slice(word.length);
  // "Hei, Matti!": a comma between the greeting word and the name.
  const commaName = /^,\s*(?=\p{Lu}[^,!:.;]*[!,]?\s*$)/u.exec(after);
  const skipped = commaName ? commaName[0].length : 0;
  after = after.slice(skipped);
  // A placeholder is one token, whatever punctuation it holds: "Hei {{ ticket.requester.first_name }},".
  const stop = maskPlaceholders(after).search(/[,!:.;]|\s[-–—]\s/);
  const nameText = (stop === -1 ? after : after.slice(0, stop)).trim();
  // "Hyvä"/"Bästa" open a body sentence too ("Hyvä kysymys!"): only a greeting when it ends the line or a comma follows.
  const end = lead + word.length + skipped + (stop === -1 ? after.length : stop + 1);
  const spanText = text.slice(lead, end).replace(/\s+$/, '');
  const tokens = nameText.split(/\s+/).filter(Boolean);
  let name: string | null = null;
  if (PLACEHOLDER.test(nameText)) name = nameText;
  else if (tokens.length > 0 && tokens.length <= 5) {
    const nameLike = tokens.filter((t) => isNameToken(t));
    if (nameLike.length > 0 && tokens.every((t) => isNameToken(t) || /^(ja|och|&|and|von|van|af|de)$/i.test(t))) {
      name = nameText;
    }
  }
  if (/^(hyvä|hyvät|bästa|kära|arvoisa|arvoisat|dear)$/i.test(word) && tokens.length === 0 && stop === -1) return null;
  if (/^(hyvä|bästa|kära)$/i.test(word) && name === null && !tokens.every((t) => NOT_A_NAME.has(t.toLowerCase()))) {
    return null;
  }
  return { start: line.start + lead, end: line.start + lead + spanText.length, text: spanText, word, name };
}

const PLACEHOLDER_SPANS = /\{\{.*?\}\}\}?|\{%.*?%\}|\$\{[^}]*\}|\*\|[^|]*\|\*|%\w+%|\[[^\]\n]{1,40}\]/g;

function maskPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER_SPANS, (m) => 'x'.repeat(m.length));
}

function isNameToken(token: string): boolean {
  if (PLACEHOLDER.test(token)) return true;
  if (NOT_A_NAME.has(token.toLowerCase())) return false;
  return /^\p{Lu}[\p{L}'’-]*\.?$/u.test(token);
}

const CLOSING =
  /^[\s–—-]*(ystävällisin terveisin|ystävällisin terveisin|parhain terveisin|lämpimin terveisin|parhain terkuin|terveisin|tervein|terkuin|terkkuja|t\.|yst\. terv\.?|ystävällisesti|kiittäen|hyvää (?:päivänjatkoa|päivää|jatkoa|viikonloppua|viikonjatkoa|illanjatkoa|kesää|syksyä|talvea|kevättä|joulua|uutta vuotta)|mukavaa (?:päivää|päivänjatkoa|viikonloppua|viikkoa|viikonjatkoa|kesää|syksyä|iltaa|joulua)|aurinkoista (?:päivää|kesää|päivänjatkoa)|kaikkea hyvää|med vänliga hälsningar|med vänlig hälsning|vänliga hälsningar|vänlig hälsning|bästa hälsningar|hjärtliga hälsningar|hälsningar|hälsning|mvh|allt gott|ha en (?:fin|bra|trevlig|skön) \p{L}+|trevlig (?:dag|helg|kväll|sommar|vecka|jul)|best regards|kind regards|regards|best wishes|cheers|sincerely)(?![\p{L}])/u;

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

function findSignOff(lines: Line[], firstContent: number, lastContent: number): SignOff | null {
  // The last closing wish within the final lines of the reply.
  for (let i = lastContent; i > firstContent && i >= lastContent - 8; i--) {
    const line = lines[i]!;
    const match = CLOSING.exec(line.text.toLowerCase());
    if (!match) continue;
    // A long sentence that happens to start with "Hälsningar…" is not a closing.
    if (line.text.trim().split(/\s+/).length > 12) continue;
    const start = line.start + (line.text.length - line.text.trimStart().length);
    const closingEnd = line.start + line.text.trimEnd().length;
    const signature: Span[] = [];
    // "Terveisin Laura" or "Terveisin asiakaspalvelu" on one line: the rest of the line signs.
    const restOffset = line.start + match.index + match[0].length;
    const rest = line.text.slice(match.index + match[0].length).replace(/^[\s,!.–—-]+/, '');
    let closingSpan: Span = { start, end: closingEnd, text: line.text.trim() };
    if (rest.length > 0 && rest.length < 50 && !/^(ja|och|and|&)\b/i.test(rest)) {
      const restStart = line.start + line.text.indexOf(rest, restOffset - line.start);
      const wishEnd = restOffset;
      closingSpan = { start, end: wishEnd, text: line.text.slice(start - line.start, wishEnd - line.start).trim() };
      signature.push({ start: restStart, end: restStart + rest.trimEnd().length, text: rest.trim() });
    }
    for (let j = i + 1; j <= lastContent; j++) {
      const l = lines[j]!;
      if (l.text.trim() === '') continue;
      const lead = l.text.length - l.text.trimStart().length;
      signature.push({ start: l.start + lead, end: l.start + l.text.trimEnd().length, text: l.text.trim() });
    }
    return { closing: closingSpan, signature, start };
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
    const lead = line.text.length - line.text.trimStart().length;
    signature.unshift({ start: line.start + lead, end: line.start + line.text.trimEnd().length, text: line.text.trim() });
  }
  if (signature.length === 0) return null;
  // The body must still have a sentence of its own above the signature.
  return { closing: null, signature, start: signature[0]!.start };
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
    return { lines, replyEnd, quoted, greeting: null, firstLine: null, lastLine: null, signOff: null, body: { start: 0, end: replyEnd, text: text.slice(0, replyEnd) } };
  }
  const first = contentIdx[0]!;
  const last = contentIdx[contentIdx.length - 1]!;
  const firstLine = lines[first]!;
  const greeting = parseGreeting(firstLine);
  const signOff = contentIdx.length > 1 ? findSignOff(lines, first, last) : null;

  const bodyStart = greeting ? greeting.end : firstLine.start;
  let bodyEnd = signOff ? signOff.start : lines[last]!.end;
  if (bodyEnd < bodyStart) bodyEnd = bodyStart;
  return {
    lines,
    replyEnd,
    quoted,
    greeting,
    firstLine,
    lastLine: lines[last]!,
    signOff,
    body: { start: bodyStart, end: bodyEnd, text: text.slice(bodyStart, bodyEnd) },
  };
}
