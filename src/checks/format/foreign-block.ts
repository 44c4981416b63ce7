import type { Check } from '../types.js';
import type { RawFinding, Trilingual } from '../../types.js';
import { PLACEHOLDER, withoutAddresses, wordsOf, type Segment } from '../../text/segments.js';
import { cueScores } from '../../text/language.js';
import { option } from '../util.js';

const NAMES: Record<string, Trilingual> = {
  en: { fi: 'englanniksi', sv: 'på engelska', en: 'in English' },
  fi: { fi: 'suomeksi', sv: 'på finska', en: 'in Finnish' },
  sv: { fi: 'ruotsiksi', sv: 'på svenska', en: 'in Swedish' },
};

/** A mail footer's legal text or a device's: written once for every mail, not part of the reply. */
const FOOTER = /\b(confidential|intended recipient|privileged|unsubscribe|disclaimer)\b|^(sent from my|get outlook for)\b/i;
/** A quotation: the customer's own words, an error message, a label they will see. */
const QUOTED = /^["“”«»'‘’„>]/;
/**
 * What a left-over line of a half-translated template looks like: a
 * sentence, a field label ("Subject:") or a salutation or closing ("Your
 * … Team,"). A title or a name in English ("The Lord of the Rings") has
 * none of these.
 */
const SENTENCE_OR_LABEL = /[.!?:,;](\s|$)|[.!?]$/;
/**
 * A field line of a header or a form: "Subject: Your order has shipped",
 * "Order: {order_name} Placed on {date}" (a table row with tabs is one too):
 * a label of up to three words and a value that is no sentence. It names
 * what follows or repeats a mail's subject; it is no prose the customer must
 * read in English. "Note: Your parcel will arrive tomorrow." is a sentence.
 */
const FIELD = /^\p{L}[\p{L}'-]*(?: [\p{L}'-]+){0,2}:(?:\s[^.!?]*)?$/u;
const FIELD_WORDS = 10;
/** Sentences in a text: "." "!" "?" before white space or at the end. */
const SENTENCE_ENDS = /[.!?](?=\s|$)/g;

/**
 * A block in a language the customer did not write in, in a Finnish or
 * Swedish reply: an English booking record, a supplier's answer pasted as
 * it came, or the lines a half-translated template left in English
 * ("Topic:", "Your … Team,", an instruction). Finnish and Swedish are both
 * the reply's languages (bilingual auto-replies are common in Finland), so
 * only a segment in a third language is foreign. Not flagged: a quotation,
 * a product name or title, a mail footer, a header of fields ("Subject: …"),
 * a title or slogan in the signature, a paragraph whose own words are no
 * English (a name or a link beside an English one), one short English
 * sentence inside a Finnish or Swedish line, and the English version of a
 * bilingual auto-reply: English prose about as long as the Finnish or
 * Swedish version. English that is much shorter than that is what the
 * translation left out; much longer, a paste. Reported paragraph by
 * paragraph, except a machine record, which is one block.
 */
export const foreignBlock: Check = (analysis, ctx) => {
  const lang = analysis.language;
  if (lang !== 'fi' && lang !== 'sv') return [];
  const minWords = option<number>(ctx.options, 'minWords', 8);
  const minFragmentWords = option<number>(ctx.options, 'minFragmentWords', 2);
  const minInlineWords = option<number>(ctx.options, 'minInlineWords', 12);
  const text = analysis.text;
  const segments = analysis.segments;
  const { body } = analysis.anatomy;
  // Body only: a greeting and a sign-off are there whether the middle is a translation or a paste.
  const bodyLetters = (s: Segment) => letters(text.slice(Math.max(s.start, body.start), Math.min(s.end, body.end)));
  const proseOf = (l: string, measure: (s: Segment) => number) =>
    segments.filter((s) => s.lang === l && !s.machine && s.decided).reduce((n, s) => n + measure(s), 0);
  const wholeLetters = (s: Segment) => letters(text.slice(s.start, s.end));
  // The reply's own prose in its best-represented language, measured once and only if a foreign part needs it.
  let ownProse: { own: number; ownBody: number } | undefined;
  const own = () =>
    (ownProse ??= {
      own: Math.max(...(['fi', 'sv'] as const).map((l) => proseOf(l, wholeLetters))),
      ownBody: Math.max(...(['fi', 'sv'] as const).map((l) => proseOf(l, bodyLetters))),
    });
  const signature = analysis.anatomy.signOff?.signature ?? [];
  const inSignature = (start: number, end: number) => signature.length > 0 && start >= signature[0]!.start && end <= signature[signature.length - 1]!.end;
  const findings: RawFinding[] = [];
  for (const s of segments) {
    if (s.lang === 'fi' || s.lang === 'sv' || s.lang === 'unknown' || !s.decided) continue;
    if (s.machine) {
      // A machine record is a block however few its lines or paragraphs.
      const block = text.slice(s.start, s.end);
      if (QUOTED.test(block) || FOOTER.test(block) || wordCount(block) < minWords) continue;
      findings.push(finding(s.start, s.end, s.lang));
      continue;
    }
    // The version of the whole reply in this language (a trilingual notice), or a paste or a left-over?
    const foreign = proseOf(s.lang, wholeLetters);
    // A short Finnish frame around a long paste can weigh as much as it with its greeting and sign-off: the bodies decide.
    const { own: ownLetters, ownBody } = own();
    if (foreign >= 0.5 * ownLetters && foreign <= 2 * ownLetters && ownBody >= 0.5 * bodyLetters(s)) continue;
    // Each paragraph on its own: a name, an address or a link beside an English paragraph took its language, not its words.
    for (const p of paragraphs(text, s)) {
      const block = text.slice(p.start, p.end);
      if (QUOTED.test(block) || FOOTER.test(block) || !englishWords(block, s.lang)) continue;
      const lines = block.split('\n');
      // A header of fields ("Topic: …", "Subject: …"): labels, not prose.
      if (lines.every((l) => l.includes('\t') || (FIELD.test(l.trim()) && wordCount(l) <= FIELD_WORDS))) continue;
      const words = wordCount(block);
      if (words < minFragmentWords) continue;
      // A title or a slogan under the writer's name ("Customer Success Manager", "The best deals in town."), not a salutation left in English ("Your … Team,").
      if (inSignature(p.start, p.end) && words < minInlineWords && !/,$/m.test(block)) continue;
      if (s.inline) {
        // A sentence inside a Finnish or Swedish line: two sentences, or a long one, are a block; one short one may be a title or a phrase.
        const sentences = block.match(SENTENCE_ENDS)?.length ?? 0;
        if (sentences < 2 && words < minInlineWords) continue;
      } else if (words < minWords) {
        // A short English line is a left-over only where it reads as a sentence, a label or a salutation.
        if (!SENTENCE_OR_LABEL.test(block.replace(PLACEHOLDER, ''))) continue;
      }
      findings.push(finding(p.start, p.end, s.lang));
    }
  }
  return findings;

  function finding(start: number, end: number, blockLang: string): RawFinding {
    return { offset: start, length: end - start, data: { blockLanguage: NAMES[blockLang] ?? NAMES.en!, replyLanguage: NAMES[lang]! } };
  }
};

/** The paragraphs of a segment (lines between blank lines), trimmed. */
function paragraphs(text: string, s: Segment): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\n[ \t]*(?:\r?\n[ \t]*)+/g;
  re.lastIndex = s.start;
  let from = s.start;
  for (let m = re.exec(text); m && m.index < s.end; m = re.exec(text)) {
    out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: from, end: s.end });
  return out
    .map(({ start, end }) => {
      const slice = text.slice(start, end);
      return { start: start + (slice.length - slice.trimStart().length), end: start + slice.trimEnd().length };
    })
    .filter((p) => p.end > p.start);
}

/**
 * Whether a paragraph's own words are in the segment's language: two cue
 * words or more, and more than of Finnish and Swedish. A paragraph without
 * ("Toteutus: [PrestaShop](…)", a name, "Mannerheimintie 5 A 12") only took
 * the language of the paragraph beside it.
 */
function englishWords(block: string, lang: string): boolean {
  if (lang !== 'en') return true;
  const scores = cueScores(wordsOf(withoutAddresses(block)));
  return scores.en >= 2 && scores.en > scores.fi + scores.sv;
}

/** Words outside placeholders: "%{company.name}" is no English word. */
function wordCount(text: string): number {
  return withoutAddresses(text).replace(PLACEHOLDER, ' ').match(/\p{L}+/gu)?.length ?? 0;
}

function letters(text: string): number {
  return text.replace(PLACEHOLDER, ' ').match(/\p{L}/gu)?.length ?? 0;
}
