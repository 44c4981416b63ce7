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
import { readRuleFile } from '../src/engine/rule-file.js';
import { patternKeyWords } from '../src/engine/phrases.js';
import { resetStemMemo, stemKey, type StemKeyTables } from '../src/text/stem.js';
import { finnishMorphology, resetMorphology } from '../src/text/morphology.js';
import { resetVoikko } from '../src/text/voikko.js';

const root = packageRoot();
const rulesDir = join(root, 'rules');
const problems: string[] = [];

const rules: RuleMeta[] = [];
for (const file of fg.sync('*/*.yaml', { cwd: rulesDir }).sort()) {
  const rel = relative(root, join(rulesDir, file));
  const { meta, problems: found } = readRuleFile(readFileSync(join(rulesDir, file), 'utf8'), file.replace(/\.yaml$/, ''));
  for (const p of found) problems.push(`${rel}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  if (meta) rules.push(meta);
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
