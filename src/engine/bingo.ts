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

/** The card over a set of messages: a square is hit when any message hits it. */
export function tallyBingo(card: BingoCard, messages: { path: string; findings: Finding[] }[]) {
  const squares: SquareTally[] = card.squares.map((square) => {
    let points = 0;
    let hits = 0;
    const examples: SquareTally['examples'] = [];
    for (const m of messages) {
      const hit = m.findings.filter((f) => f.ruleId in square.rules);
      if (hit.length === 0) continue;
      hits++;
      points = Math.max(points, ...hit.map((f) => square.rules[f.ruleId]!));
      if (examples.length === 0) examples.push({ path: m.path, ruleId: hit[0]!.ruleId, actual: hit[0]!.actual });
    }
    return { id: square.id, points, hits, examples };
  });
  const points = squares.reduce((sum, s) => sum + s.points, 0);
  return { messages: messages.length, points, tier: tierFor(card, points), squares };
}
