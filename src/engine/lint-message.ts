import type { Finding, FileResult, Lang, Message, RawFinding, Severity, Trilingual, UiLang } from '../types.js';
import { Analysis } from '../text/analysis.js';
import { CHECKS } from '../checks/index.js';
import { phraseCheck } from '../checks/phrase.js';
import { playbookCheck } from '../checks/thread/playbook.js';
import { loadCatalogue } from './catalogue.js';
import { messageBingo } from './bingo.js';
import { applySuppressions } from './suppress.js';
import { unusedDirectiveFindings } from './unused-directives.js';
import type { ActiveRule, RuleSet } from './rules.js';
import type { PhraseMatch } from './phrases.js';
import { safeSpan } from '../text/lines.js';
import { blankControls, findTemplateSyntax, type TemplateSyntax } from '../text/template.js';
import { blankOut } from '../text/directives.js';
import { detach } from '../text/detach.js';

/**
 * Rules that judge the reply as a whole (its frame, its channel, its thread,
 * its layout) run once on the whole text in the reply's language; the others
 * run on each language's part of a bilingual reply (Analysis.view).
 */
const WHOLE_MESSAGE = /^(greeting|signoff|thread|channel|template|privacy)\/|^format\/(all-caps|spacing|foreign-block)$/;

/**
 * Rules whose phrases are the codes a booking or ticket system prints ("GTD",
 * "PAX", "ISO 9001"): they also read a machine record in English pasted into
 * a Finnish or Swedish reply, with the reply's own phrase list, since its
 * reader is the reply's. No other rule does: the record is not the writer's prose.
 */
const READS_MACHINE_RECORDS = new Set(['phrase/jargon']);

/** The rules of one language and the part of the reply they read. */
interface Unit {
  lang: Lang;
  analysis: Analysis;
  rules: readonly ActiveRule[];
}

export interface LintOptions {
  uiLang?: UiLang;
  products?: string[];
  /** --no-inline-config: aspalint-disable comments silence nothing (they are still not linted as text). */
  noInlineConfig?: boolean;
  /** --report-unused-disable-directives: the severity of a finding for each disable comment that silenced nothing. */
  reportUnusedDisableDirectives?: Severity;
}

/**
 * Lints one message with a rule set: analysis, checks, suppressions, score
 * and bingo. A template's control tags ({% if %}, {{#each}}) are blanked out
 * before analysis, keeping every offset; its placeholders stay, read as names.
 */
export function lintMessage(message: Message, ruleSet: RuleSet, options: LintOptions = {}): FileResult {
  const run = new MessageRun(message, ruleSet, options);
  run.check(() => true);
  return run.result();
}

/**
 * lintMessage while a speller (the language component) is still loading in
 * the background: the rules that need it for this message's language run
 * once `loaded` resolves, the others meanwhile. The result is lintMessage's.
 */
export async function lintMessageWhenLoaded(
  message: Message,
  ruleSet: RuleSet,
  options: LintOptions,
  component: 'voikko' | 'hunspell',
  loaded: Promise<void>,
): Promise<FileResult> {
  const run = new MessageRun(message, ruleSet, options);
  const needs = (rule: ActiveRule, lang: Lang) => rule.meta.requires?.[lang as 'fi' | 'sv'] === component;
  run.check((rule, lang) => !needs(rule, lang));
  if (run.units().some(({ lang, rules }) => rules.some((rule) => needs(rule, lang)))) {
    await loaded;
    run.check(needs);
  }
  return run.result();
}

class MessageRun {
  private readonly syntax: TemplateSyntax | null;
  private readonly analysis: Analysis;
  readonly lang: Lang;
  private readonly uiLang: UiLang;
  private readonly findings: Finding[] = [];
  private readonly phraseMatches = new Map<Analysis, Map<string, PhraseMatch[]>>();
  private _units: Unit[] | undefined;

  constructor(
    private readonly message: Message,
    private readonly ruleSet: RuleSet,
    private readonly options: LintOptions,
  ) {
    this.syntax = message.template ? findTemplateSyntax(message.text) : null;
    this.analysis = new Analysis(this.syntax ? { ...message, text: blankControls(message.text, this.syntax) } : message);
    this.lang = this.analysis.language;
    this.uiLang = options.uiLang ?? (this.lang === 'fi' || this.lang === 'sv' ? this.lang : 'en');
  }

  /**
   * What runs on what: the whole-message rules on the whole reply; the
   * others on the reply itself where it has one language, or on each
   * language's view of it where it has several.
   */
  units(): Unit[] {
    if (this._units) return this._units;
    const { analysis, ruleSet, message } = this;
    const langs = analysis.languages;
    if (langs.length < 2) return (this._units = [{ lang: this.lang, analysis, rules: ruleSet.forMessage(message.channel, this.lang) }]);
    const units: Unit[] = [
      { lang: this.lang, analysis, rules: ruleSet.forMessage(message.channel, this.lang).filter((r) => WHOLE_MESSAGE.test(r.meta.id)) },
    ];
    for (const lang of langs) {
      units.push({ lang, analysis: analysis.view(lang), rules: ruleSet.forMessage(message.channel, lang).filter((r) => !WHOLE_MESSAGE.test(r.meta.id)) });
    }
    const lang = this.lang;
    const records = lang === 'fi' || lang === 'sv' ? analysis.segments.filter((s) => s.machine && s.lang !== 'fi' && s.lang !== 'sv') : [];
    const recordRules = records.length > 0 ? ruleSet.forMessage(message.channel, lang).filter((r) => READS_MACHINE_RECORDS.has(r.meta.id)) : [];
    if ((lang === 'fi' || lang === 'sv') && recordRules.length > 0) {
      // The records alone, the rest blanked (offsets unchanged), read as the reply's language.
      const rest = analysis.segments.filter((s) => !records.includes(s));
      const text = blankOut(analysis.message.text, rest);
      units.push({ lang, analysis: new Analysis({ ...analysis.message, text, lang }, { segments: records, customer: null }), rules: recordRules });
    }
    return (this._units = units);
  }

  /** Runs the message's rules that `which` selects. */
  check(which: (rule: ActiveRule, lang: Lang) => boolean): void {
    const { syntax, ruleSet } = this;
    for (const { lang, analysis, rules } of this.units()) {
      for (const rule of rules) {
        if (!which(rule, lang)) continue;
        // In a template a placeholder is meant to be there.
        if (syntax && rule.meta.id === 'template/placeholder') continue;
        const isPhraseRule = rule.meta.phrases !== undefined || ruleSet.hasExtraPhrases(rule.meta.id);
        const check = (Object.hasOwn(CHECKS, rule.meta.id) ? CHECKS[rule.meta.id] : undefined) ?? ruleSet.pluginCheck(rule.meta.id) ?? (isPhraseRule ? phraseCheck : rule.meta.options.playbook ? playbookCheck : undefined);
        if (!check) continue;
        const matches = isPhraseRule ? this.matchesOf(rule.meta.id, analysis) : undefined;
        const ctx = { rule: rule.meta, options: rule.options, products: this.options.products ?? [], ...(matches ? { phraseMatches: matches } : {}) };
        for (const raw of check(analysis, ctx)) {
          // Blanking a tag can leave what looks like a double space or a gap: not the writer's doing.
          if (syntax && syntax.controls.length > 0 && intersectsControl(syntax, raw.offset, raw.offset + Math.max(1, raw.length))) continue;
          // A placeholder's name ("{RESET_PASSWORD}", "{{ ticket.id }}") is the developer's word, not the reader's,
          // for the rules that judge words as written (a whole-message rule's span on one only marks where).
          if (syntax && syntax.placeholders.length > 0 && JUDGES_WORDS.test(rule.meta.id) && lettersInPlaceholders(syntax, analysis.message.text, raw.offset, raw.offset + raw.length)) continue;
          this.findings.push(toFinding(raw, rule, this.analysis, this.uiLang));
        }
      }
    }
  }

  /** The phrase rules' matches in one language's part, found in one walk over the words for all of them. */
  private matchesOf(ruleId: string, analysis: Analysis): PhraseMatch[] | undefined {
    let byRule = this.phraseMatches.get(analysis);
    if (!byRule) {
      byRule = new Map();
      this.phraseMatches.set(analysis, byRule);
      for (const m of this.ruleSet.phraseSet(analysis.language)?.find(analysis) ?? []) {
        const list = byRule.get(m.phrase.ruleId);
        if (list) list.push(m);
        else byRule.set(m.phrase.ruleId, [m]);
      }
    }
    return byRule.get(ruleId);
  }

  result(): FileResult {
    const { message, analysis, findings } = this;
    findings.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId) || a.length - b.length);
    const { kept, suppressed, unused } = applySuppressions(findings, this.options.noInlineConfig ? [] : analysis.directives, analysis.lineIndex);
    const severity = this.options.reportUnusedDisableDirectives;
    if (severity && unused.length > 0) {
      kept.push(...unusedDirectiveFindings(unused, severity, analysis.message, analysis.lineIndex, this.uiLang));
      kept.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId) || a.length - b.length);
    }
    const score = scoreOf(kept);
    return {
      path: message.path,
      language: this.lang,
      channel: message.channel,
      score,
      bingo: messageBingo(loadCatalogue().bingo, kept),
      findings: kept,
      suppressed: suppressed.length,
      ...(suppressed.length > 0 ? { suppressedFindings: suppressed } : {}),
      ...(message.meta ? { meta: message.meta } : {}),
    };
  }
}

/** Rules whose findings are about the words they span: capitals, spelling, grammar, phrases. */
const JUDGES_WORDS = /^(format|spelling|grammar|phrase)\//;

/** Whether a span touches a control tag, or the blanked gap right around one. */
function intersectsControl(syntax: TemplateSyntax, start: number, end: number): boolean {
  return syntax.controls.some((c) => start <= c.end && end >= c.start);
}

/** Whether every letter of a span lies inside placeholders: "POST_SUBJECT}\" {SITENAME" is two of them and punctuation. */
function lettersInPlaceholders(syntax: TemplateSyntax, text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const inside = syntax.placeholders.filter((p) => p.start < end && p.end > start);
  if (inside.length === 0) return false;
  for (let i = start; i < end; i++) {
    if (/\p{L}/u.test(text[i]!) && !inside.some((p) => i >= p.start && i < p.end)) return false;
  }
  return true;
}

function toFinding(raw: RawFinding, rule: ActiveRule, analysis: Analysis, uiLang: UiLang): Finding {
  const text = analysis.message.text;
  const locate = analysis.message.locate ?? ((offset: number) => analysis.lineIndex.position(offset));
  // Every check's span passes here: inside the text, whole characters (see safeSpan).
  const span = safeSpan(text, raw.offset, raw.length);
  const start = locate(span.offset);
  const end = locate(span.offset + span.length);
  const actual = detach(text.slice(span.offset, span.offset + span.length));
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
    offset: span.offset,
    length: span.length,
    actual,
    suggestions: (raw.suggestions ?? []).map(detach),
  };
  if (raw.fix) finding.fix = { ...raw.fix, text: detach(raw.fix.text) };
  return finding;
}

export function fillTemplate(template: string, data: Record<string, string | number | Trilingual>, uiLang: UiLang): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = data[key];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[uiLang] : String(value);
  });
}

/** A reply's score: the weights of its findings, info findings weighing nothing. */
export function scoreOf(findings: readonly Finding[]): number {
  return findings.reduce((sum, f) => sum + (f.severity === 'info' ? 0 : f.weight), 0);
}
