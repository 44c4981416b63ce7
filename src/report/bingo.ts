import { Chalk } from 'chalk';
import type { BingoCard } from '../engine/catalogue.js';
import { tallyBingo } from '../engine/bingo.js';
import type { FileResult, UiLang } from '../types.js';

export type BingoTally = ReturnType<typeof tallyBingo>;

const WORDS = {
  title: { fi: 'Automaattivastausbingo', sv: 'Autosvarsbingo', en: 'Auto-reply bingo' },
  replies: { fi: 'vastausta', sv: 'svar', en: 'replies' },
  points: { fi: 'pistettä', sv: 'poäng', en: 'points' },
  hits: { fi: 'osumaa', sv: 'träffar', en: 'hits' },
  example: { fi: 'esim.', sv: 't.ex.', en: 'e.g.' },
} as const;

export function bingoJson(tally: BingoTally): string {
  return `${JSON.stringify(
    {
      version: 1,
      messages: tally.messages,
      points: tally.points,
      tier: { min: tally.tier.min, max: tally.tier.max, title: tally.tier.title, verdict: tally.tier.verdict },
      squares: tally.squares,
    },
    null,
    2,
  )}\n`;
}

/** The bingo card as text: every square, its hits with one example, the points, tier and verdict. */
export function bingoText(card: BingoCard, tally: BingoTally, lang: UiLang, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [c.bold(`${WORDS.title[lang]} — ${tally.messages} ${WORDS.replies[lang]}`), ''];
  const width = Math.max(...card.squares.map((s) => s.title[lang].length));
  for (const square of card.squares) {
    const t = tally.squares.find((s) => s.id === square.id)!;
    const mark = t.hits > 0 ? c.red('■') : c.green('□');
    const head = `${mark} ${square.title[lang].padEnd(width)}  ${String(t.points)} p  ${t.hits} ${WORDS.hits[lang]}`;
    out.push(head);
    const ex = t.examples[0];
    if (ex) out.push(c.dim(`    ${WORDS.example[lang]} ${ex.path}: “${ex.actual.replace(/\s+/g, ' ').slice(0, 60)}” (${ex.ruleId})`));
  }
  out.push('');
  out.push(c.bold(`${tally.points} ${WORDS.points[lang]} — ${tally.tier.title[lang]}`));
  out.push(tally.tier.verdict[lang]);
  return `${out.join('\n')}\n`;
}

export function bingoFor(card: BingoCard, results: FileResult[]): BingoTally {
  return tallyBingo(card, results.map((r) => ({ path: r.path, findings: r.findings })));
}
