import type { Check } from './types.js';
import type { RawFinding } from '../types.js';
import type { PhraseEntry } from '../engine/catalogue.js';
import type { Analysis } from '../text/analysis.js';
import { dominantForm } from '../text/address.js';

/** The shared check of every phrase rule: report each catalogue phrase found. */
export const phraseCheck: Check = (analysis, ctx) => {
  if (!ctx.phraseMatches) return [];
  const text = analysis.message.text;
  const channel = analysis.message.channel;
  const matches = ctx.phraseMatches.filter(({ phrase }) => !phrase.entry.channels || phrase.entry.channels.includes(channel));
  return matches.map(({ phrase, start, end, floated }): RawFinding => {
    const actual = text.slice(start, end);
    const suggestions = suggestionsFor(phrase.entry, analysis).map((s) => matchCase(s, actual));
    const finding: RawFinding = {
      offset: start,
      length: end - start,
      data: { actual, suggestion: suggestions[0] ?? '' },
      suggestions,
    };
    if (phrase.entry.severity) finding.severity = phrase.entry.severity;
    // A fix replaces the whole span; words the pattern does not name would be lost with it.
    if (phrase.entry.fix !== undefined && !floated) {
      finding.fix = { offset: start, length: end - start, text: matchCase(phrase.entry.fix, actual) };
    }
    return finding;
  });
};

/**
 * The entry's suggestions in the reply's own address form: a te-form reply gets
 * "huomaattehan, että", a sinä-form one "huomaathan, että"; a reply that never
 * addresses its reader gets the familiar ones first and the polite one after.
 */
function suggestionsFor(entry: PhraseEntry, analysis: Analysis): string[] {
  const familiar = entry.suggest ?? [];
  const polite = entry.suggestPolite;
  if (!polite || polite.length === 0) return familiar;
  const form = dominantForm([...analysis.address]);
  if (form === 'polite') return polite;
  if (form === 'familiar') return familiar;
  return [...familiar, ...polite.slice(0, 1)];
}

/** Keeps a capital at the start of the replaced text. */
function matchCase(replacement: string, original: string): string {
  if (/^\p{Lu}/u.test(original)) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
