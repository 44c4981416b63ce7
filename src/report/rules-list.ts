import type { RuleMeta } from '../engine/catalogue.js';
import type { UiLang } from '../types.js';

export function formatRulesJson(rules: RuleMeta[]): string {
  const list = rules.map((r) => ({
    id: r.id,
    severity: r.severity,
    weight: r.weight,
    bingo: r.bingo ?? null,
    channels: r.channels,
    languages: r.languages,
    title: r.title,
    description: r.description,
    phrases: r.phrases ? Object.fromEntries(Object.entries(r.phrases).map(([l, p]) => [l, p.length])) : undefined,
  }));
  return `${JSON.stringify({ version: 1, rules: list }, null, 2)}\n`;
}

export function formatRulesText(rules: RuleMeta[], lang: UiLang): string {
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const lines = rules.map(
    (r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${String(r.weight).padStart(2)}  ${(r.bingo ?? '–').padEnd(13)}  ${r.title[lang]}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The README's rule table (generated: `npm run docs`). */
export function formatRulesMarkdown(rules: RuleMeta[]): string {
  const rows = rules.map((r) => {
    const phrases = r.phrases ? ` (${Object.entries(r.phrases).map(([l, p]) => `${p.length} ${l}`).join(', ')} phrases)` : '';
    const channels = r.channels.length === 4 ? 'all' : r.channels.join(', ');
    return `| \`${r.id}\` | ${r.severity} | ${r.weight} | ${r.bingo ?? ''} | ${channels} | ${r.title.en}${phrases} — ${r.title.fi} / ${r.title.sv} |`;
  });
  return ['| rule | severity | weight | bingo | channels | what it flags |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}
