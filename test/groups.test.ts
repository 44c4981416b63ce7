import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/engine/catalogue.js';
import {
  formatGroupsJson,
  formatGroupsText,
  formatNumber,
  formatPercent,
  groupResults,
  groupsJsonValue,
  monthOf,
  UNKNOWN_KEY,
} from '../src/report/groups.js';
import type { FileResult, Finding, Severity } from '../src/types.js';

function finding(ruleId: string, severity: Severity = 'warning', weight = 1): Finding {
  return {
    ruleId,
    severity,
    weight,
    message: ruleId,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    offset: 0,
    length: 1,
    actual: 'x',
    suggestions: [],
  };
}

function result(path: string, findings: Finding[], meta?: FileResult['meta'], extra: Partial<FileResult> = {}): FileResult {
  const score = findings.filter((f) => f.severity !== 'info').reduce((s, f) => s + f.weight, 0);
  return { path, language: 'fi', channel: 'email', score, bingo: { points: 0, squares: [] }, findings, suppressed: 0, ...(meta ? { meta } : {}), ...extra };
}

const results: FileResult[] = [
  result('a.txt', [finding('greeting/missing', 'warning', 2), finding('phrase/canned')], { agent: 'Laura', date: '2025-03-04T10:00:00+02:00' }),
  result('b.txt', [], { agent: 'Laura', date: '2025-03-20' }),
  result('c.txt', [finding('signoff/faceless'), finding('phrase/canned'), finding('phrase/calque')], { agent: 'Ärla', date: '2025-04-01' }),
  result('d.txt', [finding('format/spacing', 'info', 1)], { agent: 'Björn', date: 'Tue, 15 Apr 2025 09:00:00 +0000' }, { channel: 'sms', language: 'sv' }),
  result('e.txt', [finding('privacy/card-number', 'error', 5), finding('phrase/canned')], undefined, { channel: 'chat' }),
  result('f.txt', [finding('phrase/canned')], { agent: '  ', date: 'not a date' }),
];

describe('groupResults', () => {
  const card = loadCatalogue().bingo;

  it('groups by agent in key order, unknown last, with figures', () => {
    const groups = groupResults(results, 'agent', card);
    expect(groups.map((g) => g.key)).toEqual(['Björn', 'Laura', 'Ärla', UNKNOWN_KEY]);
    const laura = groups.find((g) => g.key === 'Laura')!;
    expect(laura.messages).toBe(2);
    expect(laura.meanScore).toBe(1.5);
    expect(laura.clean).toBe(1);
    expect(laura.cleanShare).toBe(0.5);
    expect(laura.topRules).toEqual([
      { ruleId: 'greeting/missing', count: 1 },
      { ruleId: 'phrase/canned', count: 1 },
    ]);
    // greeting/missing (2) + stiff (1)
    expect(laura.bingo.points).toBe(3);
    expect(laura.bingo.tier.title.en).toBe('The typical template-driven company');
    const bjorn = groups.find((g) => g.key === 'Björn')!;
    // Info findings never make a reply unclean nor count in the top rules.
    expect(bjorn.clean).toBe(1);
    expect(bjorn.topRules).toEqual([]);
    const unknown = groups.find((g) => g.key === UNKNOWN_KEY)!;
    expect(unknown.messages).toBe(2);
    expect(unknown.errors).toBe(1);
    expect(unknown.topRules[0]).toEqual({ ruleId: 'phrase/canned', count: 2 });
  });

  it('groups by month (ISO, RFC 2822; unreadable dates unknown)', () => {
    const groups = groupResults(results, 'month', card);
    expect(groups.map((g) => [g.key, g.messages])).toEqual([
      ['2025-03', 2],
      ['2025-04', 2],
      [UNKNOWN_KEY, 2],
    ]);
    expect(monthOf('2025-13-01')).toBe(UNKNOWN_KEY);
    expect(monthOf('12345')).toBe(UNKNOWN_KEY);
    expect(monthOf(undefined)).toBe(UNKNOWN_KEY);
  });

  it('groups by channel and by language', () => {
    expect(groupResults(results, 'channel', card).map((g) => [g.key, g.messages])).toEqual([
      ['chat', 1],
      ['email', 4],
      ['sms', 1],
    ]);
    expect(groupResults(results, 'language', card).map((g) => g.key)).toEqual(['fi', 'sv']);
  });

  it('is deterministic whatever the input order', () => {
    const a = formatGroupsJson(groupResults(results, 'agent', card), 'agent');
    const b = formatGroupsJson(groupResults([...results].reverse(), 'agent', card), 'agent');
    expect(b).toBe(a);
  });

  it('top rules: five at most, by count then id', () => {
    const many = result(
      'm.txt',
      ['z/a', 'y/b', 'y/b', 'x/c', 'w/d', 'v/e', 'u/f', 'u/f', 'u/f'].map((id) => finding(id)),
      { agent: 'A' },
    );
    const [g] = groupResults([many], 'agent', card);
    expect(g!.topRules).toEqual([
      { ruleId: 'u/f', count: 3 },
      { ruleId: 'y/b', count: 2 },
      { ruleId: 'v/e', count: 1 },
      { ruleId: 'w/d', count: 1 },
      { ruleId: 'x/c', count: 1 },
    ]);
  });

  it('an empty set gives no groups', () => {
    expect(groupResults([], 'agent', card)).toEqual([]);
  });
});

describe('formatGroupsText and JSON', () => {
  const card = loadCatalogue().bingo;
  const groups = groupResults(results, 'agent', card);

  it('prints a table with headers in each UI language', () => {
    const fi = formatGroupsText(groups, 'fi', 'agent');
    expect(fi.split('\n')[0]).toMatch(/^Asiakaspalvelija\s+Vastauksia\s+Pisteet ka\.\s+Puhtaita\s+Bingo\s+Yleisimmät säännöt$/);
    expect(fi).toContain('(tuntematon)');
    expect(fi).toMatch(/Laura\s+2\s+1,5\s+50 %\s+3 · Tavallinen pohjafirma/);
    const sv = formatGroupsText(groups, 'sv', 'agent');
    expect(sv.split('\n')[0]).toMatch(/^Handläggare\s+Svar/);
    expect(sv).toContain('(okänd)');
    const en = formatGroupsText(groups, 'en', 'month');
    expect(en.split('\n')[0]).toMatch(/^Month\s+Replies\s+Mean score\s+Clean/);
    expect(en).toMatch(/1\.5\s+50%/);
  });

  it('has the JSON shape {version, groupBy, groups}', () => {
    const json = JSON.parse(formatGroupsJson(groups, 'agent'));
    expect(json.version).toBe(1);
    expect(json.groupBy).toBe('agent');
    expect(Object.keys(json.groups[0])).toEqual([
      'key',
      'messages',
      'meanScore',
      'clean',
      'cleanShare',
      'findings',
      'errors',
      'warnings',
      'topRules',
      'bingo',
    ]);
    const laura = json.groups.find((g: { key: string }) => g.key === 'Laura');
    expect(laura.bingo).toEqual({
      points: 3,
      tier: { min: 3, max: 4, title: { fi: 'Tavallinen pohjafirma', sv: 'Typiskt mallföretag', en: 'The typical template-driven company' } },
      squares: [
        { id: 'greeting', points: 2, hits: 1 },
        { id: 'stiff', points: 1, hits: 1 },
      ],
    });
    expect(groupsJsonValue(groups, 'agent').groups.at(-1)!.key).toBe(UNKNOWN_KEY);
  });

  it('formats numbers the local way', () => {
    expect(formatNumber(1.25, 'fi')).toBe('1,3');
    expect(formatNumber(2, 'sv')).toBe('2');
    expect(formatNumber(0.05, 'en', 2)).toBe('0.05');
    expect(formatPercent(0.666, 'fi')).toBe('67\u00a0%');
    expect(formatPercent(1, 'en')).toBe('100%');
  });
});
