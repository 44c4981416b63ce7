import { Chalk, type ChalkInstance } from 'chalk';
import type { FileResult, LintReport, Severity, Summary, UiLang } from '../types.js';
import { isMemberPath } from '../input/member-path.js';
import { summaryCounts, t, UI } from './i18n.js';

export interface StylishOptions {
  color: boolean;
  /** Language of the labels; per file, the file's own language when not set. */
  uiLang?: UiLang;
}

function chalk(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

function labelLang(result: FileResult, options: StylishOptions): UiLang {
  if (options.uiLang) return options.uiLang;
  return result.language === 'fi' || result.language === 'sv' ? result.language : 'en';
}

/** One file's block, in the manner of ESLint's stylish formatter; empty for a clean file. */
export function stylishFile(result: FileResult, options: StylishOptions): string {
  if (result.findings.length === 0) return '';
  const c = chalk(options.color);
  const sevColor: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const lang = labelLang(result, options);
  const out: string[] = [''];
  out.push(`${c.underline(result.path)}  ${c.dim(`${result.language} · ${result.channel} · ${t(UI.score, lang)} ${result.score}`)}`);
  const rows = result.findings.map((f) => ({ pos: `${f.line}:${f.column}`, sev: t(UI[f.severity], lang), f }));
  const posWidth = Math.max(...rows.map((r) => r.pos.length));
  const sevWidth = Math.max(...rows.map((r) => r.sev.length));
  for (const { pos, sev, f } of rows) {
    const weight = f.severity === 'info' ? '' : c.dim(` +${f.weight}`);
    out.push(`  ${c.dim(pos.padEnd(posWidth))}  ${sevColor[f.severity](sev.padEnd(sevWidth))}  ${f.message}  ${c.dim(f.ruleId)}${weight}`);
    if (f.suggestions.length > 0) {
      out.push(`  ${' '.repeat(posWidth + sevWidth + 2)}  ${c.green(`→ ${f.suggestions.slice(0, 3).join(' | ')}`)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The closing summary line; `unit` is "reply" when the results are members of archives or exports. */
export function stylishSummary(s: Summary, options: StylishOptions & { uiLang: UiLang; unit?: 'file' | 'reply' }): string {
  const c = chalk(options.color);
  const lang = options.uiLang;
  const counts = summaryCounts(s, lang, options.unit);
  if (s.findings === 0) return `\n${c.green(`✔ ${t(UI.clean, lang)} ${c.dim(`(${counts.files})`)}`)}\n`;
  const mark = s.errors > 0 ? c.red('✖') : c.yellow('⚠');
  let line = `${mark} ${counts.findings} · ${counts.files} · ${t(UI.score, lang)} ${s.score}`;
  if (s.suppressed > 0) line += ` · ${s.suppressed} ${t(UI.suppressed, lang)}`;
  return `\n${c.bold(line)}\n`;
}

/** What a summary counts: replies when any result is a member of an archive, export or collection, else files. */
export function countUnit(results: readonly { path: string }[]): 'reply' | 'file' {
  return results.some((r) => isMemberPath(r.path)) ? 'reply' : 'file';
}

export function formatStylish(report: LintReport, options: StylishOptions & { uiLang: UiLang }): string {
  const body = report.results.map((r) => stylishFile(r, options)).join('');
  const unit = countUnit(report.results);
  return (body + stylishSummary(report.summary, { ...options, unit })).replace(/^\n/, '');
}
