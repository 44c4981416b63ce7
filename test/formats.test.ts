import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../src/report/github.js';
import { escapeXml, formatJunit, junitChunks } from '../src/report/junit.js';
import { lintFiles, summarize } from '../src/engine/linter.js';
import type { FileResult, LintReport } from '../src/types.js';
import { finding } from './helpers.js';
import { formatStylish } from '../src/report/stylish.js';
import { piecesSink, spoolingSink, stylishSink } from '../src/report/sinks.js';
import { checkstylePieces, compactPieces, formatCheckstyle, formatCompact } from '../src/report/compact.js';
import { loadCatalogue } from '../src/engine/catalogue.js';

const root = join(import.meta.dirname, '..');

function report(): LintReport {
  const results: FileResult[] = [
    {
      path: '/repo/templates/fi/palautus,ohje:1.hbs',
      language: 'fi',
      channel: 'email',
      score: 4,
      bingo: { points: 1, squares: ['stiff'] },
      findings: [
        finding({}),
        finding({ ruleId: 'privacy/password', severity: 'error', weight: 3, line: 8, column: 40, endLine: 8, endColumn: 54, message: 'Salasana 100% näkyvissä:\r\nvaihda <heti> & "nyt"', suggestions: [] }),
        finding({ ruleId: 'content/vague', severity: 'info', message: 'Tuotetta ei nimetä.', suggestions: [] }),
      ],
      suppressed: 1,
    },
    { path: '/repo/templates/sv/ok.md', language: 'sv', channel: 'email', score: 0, bingo: { points: 0, squares: [] }, findings: [], suppressed: 0 },
    {
      path: 'macros/makrot.yaml#Laskutus::Hyvitys tehty',
      language: 'fi',
      channel: 'email',
      score: 1,
      bingo: { points: 0, squares: [] },
      findings: [finding({ ruleId: 'format/number', line: 31, column: 63, endLine: 31, endColumn: 74, message: 'Kirjoita ”12,50 euroa”.' })],
      suppressed: 0,
    },
  ];
  return { results, errors: [{ path: '/repo/templates/rikki.txt', code: 'not-utf8' }], summary: summarize(results) };
}

describe('formatGithub', () => {
  it('escapes data and properties as the Actions toolkit does', () => {
    expect(escapeData('100% valmis\r\nrivi 2: a,b')).toBe('100%25 valmis%0D%0Arivi 2: a,b');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });

  it('writes one workflow command per finding, relative paths, and a summary', () => {
    const out = formatGithub(report(), { cwd: '/repo' }).split('\n');
    expect(out).toEqual([
      '::warning file=templates/fi/palautus%2Cohje%3A1.hbs,line=3,col=5,endLine=3,endColumn=15,title=phrase/calque::”Älä epäröi” on suora käännös englannista. Luontevammin: ”ota rohkeasti yhteyttä”.',
      '::error file=templates/fi/palautus%2Cohje%3A1.hbs,line=8,col=40,endLine=8,endColumn=54,title=privacy/password::Salasana 100%25 näkyvissä:%0D%0Avaihda <heti> & "nyt"',
      '::notice file=templates/fi/palautus%2Cohje%3A1.hbs,line=3,col=5,endLine=3,endColumn=15,title=content/vague::Tuotetta ei nimetä.',
      '::warning file=macros/makrot.yaml,line=31,col=63,endLine=31,endColumn=74,title=format/number::Laskutus::Hyvitys tehty: Kirjoita ”12,50 euroa”.',
      'aspalint: 4 problems (1 error, 2 warnings, 1 info) · 3 replies · score 5 · 1 suppressed',
      '',
    ]);
  });

  it('words the summary in the UI language', () => {
    const out = formatGithub(report(), { cwd: '/repo', uiLang: 'fi' });
    expect(out.trimEnd().split('\n').pop()).toBe('aspalint: 4 huomautusta (1 virhe, 2 varoitusta, 1 vihje) · 3 vastausta · pisteet 5 · 1 vaiennettu');
  });

  it('gives every finding of a real run an annotation', async () => {
    const r = await lintFiles([join(root, 'fixtures/replies')], { configFile: join(root, '.aspalintrc.yaml') });
    const lines = formatGithub(r, { cwd: root }).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(r.summary.findings);
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^::(error|warning|notice) file=fixtures\/replies\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+\/[a-z-]+::[^\r\n]+$/);
  });
});

/** A small well-formedness check: balanced tags, quoted attributes, nothing unescaped in text. */
function wellFormed(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, '');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos|#\d+);[^"<&]*)*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = token.exec(body))) {
    end = token.lastIndex;
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(m[5]) || />/.test(m[5])) problems.push(`unescaped text: ${m[5].slice(0, 40)}`);
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) problems.push(`unbalanced </${m[2]}>`);
    } else if (!m[4]) stack.push(m[2]!);
  }
  if (end !== body.length) problems.push(`cannot parse at ${body.slice(end, end + 40)}`);
  if (stack.length > 0) problems.push(`unclosed ${stack.join(',')}`);
  return problems;
}

describe('what a summary counts', () => {
  const plain = (path: string): FileResult => ({ path, language: 'fi', channel: 'email', score: 1, bingo: { points: 0, squares: [] }, findings: [finding({})], suppressed: 0 });
  const of = (paths: string[]): LintReport => {
    const results = paths.map(plain);
    return { results, errors: [], summary: summarize(results) };
  };

  it('a file whose name holds a "#" is a file; a member of an export is a reply, in the stylish and GitHub summaries', () => {
    const files = of(['tiketit/#42 palautus.md', 'vastaus#1.txt']);
    const members = of(['export.jsonl#42', 'vastaus#1.txt']);
    expect(formatStylish(files, { color: false, uiLang: 'en' })).toMatch(/· 2 files ·/);
    expect(formatStylish(members, { color: false, uiLang: 'en' })).toMatch(/· 2 replies ·/);
    expect(formatGithub(files, { uiLang: 'en' })).toMatch(/· 2 files ·/);
    expect(formatGithub(members, { uiLang: 'en' })).toMatch(/· 2 replies ·/);
    for (const [report, unit] of [[files, 'files'], [members, 'replies']] as const) {
      let out = '';
      const sink = stylishSink((s) => void (out += s), { color: false, uiLang: 'en', card: loadCatalogue().bingo });
      for (const r of report.results) sink.add(r);
      sink.end(report.summary, 'en');
      expect(out).toMatch(new RegExp(`· 2 ${unit} ·`));
    }
  });
});

describe('compact and Checkstyle, streamed', () => {
  it('write each reply as it comes and end as the whole report does', () => {
    for (const [pieces, whole] of [[compactPieces, formatCompact], [checkstylePieces, formatCheckstyle]] as const) {
      const r = report();
      const written: string[] = [];
      const sink = piecesSink((t) => void written.push(t), {
        head: () => pieces.head(),
        file: (x) => pieces.file(x, { cwd: '/repo' }),
        tail: (errors, summary, lang) => pieces.tail(errors, summary, { cwd: '/repo', uiLang: lang }),
      });
      sink.add(r.results[0]!);
      // The first reply is out before the run ends: nothing is held for the end.
      expect(written.join('')).toContain('palautus,ohje:1.hbs');
      for (const x of r.results.slice(1)) sink.add(x);
      sink.errors.push(...r.errors);
      sink.end(r.summary, 'fi');
      expect(written.join('')).toBe(whole(r, { cwd: '/repo', uiLang: 'fi' }));
    }
  });
});

describe('JUnit through the spooling sink', () => {
  it('holds nothing until the end, then writes the whole report byte for byte, errors included', () => {
    const r = report();
    const written: string[] = [];
    const sink = spoolingSink((t) => void written.push(t), (results, _summary, errors, lang) => junitChunks({ results, errors }, { cwd: '/repo', uiLang: lang }));
    for (const x of r.results) sink.add(x);
    // The counts open the document, so nothing can be written before the run ends.
    expect(written).toEqual([]);
    sink.errors.push(...r.errors);
    sink.end(r.summary, 'sv');
    expect(written.length).toBe(r.results.length + r.errors.length + 2);
    expect(written.join('')).toBe(formatJunit(r, { cwd: '/repo', uiLang: 'sv' }));
  });
});

describe('formatJunit', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml('a<b>&"c\'\u0001\ud800x')).toBe('a&lt;b&gt;&amp;&quot;c&apos;x');
  });

  it('writes one testcase per file: failures list error and warning findings, hints go to system-out', () => {
    const xml = formatJunit(report(), { cwd: '/repo' });
    expect(wellFormed(xml)).toEqual([]);
    expect(xml).toContain('<testsuites name="aspalint" tests="4" failures="2" errors="1" skipped="0" time="0">');
    expect(xml).toContain(
      '    <testcase classname="aspalint" name="templates/fi/palautus,ohje:1.hbs" file="templates/fi/palautus,ohje:1.hbs" time="0">\n' +
        '      <failure message="2 problems (1 error, 1 warning) · score 4" type="error">3:5 warning phrase/calque: ”Älä epäröi” on suora käännös englannista. Luontevammin: ”ota rohkeasti yhteyttä”. → ota rohkeasti yhteyttä\n' +
        '8:40 error privacy/password: Salasana 100% näkyvissä:\r\nvaihda &lt;heti&gt; &amp; &quot;nyt&quot;</failure>\n' +
        '      <system-out>3:5 info content/vague: Tuotetta ei nimetä.</system-out>\n' +
        '    </testcase>',
    );
    expect(xml).toContain('<testcase classname="aspalint" name="templates/sv/ok.md" file="templates/sv/ok.md" time="0"/>');
    expect(xml).toContain('name="macros/makrot.yaml#Laskutus::Hyvitys tehty" file="macros/makrot.yaml"');
    expect(xml).toContain('<error message="/repo/templates/rikki.txt: not valid UTF-8 text" type="not-utf8"/>');
  });

  it('is well-formed and deterministic for a real run', async () => {
    const r = await lintFiles([join(root, 'fixtures/replies')], { configFile: join(root, '.aspalintrc.yaml') });
    const a = formatJunit(r, { cwd: root, uiLang: 'sv' });
    expect(a).toBe(formatJunit(r, { cwd: root, uiLang: 'sv' }));
    expect(wellFormed(a)).toEqual([]);
    expect((a.match(/<testcase /g) ?? []).length).toBe(r.results.length);
    expect((a.match(/<failure /g) ?? []).length).toBe(r.results.filter((x) => x.findings.some((f) => f.severity !== 'info')).length);
  });
});

// --- Adoption: aspalint init, the pre-commit hook, the documented workflows ----------------

describe('aspalint init', () => {
  it('writes a starter config that points editors at the schema and validates against it', async () => {
    const { starterConfig } = await import('../src/cli/init.js');
    const text = starterConfig();
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/aspalint/schema/aspalintrc.schema.json');
    const config = YAML.parse(text) as Record<string, unknown>;
    expect(config.templates).toEqual(['templates/**/*.md', 'templates/**/*.txt']);
    const schema = JSON.parse(readFileSync(join(root, 'schema/aspalintrc.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    // `templates:` is valid once the lead adds it to the schema; until then it is set aside here.
    if (!('templates' in schema.properties)) delete config.templates;
    const validate = new Ajv.default({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config) ? [] : validate.errors).toEqual([]);
    expect(starterConfig({ templates: ['pohjat/**/*.md'] })).toContain('templates: ["pohjat/**/*.md"]');
  });

  it('never overwrites a config', async () => {
    const { writeStarter, starterConfig } = await import('../src/cli/init.js');
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-init-'));
    expect(writeStarter(dir)).toEqual({ path: join(dir, '.aspalintrc.yaml'), created: true });
    expect(readFileSync(join(dir, '.aspalintrc.yaml'), 'utf8')).toBe(starterConfig());
    writeFileSync(join(dir, '.aspalintrc.yaml'), 'channel: sms\n');
    expect(writeStarter(dir)).toEqual({ path: join(dir, '.aspalintrc.yaml'), created: false });
    expect(readFileSync(join(dir, '.aspalintrc.yaml'), 'utf8')).toBe('channel: sms\n');
    const other = mkdtempSync(join(tmpdir(), 'aspalint-init-'));
    writeFileSync(join(other, '.aspalintrc.yml'), 'channel: chat\n');
    expect(writeStarter(other)).toEqual({ path: join(other, '.aspalintrc.yml'), created: false });
    expect(existsSync(join(other, '.aspalintrc.yaml'))).toBe(false);
  });
});

describe('adoption files', () => {
  it('declares a pre-commit hook for template files', () => {
    const hooks = YAML.parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'aspalint', entry: 'aspalint', language: 'node', types: ['text'] });
    const files = new RegExp(hooks[0]!.files as string);
    for (const f of ['templates/a.md', 'b.txt', 'c.hbs', 'd.liquid', 'e.mustache', 'f.njk']) expect(files.test(f)).toBe(true);
    for (const f of ['a.js', 'b.yaml', 'c.md.bak']) expect(files.test(f)).toBe(false);
  });

  it('documents GitHub workflows that parse and run aspalint as described', () => {
    const doc = readFileSync(join(root, 'docs/ci.md'), 'utf8');
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => YAML.parse(m[1]!) as Record<string, any>);
    const workflows = blocks.filter((b) => b && b.jobs && b.on);
    expect(workflows).toHaveLength(2);
    const [sarif, github] = workflows.map((w) => w.jobs.aspalint.steps as Record<string, any>[]);
    expect(sarif!.map((s) => s.uses ?? s.run)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm ci',
      "npx aspalint 'templates/**/*.{md,txt,hbs,liquid}' macros/makrot.yaml --format sarif -o aspalint.sarif",
      'github/codeql-action/upload-sarif@v3',
    ]);
    expect(sarif![1]!.with['node-version']).toBe(20);
    expect(sarif![4]!.with.sarif_file).toBe('aspalint.sarif');
    expect(workflows[0]!.jobs.aspalint.permissions['security-events']).toBe('write');
    expect(github!.at(-1)!.run).toContain('--format github');
  });
});
