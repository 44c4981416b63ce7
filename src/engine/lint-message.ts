import type { Finding, FileResult, Message, RawFinding, Trilingual, UiLang } from '../types.js';
import { Analysis } from '../text/analysis.js';
import { CHECKS } from '../checks/index.js';
import { phraseCheck } from '../checks/phrase.js';
import { loadCatalogue } from './catalogue.js';
import { messageBingo } from './bingo.js';
import { applySuppressions } from './suppress.js';
import type { ActiveRule, RuleSet } from './rules.js';
import type { PhraseMatch } from './phrases.js';

export interface LintOptions {
  uiLang?: UiLang;
  products?: string[];
}

/** Lints one message with a rule set: analysis, checks, suppressions, score and bingo. */
export function lintMessage(message: Message, ruleSet: RuleSet, options: LintOptions = {}): FileResult {
  const analysis = new Analysis(message);
  const lang = analysis.language;
  const uiLang: UiLang = options.uiLang ?? (lang === 'fi' || lang === 'sv' ? lang : 'en');
  const findings: Finding[] = [];
  let phraseMatches: Map<string, PhraseMatch[]> | undefined;
  const matchesOf = (ruleId: string): PhraseMatch[] | undefined => {
    if (!phraseMatches) {
      phraseMatches = new Map();
      for (const m of ruleSet.phraseSet(lang)?.find(analysis) ?? []) {
        const list = phraseMatches.get(m.phrase.ruleId);
        if (list) list.push(m);
        else phraseMatches.set(m.phrase.ruleId, [m]);
      }
    }
    return phraseMatches.get(ruleId);
  };
  for (const rule of ruleSet.forMessage(message.channel, lang)) {
    const isPhraseRule = rule.meta.phrases !== undefined || ruleSet.hasExtraPhrases(rule.meta.id);
    const check = CHECKS[rule.meta.id] ?? (isPhraseRule ? phraseCheck : undefined);
    if (!check) continue;
    const matches = isPhraseRule ? matchesOf(rule.meta.id) : undefined;
    const ctx = { rule: rule.meta, options: rule.options, products: options.products ?? [], ...(matches ? { phraseMatches: matches } : {}) };
    for (const raw of check(analysis, ctx)) findings.push(toFinding(raw, rule, analysis, uiLang));
  }
  findings.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId) || a.length - b.length);
  const { kept, suppressed } = applySuppressions(findings, analysis.directives, analysis.lineIndex);
  const score = kept.reduce((sum, f) => sum + (f.severity === 'info' ? 0 : f.weight), 0);
  return {
    path: message.path,
    language: lang,
    channel: message.channel,
    score,
    bingo: messageBingo(loadCatalogue().bingo, kept),
    findings: kept,
    suppressed,
    ...(message.meta ? { meta: message.meta } : {}),
  };
}

function toFinding(raw: RawFinding, rule: ActiveRule, analysis: Analysis, uiLang: UiLang): Finding {
  const text = analysis.message.text;
  const start = analysis.lineIndex.position(raw.offset);
  const end = analysis.lineIndex.position(raw.offset + raw.length);
  const actual = text.slice(raw.offset, raw.offset + raw.length);
  const template: Trilingual = raw.message ?? rule.meta.message;
  const finding: Finding = {
    ruleId: rule.meta.id,
    // A phrase entry's own severity holds unless the config overrode the rule's.
    severity: raw.severity && rule.severity === rule.meta.severity ? raw.severity : rule.severity,
    weight: rule.weight,
    message: fillTemplate(template[uiLang], { actual, ...(raw.data ?? {}) }, uiLang),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: raw.offset,
    length: raw.length,
    actual,
    suggestions: raw.suggestions ?? [],
  };
  if (raw.fix) finding.fix = raw.fix;
  return finding;
}

export function fillTemplate(template: string, data: Record<string, string | number | Trilingual>, uiLang: UiLang): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = data[key];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[uiLang] : String(value);
  });
}
