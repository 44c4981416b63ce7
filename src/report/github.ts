/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the
 * pull request's diff and in the run's summary.
 *
 *   ::error file=templates/a.md,line=3,col=5,endLine=3,endColumn=15,title=phrase/calque::”Älä epäröi” on suora käännös…
 *
 * error → ::error, warning → ::warning, info → ::notice. Values are escaped as
 * the runner's own toolkit does: in the message %, CR and LF; in a property
 * also ":" and ",". A plain summary line follows, for the log. (GitHub shows
 * at most 10 annotations of each level per step; for more, upload SARIF.)
 */
import type { FileResult, LintReport, Severity, Summary, UiLang } from '../types.js';
import { summaryCounts, t, UI } from './i18n.js';
import { displayPath, splitMemberPath } from './sarif.js';
import { countUnit } from './stylish.js';

export interface GithubOptions {
  /** Folder that paths are made relative to (the repository root, where the workflow runs). */
  cwd?: string;
  /** Language of the summary line. Default: en. */
  uiLang?: UiLang;
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a command's message (its data). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command's property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command per finding of a reply (none for a clean one). */
export function githubFile(r: FileResult, options: GithubOptions = {}): string {
  const { file, member } = splitMemberPath(r.path);
  const path = displayPath(file, options.cwd);
  let out = '';
  for (const f of r.findings) {
    const props = [
      ...(file !== '-' ? [`file=${escapeProperty(path)}`] : []),
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${f.endColumn}`,
      `title=${escapeProperty(f.ruleId)}`,
    ];
    const message = `${member ? `${member}: ` : ''}${f.message}`;
    out += `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(message)}\n`;
  }
  return out;
}

/** The closing line: counts and score; `unit` is "reply" when the run read archive members. */
export function githubSummary(s: Summary, unit: 'reply' | 'file', options: GithubOptions = {}): string {
  const lang = options.uiLang ?? 'en';
  const counts = summaryCounts(s, lang, unit);
  let summary = `aspalint: ${counts.findings} · ${counts.files} · ${t(UI.score, lang)} ${s.score}`;
  if (s.suppressed > 0) summary += ` · ${s.suppressed} ${t(UI.suppressed, lang)}`;
  return `${summary}\n`;
}

export function formatGithub(report: LintReport, options: GithubOptions = {}): string {
  return report.results.map((r) => githubFile(r, options)).join('') + githubSummary(report.summary, countUnit(report.results), options);
}
