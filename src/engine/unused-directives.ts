/**
 * --report-unused-disable-directives: an `aspalint-disable…` comment that
 * silenced nothing becomes a finding at the comment, as in ESLint. Its id,
 * `unused-disable-directive`, has no namespace, so no rule (built-in, custom,
 * playbook or plugin: all are `namespace/name`) can have it. It weighs
 * nothing: the reply's score is about the reply, not its comments; the
 * severity still counts for the exit code and --max-warnings.
 */
import type { Finding, Message, Severity, UiLang } from '../types.js';
import type { LineIndex } from '../text/lines.js';
import { t, UI } from '../report/i18n.js';
import type { UnusedDirective } from './suppress.js';

export const UNUSED_DIRECTIVE_ID = 'unused-disable-directive';

export function unusedDirectiveFindings(unused: UnusedDirective[], severity: Severity, message: Message, lines: LineIndex, uiLang: UiLang): Finding[] {
  const locate = message.locate ?? ((offset: number) => lines.position(offset));
  return unused.map(({ directive, ruleIds }) => {
    // The comment itself, without the indentation a '#' or '//' line may start with.
    const text = message.text.slice(directive.start, directive.end);
    const offset = directive.start + (text.length - text.trimStart().length);
    const length = directive.end - offset;
    const start = locate(offset);
    const end = locate(offset + length);
    return {
      ruleId: UNUSED_DIRECTIVE_ID,
      severity,
      weight: 0,
      message: ruleIds.length === 0 ? t(UI.unusedDirective, uiLang) : t(UI.unusedDirectiveIds, uiLang, { ids: ruleIds.join(', ') }),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      offset,
      length,
      actual: message.text.slice(offset, offset + length),
      suggestions: [],
    };
  });
}
