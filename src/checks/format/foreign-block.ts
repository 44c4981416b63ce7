import type { Check } from '../types.js';
import type { RawFinding, Trilingual } from '../../types.js';
import { PLACEHOLDER, type Segment } from '../../text/segments.js';
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
 * A block in a language the customer did not write in, in a Finnish or
 * Swedish reply: an English booking record, a supplier's answer pasted as
 * it came, or the lines a half-translated template left in English
 * ("Topic:", "Your … Team,", an instruction). Finnish and Swedish are both
 * the reply's languages (bilingual auto-replies are common in Finland), so
 * only a segment in a third language is foreign. Not flagged: a quotation,
 * a product name or title, a mail footer, and the English version of a
 * bilingual auto-reply: English prose about as long as the Finnish or
 * Swedish version. English that is much shorter than that is what the
 * translation left out; much longer, a paste.
 */
export const foreignBlock: Check = (analysis, ctx) => {
  const lang = analysis.language;
  if (lang !== 'fi' && lang !== 'sv') return [];
  const minWords = option<number>(ctx.options, 'minWords', 8);
  const minFragmentWords = option<number>(ctx.options, 'minFragmentWords', 2);
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
  const findings: RawFinding[] = [];
  for (const s of segments) {
    if (s.lang === 'fi' || s.lang === 'sv' || s.lang === 'unknown' || !s.decided) continue;
    const block = text.slice(s.start, s.end);
    if (QUOTED.test(block) || FOOTER.test(block)) continue;
    const words = wordCount(block);
    if (s.machine) {
      // A machine record is a block however few its lines.
      if (words < minWords) continue;
    } else {
      if (words < minFragmentWords) continue;
      // The version of the whole reply in this language (a trilingual notice), or a paste or a left-over?
      const foreign = proseOf(s.lang, wholeLetters);
      // A short Finnish frame around a long paste can weigh as much as it with its greeting and sign-off: the bodies decide.
      const { own: ownLetters, ownBody } = own();
      const parallel = foreign >= 0.5 * ownLetters && foreign <= 2 * ownLetters && ownBody >= 0.5 * bodyLetters(s);
      if (parallel) continue;
      // A short English line is a left-over only where it reads as a sentence, a label or a salutation.
      if (words < minWords && !SENTENCE_OR_LABEL.test(block.replace(PLACEHOLDER, ''))) continue;
    }
    findings.push({ offset: s.start, length: s.end - s.start, data: { blockLanguage: NAMES[s.lang] ?? NAMES.en!, replyLanguage: NAMES[lang]! } });
  }
  return findings;
};

/** Words outside placeholders: "%{company.name}" is no English word. */
function wordCount(text: string): number {
  return text.replace(PLACEHOLDER, ' ').match(/\p{L}+/gu)?.length ?? 0;
}

function letters(text: string): number {
  return text.replace(PLACEHOLDER, ' ').match(/\p{L}/gu)?.length ?? 0;
}
