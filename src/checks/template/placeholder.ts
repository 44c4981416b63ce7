import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';

/** Placeholder syntaxes of template tools and hand-written drafts. */
const PLACEHOLDERS: RegExp[] = [
  /\{\{\{?[^{}\n]{1,80}\}?\}\}/g, // {{name}}, {{{body}}}, {{ ticket.requester.first_name }}
  /\{%[^%\n]{1,80}%\}/g, // {% if … %}
  /\$\{[^}\n]{1,40}\}/g, // ${name}
  /\*\|[A-Z_]{2,30}\|\*/g, // *|FNAME|*
  /%[A-Z][A-Z_]{1,30}%/g, // %NAME%
  /\[\s*\p{Lu}[\p{Lu}\s_-]{1,40}\]/gu, // [NIMI], [ASIAKKAAN NIMI]
  /\[(?:asiakkaan|kundens|customer|nimi|namn|name|etunimi|förnamn|päivämäärä|pvm|datum|date|tilausnumero|ordernummer|summa|belopp|osoite|adress|agentin|handläggarens|oma nimi|ditt namn|your name)[^\]\n]{0,30}\]/giu,
  /\[[^\]\n]{0,30}(?:nimi|namn|name|numero|nummer|pvm|päivämäärä|datum|date|summa|belopp|osoite|adress|e-post|sähköposti|puhelin|telefon)\]/giu,
  /<(?:nimi|namn|name|asiakas|kund|etunimi|förnamn)[^<>@\n]{0,20}>/giu,
  /\{(?:[a-z]+_)*[a-z]+\}/g, // {name}, {first_name}
  /(?<![\p{L}\p{N}])X{3,}(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])XX\.XX\.(?:XXXX|XX)?/gu,
];

/** Unfilled placeholders in a draft: "[NIMI]", "{{name}}", "%NAME%", "XXX". */
export const placeholder: Check = (analysis) => {
  const text = analysis.message.text.slice(0, analysis.anatomy.replyEnd);
  const findings: RawFinding[] = [];
  for (const pattern of PLACEHOLDERS) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (findings.some((f) => start < f.offset + f.length && end > f.offset)) continue;
      findings.push({ offset: start, length: m[0].length });
    }
  }
  return findings.sort((a, b) => a.offset - b.offset);
};
