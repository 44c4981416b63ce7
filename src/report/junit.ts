/**
 * JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure
 * Pipelines, CircleCI): one <testcase> per linted file (or collection member),
 * failed when it has error or warning findings, which the <failure> lists one
 * a line; info findings are hints and go to <system-out>. An input that could
 * not be linted is a <testcase> with an <error>. Times are 0 so the output is
 * deterministic.
 */
import type { FileResult, Finding, RunResults, UiLang } from '../types.js';
import { inputErrorMessage, summaryCounts, t, UI } from './i18n.js';
import { sourceFields } from './json.js';
import { displayPath, splitMemberPath } from './sarif.js';

export interface JunitOptions {
  /** Folder that paths are made relative to. */
  cwd?: string;
  /** Language of the counts in the failure messages. Default: en. */
  uiLang?: UiLang;
}

/** Text safe in XML content and attribute values: markup escaped, characters XML 1.0 forbids removed. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udfff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attribute values also keep their line breaks and tabs (an XML parser would turn them into spaces). */
function attr(s: string): string {
  return escapeXml(s).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function line(f: Finding, lang: UiLang): string {
  const suggestion = f.suggestions.length > 0 ? ` → ${f.suggestions.slice(0, 3).join(' | ')}` : '';
  return `${f.line}:${f.column} ${t(UI[f.severity], lang)} ${f.ruleId}: ${f.message}${suggestion}`;
}

/** The <testcase> of a linted file. */
function testCase(r: FileResult, lang: UiLang, cwd: string | undefined): string {
  const { file, member } = splitMemberPath(r.path);
  const path = displayPath(file, cwd);
  const name = member ? `${path}#${member}` : path;
  const failing = r.findings.filter((f) => f.severity !== 'info');
  const hints = r.findings.filter((f) => f.severity === 'info');
  const open = `    <testcase classname="aspalint" name="${attr(name)}" file="${attr(path)}" time="0"`;
  // Who answered and when (archive members), as JUnit's per-case <properties>.
  const source = Object.entries(sourceFields(r));
  const properties = source.length > 0 ? `      <properties>\n${source.map(([k, v]) => `        <property name="${k}" value="${attr(v)}"/>`).join('\n')}\n      </properties>` : '';
  if (failing.length === 0 && hints.length === 0 && !properties) return `${open}/>`;
  const body: string[] = properties ? [properties] : [];
  if (failing.length > 0) {
    const errors = failing.filter((f) => f.severity === 'error').length;
    const warnings = failing.length - errors;
    const counts = summaryCounts({ findings: failing.length, errors, warnings, infos: 0, files: 1 }, lang);
    const message = `${counts.findings} · ${t(UI.score, lang)} ${r.score}`;
    const type = errors > 0 ? 'error' : 'warning';
    body.push(`      <failure message="${attr(message)}" type="${type}">${escapeXml(failing.map((f) => line(f, lang)).join('\n'))}</failure>`);
  }
  if (hints.length > 0) body.push(`      <system-out>${escapeXml(hints.map((f) => line(f, lang)).join('\n'))}</system-out>`);
  return `${open}>\n${body.join('\n')}\n    </testcase>`;
}

/**
 * The JUnit report in pieces, as formatJunit writes it byte for byte: the
 * counts open the document, so the results are read twice, once to count
 * and once to write each case as it is made.
 */
export function* junitChunks(report: RunResults, options: JunitOptions = {}): Generator<string> {
  const lang = options.uiLang ?? 'en';
  let linted = 0;
  let failures = 0;
  for (const r of report.results) {
    linted++;
    if (r.findings.some((f) => f.severity !== 'info')) failures++;
  }
  const tests = linted + report.errors.length;
  const counts = `tests="${tests}" failures="${failures}" errors="${report.errors.length}" skipped="0" time="0"`;
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="aspalint" ${counts}>\n  <testsuite name="aspalint" ${counts}>\n`;
  for (const r of report.results) yield `${testCase(r, lang, options.cwd)}\n`;
  for (const e of report.errors) {
    const { file } = splitMemberPath(e.path);
    const path = displayPath(file, options.cwd);
    yield `    <testcase classname="aspalint" name="${attr(path)}" file="${attr(path.replace(/:\d+$/, ''))}" time="0">\n` +
      `      <error message="${attr(inputErrorMessage(e, lang))}" type="${attr(e.code)}"/>\n    </testcase>\n`;
  }
  yield '  </testsuite>\n</testsuites>\n';
}

export function formatJunit(report: RunResults, options: JunitOptions = {}): string {
  return [...junitChunks(report, options)].join('');
}
