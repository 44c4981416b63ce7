/**
 * Two formats other tools already read: ESLint's `compact` (one line per
 * finding, for editors' and CI's problem matchers) and Checkstyle XML (for
 * Jenkins' warnings plugin, reviewdog, SonarQube importers). Input errors are
 * in both, as a file's error.
 */
import type { LintReport, UiLang } from '../types.js';
import { inputErrorText, summaryCounts, t, UI } from './i18n.js';
import { escapeXml } from './junit.js';
import { displayPath } from './sarif.js';

export interface CompactOptions {
  cwd?: string;
  uiLang?: UiLang;
}

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** `path: line 3, col 5, Warning - message (ruleId)`, then the count, as ESLint's compact formatter prints. */
export function formatCompact(report: LintReport, options: CompactOptions = {}): string {
  const lang = options.uiLang ?? 'en';
  const lines: string[] = [];
  for (const r of report.results) {
    const path = displayPath(r.path, options.cwd);
    for (const f of r.findings) lines.push(`${path}: line ${f.line}, col ${f.column}, ${SEVERITY[f.severity]} - ${f.message} (${f.ruleId})`);
  }
  for (const e of report.errors) lines.push(`${displayPath(e.path, options.cwd)}: line 0, col 0, Error - ${inputErrorText(e, lang)}`);
  const s = report.summary;
  const findings = s.findings + report.errors.length;
  if (findings > 0) {
    const counts = summaryCounts({ ...s, errors: s.errors + report.errors.length, findings }, lang);
    // ESLint's compact prints the problems only: no count of files or replies.
    lines.push('', counts.findings);
  } else lines.push(t(UI.clean, lang));
  return `${lines.join('\n')}\n`;
}

/** Checkstyle XML 4.3: a <file> per reply with an <error> per finding; source is "aspalint.<ruleId>". */
export function formatCheckstyle(report: LintReport, options: CompactOptions = {}): string {
  const lang = options.uiLang ?? 'en';
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  const attr = (s: string) => escapeXml(s).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
  for (const r of report.results) {
    out.push(`  <file name="${attr(displayPath(r.path, options.cwd))}">`);
    for (const f of r.findings) {
      out.push(`    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${attr(f.message)}" source="aspalint.${attr(f.ruleId)}"/>`);
    }
    out.push('  </file>');
  }
  for (const e of report.errors) {
    out.push(`  <file name="${attr(displayPath(e.path, options.cwd))}">`);
    out.push(`    <error line="0" column="0" severity="error" message="${attr(inputErrorText(e, lang))}" source="aspalint.input/${attr(e.code)}"/>`);
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
