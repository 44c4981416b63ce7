import { QUOTE_BANNER, QUOTE_HEADER_FIELD, QUOTE_HEADER_START, isWroteLine } from './anatomy.js';

/**
 * The newest message in a reply's quoted history, i.e. the customer's message
 * the reply answers: below its header (Outlook's "Lähettäjä/Från/From" block,
 * Gmail's "… kirjoitti:/skrev:/wrote:", a forward banner) or its ">" quoting,
 * and above any older message quoted inside it.
 */
export function newestQuoted(quoted: string): string {
  const lines = quoted.split(/\r?\n/);
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && lines[i]!.trim() === '') i++;
  };
  skipBlank();
  // Header of the quoted message: banner, Outlook fields, or a "wrote:" line (possibly over two lines).
  if (i < lines.length && QUOTE_BANNER.test(lines[i]!)) i++;
  if (i < lines.length && QUOTE_HEADER_START.test(lines[i]!)) {
    while (i < lines.length && lines[i]!.trim() !== '' && (QUOTE_HEADER_START.test(lines[i]!) || QUOTE_HEADER_FIELD.test(lines[i]!) || /^\s*\S+\s*:/.test(lines[i]!))) i++;
  } else if (i < lines.length && isWroteLine(lines[i]!, lines[i + 1])) {
    i += /(kirjoitti|skrev|wrote)\s*:?\s*$/i.test(lines[i]!) ? 1 : 2;
  }
  skipBlank();
  const quotedStyle = i < lines.length && /^\s*>/.test(lines[i]!);
  const out: string[] = [];
  for (; i < lines.length; i++) {
    let line = lines[i]!;
    if (quotedStyle) {
      if (!/^\s*>/.test(line)) {
        if (line.trim() === '') {
          out.push('');
          continue;
        }
        break;
      }
      line = line.replace(/^\s*> ?/, '');
      // A deeper level is an older message.
      if (/^\s*>/.test(line)) break;
    }
    if (out.length > 0 && (QUOTE_BANNER.test(line) || isWroteLine(line, lines[i + 1]?.replace(/^\s*> ?/, '')))) break;
    if (out.length > 0 && QUOTE_HEADER_START.test(line) && lines.slice(i + 1, i + 6).some((l) => QUOTE_HEADER_FIELD.test(l.replace(/^\s*> ?/, '')))) break;
    out.push(line);
  }
  return out.join('\n').trim();
}
