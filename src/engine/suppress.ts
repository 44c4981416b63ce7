import type { Directive } from '../text/directives.js';
import type { LineIndex } from '../text/lines.js';
import type { Finding } from '../types.js';

export type SuppressedFinding = Finding & { justification?: string };

/**
 * Applies inline directives the way ESLint does: disable/enable regions,
 * disable-line and disable-next-line, each for all rules or the ids listed.
 * Silenced findings are kept, with the directive's reason, for SARIF.
 */
export function applySuppressions(
  findings: Finding[],
  directives: Directive[],
  lines: LineIndex,
): { kept: Finding[]; suppressed: SuppressedFinding[] } {
  if (directives.length === 0) return { kept: findings, suppressed: [] };
  type Scope = { ids: string[]; reason?: string };
  const regions: (Scope & { from: number; to: number })[] = [];
  const open = new Map<string, Scope & { from: number }>();
  const lineRules: (Scope & { line: number })[] = [];
  const scope = (d: Directive, ids: string[]): Scope => ({ ids, ...(d.reason ? { reason: d.reason } : {}) });
  for (const d of directives) {
    const line = lines.position(d.start).line;
    const key = d.ruleIds.join(',');
    if (d.kind === 'disable') open.set(key, { ...scope(d, d.ruleIds), from: d.end });
    else if (d.kind === 'enable') {
      // "enable" without ids closes every open region; with ids, the region that named them.
      for (const [k, region] of [...open]) {
        if (key === '' || k === key) {
          regions.push({ ...region, to: d.start });
          open.delete(k);
        }
      }
    } else lineRules.push({ ...scope(d, d.ruleIds), line: d.kind === 'disable-line' ? line : line + 1 });
  }
  for (const region of open.values()) regions.push({ ...region, to: Infinity });
  const applies = (ids: string[], ruleId: string) => ids.length === 0 || ids.includes(ruleId);
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const by =
      regions.find((r) => f.offset >= r.from && f.offset < r.to && applies(r.ids, f.ruleId)) ??
      lineRules.find((r) => r.line === f.line && applies(r.ids, f.ruleId));
    if (!by) kept.push(f);
    else suppressed.push(by.reason ? { ...f, justification: by.reason } : f);
  }
  return { kept, suppressed };
}
