import type { Finding, FileResult, InputError, LintReport, Summary, UiLang } from '../types.js';
import { inputErrorText } from './i18n.js';

function findingObject(f: Finding) {
  return {
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
  };
}

/**
 * Who answered and when, for a member of an archive or export (mbox, e-mail,
 * CSV, JSON Lines): `agent`, `date` and `messageId` (the Message-ID, or the
 * export's own id of the record). Absent for a plain file; SARIF and JUnit
 * carry the same as properties.
 */
export function sourceFields(r: FileResult): { agent?: string; date?: string; messageId?: string } {
  const m = r.meta;
  if (!m) return {};
  return { ...(m.agent ? { agent: m.agent } : {}), ...(m.date ? { date: m.date } : {}), ...(m.id ? { messageId: m.id } : {}) };
}

/**
 * The JSON output contract, version 1 (DESIGN.md): stable keys, stable order.
 * Archive members add `agent`, `date` and `messageId` after `channel` (see
 * sourceFields): an addition, the version stays 1.
 * Findings an inline directive silenced come after, as `suppressedFindings`
 * (ESLint's suppressedMessages), only when there are any: an addition, not a change.
 */
export function fileObject(r: FileResult) {
  return {
    path: r.path,
    language: r.language,
    channel: r.channel,
    ...sourceFields(r),
    score: r.score,
    bingo: r.bingo,
    findings: r.findings.map(findingObject),
    ...(r.suppressedFindings?.length
      ? { suppressedFindings: r.suppressedFindings.map((f) => ({ ...findingObject(f), ...(f.justification ? { justification: f.justification } : {}) })) }
      : {}),
  };
}

/** Inputs that could not be linted, as the contract's `inputErrors` (present only when there are any). */
function inputErrorObject(e: InputError, lang: UiLang) {
  return { path: e.path, code: e.code, message: inputErrorText(e, lang) };
}

export function summaryObject(s: Summary) {
  return { files: s.files, findings: s.findings, errors: s.errors, warnings: s.warnings, score: s.score };
}

/**
 * The document in pieces, so a batch of any size streams out with flat memory:
 * the pieces join to exactly what JSON.stringify(document, null, 2) prints.
 */
export const jsonPieces = {
  head: (): string => '{\n  "version": 1,\n  "files": [',
  file: (r: FileResult, first: boolean): string =>
    `${first ? '' : ','}\n    ${JSON.stringify(fileObject(r), null, 2).replace(/\n/g, '\n    ')}`,
  tail: (s: Summary, anyFiles: boolean, errors: readonly InputError[] = [], lang: UiLang = 'en'): string =>
    `${anyFiles ? '\n  ' : ''}],\n${
      errors.length > 0 ? `  "inputErrors": ${JSON.stringify(errors.map((e) => inputErrorObject(e, lang)), null, 2).replace(/\n/g, '\n  ')},\n` : ''
    }  "summary": ${JSON.stringify(summaryObject(s), null, 2).replace(/\n/g, '\n  ')}\n}\n`,
};

export function formatJson(report: LintReport, lang: UiLang = 'en'): string {
  let out = jsonPieces.head();
  report.results.forEach((r, i) => (out += jsonPieces.file(r, i === 0)));
  return out + jsonPieces.tail(report.summary, report.results.length > 0, report.errors, lang);
}
