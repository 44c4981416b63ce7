import type { FileResult, LintReport } from '../types.js';

/** The JSON output contract, version 1 (DESIGN.md): stable keys, stable order. */
export function formatJson(report: LintReport): string {
  const files = report.results.map((r: FileResult) => ({
    path: r.path,
    language: r.language,
    channel: r.channel,
    score: r.score,
    bingo: r.bingo,
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      weight: f.weight,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      offset: f.offset,
      length: f.length,
      actual: f.actual,
      suggestions: f.suggestions,
      ...(f.fix ? { fix: f.fix } : {}),
    })),
  }));
  const s = report.summary;
  return `${JSON.stringify({ version: 1, files, summary: { files: s.files, findings: s.findings, errors: s.errors, warnings: s.warnings, score: s.score } }, null, 2)}\n`;
}
