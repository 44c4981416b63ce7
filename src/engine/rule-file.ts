/**
 * One rule file (`rules/<category>/<name>.yaml`, or a plugin's
 * `rules/<name>.yaml`) read and checked against the catalogue's shape. The
 * build uses it for our rules and fails on any problem; a plugin's files
 * are read with it when the config names the plugin, and a problem is a
 * config error naming the plugin's file and line. One set of checks for both.
 */
import type { Document, LineCounter } from 'yaml';
import { CHANNELS, SEVERITIES } from '../types.js';
import type { RuleMeta } from './catalogue.js';
import { yaml } from '../input/yaml.js';

export interface RuleFileProblem {
  line: number | null;
  message: string;
}

function trilingual(value: unknown): boolean {
  const v = value as Record<string, unknown> | undefined;
  return !!v && typeof v === 'object' && ['fi', 'sv', 'en'].every((k) => typeof v[k] === 'string' && (v[k] as string).length > 0);
}

/** The line of the YAML node at a path, or of its nearest existing parent. */
export function lineOf(doc: Document, counter: LineCounter, path: (string | number)[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return counter.linePos(range[0]).line;
  }
  return null;
}

/** Parses and checks a rule file's text; `id` is what its path says the id must be. */
export function readRuleFile(source: string, id: string): { meta?: RuleMeta; problems: RuleFileProblem[] } {
  const { LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    return { problems: [{ line: counter.linePos(err.pos[0]).line, message: `invalid YAML: ${err.message.split('\n')[0]}` }] };
  }
  const data = doc.toJS() as Record<string, unknown> | null;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { problems: [{ line: 1, message: 'a rule file is a mapping: id, title, severity, …' }] };
  const problems: RuleFileProblem[] = [];
  const need = (cond: unknown, path: (string | number)[], message: string) => {
    if (!cond) problems.push({ line: lineOf(doc, counter, path), message });
  };
  need(data.id === id, ['id'], `id must be "${id}"`);
  need(trilingual(data.title), ['title'], 'title needs fi, sv and en');
  need(trilingual(data.description), ['description'], 'description needs fi, sv and en');
  need(trilingual(data.message), ['message'], 'message needs fi, sv and en');
  need(SEVERITIES.includes(data.severity as never), ['severity'], 'severity must be error, warning or info');
  need(typeof data.weight === 'number' && data.weight >= 0, ['weight'], 'weight must be a number ≥ 0');
  const channels = (data.channels as string[] | undefined) ?? [...CHANNELS];
  need(Array.isArray(channels) && channels.every((c) => CHANNELS.includes(c as never)), ['channels'], `unknown channel (channels: ${CHANNELS.join(', ')})`);
  need(data.examples && typeof data.examples === 'object', ['examples'], 'examples are required');
  for (const [lang, set] of Object.entries((data.examples ?? {}) as Record<string, { bad?: unknown[] } | null>)) {
    (set?.bad ?? []).forEach((ex, i) => {
      const e = ex as { text?: unknown; actual?: unknown };
      const actual = Array.isArray(e?.actual) ? e.actual : [e?.actual];
      need(
        typeof e === 'object' && typeof e.text === 'string' && actual.length > 0 && actual.every((a) => typeof a === 'string' && a.length > 0),
        ['examples', lang, 'bad', i],
        `examples.${lang}.bad #${i + 1} needs text and actual (the span it must report)`,
      );
    });
  }
  const schema = data.optionsSchema as Record<string, unknown> | undefined;
  need(
    schema === undefined || (typeof schema === 'object' && !Array.isArray(schema) && Object.values(schema).every((v) => v && typeof v === 'object')),
    ['optionsSchema'],
    'optionsSchema maps each option to its JSON Schema',
  );
  for (const key of Object.keys((data.options as Record<string, unknown> | undefined) ?? {})) {
    need(schema && Object.hasOwn(schema, key), ['options', key], `option "${key}" needs its schema under optionsSchema`);
  }
  const requires = data.requires as Record<string, string> | undefined;
  need(!requires || Object.values(requires).every((v) => v === 'voikko' || v === 'hunspell'), ['requires'], 'requires: voikko or hunspell per language');
  if (problems.length > 0) return { problems };
  const meta: RuleMeta = {
    id,
    title: data.title as RuleMeta['title'],
    severity: data.severity as RuleMeta['severity'],
    weight: data.weight as number,
    ...(data.bingo ? { bingo: data.bingo as string } : {}),
    channels: channels as RuleMeta['channels'],
    languages: (data.languages as RuleMeta['languages']) ?? ['fi', 'sv'],
    description: data.description as RuleMeta['description'],
    message: data.message as RuleMeta['message'],
    options: (data.options as Record<string, unknown>) ?? {},
    ...(schema ? { optionsSchema: schema as Record<string, object> } : {}),
    ...(data.phrases ? { phrases: data.phrases as RuleMeta['phrases'] } : {}),
    ...(requires ? { requires: requires as RuleMeta['requires'] } : {}),
    examples: data.examples as RuleMeta['examples'],
  };
  return { meta, problems };
}
