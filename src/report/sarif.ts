/**
 * SARIF 2.1.0 (OASIS), for GitHub code scanning and other SARIF viewers: one
 * run, the rule catalogue as `tool.driver.rules`, one result per finding, the
 * automatic fix as a SARIF fix, and findings silenced by inline directives as
 * results with an in-source suppression. A pure function of the report and
 * the rule metas: the same input gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '../engine/catalogue.js';
import type { FileResult, Finding, RunResults, Severity, UiLang } from '../types.js';
import { inputErrorMessage } from './i18n.js';
import { sourceFields } from './json.js';
import { splitMemberPath } from '../input/member-path.js';

export const REPOSITORY_URL = 'https://github.com/aspalint/aspalint';
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A finding silenced by an inline directive; `justification` is the text after " -- " in the directive, when given. */
export type SuppressedFinding = Finding & { justification?: string };

/**
 * A file's result as the engine gives it once it keeps the suppressed findings
 * (proposed: `FileResult.suppressedFindings?: SuppressedFinding[]`); without
 * them, suppressed findings are only counted and have no SARIF result.
 */
type ResultWithSuppressed = FileResult & { suppressedFindings?: SuppressedFinding[] };

export interface SarifOptions {
  /** aspalint's version (cli/version.ts readVersion()). */
  version: string;
  /** The rules in force: `ruleMetas(config)`, the catalogue plus the config's custom rules. */
  rules: readonly RuleMeta[];
  /** Ids of the built-in rules (`loadCatalogue().rules`): they get a helpUri to their file. Default: every rule. */
  builtinRuleIds?: Iterable<string>;
  /** Folder that paths are made relative to (the repository root in CI). Default: paths as given. */
  cwd?: string;
  /** Language of the rule texts and notifications (findings keep the language they were written in). Default: en. */
  uiLang?: UiLang;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const FIX_TEXT: Record<UiLang, { replace: string; insert: string; remove: string }> = {
  fi: { replace: 'Korvaa: ”{text}”', insert: 'Lisää: ”{text}”', remove: 'Poista ”{actual}”' },
  sv: { replace: 'Ersätt med ”{text}”', insert: 'Infoga ”{text}”', remove: 'Ta bort ”{actual}”' },
  en: { replace: 'Replace with “{text}”', insert: 'Insert “{text}”', remove: 'Remove “{actual}”' },
};

/** The file part of a result's path ("macros.yaml" of "macros.yaml#Palautus") and the member, if any. */
export { splitMemberPath };

/** A path relative to `cwd` with forward slashes; an absolute path outside it stays absolute. */
export function displayPath(path: string, cwd?: string): string {
  if (path === '-') return path;
  let p = path;
  if (cwd && isAbsolute(p)) {
    const rel = relative(cwd, p);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) p = rel;
  }
  p = p.split(sep).join('/');
  return p.startsWith('./') ? p.slice(2) : p;
}

/** A relative URI reference for a path (each segment percent-encoded), or a file: URI for an absolute path. */
export function artifactUri(path: string, cwd?: string): string {
  const shown = displayPath(path, cwd);
  if (isAbsolute(shown) || /^[A-Za-z]:\//.test(shown)) return pathToFileURL(shown).href;
  return shown
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

/** "GreetingMissing" for "Missing greeting": SARIF's readable rule name, without spaces. */
function ruleName(meta: RuleMeta): string {
  const words = meta.title.en.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’]/g, '').match(/[A-Za-z0-9]+/g) ?? meta.id.split(/[/-]/);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

function exampleLines(meta: RuleMeta): string[] {
  const lines: string[] = [];
  for (const lang of ['fi', 'sv'] as const) {
    const ex = meta.examples?.[lang];
    if (!ex) continue;
    const text = (e: unknown) => (typeof e === 'string' ? e : (e as { text: string }).text).replace(/\s+/g, ' ').trim();
    for (const bad of (ex.bad ?? []).slice(0, 2)) lines.push(`- ✗ (${lang}) ${text(bad)}`);
    for (const good of (ex.good ?? []).slice(0, 1)) lines.push(`- ✓ (${lang}) ${text(good)}`);
  }
  return lines;
}

function descriptor(meta: RuleMeta, uiLang: UiLang, builtin: boolean): Record<string, unknown> {
  const examples = exampleLines(meta);
  const help = [
    `${meta.title.fi} / ${meta.title.sv} / ${meta.title.en}`,
    '',
    `fi: ${meta.description.fi}`,
    '',
    `sv: ${meta.description.sv}`,
    '',
    `en: ${meta.description.en}`,
  ];
  const markdown = [
    `**${meta.title.fi}** · **${meta.title.sv}** · **${meta.title.en}**`,
    '',
    `🇫🇮 ${meta.description.fi}`,
    '',
    `🇸🇪 ${meta.description.sv}`,
    '',
    `🇬🇧 ${meta.description.en}`,
    ...(examples.length > 0 ? ['', ...examples] : []),
  ];
  const tags = [meta.id.split('/')[0]!, ...(meta.bingo ? [`bingo:${meta.bingo}`] : [])];
  return {
    id: meta.id,
    name: ruleName(meta),
    shortDescription: { text: meta.title[uiLang] },
    fullDescription: { text: meta.description[uiLang] },
    ...(builtin ? { helpUri: `${REPOSITORY_URL}/blob/main/rules/${meta.id}.yaml` } : {}),
    help: { text: help.join('\n'), markdown: markdown.join('\n') },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags, weight: meta.weight, channels: [...meta.channels], languages: [...meta.languages] },
  };
}

/** A stable identity for a finding that survives lines moving: rule, file, member, text and its occurrence. */
function fingerprint(uri: string, member: string | undefined, f: Finding, nth: number): string {
  return createHash('sha256')
    .update([f.ruleId, uri, member ?? '', f.actual.toLowerCase().replace(/\s+/g, ' '), String(nth)].join('\0'))
    .digest('hex')
    .slice(0, 32);
}

function fixDescription(f: Finding, uiLang: UiLang): string {
  const fix = f.fix!;
  const words = FIX_TEXT[uiLang];
  const template = fix.length === 0 ? words.insert : fix.text === '' ? words.remove : words.replace;
  return template.replace('{text}', fix.text).replace('{actual}', f.actual);
}


/** A file's findings and silenced findings, in the order its results are written. */
function entriesOf(r: ResultWithSuppressed): { f: Finding; suppressed?: SuppressedFinding }[] {
  return [...r.findings.map((f) => ({ f })), ...(r.suppressedFindings ?? []).map((f) => ({ f, suppressed: f }))].sort(
    (a, b) => a.f.offset - b.f.offset || a.f.ruleId.localeCompare(b.f.ruleId) || a.f.length - b.f.length,
  );
}

/** Lines of JSON.stringify(…, null, 2) output moved right by `depth` spaces, the first line included. */
function indented(json: string, depth: number): string {
  const pad = ' '.repeat(depth);
  return pad + json.replace(/\n/g, `\n${pad}`);
}

/** Where JSON.stringify(log, null, 2) puts the results: the run's last member, at this depth. */
const RESULTS_MARKER = '"results": []';
const RESULT_DEPTH = 8;

/**
 * The SARIF log of a report in pieces, as formatSarif writes it byte for
 * byte: the head (the tool with its rules, the invocation), then each
 * result as it is made, then the tail. So a run of any size is written
 * without holding its results twice. The results are read twice: once for
 * the rules that only findings name, once to write them.
 */
export function* sarifChunks(report: RunResults, options: SarifOptions): Generator<string> {
  const uiLang = options.uiLang ?? 'en';
  const metas = [...options.rules].sort((a, b) => a.id.localeCompare(b.id));
  const builtin = options.builtinRuleIds ? new Set(options.builtinRuleIds) : null;
  const rules: Record<string, unknown>[] = metas.map((m) => descriptor(m, uiLang, builtin ? builtin.has(m.id) : true));
  const index = new Map(metas.map((m, i) => [m.id, i]));
  const ruleIndex = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      // A finding of a rule the caller did not list: described by its id alone.
      i = rules.length;
      rules.push({ id, name: id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()) });
      index.set(id, i);
    }
    return i;
  };
  for (const r of report.results) for (const { f } of entriesOf(r as ResultWithSuppressed)) ruleIndex(f.ruleId);

  const notifications = report.errors.map((e) => {
    const { file } = splitMemberPath(e.path.replace(/:\d+$/, ''));
    const n: Record<string, unknown> = { level: 'error', message: { text: inputErrorMessage(e, uiLang) }, descriptor: { id: e.code } };
    if (file !== '-' && file !== '') n.locations = [{ physicalLocation: { artifactLocation: { uri: artifactUri(file, options.cwd) } } }];
    return n;
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aspalint',
            version: options.version,
            semanticVersion: options.version,
            informationUri: REPOSITORY_URL,
            rules,
          },
        },
        invocations: [{ executionSuccessful: report.errors.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  const frame = JSON.stringify(log, null, 2);
  const at = frame.lastIndexOf(RESULTS_MARKER);
  yield `${frame.slice(0, at)}"results": [`;
  let first = true;
  for (const r of report.results) {
    for (const result of fileResults(r as ResultWithSuppressed, ruleIndex, options)) {
      yield `${first ? '\n' : ',\n'}${indented(JSON.stringify(result, null, 2), RESULT_DEPTH)}`;
      first = false;
    }
  }
  yield `${first ? ']' : `\n${' '.repeat(RESULT_DEPTH - 2)}]`}${frame.slice(at + RESULTS_MARKER.length)}\n`;
}

/** The SARIF results of one file. */
function fileResults(r: ResultWithSuppressed, ruleIndex: (id: string) => number, options: SarifOptions): Record<string, unknown>[] {
  const uiLang = options.uiLang ?? 'en';
  const results: Record<string, unknown>[] = [];
  const { file, member } = splitMemberPath(r.path);
  const stdin = file === '-';
  const uri = stdin ? undefined : artifactUri(file, options.cwd);
  const artifactLocation = uri !== undefined ? { uri } : { description: { text: 'standard input' } };
  const occurrences = new Map<string, number>();
  for (const { f, suppressed } of entriesOf(r)) {
    const key = `${f.ruleId}\0${f.actual.toLowerCase()}`;
    const nth = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, nth);
    // Offsets of an archive or collection member are in the member's text, not the file's: lines and columns only.
    const region: Record<string, number> = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
    if (!member) {
      region.charOffset = f.offset;
      region.charLength = f.length;
    }
    const location: Record<string, unknown> = { physicalLocation: { artifactLocation, region } };
    if (member) location.logicalLocations = [{ name: member, fullyQualifiedName: r.path, kind: 'member' }];
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [location],
      partialFingerprints: { 'aspalint/v1': fingerprint(uri ?? '-', member, f, nth) },
    };
    if (f.fix && !member && uri !== undefined) {
      result.fixes = [
        {
          description: { text: fixDescription(f, uiLang) },
          artifactChanges: [
            {
              artifactLocation: { uri },
              replacements: [{ deletedRegion: { charOffset: f.fix.offset, charLength: f.fix.length }, insertedContent: { text: f.fix.text } }],
            },
          ],
        },
      ];
    }
    if (suppressed) {
      result.suppressions = [{ kind: 'inSource', ...(suppressed.justification ? { justification: suppressed.justification } : {}) }];
    }
    const properties: Record<string, unknown> = { weight: f.weight };
    if (f.suggestions.length > 0) properties.suggestions = f.suggestions;
    if (r.language !== 'unknown') properties.language = r.language;
    Object.assign(properties, sourceFields(r));
    result.properties = properties;
    results.push(result);
  }
  return results;
}

/** The SARIF log of a report, as JSON text with a final newline. */
export function formatSarif(report: RunResults, options: SarifOptions): string {
  return [...sarifChunks(report, options)].join('');
}
