/**
 * Two formats other tools already read: ESLint's `compact` (one line per
 * finding, for editors' and CI's problem matchers) and Checkstyle XML (for
 * Jenkins' warnings plugin, reviewdog, SonarQube importers). Input errors are
 * in both, as a file's error.
 */
import type { FileResult, InputError, LintReport, Summary, UiLang } from '../types.js';
import { inputErrorText, summaryCounts, t, UI } from './i18n.js';
import { escapeXml } from './junit.js';
import { displayPath } from './sarif.js';

export interface CompactOptions {
  cwd?: string;
  uiLang?: UiLang;
}

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/** The formats in pieces, so a batch of any size streams out with flat memory: a head, a piece per reply, a tail. */
export interface Pieces {
  head(): string;
  file(r: FileResult, options: CompactOptions): string;
  tail(errors: readonly InputError[], summary: Summary, options: CompactOptions): string;
}

/** `path: line 3, col 5, Warning - message (ruleId)`, then the count, as ESLint's compact formatter prints. */
export const compactPieces: Pieces = {
  head: () => '',
  file(r, options) {
    const path = displayPath(r.path, options.cwd);
    return r.findings.map((f) => `${path}: line ${f.line}, col ${f.column}, ${SEVERITY[f.severity]} - ${f.message} (${f.ruleId})\n`).join('');
  },
  tail(errors, s, options) {
    const lang = options.uiLang ?? 'en';
    const lines = errors.map((e) => `${displayPath(e.path, options.cwd)}: line 0, col 0, Error - ${inputErrorText(e, lang)}`);
    const findings = s.findings + errors.length;
    if (findings > 0) {
      const counts = summaryCounts({ ...s, errors: s.errors + errors.length, findings }, lang);
      // ESLint's compact prints the problems only: no count of files or replies.
      lines.push('', counts.findings);
    } else lines.push(t(UI.clean, lang));
    return `${lines.join('\n')}\n`;
  },
};

const attr = (s: string) => escapeXml(s).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

/** Checkstyle XML 4.3: a <file> per reply with an <error> per finding; source is "aspalint.<ruleId>". */
export const checkstylePieces: Pieces = {
  head: () => '<?xml version="1.0" encoding="utf-8"?>\n<checkstyle version="4.3">\n',
  file(r, options) {
    const out = [`  <file name="${attr(displayPath(r.path, options.cwd))}">`];
    for (const f of r.findings) {
      out.push(`    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${attr(f.message)}" source="aspalint.${attr(f.ruleId)}"/>`);
    }
    out.push('  </file>');
    return `${out.join('\n')}\n`;
  },
  tail(errors, _summary, options) {
    const lang = options.uiLang ?? 'en';
    const out: string[] = [];
    for (const e of errors) {
      out.push(`  <file name="${attr(displayPath(e.path, options.cwd))}">`);
      out.push(`    <error line="0" column="0" severity="error" message="${attr(inputErrorText(e, lang))}" source="aspalint.input/${attr(e.code)}"/>`);
      out.push('  </file>');
    }
    out.push('</checkstyle>');
    return `${out.join('\n')}\n`;
  },
};

function whole(pieces: Pieces, report: LintReport, options: CompactOptions): string {
  return pieces.head() + report.results.map((r) => pieces.file(r, options)).join('') + pieces.tail(report.errors, report.summary, options);
}

export function formatCompact(report: LintReport, options: CompactOptions = {}): string {
  return whole(compactPieces, report, options);
}

export function formatCheckstyle(report: LintReport, options: CompactOptions = {}): string {
  return whole(checkstylePieces, report, options);
}
