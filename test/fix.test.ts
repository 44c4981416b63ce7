import { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixUntilStable } from '../src/engine/fix.js';
import { createLinter } from '../src/engine/linter.js';
import { detectEncoding, encodeText, fixCollectionFile, fixFile, unifiedDiff, writeFileAtomic, writeIfChanged } from '../src/cli/fix-files.js';
import { runFixes } from '../src/cli/fix-command.js';
import type { Io } from '../src/cli/io.js';
import { blankControls, findTemplateSyntax, isTemplatePath } from '../src/text/template.js';
import { readMacroCollection, toSourceFix } from '../src/input/macros.js';
import type { Config } from '../src/engine/config.js';
import type { Finding, Fix } from '../src/types.js';

const root = join(import.meta.dirname, '..');
const repo = join(root, 'fixtures/template-repo');

function finding(fix: Fix | undefined, ruleId = 'format/spacing'): Finding {
  return {
    ruleId,
    severity: 'warning',
    weight: 1,
    message: '',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    offset: fix?.offset ?? 0,
    length: fix?.length ?? 0,
    actual: '',
    suggestions: [],
    ...(fix ? { fix } : {}),
  };
}

describe('applyFixes', () => {
  it('applies non-overlapping fixes in text order, whatever order they come in', () => {
    const text = 'Hinta on 5.90€.Kiitos  tilauksesta.';
    const fixes = [
      finding({ offset: 21, length: 2, text: ' ' }),
      finding({ offset: 9, length: 5, text: '5,90 €' }, 'format/number'),
      finding({ offset: 15, length: 0, text: ' ' }),
    ];
    const before = JSON.stringify(fixes);
    const result = applyFixes(text, fixes);
    expect(result.output).toBe('Hinta on 5,90 €. Kiitos tilauksesta.');
    expect(result.applied.map((f) => f.fix!.offset)).toEqual([9, 15, 21]);
    expect(result.skipped).toEqual([]);
    expect(JSON.stringify(fixes)).toBe(before); // pure: the findings are not touched
  });

  it('skips a fix that overlaps one already applied, and conflicting insertions', () => {
    const text = 'abcdef';
    const result = applyFixes(text, [
      finding({ offset: 1, length: 3, text: 'X' }),
      finding({ offset: 2, length: 2, text: 'Y' }),
      finding({ offset: 4, length: 0, text: '+' }), // touches the end of the first: fine
      finding({ offset: 5, length: 0, text: '1' }),
      finding({ offset: 5, length: 0, text: '2' }), // two insertions at one offset: order unknown
    ]);
    expect(result.output).toBe('aX+e1f');
    expect(result.skipped.map((s) => [s.finding.fix!.text, s.reason])).toEqual([
      ['Y', 'overlap'],
      ['2', 'overlap'],
    ]);
  });

  it('applies an edit proposed twice once', () => {
    const fix = { offset: 3, length: 2, text: ' ' };
    const result = applyFixes('Hei  Anna', [finding(fix), finding({ ...fix }, 'other/rule')]);
    expect(result.output).toBe('Hei Anna');
    expect(result.applied).toHaveLength(2);
  });

  it('never touches placeholders or control tags', () => {
    const text = 'Hei {{ nimi  }},{% if x  %}kiitos  paljon.{% endif %}';
    const inTag = text.indexOf('  }}');
    const inControl = text.indexOf('  %}');
    const inText = text.indexOf('  paljon');
    const result = applyFixes(text, [
      finding({ offset: inTag, length: 2, text: ' ' }),
      finding({ offset: inControl, length: 2, text: ' ' }),
      finding({ offset: inText, length: 2, text: ' ' }),
      finding({ offset: text.indexOf('nimi'), length: 0, text: 'X' }),
    ]);
    expect(result.output).toBe('Hei {{ nimi  }},{% if x  %}kiitos paljon.{% endif %}');
    expect(result.skipped.map((s) => s.reason)).toEqual(['template', 'template', 'template']);
  });

  it('refuses fixes outside the text', () => {
    const result = applyFixes('abc', [finding({ offset: 2, length: 5, text: 'x' }), finding({ offset: -1, length: 0, text: 'x' })]);
    expect(result.output).toBe('abc');
    expect(result.skipped.map((s) => s.reason)).toEqual(['out-of-range', 'out-of-range']);
  });
});

describe('fixUntilStable', () => {
  it('gives a skipped fix its turn in the next pass', () => {
    // A toy linter: "aa" → "a" fixes that overlap each other.
    const lint = (text: string) => ({
      findings: [...text.matchAll(/aa/g)].map((m) => finding({ offset: m.index!, length: 2, text: 'a' })),
    });
    const result = fixUntilStable('aaaa', lint);
    expect(result.output).toBe('a');
    expect(result.passes).toBeGreaterThan(1);
    expect(result.last.findings).toEqual([]);
  });

  it('stops after maxPasses and when fixes would cycle', () => {
    const flip = (text: string) => ({ findings: [finding({ offset: 0, length: 1, text: text[0] === 'a' ? 'b' : 'a' })] });
    const cycled = fixUntilStable('a', flip);
    expect(cycled.passes).toBeLessThanOrEqual(3);
    const grow = (text: string) => ({ findings: [finding({ offset: text.length, length: 0, text: 'x' })] });
    const capped = fixUntilStable('', grow, { maxPasses: 4 });
    expect(capped.output).toBe('xxxx');
  });
});

// --- The real linter on the template repository and the bundled replies ---------------------

function repoConfig(): Config {
  // The lead wires `templates:` and `macros:` into the schema; the linter is given the rest.
  const config = YAML.parse(readFileSync(join(repo, '.aspalintrc.yaml'), 'utf8')) as Config & { templates?: string[]; macros?: unknown };
  const templates = config.templates ?? [];
  delete config.templates;
  delete config.macros;
  // Template mode, as the lead will wire it: placeholders are fields, not forgotten text.
  config.rules = { ...config.rules, 'template/placeholder': 'off' };
  return Object.assign(config, { templatesGlobs: templates });
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    })
    .sort();
}

const tagTexts = (text: string) => {
  const s = findTemplateSyntax(text);
  return [...s.controls, ...s.placeholders].map((t) => text.slice(t.start, t.end));
};

describe('--fix on the template repository', () => {
  const { templatesGlobs, ...config } = repoConfig() as Config & { templatesGlobs: string[] };
  const linter = createLinter({ config });
  const lintAs = (path: string) => (text: string) => {
    const template = isTemplatePath(path, templatesGlobs, repo);
    return linter.lint({ path, text: template ? blankControls(text) : text });
  };

  for (const file of walk(join(repo, 'templates'))) {
    const name = relative(repo, file);
    it(`${name}: a second run finds nothing left to fix, and no tag is touched`, () => {
      const text = readFileSync(file, 'utf8');
      const lint = lintAs(file);
      const fixed = fixUntilStable(text, lint);
      const again = applyFixes(fixed.output, lint(fixed.output).findings);
      expect(again.applied).toEqual([]);
      expect(tagTexts(fixed.output)).toEqual(tagTexts(text));
      // What remains is what no automatic fix can do: a fix left over could only be one that would touch a tag.
      expect(again.skipped.filter((s) => s.reason !== 'template')).toEqual([]);
      expect(fixed.last.findings).toEqual(lint(fixed.output).findings);
    });
  }

  it('repairs the Finnish Handlebars template and leaves what needs a person', () => {
    const file = join(repo, 'templates/fi/palautus-ohjeet.hbs');
    const text = readFileSync(file, 'utf8');
    const fixed = fixUntilStable(text, lintAs(file));
    expect(fixed.applied.map((f) => f.ruleId).sort()).toEqual(expect.arrayContaining(['format/number', 'format/spacing', 'format/spacing', 'phrase/bureaucratic', 'phrase/calque']));
    expect(fixed.output).toContain('Jos haluat palauttaa tuotteen');
    expect(fixed.output).toContain('Palautus on sinulle maksuton. Tulosta');
    expect(fixed.output).toContain('Palautuksen hinta on 5,90 €, ja se vähennetään hyvityksestä. Tulosta');
    expect(fixed.output).toContain('{{#if order.free_returns}}\n');
    // The whole calque is one span, so its fix leaves no half of it behind.
    expect(fixed.output).toContain('Ota rohkeasti yhteyttä, jos sinulla on kysyttävää.');
    expect(fixed.last.findings.map((f) => f.ruleId)).not.toContain('phrase/calque');
  });

  it('repairs the Swedish Handlebars template', () => {
    const file = join(repo, 'templates/sv/retur.hbs');
    const fixed = fixUntilStable(readFileSync(file, 'utf8'), lintAs(file));
    expect(fixed.output).toContain('Enligt våra villkor kan du returnera');
    expect(fixed.output).toContain('kostnadsfri för dig. Skriv ut');
    expect(fixed.output).toContain('Returfrakten kostar 49,00 kr och dras av från återbetalningen. Skriv ut');
  });

  it('leaves suppressed legal wording as it is', () => {
    const file = join(repo, 'templates/sv/faktura-angerratt.liquid');
    const text = readFileSync(file, 'utf8');
    const fixed = fixUntilStable(text, lintAs(file));
    expect(fixed.output).toBe(text);
    expect(fixed.last.suppressed).toBe(1);
  });

  it('carries fixes in a YAML macro collection back to the file', () => {
    const path = join(repo, 'macros/makrot.yaml');
    const source = readFileSync(path, 'utf8');
    const lintCollection = (src: string) => {
      const { messages, errors } = readMacroCollection(path, src, { list: 'macros' });
      expect(errors).toEqual([]);
      return {
        findings: messages.flatMap((m) =>
          linter.lint({ path: m.path, text: blankControls(m.text) }).findings.flatMap((f) => {
            const fix = f.fix && toSourceFix(m, f.fix);
            return fix ? [{ ...f, offset: fix.offset, length: fix.length, fix }] : [];
          }),
        ),
      };
    };
    const fixed = fixUntilStable(source, lintCollection);
    expect(fixed.applied.map((f) => f.ruleId)).toContain('format/number');
    expect(fixed.output).toContain('Hyvitimme laskultasi 12,50 euroa, ja hyvitys');
    // Only the replies changed: the same titles, the same keys, still valid YAML.
    expect((YAML.parse(fixed.output) as { macros: { title: string }[] }).macros.map((m) => m.title)).toEqual((YAML.parse(source) as { macros: { title: string }[] }).macros.map((m) => m.title));
    expect(fixed.output.split('\n').length).toBe(source.split('\n').length);
    expect(lintCollection(fixed.output).findings).toEqual([]);
  });
});

describe('--fix on the bundled replies', () => {
  const linter = createLinter({ configFile: join(root, '.aspalintrc.yaml') });
  const files = walk(join(root, 'fixtures/replies')).filter((f) => f.endsWith('.txt'));
  it('fixes every fixable finding and a second run finds nothing left', () => {
    let total = 0;
    for (const file of files) {
      const lint = (text: string) => linter.lint({ path: file, text });
      const text = readFileSync(file, 'utf8');
      const fixed = fixUntilStable(text, lint);
      total += fixed.applied.length;
      expect(applyFixes(fixed.output, lint(fixed.output).findings).applied, relative(root, file)).toEqual([]);
    }
    expect(total).toBeGreaterThanOrEqual(9);
  });
});

// --- Writing files ---------------------------------------------------------------------------

describe('fix-files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aspalint-fix-'));

  it('writes atomically, keeping the mode and leaving no temporary file', () => {
    const file = join(dir, 'vastaus.txt');
    writeFileSync(file, 'vanha\n');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'uusi\n');
    expect(readFileSync(file, 'utf8')).toBe('uusi\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('writes only when the content changes', () => {
    const file = join(dir, 'sama.txt');
    writeFileSync(file, 'Hei Anna\n');
    const before = statSync(file).mtimeMs;
    expect(writeIfChanged(file, 'Hei Anna\n', 'Hei Anna\n')).toBe(false);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(writeIfChanged(file, 'Hei Anna\n', 'Hei Anna!\n')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('Hei Anna!\n');
  });

  it('keeps a byte order mark and UTF-16', () => {
    for (const encoding of ['utf8-bom', 'utf16le', 'utf16be'] as const) {
      const file = join(dir, `enc-${encoding}.txt`);
      writeFileSync(file, encodeText('Hei  Anna, hinta 5.90€.\n', encoding));
      expect(detectEncoding(readFileSync(file))).toBe(encoding);
      expect(writeIfChanged(file, 'a', 'Hei Anna, hinta 5,90 €.\n')).toBe(true);
      const bytes = readFileSync(file);
      expect(detectEncoding(bytes)).toBe(encoding);
      expect(bytes.equals(encodeText('Hei Anna, hinta 5,90 €.\n', encoding))).toBe(true);
    }
  });

  it('rewrites the target of a symbolic link and keeps the link', () => {
    const target = join(dir, 'kohde.txt');
    const link = join(dir, 'linkki.txt');
    writeFileSync(target, 'a\n');
    symlinkSync(target, link);
    writeFileAtomic(link, 'b\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('b\n');
  });

  it('prints a unified diff like git', () => {
    const diff = unifiedDiff('templates/fi/a.hbs', 'Hei Anna,\n\nMikäli haluat\n', 'Hei Anna,\n\nJos haluat\n');
    expect(diff).toBe(['--- a/templates/fi/a.hbs', '+++ b/templates/fi/a.hbs', '@@ -1,3 +1,3 @@', ' Hei Anna,', ' ', '-Mikäli haluat', '+Jos haluat', ''].join('\n'));
    expect(unifiedDiff('a.txt', 'x', 'x')).toBe('');
  });

  it('fixFile: a dry run shows the diff and writes nothing; a real run writes', () => {
    const file = join(dir, 'palautus.hbs');
    const original = readFileSync(join(repo, 'templates/fi/palautus-ohjeet.hbs'), 'utf8');
    writeFileSync(file, original);
    const linter = createLinter({ config: { rules: { 'template/placeholder': 'off' } } });
    const lint = (text: string) => linter.lint({ path: file, text: blankControls(text) });
    const dry = fixFile(file, lint, { dryRun: true });
    expect(dry.changed).toBe(true);
    expect(dry.written).toBe(false);
    expect(dry.diff).toContain('-kiitos viestistäsi. Mikäli haluat');
    expect(dry.diff).toContain('+kiitos viestistäsi. Jos haluat');
    expect(readFileSync(file, 'utf8')).toBe(original);
    const real = fixFile(file, lint);
    expect(real.written).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(dry.output);
    expect(fixFile(file, lint).changed).toBe(false);
  });

  it('fixCollectionFile: fixes a JSON macro export in place, escapes kept', () => {
    const file = join(dir, 'zendesk.json');
    const json = `${JSON.stringify({ macros: [{ title: 'Hyvitys', actions: [{ field: 'comment_value', value: 'Hei {{ticket.requester.first_name}},\n\nhyvitimme 12.50 euroa. "Kiitos" odotuksesta.\n\nTerveisin\nLaura' }] }] }, null, 2)}\n`;
    writeFileSync(file, json);
    const linter = createLinter({ config: { rules: { 'template/placeholder': 'off' } } });
    const result = fixCollectionFile(file, (m) => linter.lint({ path: m.path, text: blankControls(m.text) }));
    expect(result.written).toBe(true);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(json.replace('12.50 euroa', '12,50 euroa'));
    expect(JSON.parse(after).macros[0].actions[0].value).toContain('\n\nhyvitimme 12,50 euroa. "Kiitos"');
    expect(fixCollectionFile(file, (m) => linter.lint({ path: m.path, text: blankControls(m.text) }), { dryRun: true }).changed).toBe(false);
  });

  it('--fix-dry-run lints the members of a macro collection once per pass, not once more for the report', async () => {
    const file = join(dir, 'makrot-dry.json');
    const json = `${JSON.stringify({ macros: [{ title: 'Hyvitys', actions: [{ field: 'comment_value', value: 'Hei Anna,\n\nhyvitimme 12.50 euroa.\n\nTerveisin\nLaura' }] }] }, null, 2)}\n`;
    writeFileSync(file, json);
    const linter = createLinter({ config: { rules: { 'template/placeholder': 'off' } } });
    let lints = 0;
    const counting = { ...linter, lint: (...args: Parameters<typeof linter.lint>) => (lints++, linter.lint(...args)) };
    let printed = '';
    const io = { stdout: { write: (s: string) => (printed += s) } } as unknown as Io;
    const { remaining, changed } = await runFixes([file], counting, { dryRun: true }, io);
    expect(changed).toBe(1);
    expect(printed).toContain('hyvitimme 12,50 euroa.');
    // Pass 1 finds the fix, pass 2 finds nothing left: two lints of the one member, and its report is pass 2's.
    expect(lints).toBe(2);
    expect(remaining.map((r) => r.path)).toEqual([`${file}#Hyvitys`]);
    expect(remaining[0]!.findings.some((f) => f.ruleId === 'format/number')).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(json);
  });
});

