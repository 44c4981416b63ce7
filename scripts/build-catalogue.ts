/**
 * Compiles rules/**\/*.yaml and rules/bingo.yaml into dist/catalogue.json, so
 * the linter starts without a YAML parser, and fails the build on a rule file
 * that breaks the catalogue's shape.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import fg from 'fast-glob';
import YAML from 'yaml';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { packageRoot, type Catalogue, type RuleMeta, type BingoCard } from '../src/engine/catalogue.js';
import { CHANNELS, SEVERITIES } from '../src/types.js';
import { patternKeyWords } from '../src/engine/phrases.js';
import { resetStemMemo, stemKey, type StemKeyTables } from '../src/text/stem.js';
import { finnishMorphology, resetMorphology } from '../src/text/morphology.js';
import { resetVoikko } from '../src/text/voikko.js';

const root = packageRoot();
const rulesDir = join(root, 'rules');
const problems: string[] = [];

function need(cond: unknown, file: string, what: string): void {
  if (!cond) problems.push(`${file}: ${what}`);
}

function trilingual(value: unknown): boolean {
  const v = value as Record<string, unknown> | undefined;
  return !!v && ['fi', 'sv', 'en'].every((k) => typeof v[k] === 'string' && (v[k] as string).length > 0);
}

const rules: RuleMeta[] = [];
for (const file of fg.sync('*/*.yaml', { cwd: rulesDir }).sort()) {
  const rel = relative(root, join(rulesDir, file));
  let data: Record<string, unknown>;
  try {
    data = YAML.parse(readFileSync(join(rulesDir, file), 'utf8')) as Record<string, unknown>;
  } catch (err) {
    problems.push(`${rel}: ${(err as Error).message.split('\n')[0]}`);
    continue;
  }
  const id = file.replace(/\.yaml$/, '');
  need(data.id === id, rel, `id must be "${id}"`);
  need(trilingual(data.title), rel, 'title needs fi, sv and en');
  need(trilingual(data.description), rel, 'description needs fi, sv and en');
  need(trilingual(data.message), rel, 'message needs fi, sv and en');
  need(SEVERITIES.includes(data.severity as never), rel, 'severity must be error, warning or info');
  need(typeof data.weight === 'number' && data.weight >= 0, rel, 'weight must be a number ≥ 0');
  const channels = (data.channels as string[] | undefined) ?? [...CHANNELS];
  need(channels.every((c) => CHANNELS.includes(c as never)), rel, 'unknown channel');
  need(data.examples && typeof data.examples === 'object', rel, 'examples are required');
  for (const [lang, set] of Object.entries((data.examples ?? {}) as Record<string, { bad?: unknown[] }>)) {
    (set.bad ?? []).forEach((ex, i) => {
      const e = ex as { text?: unknown; actual?: unknown };
      const actual = Array.isArray(e?.actual) ? e.actual : [e?.actual];
      need(typeof e === 'object' && typeof e.text === 'string' && actual.length > 0 && actual.every((a) => typeof a === 'string' && a.length > 0),
        rel, `examples.${lang}.bad #${i + 1} needs text and actual (the span it must report)`);
    });
  }
  const requires = data.requires as Record<string, string> | undefined;
  need(!requires || Object.values(requires).every((v) => v === 'voikko' || v === 'hunspell'), rel, 'requires: voikko or hunspell per language');
  rules.push({
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
    ...(data.phrases ? { phrases: data.phrases as RuleMeta['phrases'] } : {}),
    ...(requires ? { requires: requires as RuleMeta['requires'] } : {}),
    examples: data.examples as RuleMeta['examples'],
  });
}

const bingo = YAML.parse(readFileSync(join(rulesDir, 'bingo.yaml'), 'utf8')) as BingoCard;
const ids = new Set(rules.map((r) => r.id));
for (const square of bingo.squares ?? []) {
  for (const ruleId of Object.keys(square.rules)) {
    // Squares may name rules of later issues; they simply never light up until the rule exists.
    if (!ids.has(ruleId) && !/^(thread|address)\//.test(ruleId)) problems.push(`rules/bingo.yaml: unknown rule ${ruleId}`);
  }
}

if (problems.length > 0) {
  console.error(problems.map((p) => `catalogue: ${p}`).join('\n'));
  process.exit(1);
}
const catalogue: Catalogue = { rules, bingo, stemKeys: stemKeyTables(rules) };
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'catalogue.json'), JSON.stringify(catalogue));

// The config validator, compiled once here so a run never compiles the schema.
const schema = JSON.parse(readFileSync(join(root, 'schema', 'aspalintrc.schema.json'), 'utf8')) as object;
const ajv = new Ajv.default({ code: { source: true }, allErrors: false, strict: false });
writeFileSync(join(root, 'dist', 'config-validator.cjs'), standaloneCode.default(ajv, ajv.compile(schema)));

/**
 * The stem keys of every phrase word, for Snowball alone and (Finnish, when
 * Voikko is installed here) for Voikko: a run whose morphology matches uses
 * them instead of analysing the words again.
 */
function stemKeyTables(metas: RuleMeta[]): StemKeyTables {
  const tables: StemKeyTables = {};
  for (const lang of ['fi', 'sv'] as const) {
    const words = new Set(metas.flatMap((m) => (m.phrases?.[lang] ?? []).flatMap((e) => patternKeyWords(e.match))));
    const modes = lang === 'fi' ? [true, false] : [false];
    for (const voikko of modes) {
      const saved = process.env.ASPALINT_NO_VOIKKO;
      if (!voikko) process.env.ASPALINT_NO_VOIKKO = '1';
      resetVoikko();
      resetMorphology();
      resetStemMemo();
      const id = lang === 'fi' ? (finnishMorphology()?.id ?? 'none') : 'none';
      (tables[lang] ??= {})[id] = Object.fromEntries([...words].sort().map((w) => [w, stemKey(w, lang)]));
      if (saved === undefined) delete process.env.ASPALINT_NO_VOIKKO;
      else process.env.ASPALINT_NO_VOIKKO = saved;
    }
  }
  resetVoikko();
  resetMorphology();
  resetStemMemo();
  return tables;
}
