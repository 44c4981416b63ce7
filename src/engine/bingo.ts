import type { BingoCard, BingoTier } from './catalogue.js';
import type { BingoResult, Finding } from '../types.js';

/** Squares one message hits, and its points (a square counts its highest rule). */
export function messageBingo(card: BingoCard, findings: Finding[]): BingoResult {
  const ids = new Set(findings.map((f) => f.ruleId));
  let points = 0;
  const squares: string[] = [];
  for (const square of card.squares) {
    const hit = Object.entries(square.rules).filter(([rule]) => ids.has(rule));
    if (hit.length === 0) continue;
    squares.push(square.id);
    points += Math.max(...hit.map(([, p]) => p));
  }
  return { points, squares };
}

export function tierFor(card: BingoCard, points: number): BingoTier {
  const tiers = [...card.tiers].sort((a, b) => a.min - b.min);
  return tiers.find((t) => points >= t.min && points <= t.max) ?? tiers[tiers.length - 1]!;
}

export interface SquareTally {
  id: string;
  points: number;
  hits: number;
  examples: { path: string; ruleId: string; actual: string }[];
}

/** The card over a stream of messages, one at a time: a square is hit when any message hits it. */
export class BingoTally {
  private messages = 0;
  private readonly squares: SquareTally[];

  constructor(private readonly card: BingoCard) {
    this.squares = card.squares.map((s) => ({ id: s.id, points: 0, hits: 0, examples: [] }));
  }

  add(path: string, findings: Finding[]): void {
    this.messages++;
    this.card.squares.forEach((square, i) => {
      const hit = findings.filter((f) => f.ruleId in square.rules);
      if (hit.length === 0) return;
      const tally = this.squares[i]!;
      tally.hits++;
      tally.points = Math.max(tally.points, ...hit.map((f) => square.rules[f.ruleId]!));
      if (tally.examples.length === 0) tally.examples.push({ path, ruleId: hit[0]!.ruleId, actual: hit[0]!.actual });
    });
  }

  result() {
    const points = this.squares.reduce((sum, s) => sum + s.points, 0);
    return { messages: this.messages, points, tier: tierFor(this.card, points), squares: this.squares };
  }
}

export function tallyBingo(card: BingoCard, messages: { path: string; findings: Finding[] }[]) {
  const tally = new BingoTally(card);
  for (const m of messages) tally.add(m.path, m.findings);
  return tally.result();
}
