/**
 * What the servers (MCP, HTTP, language server) share: one linter per
 * process, built once with the config the CLI would find, and the three
 * things a writer asks of it — lint a draft, fix a draft, list the rules —
 * answered in the JSON output contract. Stateless between calls: every
 * request carries its own draft, so any number of replicas can serve.
 */
import type { Channel, FileResult, Finding, UiLang } from '../types.js';
import { findConfig } from '../engine/config.js';
import { createLinter, summarize, type Linter } from '../engine/linter.js';
import { ruleMetas } from '../engine/rules.js';
import type { RuleMeta } from '../engine/catalogue.js';
import { fixUntilStable } from '../engine/fix.js';
import { fileObject, summaryObject } from '../report/json.js';
import { formatRulesJson } from '../report/rules-list.js';

export interface Draft {
  text: string;
  /** The customer's message the draft answers (thread rules). */
  customer?: string;
  channel?: Channel;
  lang?: 'auto' | 'fi' | 'sv';
  /** Read as a template: placeholders are names, control tags are ignored. */
  template?: boolean;
  /** The draft's file, when it has one (the language server): config overrides and template globs apply. */
  path?: string;
  /** Language of aspalint's messages (default: the config's, else the draft's). */
  uiLang?: UiLang;
}

export type FileJson = ReturnType<typeof fileObject>;

export interface LintDocument {
  version: 1;
  files: FileJson[];
  summary: ReturnType<typeof summaryObject>;
}

export interface FixOutcome {
  /** The draft with every safe fix applied (until no more apply). */
  output: string;
  /** The fixes applied, pass by pass: each finding's text and what it became. */
  applied: { ruleId: string; actual: string; replacement: string }[];
  /** What is left: the lint of `output`. */
  remaining: FileJson;
}

export interface ServiceOptions {
  /** Config file; undefined: the nearest .aspalintrc.yaml upward from `cwd`; null: none. */
  configFile?: string | null;
  cwd?: string;
}

export const CHANNEL_NAMES = ['email', 'sms', 'chat', 'social'] as const;
export const LANG_NAMES = ['auto', 'fi', 'sv'] as const;
export const UI_LANG_NAMES = ['fi', 'sv', 'en'] as const;

/** Drafts used to load the rules and both spellers before the first request. */
const WARM_UP = ['Hei Anna, kiitos viestistäsi. Paketti lähti tänään. Terveisin Laura', 'Hej Anna, tack för ditt meddelande. Paketet skickades i dag. Hälsningar Laura'];

export class LintService {
  readonly configFile: string | null;
  private readonly linters = new Map<UiLang | undefined, Linter>();
  private rulesJson: unknown;
  private ruleList: RuleMeta[] | undefined;

  constructor(options: ServiceOptions = {}) {
    this.configFile = options.configFile === undefined ? findConfig(options.cwd ?? process.cwd()) : options.configFile;
    this.linter(undefined);
  }

  /** Loads the phrase sets and the spellers now, so that no request pays for them. */
  warmUp(): void {
    for (const text of WARM_UP) this.lintResult({ text });
  }

  /** The linter for a UI language: one each, built on first use and kept. */
  private linter(uiLang: UiLang | undefined): Linter {
    let linter = this.linters.get(uiLang);
    if (!linter) {
      linter = createLinter({ configFile: this.configFile, ...(uiLang ? { uiLang } : {}) });
      this.linters.set(uiLang, linter);
    }
    return linter;
  }

  get config() {
    return this.linter(undefined).config;
  }

  lintResult(draft: Draft): FileResult {
    const lang = draft.lang && draft.lang !== 'auto' ? draft.lang : undefined;
    return this.linter(draft.uiLang).lint({
      path: draft.path ?? '-',
      text: draft.text,
      ...(draft.customer !== undefined && draft.customer.trim() !== '' ? { customer: draft.customer } : {}),
      ...(draft.channel ? { channel: draft.channel } : {}),
      ...(lang ? { lang } : {}),
      ...(draft.template !== undefined ? { template: draft.template } : {}),
    });
  }

  /** The JSON contract's file result for one draft. */
  lint(draft: Draft): FileJson {
    return fileObject(this.lintResult(draft));
  }

  /** The whole JSON contract document (`--format json`) for one draft. */
  lintDocument(draft: Draft): LintDocument {
    const result = this.lintResult(draft);
    return { version: 1, files: [fileObject(result)], summary: summaryObject(summarize([result])) };
  }

  /** Applies the safe fixes as `aspalint --fix` does (pass after pass), and lints what is left. */
  fix(draft: Draft): FixOutcome {
    const loop = fixUntilStable(draft.text, (text) => this.lintResult({ ...draft, text }));
    return {
      output: loop.output,
      applied: loop.applied.map((f) => ({ ruleId: f.ruleId, actual: f.actual, replacement: replacementOf(f) })),
      remaining: fileObject(loop.last),
    };
  }

  /** The rules in force: the catalogue's, the config's own and the plugins'. */
  metas(): RuleMeta[] {
    return (this.ruleList ??= ruleMetas(this.config));
  }

  /** `aspalint rules --format json`: the catalogue with the config's own rules. */
  rules(): { version: 1; rules: unknown[] } {
    this.rulesJson ??= JSON.parse(formatRulesJson(this.metas()));
    return this.rulesJson as { version: 1; rules: unknown[] };
  }
}

/** What a finding's text became under its fix ("kiitos" → "Kiitos", where the fix itself replaced only "k"). */
function replacementOf(f: Finding): string {
  const fix = f.fix!;
  const from = fix.offset - f.offset;
  const to = from + fix.length;
  if (from < 0 || to > f.actual.length) return fix.text;
  return f.actual.slice(0, from) + fix.text + f.actual.slice(to);
}
