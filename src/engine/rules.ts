import type { Channel, Lang, Severity, Trilingual, UiLang } from '../types.js';
import { loadCatalogue, type PhraseEntry, type RuleMeta } from './catalogue.js';
import { ConfigError, unknownRuleMessage, type Config, type RuleSetting, type SeverityOrOff } from './config.js';
import { configText } from './config-messages.js';
import { compilePattern, PhraseSet, type CompiledPhrase } from './phrases.js';
import { primeStemKeys } from '../text/stem.js';
import { pluginsOf, type PluginCheck } from './plugins.js';

/** A rule as it runs: catalogue meta with the config's severity, weight, options and phrases. */
export interface ActiveRule {
  meta: RuleMeta;
  severity: Severity;
  weight: number;
  options: Record<string, unknown>;
}

/**
 * The rules in force for a set of files with the same settings. Phrase sets
 * are compiled per language on first use.
 */
export class RuleSet {
  readonly active: ActiveRule[];
  private readonly phraseSets = new Map<string, PhraseSet | null>();
  private readonly byMessageKind = new Map<string, readonly ActiveRule[]>();

  constructor(
    readonly metas: RuleMeta[],
    settings: Record<string, SeverityOrOff | RuleSetting>,
    private readonly extraPhrases: Record<string, Partial<Record<'fi' | 'sv', PhraseEntry[]>>> = {},
    /** Checks from plugins, by rule id (ours are in checks/index.ts). */
    private readonly pluginChecks: Record<string, PluginCheck> = {},
  ) {
    this.active = [];
    for (const meta of metas) {
      const raw = settings[meta.id];
      const setting: RuleSetting = typeof raw === 'string' ? { severity: raw } : (raw ?? {});
      if (setting.severity === 'off') continue;
      this.active.push({
        meta,
        severity: setting.severity ?? meta.severity,
        weight: setting.weight ?? meta.weight,
        options: { ...meta.options, ...(setting.options ?? {}) },
      });
    }
  }

  pluginCheck(ruleId: string): PluginCheck | undefined {
    return Object.hasOwn(this.pluginChecks, ruleId) ? this.pluginChecks[ruleId] : undefined;
  }

  hasExtraPhrases(ruleId: string): boolean {
    return ruleId in this.extraPhrases;
  }

  /** The active rules for a channel and language: worked out once per pair, not once per message (the list is shared: not to be changed). */
  forMessage(channel: Channel, lang: Lang): readonly ActiveRule[] {
    const key = `${channel} ${lang}`;
    let rules = this.byMessageKind.get(key);
    if (!rules) {
      rules = this.active.filter((r) => r.meta.channels.includes(channel) && (r.meta.languages.includes(lang) || r.meta.languages.length === 0));
      this.byMessageKind.set(key, rules);
    }
    return rules;
  }

  /**
   * The phrases of every active phrase rule in one language, in one index:
   * a reply's words are walked once for all phrase rules together.
   */
  phraseSet(lang: Lang): PhraseSet | undefined {
    if (lang !== 'fi' && lang !== 'sv') return undefined;
    if (!this.phraseSets.has(lang)) {
      primeStemKeys(loadCatalogue().stemKeys ?? {});
      const compiled: CompiledPhrase[] = [];
      for (const rule of this.active) {
        const ruleId = rule.meta.id;
        const entries = [...(rule.meta.phrases?.[lang] ?? []), ...(this.extraPhrases[ruleId]?.[lang] ?? [])];
        for (const entry of entries) compiled.push({ ruleId, entry, tokens: compilePattern(entry.match, lang) });
      }
      this.phraseSets.set(lang, compiled.length > 0 ? new PhraseSet(compiled) : null);
    }
    return this.phraseSets.get(lang) ?? undefined;
  }
}

function trilingual(text: string | Partial<Record<UiLang, string>> | undefined, fallback: Trilingual): Trilingual {
  if (text === undefined) return fallback;
  if (typeof text === 'string') return { fi: text, sv: text, en: text };
  return { fi: text.fi ?? text.en ?? fallback.fi, sv: text.sv ?? text.en ?? fallback.sv, en: text.en ?? fallback.en };
}

const PLAYBOOK_TEXT: { description: Trilingual; message: Trilingual } = {
  description: {
    fi: 'Organisaation oma pelikirja: tässä tilanteessa hyvä vastaus tekee nämä asiat.',
    sv: 'Organisationens egen spelbok: i den här situationen gör ett bra svar de här sakerna.',
    en: "The organisation's own playbook: in this situation a good reply makes these moves.",
  },
  message: {
    fi: 'Vastauksesta puuttuu tässä tilanteessa: {missing}.',
    sv: 'I den här situationen saknar svaret: {missing}.',
    en: 'In this situation the reply leaves out: {missing}.',
  },
};

/** The catalogue's rules plus the plugins' and the organisation's custom phrase rules and playbooks from the config. */
export function ruleMetas(config: Config): RuleMeta[] {
  const metas = [...loadCatalogue().rules, ...pluginsOf(config).flatMap((p) => p.metas)];
  const canned = metas.find((m) => m.id === 'phrase/canned')!;
  for (const [name, playbook] of Object.entries(config.playbooks ?? {})) {
    const moves = playbook.moves.map((m) => ({ ...m, title: trilingual(m.title, { fi: m.id, sv: m.id, en: m.id }) }));
    metas.push({
      id: `playbook/${name}`,
      title: trilingual(playbook.title, { fi: name, sv: name, en: name }),
      severity: playbook.severity ?? 'warning',
      weight: playbook.weight ?? 1,
      channels: ['email', 'sms', 'chat', 'social'],
      languages: ['fi', 'sv'],
      description: PLAYBOOK_TEXT.description,
      message: PLAYBOOK_TEXT.message,
      options: { playbook: { trigger: playbook.trigger, moves } },
      examples: {},
    });
  }
  for (const [id, custom] of Object.entries(config.customRules ?? {})) {
    metas.push({
      id,
      title: trilingual(custom.title, { fi: id, sv: id, en: id }),
      severity: custom.severity ?? 'warning',
      weight: custom.weight ?? 1,
      ...(custom.bingo ? { bingo: custom.bingo } : {}),
      channels: ['email', 'sms', 'chat', 'social'],
      languages: ['fi', 'sv'],
      description: trilingual(undefined, canned.description),
      message: trilingual(custom.message, canned.message),
      options: {},
      phrases: custom.phrases,
      examples: {},
    });
  }
  return metas;
}

/** Validates rule ids given on the command line (--rule ID=severity). */
export function parseRuleFlags(flags: string[], metas: RuleMeta[]): Record<string, SeverityOrOff> {
  const out: Record<string, SeverityOrOff> = {};
  const ids = new Set(metas.map((m) => m.id));
  for (const flag of flags) {
    const m = /^([^=\s]+)=(off|info|warning|error)$/.exec(flag);
    if (!m) throw new ConfigError('--rule', null, configText('ruleFlag', { flag }));
    if (!ids.has(m[1]!)) throw new ConfigError('--rule', null, unknownRuleMessage(m[1]!, ids));
    out[m[1]!] = m[2] as SeverityOrOff;
  }
  return out;
}
