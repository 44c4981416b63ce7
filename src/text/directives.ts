/**
 * Inline suppression comments, in any comment syntax a reply or template file
 * may use: <!-- -->, {{!-- --}}, {{! }}, {% comment %}…{% endcomment %}, {# #},
 * and "#" or "//" at the start of a line.
 */
export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty means every rule. */
  ruleIds: string[];
  /** The explanation after " -- ", if any. */
  reason?: string;
  /** The whole comment, to be blanked out before analysis. */
  start: number;
  end: number;
}

const DIRECTIVE =
  /(<!--|\{\{!--|\{\{!|\{%-?\s*comment\s*-?%\}|\{#|^[ \t]*#|^[ \t]*\/\/)[ \t]*aspalint-(disable-next-line|disable-line|disable|enable)\b([^\n]*?)[ \t]*(-->|--\}\}|\}\}|\{%-?\s*endcomment\s*-?%\}|#\}|$)/gm;

export function findDirectives(text: string): Directive[] {
  if (!text.includes('aspalint-')) return [];
  const found: Directive[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    // An explanation may follow the ids after " -- ", as in ESLint.
    const [list, ...why] = match[3]!.split(/\s--\s/);
    const reason = why.join(' -- ').trim();
    found.push({
      kind: match[2] as DirectiveKind,
      ruleIds: list!.split(/[\s,]+/).filter((id) => id.length > 0),
      ...(reason ? { reason } : {}),
      start: match.index!,
      end: match.index! + match[0].length,
    });
  }
  return found;
}

/** Replaces the given ranges with spaces, keeping every offset and line break. */
export function blankOut(text: string, ranges: { start: number; end: number }[]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let last = 0;
  for (const { start, end } of ranges) {
    out += text.slice(last, start) + text.slice(start, end).replace(/[^\n\r]/g, ' ');
    last = end;
  }
  return out + text.slice(last);
}
