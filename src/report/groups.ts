import type { BingoCard, BingoTier } from '../engine/catalogue.js';
import { loadCatalogue } from '../engine/catalogue.js';
import { tallyBingo, type SquareTally } from '../engine/bingo.js';
import type { FileResult, Trilingual, UiLang } from '../types.js';
import { localTime } from './local-time.js';

/** What replies can be grouped by (`--group-by`). */
export type GroupBy = 'agent' | 'month' | 'channel' | 'language';
export const GROUP_BY: readonly GroupBy[] = ['agent', 'month', 'channel', 'language'];

/** The key of replies without an agent or a readable date. Stable in JSON; shown translated. */
export const UNKNOWN_KEY = '(unknown)';

export interface RuleCount {
  ruleId: string;
  count: number;
}

export interface GroupBingo {
  points: number;
  tier: BingoTier;
  squares: SquareTally[];
}

/** The figures of one group of replies. */
export interface Group {
  key: string;
  /** Replies in the group. */
  messages: number;
  /** Mean of the replies' scores (unrounded). */
  meanScore: number;
  /** Replies with no error or warning finding. */
  clean: number;
  /** clean / messages, 0–1. */
  cleanShare: number;
  /** Error and warning findings (info hints are not counted). */
  findings: number;
  errors: number;
  warnings: number;
  /** The five rules with the most error/warning findings: count descending, then rule id. */
  topRules: RuleCount[];
  /** The bingo card over the group's replies. */
  bingo: GroupBingo;
}

/** The group key of one result; a month is the one its writer (or `timeZone`) was in, not UTC's. */
export function groupKey(result: FileResult, by: GroupBy, timeZone?: string): string {
  switch (by) {
    case 'agent': {
      const agent = result.meta?.agent?.trim();
      return agent ? agent : UNKNOWN_KEY;
    }
    case 'month':
      return monthOf(localTime(result.meta, timeZone)?.day ?? result.meta?.date);
    case 'channel':
      return result.channel;
    case 'language':
      return result.language;
  }
}

/** "2025-03-04T10:12:00+02:00" → "2025-03"; RFC 2822 dates are read too (in UTC); anything else → UNKNOWN_KEY. */
export function monthOf(date: string | undefined): string {
  if (!date) return UNKNOWN_KEY;
  const iso = /^\s*(\d{4})-(\d{2})(?:-\d{2})?(?:[T\s]|$)/.exec(date);
  if (iso) {
    const month = Number(iso[2]);
    return month >= 1 && month <= 12 ? `${iso[1]}-${iso[2]}` : UNKNOWN_KEY;
  }
  // Only strings that name a month in words (mbox "Date:" headers); bare numbers are too ambiguous.
  if (!/[a-z]{3}/i.test(date)) return UNKNOWN_KEY;
  const ms = Date.parse(date);
  if (Number.isNaN(ms)) return UNKNOWN_KEY;
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

// Created on first use: loading ICU's collation data costs ~8 ms, which every cold run would pay.
let collator: Intl.Collator | undefined;

/** Key order: by key (Nordic collation, numbers by value), the unknown group last, ties by code units. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === UNKNOWN_KEY) return 1;
  if (b === UNKNOWN_KEY) return -1;
  collator ??= new Intl.Collator('sv', { sensitivity: 'variant', numeric: true });
  return collator.compare(a, b) || (a < b ? -1 : 1);
}

function counted(result: FileResult) {
  return result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
}

/** Groups results by agent, month, channel or language, in key order. */
export function groupResults(results: FileResult[], by: GroupBy, card: BingoCard = loadCatalogue().bingo, timeZone?: string): Group[] {
  const buckets = new Map<string, FileResult[]>();
  for (const r of results) {
    const key = groupKey(r, by, timeZone);
    const list = buckets.get(key);
    if (list) list.push(r);
    else buckets.set(key, [r]);
  }
  return [...buckets.keys()].sort(compareKeys).map((key) => summariseGroup(key, buckets.get(key)!, card));
}

/** The figures of one set of replies (also used for the whole report). */
export function summariseGroup(key: string, results: FileResult[], card: BingoCard): Group {
  let score = 0;
  let clean = 0;
  let errors = 0;
  let warnings = 0;
  const rules = new Map<string, number>();
  for (const r of results) {
    score += r.score;
    const findings = counted(r);
    if (findings.length === 0) clean++;
    for (const f of findings) {
      if (f.severity === 'error') errors++;
      else warnings++;
      rules.set(f.ruleId, (rules.get(f.ruleId) ?? 0) + 1);
    }
  }
  const topRules = [...rules.entries()]
    .map(([ruleId, count]) => ({ ruleId, count }))
    .sort((a, b) => b.count - a.count || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
    .slice(0, 5);
  const tally = tallyBingo(card, results.map((r) => ({ path: r.path, findings: r.findings })));
  const n = results.length;
  return {
    key,
    messages: n,
    meanScore: n === 0 ? 0 : score / n,
    clean,
    cleanShare: n === 0 ? 0 : clean / n,
    findings: errors + warnings,
    errors,
    warnings,
    topRules,
    bingo: { points: tally.points, tier: tally.tier, squares: tally.squares },
  };
}

// ---------------------------------------------------------------------------
// Number formatting shared by the text and HTML reports (deterministic, no Intl).

/** "1,5" in Finnish and Swedish, "1.5" in English; at most `digits` decimals, trailing zeros dropped. */
export function formatNumber(value: number, lang: UiLang, digits = 1): string {
  let fixed = (Math.round(value * 10 ** digits) / 10 ** digits).toFixed(digits);
  if (fixed.includes('.')) fixed = fixed.replace(/\.?0+$/, '');
  const s = fixed === '-0' ? '0' : fixed;
  return lang === 'en' ? s : s.replace('.', ',');
}

/** "80 %" in Finnish and Swedish (with a no-break space), "80%" in English. */
export function formatPercent(share: number, lang: UiLang): string {
  const n = formatNumber(share * 100, lang, 0);
  return lang === 'en' ? `${n}%` : `${n}\u00a0%`;
}

export const GROUP_WORDS = {
  group: { fi: 'Ryhmä', sv: 'Grupp', en: 'Group' },
  agent: { fi: 'Asiakaspalvelija', sv: 'Handläggare', en: 'Agent' },
  month: { fi: 'Kuukausi', sv: 'Månad', en: 'Month' },
  channel: { fi: 'Kanava', sv: 'Kanal', en: 'Channel' },
  language: { fi: 'Kieli', sv: 'Språk', en: 'Language' },
  replies: { fi: 'Vastauksia', sv: 'Svar', en: 'Replies' },
  meanScore: { fi: 'Pisteet ka.', sv: 'Poäng snitt', en: 'Mean score' },
  clean: { fi: 'Puhtaita', sv: 'Felfria', en: 'Clean' },
  bingo: { fi: 'Bingo', sv: 'Bingo', en: 'Bingo' },
  topRules: { fi: 'Yleisimmät säännöt', sv: 'Vanligaste reglerna', en: 'Top rules' },
  unknown: { fi: '(tuntematon)', sv: '(okänd)', en: '(unknown)' },
} satisfies Record<string, Trilingual>;

/** The key as shown to people: the unknown group in the UI language. */
export function displayKey(key: string, lang: UiLang): string {
  return key === UNKNOWN_KEY ? GROUP_WORDS.unknown[lang] : key;
}

/** Width in terminal columns, roughly: one per code point. */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

/** The groups as a compact table, headers in the UI language. */
export function formatGroupsText(groups: Group[], uiLang: UiLang, by?: GroupBy): string {
  const head = [
    (by ? GROUP_WORDS[by] : GROUP_WORDS.group)[uiLang],
    GROUP_WORDS.replies[uiLang],
    GROUP_WORDS.meanScore[uiLang],
    GROUP_WORDS.clean[uiLang],
    GROUP_WORDS.bingo[uiLang],
    GROUP_WORDS.topRules[uiLang],
  ];
  const rows = groups.map((g) => [
    displayKey(g.key, uiLang),
    String(g.messages),
    formatNumber(g.meanScore, uiLang),
    formatPercent(g.cleanShare, uiLang).replace('\u00a0', ' '),
    `${g.bingo.points} · ${g.bingo.tier.title[uiLang]}`,
    g.topRules.slice(0, 3).map((r) => `${r.ruleId} ×${r.count}`).join(', '),
  ]);
  const numeric = [false, true, true, true, false, false];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!, numeric[i])))
      .join('  ')
      .trimEnd();
  const out = [line(head), widths.map((w, i) => '─'.repeat(i === widths.length - 1 ? Math.max(w, 1) : w)).join('  '), ...rows.map(line)];
  return `${out.join('\n')}\n`;
}

/** The JSON shape of the groups (`--group-by … --format json`), version 1. Numbers rounded to 2 decimals. */
export function groupsJsonValue(groups: Group[], by: GroupBy) {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    version: 1 as const,
    groupBy: by,
    groups: groups.map((g) => ({
      key: g.key,
      messages: g.messages,
      meanScore: round(g.meanScore),
      clean: g.clean,
      cleanShare: round(g.cleanShare),
      findings: g.findings,
      errors: g.errors,
      warnings: g.warnings,
      topRules: g.topRules.map((r) => ({ ruleId: r.ruleId, count: r.count })),
      bingo: {
        points: g.bingo.points,
        tier: { min: g.bingo.tier.min, max: g.bingo.tier.max, title: g.bingo.tier.title },
        squares: g.bingo.squares.filter((s) => s.hits > 0).map((s) => ({ id: s.id, points: s.points, hits: s.hits })),
      },
    })),
  };
}

export function formatGroupsJson(groups: Group[], by: GroupBy): string {
  return `${JSON.stringify(groupsJsonValue(groups, by), null, 2)}\n`;
}
