import type { Check } from '../types.js';
import type { RawFinding, Trilingual } from '../../types.js';
import type { Segment } from '../../text/segments.js';
import { option } from '../util.js';

const NAMES: Record<string, Trilingual> = {
  en: { fi: 'englanniksi', sv: 'på engelska', en: 'in English' },
  fi: { fi: 'suomeksi', sv: 'på finska', en: 'in Finnish' },
  sv: { fi: 'ruotsiksi', sv: 'på svenska', en: 'in Swedish' },
};

/** A mail footer's legal text: written once for every language, not part of the reply. */
const DISCLAIMER = /\b(confidential|intended recipient|privileged|unsubscribe|disclaimer)\b/i;
/** A quotation: the customer's own words, an error message, a label they will see. */
const QUOTED = /^["“”«»'‘’„>]/;

/**
 * A block in a language the customer did not write in, in a Finnish or
 * Swedish reply: an English booking record, a supplier's answer pasted as
 * it came. Finnish and Swedish are both the reply's languages (bilingual
 * auto-replies are common in Finland), so only a segment in a third
 * language is foreign. Not flagged: a line or two of a quotation, a product
 * name, a mail footer, and the English version of a bilingual auto-reply,
 * which is prose about as long as the Finnish or Swedish one.
 */
export const foreignBlock: Check = (analysis, ctx) => {
  const lang = analysis.language;
  if (lang !== 'fi' && lang !== 'sv') return [];
  const minWords = option<number>(ctx.options, 'minWords', 8);
  const text = analysis.text;
  const segments = analysis.segments;
  const { body } = analysis.anatomy;
  // Body only: a greeting and a sign-off are there whether the middle is a translation or a paste.
  const bodyLetters = (s: Segment) => letters(text.slice(Math.max(s.start, body.start), Math.min(s.end, body.end)));
  const ownProse = Math.max(
    0,
    ...(['fi', 'sv'] as const).map((l) => segments.filter((s) => s.lang === l && !s.machine).reduce((n, s) => n + bodyLetters(s), 0)),
  );
  const findings: RawFinding[] = [];
  for (const s of segments) {
    if (s.lang === 'fi' || s.lang === 'sv' || s.lang === 'unknown' || !s.decided) continue;
    const block = text.slice(s.start, s.end);
    const words = block.match(/\p{L}+/gu)?.length ?? 0;
    if (words < minWords) continue;
    // A line of English (a quotation, an error message) is not a block; a machine record is, however short.
    if (s.lines < 2 && !s.machine) continue;
    if (QUOTED.test(block) || DISCLAIMER.test(block)) continue;
    // The English version of an auto-reply that says the same in Finnish or Swedish.
    if (!s.machine && ownProse >= 0.5 * bodyLetters(s)) continue;
    findings.push({ offset: s.start, length: s.end - s.start, data: { blockLanguage: NAMES[s.lang] ?? NAMES.en!, replyLanguage: NAMES[lang]! } });
  }
  return findings;
};

function letters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}
