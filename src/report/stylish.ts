import { Chalk } from 'chalk';
import type { LintReport, Severity, UiLang } from '../types.js';
import { t, UI } from './i18n.js';

export interface StylishOptions {
  color: boolean;
  uiLang: UiLang;
}

/** Human output grouped by file, in the manner of ESLint's stylish formatter. */
export function formatStylish(report: LintReport, options: StylishOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const sevColor: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const lang = options.uiLang;
  const out: string[] = [];
  for (const result of report.results) {
    if (result.findings.length === 0) continue;
    out.push('');
    out.push(`${c.underline(result.path)}  ${c.dim(`${result.language} · ${result.channel} · ${t(UI.score, lang)} ${result.score}`)}`);
    const rows = result.findings.map((f) => ({
      pos: `${f.line}:${f.column}`,
      sev: t(UI[f.severity], lang),
      f,
    }));
    const posWidth = Math.max(...rows.map((r) => r.pos.length));
    const sevWidth = Math.max(...rows.map((r) => r.sev.length));
    for (const { pos, sev, f } of rows) {
      const weight = f.severity === 'info' ? '' : c.dim(` +${f.weight}`);
      out.push(`  ${c.dim(pos.padEnd(posWidth))}  ${sevColor[f.severity](sev.padEnd(sevWidth))}  ${f.message}  ${c.dim(f.ruleId)}${weight}`);
      if (f.suggestions.length > 0) {
        out.push(`  ${' '.repeat(posWidth + sevWidth + 2)}  ${c.green(`→ ${f.suggestions.slice(0, 3).join(' | ')}`)}`);
      }
    }
  }
  const s = report.summary;
  out.push('');
  if (s.findings === 0) {
    out.push(c.green(`✔ ${t(UI.clean, lang)} ${c.dim(`(${s.files} ${t(UI.files, lang)})`)}`));
  } else {
    const parts = [`${s.errors} ${t(UI.errors, lang)}`, `${s.warnings} ${t(UI.warnings, lang)}`];
    if (s.infos > 0) parts.push(`${s.infos} ${t(UI.infos, lang)}`);
    const mark = s.errors > 0 ? c.red('✖') : c.yellow('⚠');
    let line = `${mark} ${s.findings} ${t(s.findings === 1 ? UI.problem : UI.problems, lang)} (${parts.join(', ')}) · ${s.files} ${t(UI.files, lang)} · ${t(UI.score, lang)} ${s.score}`;
    if (s.suppressed > 0) line += ` · ${s.suppressed} ${t(UI.suppressed, lang)}`;
    out.push(c.bold(line));
  }
  return `${out.join('\n').replace(/^\n/, '')}\n`;
}
