import type { Directive } from '../text/directives.js';
import type { LineIndex } from '../text/lines.js';
import type { Finding } from '../types.js';

/**
 * Applies inline directives the way ESLint does: disable/enable regions,
 * disable-line and disable-next-line, each for all rules or the ids listed.
 */
export function applySuppressions(
  findings: Finding[],
  directives: Directive[],
  lines: LineIndex,
): { kept: Finding[]; suppressed: number } {
  if (directives.length === 0) return { kept: findings, suppressed: 0 };
  const regions: { from: number; to: number; ids: string[] }[] = [];
  const open = new Map<string, number>();
  const lineRules: { line: number; ids: string[] }[] = [];
  for (const d of directives) {
    const line = lines.position(d.start).line;
    const key = d.ruleIds.join(',');
    if (d.kind === 'disable') open.set(key, d.end);
    else if (d.kind === 'enable') {
      // "enable" without ids closes every open region; with ids, the region that named them.
      for (const [k, from] of [...open]) {
        if (key === '' || k === key) {
          regions.push({ from, to: d.start, ids: k === '' ? [] : k.split(',') });
          open.delete(k);
        }
      }
    } else if (d.kind === 'disable-line') lineRules.push({ line, ids: d.ruleIds });
    else lineRules.push({ line: line + 1, ids: d.ruleIds });
  }
  for (const [k, from] of open) regions.push({ from, to: Infinity, ids: k === '' ? [] : k.split(',') });
  const applies = (ids: string[], ruleId: string) => ids.length === 0 || ids.includes(ruleId);
  const kept = findings.filter(
    (f) =>
      !regions.some((r) => f.offset >= r.from && f.offset < r.to && applies(r.ids, f.ruleId)) &&
      !lineRules.some((r) => r.line === f.line && applies(r.ids, f.ruleId)),
  );
  return { kept, suppressed: findings.length - kept.length };
}
