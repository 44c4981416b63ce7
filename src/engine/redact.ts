/**
 * Masks personal data in reports and message texts (`--redact`).
 *
 * Masking is SAME-LENGTH: every masked span is replaced by a mask of exactly the same
 * number of UTF-16 code units, and line breaks are never touched. So a finding's
 * `offset`, `length`, `line`, `column`, `endLine`, `endColumn` and `fix.offset`/`fix.length`
 * stay valid against both the original file and the redacted text, and the HTML report can
 * highlight findings in a redacted text with the unchanged offsets. A mask reads as a label
 * in brackets where the span is long enough ("Hei Anna Virtanen," → "Hei [nimi·······],"),
 * and as a run of "█" where it is not ("Hei Anna," → "Hei ████,").
 *
 * What is masked: e-mail addresses, phone numbers (Finnish and Swedish national formats,
 * +358/+46 and other international forms), Finnish henkilötunnus and Swedish personnummer,
 * payment card numbers (13–19 digits, Luhn-valid), IBANs, passwords after their label (all found by
 * checks/privacy/detect.ts, the detectors the privacy rules report from), the customer's name in the
 * greeting of a reply (and wherever that name recurs, inflected forms included), the
 * signature and sender lines of the customer's message (the quoted history of a reply, or
 * the customer text itself). Agents are staff: `meta.agent` and the reply's own
 * signature are kept. Masking errs on the side of masking (a company address or an order
 * number that looks like a phone number is masked too).
 *
 * Pure functions: no I/O, inputs are never modified.
 */
import { analyseAnatomy, isWroteLine, QUOTE_BANNER, QUOTE_HEADER_FIELD, QUOTE_HEADER_START } from '../text/anatomy.js';
import { splitLines } from '../text/lines.js';
import { splitMemberPath } from '../input/member-path.js';
import { cueScores } from '../text/language.js';
import type { FileResult, Finding, InputError, LintReport, Trilingual, UiLang } from '../types.js';
import { findPersonalData, type PersonalDataKind } from '../checks/privacy/detect.js';

export type PiiKind = 'name' | PersonalDataKind;

export interface Redaction {
  offset: number;
  length: number;
  kind: PiiKind;
}

export interface RedactOptions {
  /** Language of the mask labels ([nimi], [namn], [name]); default: guessed from the text, else English. */
  lang?: UiLang;
  /** Whose text it is: a reply (its greeting names the customer) or the customer's own message (its signature does). */
  role?: 'reply' | 'customer';
  /** Names known to be the customer's (from the customer's message); masked wherever they occur. */
  names?: string[];
}

export const MASK_LABELS: Record<PiiKind, Trilingual> = {
  name: { fi: 'nimi', sv: 'namn', en: 'name' },
  email: { fi: 'sähköposti', sv: 'e-post', en: 'email' },
  phone: { fi: 'puhelin', sv: 'telefon', en: 'phone' },
  'national-id': { fi: 'hetu', sv: 'personnr', en: 'id' },
  card: { fi: 'kortti', sv: 'kort', en: 'card' },
  iban: { fi: 'tili', sv: 'konto', en: 'account' },
  password: { fi: 'salasana', sv: 'lösenord', en: 'password' },
};

/** The filler inside a label mask, and the block of a mask too short for a label. */
export const MASK_FILL = '·';
export const MASK_BLOCK = '█';

/** A same-length mask for `original`: "[label··]" when it fits, else "███"; line breaks are kept. */
export function maskFor(kind: PiiKind, original: string, lang: UiLang): string {
  const label = MASK_LABELS[kind][lang];
  const n = original.length;
  const mask = n >= label.length + 2 ? `[${label}${MASK_FILL.repeat(n - label.length - 2)}]` : MASK_BLOCK.repeat(n);
  if (!/[\r\n]/.test(original)) return mask;
  return [...mask].map((ch, i) => (original[i] === '\n' || original[i] === '\r' ? original[i] : ch)).join('');
}

// ---------------------------------------------------------------------------
// Patterns

/** A name right before an address: `Anna Virtanen <anna@…>`, `"Anna Virtanen" (anna@…)`. */
const NAME_BEFORE_ADDRESS = /(?<![\p{L}])\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]*\.?)*(?=["']?[ \t]*[<([][^>)\]\s]*@)/gu;
/** Sender lines of quoted headers: "Lähettäjä: Anna Virtanen <…>", "Från: …", "From: …". */
const SENDER_LINE = /^([ \t>]*\**(?:lähettäjä|från|from|avsändare)\s*:\**[ \t]*)([^\n<\r]*)/gimu;
const CONNECTOR = /^(ja|och|&|and|sekä|samt)$/i;
/** Lines of a customer's signature that are no name ("Lähetetty iPhonesta", "Sent from my phone"). */
/** Capitalised words in signatures and sender lines that are no person's name. */
const NOT_A_NAME = new Set(
  'asiakaspalvelu asiakastuki asiakaspalvelumme tuki palvelu kundtjänst kundservice kundsupport support service customer team tiimi oy oyj ab ltd'.split(' '),
);
const DEVICE_LINE = /^(lähetetty|skickat från|skickades från|sent from|get outlook)/i;

/** Spans of personal data found by pattern (no names): the privacy rules' detectors, at masking sensitivity. */
function patternSpans(text: string): Redaction[] {
  return findPersonalData(text);
}

/** Name-like tokens of a span of text, with their offsets: capitalised words, not connectors or placeholders. */
function nameTokens(text: string, start: number, end: number): Redaction[] {
  const out: Redaction[] = [];
  const re = /[^\s,;:!?()"“”]+/gu;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    let token = m[0].slice(0, Math.max(0, end - m.index));
    token = token.replace(/[.]+$/, '');
    if (token.length < 2 || CONNECTOR.test(token)) continue;
    // A name starts with a capital; placeholders ({{x}}, [NIMI], %x%) start with punctuation, so they fall out here.
    if (!/^\p{Lu}/u.test(token) || !/\p{L}/u.test(token) || /@|\d/.test(token) || NOT_A_NAME.has(token.toLowerCase())) continue;
    out.push({ offset: m.index, length: token.length, kind: 'name' });
  }
  return out;
}

/** Replaces `>` quote markers at line starts by spaces of the same length (positions stay). */
function unquote(text: string): string {
  return text.replace(/^[ \t]*(?:>[ \t]?)+/gm, (s) => ' '.repeat(s.length));
}

/**
 * Names and spans of the customer's own message: its signature, its sender line and names
 * written next to an address. Only the newest message counts: older quoted history below
 * it may be the company's own earlier replies.
 */
function customerSpans(text: string, base: number, out: Redaction[]): void {
  const plain = unquote(text);
  const lines = splitLines(plain);
  // The header block: banner, "Lähettäjä:/Från:/From:" fields, "… kirjoitti:" lines.
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!.text;
    const header =
      line.trim() === '' ||
      QUOTE_BANNER.test(line) ||
      QUOTE_HEADER_START.test(line) ||
      QUOTE_HEADER_FIELD.test(line) ||
      isWroteLine(line, lines[i + 1]?.text);
    if (!header) break;
    i++;
  }
  const bodyStart = i < lines.length ? lines[i]!.start : plain.length;
  const anatomy = analyseAnatomy(plain.slice(bodyStart));
  const newestEnd = bodyStart + anatomy.replyEnd;
  const push = (tokens: Redaction[]) => {
    for (const t of tokens) out.push({ ...t, offset: t.offset + base });
  };
  for (const line of anatomy.signOff?.signature ?? []) {
    if (DEVICE_LINE.test(line.text)) continue;
    push(nameTokens(plain, bodyStart + line.start, bodyStart + line.end));
  }
  const head = plain.slice(0, bodyStart);
  for (const m of head.matchAll(SENDER_LINE)) {
    const start = m.index! + m[1]!.length;
    push(nameTokens(plain, start, start + m[2]!.length));
  }
  for (const m of plain.slice(0, newestEnd).matchAll(NAME_BEFORE_ADDRESS)) {
    push(nameTokens(plain, m.index!, m.index! + m[0].length));
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Consonant gradation, strong to weak, as Finnish names inflect: Pekka → Pekan, Virta → Virran, Lahti → Lahden. */
const WEAK_GRADE: [RegExp, string][] = [
  [/kk$/, 'k'],
  [/pp$/, 'p'],
  [/tt$/, 't'],
  [/nk$/, 'ng'],
  [/mp$/, 'mm'],
  [/lt$/, 'll'],
  [/nt$/, 'nn'],
  [/rt$/, 'rr'],
  [/ht$/, 'hd'],
  [/([aeiouyäö])t$/, '$1d'],
  [/([aeiouyäö])p$/, '$1v'],
];

/**
 * The stems a Finnish name inflects from, besides the name itself: "-nen"
 * names take "-se-"/"-s-" (Virtanen → Virtasen, Virtasta), and a name ending
 * in a vowel its weak grade (Pekka → Pekan, Lahti → Lahden). The inflection
 * endings after a stem are matched as any lower-case letters.
 */
function nameStems(name: string): string[] {
  const stems = [name];
  if (/\p{L}{2}nen$/u.test(name)) stems.push(`${name.slice(0, -3)}s`);
  const m = /^(\p{L}+?)([^aeiouyäöAEIOUYÄÖ]+)([aeiouyäö])$/u.exec(name);
  if (m) {
    const [, head, consonants, vowel] = m as unknown as [string, string, string, string];
    for (const [strong, weak] of WEAK_GRADE) {
      if (!strong.test(`${head.slice(-1)}${consonants}`)) continue;
      const graded = `${head.slice(0, -1)}${`${head.slice(-1)}${consonants}`.replace(strong, weak)}`;
      stems.push(`${graded}${vowel}`);
      if (vowel === 'i') stems.push(`${graded}e`);
      break;
    }
    if (vowel === 'i' && stems.length === 1) stems.push(`${name.slice(0, -1)}e`);
  }
  return stems.filter((s) => s.length >= 3 || s === name);
}

/** Case endings after an inflection stem (a stem is no word alone: "Mate-" must not catch "Materiaali"). */
const CASE_ENDING = '(?:e?(?:n|lle|lla|llä|lta|ltä|ssa|ssä|sta|stä|ksi|en|na|nä|ta|tä|ineen))(?:kin|ni|si|nsa|nsä)?';

/** Every occurrence of the names, inflected forms included ("Anna" → "Annalle", "Virtanen" → "Virtasen", "Pekka" → "Pekan"). */
function nameOccurrences(text: string, names: Iterable<string>): Redaction[] {
  const full = [...new Set([...names].filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  if (full.length === 0) return [];
  const stems = [...new Set(full.flatMap((n) => nameStems(n).slice(1)))].sort((a, b) => b.length - a.length);
  const alternatives = [`(?:${full.map(escapeRegExp).join('|')})\\p{Ll}{0,6}`];
  if (stems.length > 0) alternatives.push(`(?:${stems.map(escapeRegExp).join('|')})${CASE_ENDING}`);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => ({ offset: m.index!, length: m[0].length, kind: 'name' as const }));
}

/** Overlapping or touching-inside spans merged, sorted by offset. */
function mergeSpans(spans: Redaction[]): Redaction[] {
  const sorted = [...spans].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const out: Redaction[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.offset < last.offset + last.length) {
      const end = Math.max(last.offset + last.length, s.offset + s.length);
      // The longer original span names the kind.
      if (s.length > last.length) last.kind = s.kind;
      last.length = end - last.offset;
    } else out.push({ ...s });
  }
  return out;
}

/** "Anna Virtanen" as one mask, not two: name spans separated only by spaces are joined. */
function joinNames(spans: Redaction[], text: string): Redaction[] {
  const out: Redaction[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.kind === 'name' && s.kind === 'name' && /^[ \t\u00a0]+$/.test(text.slice(last.offset + last.length, s.offset))) {
      last.length = s.offset + s.length - last.offset;
    } else out.push({ ...s });
  }
  return out;
}

function guessLang(text: string): UiLang {
  const words = Array.from(text.toLowerCase().matchAll(/\p{L}+/gu), (m) => m[0]);
  const scores = cueScores(words);
  const ranked = (Object.entries(scores) as [UiLang, number][]).sort((a, b) => b[1] - a[1]);
  return ranked[0] && ranked[0][1] > 0 ? ranked[0][0] : 'en';
}

export interface TextRedaction {
  /** The redacted text: same length as the input, line breaks in place. */
  text: string;
  /** The masked spans, sorted, not overlapping. */
  spans: Redaction[];
  /** The customer's names found (to mask in finding messages, or in the reply to a customer text). */
  names: string[];
}

/** Finds and masks personal data in one text (see the module comment). */
export function redactTextDetailed(text: string, options: RedactOptions = {}): TextRedaction {
  const lang = options.lang ?? guessLang(text);
  const role = options.role ?? 'reply';
  const found: Redaction[] = [];
  if (role === 'customer') customerSpans(text, 0, found);
  else {
    const anatomy = analyseAnatomy(text);
    const g = anatomy.greeting;
    if (g?.name) {
      const at = text.indexOf(g.name, g.start);
      if (at >= 0) found.push(...nameTokens(text, at, at + g.name.length));
    }
    // The quoted history of a reply is the customer's message (and older ones).
    if (anatomy.quoted) customerSpans(text.slice(anatomy.quoted.start), anatomy.quoted.start, found);
  }
  const names = new Set<string>(options.names ?? []);
  for (const s of found) names.add(text.slice(s.offset, s.offset + s.length));
  const spans = joinNames(mergeSpans([...found, ...nameOccurrences(text, names), ...patternSpans(text)]), text);
  return { text: applySpans(text, spans, lang), spans, names: [...names].sort() };
}

function applySpans(text: string, spans: Redaction[], lang: UiLang): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.offset) + maskFor(s.kind, text.slice(s.offset, s.offset + s.length), lang);
    at = s.offset + s.length;
  }
  return out + text.slice(at);
}

/** Masks personal data in one text, keeping its length and line breaks. */
export function redactText(text: string, options: RedactOptions = {}): string {
  return redactTextDetailed(text, options).text;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  to?: string;
}

/** A trie of the originals per list, built on first use (a reply's list serves all its findings). */
const tries = new WeakMap<[string, string][], TrieNode>();

/**
 * Every original in `s` replaced by its mask, left to right, the longest
 * original at each place. One pass over `s` whatever the number of originals:
 * a search per original and finding made 20,000 findings quadratic.
 */
function replaceOriginals(s: string, originals: [string, string][]): string {
  let root = tries.get(originals);
  if (!root) {
    root = { next: new Map() };
    for (const [from, to] of originals) {
      if (from.length < 2) continue;
      let node = root;
      for (let i = 0; i < from.length; i++) {
        const c = from.charCodeAt(i);
        let child = node.next.get(c);
        if (!child) node.next.set(c, (child = { next: new Map() }));
        node = child;
      }
      node.to ??= to;
    }
    tries.set(originals, root);
  }
  let out = '';
  let copied = 0;
  for (let i = 0; i < s.length; ) {
    let node: TrieNode | undefined = root;
    let matchEnd = -1;
    let to = '';
    for (let j = i; j < s.length; j++) {
      node = node.next.get(s.charCodeAt(j));
      if (!node) break;
      if (node.to !== undefined) {
        matchEnd = j + 1;
        to = node.to;
      }
    }
    if (matchEnd === -1) {
      i++;
      continue;
    }
    out += s.slice(copied, i) + to;
    copied = i = matchEnd;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

/** Masks a fragment of output (a finding's message, suggestion, a path): patterns, known names and known originals. */
function redactFragment(s: string, lang: UiLang, names: string[], originals: [string, string][]): string {
  let out = s;
  // Exact originals first (a finding message quotes the masked span), the longest at each place.
  if (originals.length > 0) out = replaceOriginals(out, originals);
  // A greeting in a suggestion or fix ("Hei Anna,") names the customer.
  const greeting = /^\s*\p{L}/u.test(out) ? analyseAnatomy(out).greeting : null;
  const greetingSpans: Redaction[] = [];
  if (greeting?.name) {
    const at = out.indexOf(greeting.name, greeting.start);
    if (at >= 0) greetingSpans.push(...nameTokens(out, at, at + greeting.name.length));
  }
  const spans = joinNames(mergeSpans([...greetingSpans, ...nameOccurrences(out, names), ...patternSpans(out)]), out);
  return applySpans(out, spans, lang);
}

/** Texts to redact with a report: the reply text, or the reply and the customer's message. */
export type RedactTexts = Map<string, string | { text: string; customer?: string }>;

export interface RedactedReport {
  report: LintReport;
  /** The redacted reply texts, keyed by the (redacted) result paths. */
  texts: Map<string, string>;
}

/** What a run's redaction remembers from one result to the next: paths stay distinct, a member keeps its pseudonym. */
interface PathState {
  /** Masked member ids by original path, as "msg-0007". */
  members: Map<string, string>;
  used: Set<string>;
}

function newPathState(): PathState {
  return { members: new Map(), used: new Set() };
}

/**
 * A path with personal data masked. An archive member whose id holds personal
 * data (a Message-ID is an address: "inbox.mbox#20261102.1187@yritys.fi")
 * gets a stable pseudonym instead of a mask ("inbox.mbox#msg-0001"), so the
 * members of an archive stay distinct results; an id without any is kept.
 */
function redactPath(path: string, lang: UiLang, state: PathState): string {
  const { file, member } = splitMemberPath(path);
  const head = redactFragment(file, lang, [], []);
  if (member === undefined) return head;
  let masked = member;
  if (redactFragment(member, lang, [], []) !== member) {
    masked = state.members.get(path) ?? `msg-${String(state.members.size + 1).padStart(4, '0')}`;
    state.members.set(path, masked);
  }
  return `${head}#${masked}`;
}

function mostCommonLang(results: FileResult[]): UiLang {
  const counts: Record<UiLang, number> = { fi: 0, sv: 0, en: 0 };
  for (const r of results) if (r.language !== 'unknown') counts[r.language]++;
  const best = (['fi', 'sv', 'en'] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : 'en';
}

function langOf(result: FileResult, fallback: UiLang | undefined): UiLang {
  if (fallback) return fallback;
  return result.language === 'unknown' ? 'en' : result.language;
}

/**
 * The report with personal data masked in every output field: finding `actual`, `message`,
 * `suggestions`, `fix.text`, paths, `meta.subject` and input-error details; and the texts
 * (when given) masked the same way. Agents (`meta.agent`), dates, rule ids, positions and
 * figures are kept. Same-length masks: all offsets, lines and columns stay valid.
 * `options.lang` sets the label language; by default each reply's own language.
 */
export function redactReport(report: LintReport, texts?: RedactTexts, options: { lang?: UiLang; state?: PathState } = {}): RedactedReport {
  const outTexts = new Map<string, string>();
  // Labels of masks outside any reply (input errors, stray texts): the replies' most common language.
  const common = options.lang ?? mostCommonLang(report.results);
  const state = options.state ?? newPathState();
  const uniquePath = (p: string) => {
    let candidate = p;
    for (let i = 2; state.used.has(candidate); i++) candidate = `${p}~${i}`;
    state.used.add(candidate);
    return candidate;
  };
  const seen = new Set<string>();
  const results = report.results.map((r): FileResult => {
    const lang = langOf(r, options.lang);
    const entry = texts?.get(r.path);
    const replyText = typeof entry === 'string' ? entry : entry?.text;
    const customerText = typeof entry === 'object' ? entry.customer : undefined;
    let names: string[] = [];
    let redacted: TextRedaction | undefined;
    if (customerText !== undefined) names = redactTextDetailed(customerText, { lang, role: 'customer' }).names;
    if (replyText !== undefined) {
      redacted = redactTextDetailed(replyText, { lang, role: 'reply', names });
      names = redacted.names;
    }
    // Originals of the masked spans, to mask them where findings quote them.
    const originals: [string, string][] = redacted
      ? redacted.spans
          .map((s): [string, string] => [replyText!.slice(s.offset, s.offset + s.length), redacted!.text.slice(s.offset, s.offset + s.length)])
          .sort((a, b) => b[0].length - a[0].length)
      : [];
    const frag = (s: string) => redactFragment(s, lang, names, originals);
    const findings = r.findings.map((f): Finding => {
      let actual: string;
      if (redacted && replyText!.slice(f.offset, f.offset + f.length) === f.actual) {
        actual = redacted.text.slice(f.offset, f.offset + f.length);
      } else actual = frag(f.actual);
      const out: Finding = { ...f, actual, message: frag(f.message), suggestions: f.suggestions.map(frag) };
      if (f.fix) out.fix = { ...f.fix, text: frag(f.fix.text) };
      return out;
    });
    const path = uniquePath(redactPath(r.path, lang, state));
    const result: FileResult = { ...r, path, findings, bingo: { ...r.bingo, squares: [...r.bingo.squares] } };
    if (r.meta) {
      result.meta = { ...r.meta };
      if (r.meta.subject !== undefined) result.meta.subject = frag(r.meta.subject);
      // A Message-ID is an address: the member's pseudonym stands for it, as in the path.
      if (r.meta.id !== undefined) result.meta.id = state.members.get(r.path) ?? frag(r.meta.id);
      if (r.meta.from !== undefined) result.meta.from = frag(r.meta.from);
      if (r.meta.inReplyTo !== undefined) result.meta.inReplyTo = frag(r.meta.inReplyTo);
    }
    if (redacted && !seen.has(r.path)) outTexts.set(path, redacted.text);
    seen.add(r.path);
    return result;
  });
  // Texts without a result (none expected) are still masked, never passed through.
  if (texts) {
    for (const [p, entry] of texts) {
      if (seen.has(p)) continue;
      const text = typeof entry === 'string' ? entry : entry.text;
      outTexts.set(uniquePath(redactPath(p, common, state)), redactText(text, { lang: common }));
    }
  }
  const errors = report.errors.map((e) => redactInputError(e, common, state));
  return { report: { results, errors, summary: { ...report.summary } }, texts: outTexts };
}

function redactInputError(e: InputError, lang: UiLang, state: PathState): InputError {
  const out: InputError = { ...e, path: redactPath(e.path, lang, state) };
  if (e.detail) {
    out.detail = Object.fromEntries(Object.entries(e.detail).map(([k, v]) => [k, typeof v === 'string' ? redactFragment(v, lang, [], []) : v]));
  }
  return out;
}

/** Redaction over a run, one result or input error at a time (the CLI streams its results). */
export interface Redactor {
  /** The result with its findings, path, text and silenced findings masked. */
  result(result: FileResult): FileResult;
  /** An input error with its path and details masked (for every report format and stderr). */
  error(error: InputError): InputError;
  /** A path as the results name it. */
  path(path: string): string;
  /**
   * The error of the --customer argument. One that names no file may be the
   * customer's message itself, given in place of a path
   * (`--customer "Hei, olen Anna Virtanen…"`): it is masked whole, since a
   * name in running text is not found by pattern.
   */
  customerError(error: InputError): InputError;
  /**
   * A text before and after --fix, masked alike for the diff --fix-dry-run
   * prints: the names the reply greets, the customer's (from `customer`) and
   * those greeted in `members` (a macro collection's replies, when the text is
   * the collection's file) are masked in both, and so is every pattern.
   */
  fixed(before: string, after: string, context?: { customer?: string; members?: string[] }): { before: string; after: string };
}

export function createRedactor(options: { lang?: UiLang } = {}): Redactor {
  const state = newPathState();
  const seen: Record<UiLang, number> = { fi: 0, sv: 0, en: 0 };
  const common = (): UiLang => options.lang ?? (['fi', 'sv', 'en'] as const).reduce((a, b) => (seen[b] > seen[a] ? b : a));
  const summary = { files: 1, findings: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, score: 0 };
  return {
    result(result) {
      if (result.language !== 'unknown') seen[result.language]++;
      // Same-length masks keep every position valid: the text is masked with the findings.
      const texts: RedactTexts | undefined = result.source ? new Map([[result.path, result.source]]) : undefined;
      const { report, texts: out } = redactReport({ results: [result], errors: [], summary }, texts, { ...options, state });
      const redacted = report.results[0]!;
      const text = out.get(redacted.path);
      if (text !== undefined) redacted.source = { text };
      const silenced = result.suppressedFindings;
      if (silenced?.length) {
        // Masked like the findings, against the same text; the path is not counted twice.
        const masked = redactReport({ results: [{ ...result, path: '', findings: silenced }], errors: [], summary }, texts && new Map([['', result.source!]]), options).report.results[0]!.findings;
        redacted.suppressedFindings = masked.map((f, i) => ({ ...f, ...(silenced[i]!.justification ? { justification: silenced[i]!.justification } : {}) }));
      } else delete redacted.suppressedFindings;
      return redacted;
    },
    error: (error) => redactInputError(error, common(), state),
    path: (path) => redactPath(path, common(), state),
    customerError: (error) => (error.code === 'not-found' ? { ...error, path: MASK_BLOCK.repeat(error.path.length) } : redactInputError(error, common(), state)),
    fixed(before, after, context = {}) {
      const lang = options.lang ?? guessLang(before);
      const names = context.customer !== undefined ? redactTextDetailed(context.customer, { lang, role: 'customer' }).names : [];
      for (const member of context.members ?? []) names.push(...redactTextDetailed(member, { lang, role: 'reply' }).names);
      const masked = redactTextDetailed(before, { lang, role: 'reply', names });
      // The fixed text keeps the names of the original: a fix may have moved the greeting a name was found in.
      return { before: masked.text, after: redactText(after, { lang, role: 'reply', names: masked.names }) };
    },
  };
}
