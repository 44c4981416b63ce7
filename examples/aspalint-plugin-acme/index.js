// An aspalint plugin: rule files in rules/ (ids acme/<file name>), the checks
// of the rules that need code, and formatters by name. See docs/plugins.md.

/** Acme's order numbers are "AC-" and six digits; anything near that is written the house way. */
const ORDER_NUMBER = /(?<![\p{L}\d-])(ac)[ -]?(\d{6})(?![\p{L}\d])/giu;

/** @type {import('aspalint').PluginCheck} */
function orderNumber(reply) {
  const findings = [];
  for (const m of reply.text.matchAll(ORDER_NUMBER)) {
    const fixed = `AC-${m[2]}`;
    if (m[0] === fixed) continue;
    findings.push({
      offset: m.index,
      length: m[0].length,
      suggestions: [fixed],
      data: { suggestion: fixed },
      fix: { offset: m.index, length: m[0].length, text: fixed },
    });
  }
  return findings;
}

/** One line per finding, tab-separated, for Acme's QA spreadsheet. @type {import('aspalint').Formatter} */
function tsv(report) {
  const rows = [['path', 'line', 'column', 'rule', 'severity', 'message'].join('\t')];
  for (const file of report.files) {
    for (const f of file.findings) rows.push([file.path, f.line, f.column, f.ruleId, f.severity, f.message.replace(/\s+/g, ' ')].join('\t'));
  }
  return `${rows.join('\n')}\n`;
}

export default {
  checks: { 'acme/order-number': orderNumber },
  formatters: { 'acme-tsv': tsv },
};
