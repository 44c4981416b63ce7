import type { Directive } from '../text/directives.js';
import type { LineIndex } from '../text/lines.js';
import type { Finding } from '../types.js';

export type SuppressedFinding = Finding & { justification?: string };

/**
 * A disable directive that silenced nothing (--report-unused-disable-directives):
 * `ruleIds` are the ids it names that silenced nothing, all of them or some;
 * empty for a directive that names none.
 */
export interface UnusedDirective {
  directive: Directive;
  ruleIds: string[];
}

/**
 * Applies inline directives the way ESLint does: disable/enable regions,
 * disable-line and disable-next-line, each for all rules or the ids listed.
 * Silenced findings are kept, with the directive's reason, for SARIF. A
 * finding is credited to the first directive that covers it: a second one
 * over the same finding silences nothing more, and is unused. A `disable` of
 * ids already disabled (and not enabled since) opens no new region.
 */
export function applySuppressions(
  findings: Finding[],
  directives: Directive[],
  lines: LineIndex,
): { kept: Finding[]; suppressed: SuppressedFinding[]; unused: UnusedDirective[] } {
  if (directives.length === 0) return { kept: findings, suppressed: [], unused: [] };
  type Scope = { ids: string[]; reason?: string; directive: Directive };
  const regions: (Scope & { from: number; to: number })[] = [];
  const open = new Map<string, Scope & { from: number }>();
  const lineRules: (Scope & { line: number })[] = [];
  const scope = (d: Directive, ids: string[]): Scope => ({ ids, ...(d.reason ? { reason: d.reason } : {}), directive: d });
  for (const d of directives) {
    const line = lines.position(d.start).line;
    const key = d.ruleIds.join(',');
    if (d.kind === 'disable') {
      if (!open.has(key)) open.set(key, { ...scope(d, d.ruleIds), from: d.end });
    } else if (d.kind === 'enable') {
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
  /** The ids each directive silenced something of ('' for a directive that names none). */
  const used = new Map<Directive, Set<string>>();
  for (const f of findings) {
    const by =
      regions.find((r) => f.offset >= r.from && f.offset < r.to && applies(r.ids, f.ruleId)) ??
      lineRules.find((r) => r.line === f.line && applies(r.ids, f.ruleId));
    if (!by) {
      kept.push(f);
      continue;
    }
    suppressed.push(by.reason ? { ...f, justification: by.reason } : f);
    let ids = used.get(by.directive);
    if (!ids) used.set(by.directive, (ids = new Set()));
    ids.add(by.ids.length === 0 ? '' : f.ruleId);
  }
  const unused: UnusedDirective[] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    const ids = used.get(d);
    if (d.ruleIds.length === 0) {
      if (!ids) unused.push({ directive: d, ruleIds: [] });
      continue;
    }
    const idle = [...new Set(d.ruleIds)].filter((id) => !ids?.has(id));
    if (idle.length > 0) unused.push({ directive: d, ruleIds: idle });
  }
  return { kept, suppressed, unused };
}
