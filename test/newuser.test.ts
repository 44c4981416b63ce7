/**
 * What a new user meets (issue 14): config globs from a subfolder, ignored
 * files named outright, exit codes of --fix-dry-run and --quiet, and the
 * flags users bring from ESLint.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'aspalint.js');
const tmp = mkdtempSync(join(tmpdir(), 'aspalint-newuser-'));
// Every test here runs the CLI a few times as a user would; on a loaded machine a run takes seconds.
vi.setConfig({ testTimeout: 120_000 });

function run(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', LANG: 'C', ...options.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? tmp, input: options.input ?? '', env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh project folder with the files given (paths relative to it). */
function project(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const ruleIds = (stdout: string, i = 0): string[] => JSON.parse(stdout).files[i].findings.map((f: { ruleId: string }) => f.ruleId);

const GOOD_FI = 'Hei Anna,\n\nlaskusi on nyt korjattu, ja hyvitys 12,50 € näkyy tililläsi perjantaina.\n\nTerveisin\nLaura\n';
const TEMPLATE_FI = 'Hei {{ first_name }},\n\ntilauksesi on lähtenyt varastolta.\n\nTerveisin\nLaura\n';
const SECRET_SV = 'Hej Karin!\n\nDitt tillfälliga lösenord är Sommar2024 och gäller i dag.\n\nHälsningar\nSara\n';
const SECRET_FI = 'Hei Anna,\n\nväliaikainen salasanasi on Kesä2024 ja se on voimassa tämän päivän.\n\nTerveisin\nLaura\n';
/** One safe fix (a double space), nothing else. */
const FIXABLE_FI = 'Hei Anna,\n\nlaskusi on nyt korjattu.  Hyvitys näkyy tililläsi perjantaina.\n\nTerveisin\nLaura\n';
/** Warnings only: a nameless greeting, a canned phrase, a calque, a faceless signature. */
const WARNINGS_FI = 'Hyvä asiakas,\n\nkiitämme saamastamme palautteesta. Älä epäröi ottaa yhteyttä.\n\nYstävällisin terveisin\nAsiakaspalvelu\n';

describe('config globs resolve relative to the config file', () => {
  it('templates: applies when run from a subfolder, as overrides: do', () => {
    const dir = project('globs', {
      '.aspalintrc.yaml': 'templates: ["templates/**/*.md"]\noverrides:\n  - files: ["templates/sms/**"]\n    channel: sms\n',
      'templates/fi/tilaus.md': TEMPLATE_FI,
      'templates/sms/tilaus.md': TEMPLATE_FI,
      'drafts/tilaus.md': TEMPLATE_FI,
    });
    for (const [cwd, path] of [
      [dir, 'templates/fi/tilaus.md'],
      [join(dir, 'templates'), 'fi/tilaus.md'],
      [join(dir, 'templates', 'fi'), 'tilaus.md'],
    ] as const) {
      const r = run([path, '--format', 'json'], { cwd });
      expect(ruleIds(r.stdout), `${cwd} ${path}`).not.toContain('template/placeholder');
    }
    const sms = JSON.parse(run(['sms/tilaus.md', '--format', 'json'], { cwd: join(dir, 'templates') }).stdout).files[0];
    expect(sms.channel).toBe('sms');
    // Outside the globs a placeholder is an unfilled field.
    expect(ruleIds(run(['tilaus.md', '--format', 'json'], { cwd: join(dir, 'drafts') }).stdout)).toContain('template/placeholder');
  });
});

describe('ignored files', () => {
  const dir = project('ignored', {
    '.aspalintrc.yaml': 'ignore: ["drafts/**"]\n',
    '.aspalintignore': '# old exports\narchive/\n*.bak.txt\n!keep.bak.txt\n',
    'drafts/salasana.txt': SECRET_FI,
    'archive/2023/vastaus.txt': SECRET_FI,
    'replies/ok.txt': GOOD_FI,
    'replies/old.bak.txt': SECRET_FI,
    'replies/keep.bak.txt': GOOD_FI,
    'other.ignore': 'replies/ok.txt\n',
  });

  it('warns of a file named outright that ignore: leaves out, in the UI language, and --no-ignore lints it', () => {
    let r = run(['drafts/salasana.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('aspalint: drafts/salasana.txt: File ignored because of a matching ignore pattern. Use "--no-ignore" to lint it.\n');
    r = run(['drafts/salasana.txt', '--ui-lang', 'fi'], { cwd: dir });
    expect(r.stderr).toMatch(/^aspalint: drafts\/salasana\.txt: Tiedosto ohitettiin, koska se vastaa ignore-mallia/);
    r = run(['drafts/salasana.txt', '--ui-lang', 'sv'], { cwd: dir });
    expect(r.stderr).toMatch(/Filen hoppades över eftersom den matchar ett ignore-mönster/);
    // A pre-commit hook with --max-warnings 0 does not pass it: the notice counts as a warning, as in ESLint.
    expect(run(['drafts/salasana.txt', '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    r = run(['drafts/salasana.txt', '--no-ignore'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/privacy\/password/);
  });

  it('folders and globs skip ignored files without a word', () => {
    const r = run(['.', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path).sort()).toEqual(['replies/keep.bak.txt', 'replies/ok.txt']);
  });

  it('honours .aspalintignore (gitignore syntax, negation), --ignore-path and --ignore-pattern', () => {
    expect(run(['archive/2023/vastaus.txt'], { cwd: dir }).stderr).toMatch(/File ignored/);
    expect(run(['replies/old.bak.txt'], { cwd: dir }).stderr).toMatch(/File ignored/);
    expect(run(['replies/keep.bak.txt'], { cwd: dir }).stderr).toBe('');
    // From a subfolder the ignore file still speaks of paths from its own folder.
    expect(run(['old.bak.txt'], { cwd: join(dir, 'replies') }).stderr).toMatch(/File ignored/);
    // --ignore-path replaces .aspalintignore (the config's ignore: stays).
    let r = run(['replies', 'archive', '--ignore-path', 'other.ignore', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['replies/keep.bak.txt', 'replies/old.bak.txt', 'archive/2023/vastaus.txt']);
    r = run(['replies', '--ignore-pattern', 'keep*', '--ignore-pattern', 'ok.txt', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).files).toEqual([]);
    r = run(['x', '--ignore-path', 'missing.ignore'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('aspalint: missing.ignore: cannot read ignore file: ENOENT\n');
  });
});

describe('exit codes', () => {
  const dir = project('exits', { 'fixable.txt': FIXABLE_FI, 'secret.txt': SECRET_SV, 'warnings.txt': WARNINGS_FI });

  it('--fix-dry-run exits as a plain run would on what the fixes leave', () => {
    expect(run(['fixable.txt', '--max-warnings', '0'], { cwd: dir }).code).toBe(1);
    let r = run(['fixable.txt', '--max-warnings', '0', '--fix-dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^-laskusi on nyt korjattu\. {2}Hyvitys/m);
    expect(readFileSync(join(dir, 'fixable.txt'), 'utf8')).toBe(FIXABLE_FI);
    r = run(['secret.txt', 'fixable.txt', '--fix-dry-run'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(run(['warnings.txt', '--fix-dry-run', '--max-warnings', '3'], { cwd: dir }).code).toBe(1);
    expect(run(['warnings.txt', 'missing.txt', '--fix-dry-run'], { cwd: dir }).code).toBe(2);
  });

  it('--exit-zero exits 0 on lint failures, not on input errors', () => {
    expect(run(['secret.txt', '--exit-zero'], { cwd: dir }).code).toBe(0);
    expect(run(['warnings.txt', '--max-warnings', '0', '--exit-zero'], { cwd: dir }).code).toBe(0);
    expect(run(['secret.txt', 'missing.txt', '--exit-zero'], { cwd: dir }).code).toBe(2);
  });

  it('an option that wants a number names itself', () => {
    let r = run(['secret.txt', '--max-warnings', 'many'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("aspalint: option '--max-warnings <n>' argument 'many' is invalid. expected a whole number.\n");
    r = run(['secret.txt', '--jobs', '0'], { cwd: dir });
    expect(r.stderr).toMatch(/^aspalint: option '-j, --jobs <n>' argument '0' is invalid/);
  });

  it('a bad --columns says "--columns:" once', () => {
    writeFileSync(join(dir, 'export.csv'), 'Body,Question\nHei,Moi\n');
    const r = run(['export.csv', '--columns', 'body'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.match(/--columns/g)).toHaveLength(1);
  });
});

describe('conventions from ESLint', () => {
  const dir = project('conventions', {
    '.aspalintrc.yaml': 'rules:\n  phrase/calque: off\noverrides:\n  - files: ["sms/**"]\n    channel: sms\n',
    'sms/a.txt': WARNINGS_FI,
    'warnings.txt': WARNINGS_FI,
  });

  it('--no-config lints with the defaults only', () => {
    expect(ruleIds(run(['warnings.txt', '--format', 'json'], { cwd: dir }).stdout)).not.toContain('phrase/calque');
    expect(ruleIds(run(['warnings.txt', '--format', 'json', '--no-config'], { cwd: dir }).stdout)).toContain('phrase/calque');
  });

  it('--stdin-filename lints stdin as that file: its overrides, its name in the report', () => {
    const r = run(['-', '--stdin-filename', 'sms/luonnos.txt', '--format', 'json'], { cwd: dir, input: WARNINGS_FI });
    const [f] = JSON.parse(r.stdout).files;
    expect(f).toMatchObject({ path: 'sms/luonnos.txt', channel: 'sms' });
  });

  it('--print-config shows what applies to a file', () => {
    const r = run(['--print-config', 'sms/a.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ configFile: join(dir, '.aspalintrc.yaml'), file: 'sms/a.txt', channel: 'sms', template: false, ignored: false });
    expect(doc.rules['phrase/calque']).toBe('off');
    expect(doc.rules['privacy/password']).toBe('error');
  });

  it('--color, --no-color and FORCE_COLOR decide the colours', () => {
    const red = /\u001b\[/;
    expect(run(['warnings.txt'], { cwd: dir }).stdout).not.toMatch(red);
    expect(run(['warnings.txt', '--color'], { cwd: dir }).stdout).toMatch(red);
    expect(run(['warnings.txt'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: undefined } }).stdout).toMatch(red);
    expect(run(['warnings.txt', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(red);
  });
});

describe('--quiet and what JSON, SARIF and JUnit carry', () => {
  /** A password (an error) under a nameless greeting and a faceless signature (warnings). */
  const MIXED_FI = 'Hyvä asiakas,\n\nväliaikainen salasanasi on Kesä2024 ja se on voimassa tämän päivän.\n\nYstävällisin terveisin\nAsiakaspalvelu\n';
  const SILENCED_FI = 'Hei Anna,\n\n<!-- aspalint-disable-next-line phrase/calque -- asiakas pyysi tätä sanamuotoa -->\nÄlä epäröi ottaa yhteyttä numeroon 010 123 4567.\n\nTerveisin\nLaura\n';
  const dir = project('quiet', { 'mixed.txt': MIXED_FI, 'warnings.txt': WARNINGS_FI, 'silenced.txt': SILENCED_FI });

  it('--quiet JSON scores and bingos only the errors it shows', () => {
    const full = JSON.parse(run(['mixed.txt', '-f', 'json'], { cwd: dir }).stdout);
    const quiet = JSON.parse(run(['mixed.txt', '-f', 'json', '--quiet'], { cwd: dir }).stdout);
    const f = quiet.files[0];
    expect(full.files[0].findings.some((x: { severity: string }) => x.severity === 'warning')).toBe(true);
    expect(f.findings.length).toBeGreaterThan(0);
    expect(f.findings.every((x: { severity: string }) => x.severity === 'error')).toBe(true);
    expect(f.score).toBe(f.findings.reduce((n: number, x: { weight: number }) => n + x.weight, 0));
    expect(f.score).toBeLessThan(full.files[0].score);
    expect(full.files[0].bingo.squares).toEqual(expect.arrayContaining(['greeting', 'faceless']));
    expect(f.bingo.squares).not.toContain('greeting');
    expect(f.bingo.squares).not.toContain('faceless');
    expect(quiet.summary).toMatchObject({ warnings: 0, score: f.score });
    expect(JSON.parse(run(['warnings.txt', '-f', 'json', '--quiet'], { cwd: dir }).stdout).files[0]).toMatchObject({ score: 0, findings: [], bingo: { points: 0, squares: [] } });
  });

  it('--quiet --max-warnings 0 fails on the warnings it hides, as ESLint does', () => {
    expect(run(['warnings.txt', '--quiet'], { cwd: dir }).code).toBe(0);
    const r = run(['warnings.txt', '--quiet', '--max-warnings', '0'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/greeting\/generic/);
    expect(r.stderr).toMatch(/--max-warnings/);
  });

  it('input errors are in the JSON, SARIF and JUnit documents, not only on stderr', () => {
    const r = run(['warnings.txt', 'missing.txt', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['version', 'files', 'inputErrors', 'summary']);
    expect(doc.inputErrors).toEqual([{ path: 'missing.txt', code: 'not-found', message: 'tiedostoa tai kansiota ei ole' }]);
    expect(r.stderr).toBe('aspalint: missing.txt: tiedostoa tai kansiota ei ole\n');
    // Grouped JSON keeps them too.
    expect(JSON.parse(run(['warnings.txt', 'missing.txt', '-f', 'json', '--group-by', 'channel'], { cwd: dir }).stdout).inputErrors).toHaveLength(1);
    // A clean run's document is as before.
    expect(Object.keys(JSON.parse(run(['warnings.txt', '-f', 'json'], { cwd: dir }).stdout))).toEqual(['version', 'files', 'summary']);
    const sarif = JSON.parse(run(['warnings.txt', 'missing.txt', '-f', 'sarif'], { cwd: dir }).stdout);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(JSON.stringify(sarif.runs[0].invocations[0].toolExecutionNotifications)).toMatch(/missing\.txt/);
    expect(run(['warnings.txt', 'missing.txt', '-f', 'junit'], { cwd: dir }).stdout).toMatch(/<testcase[^>]*name="missing.txt"[^>]*>\s*<error /);
  });

  it('JSON keeps the findings an inline directive silenced, with its reason; --no-inline-config applies none', () => {
    const f = JSON.parse(run(['silenced.txt', '-f', 'json'], { cwd: dir }).stdout).files[0];
    expect(f.findings.map((x: { ruleId: string }) => x.ruleId)).not.toContain('phrase/calque');
    expect(f.suppressedFindings).toEqual([expect.objectContaining({ ruleId: 'phrase/calque', line: 4, justification: 'asiakas pyysi tätä sanamuotoa' })]);
    const plain = JSON.parse(run(['silenced.txt', '-f', 'json', '--no-inline-config'], { cwd: dir }).stdout).files[0];
    expect(plain.findings.map((x: { ruleId: string }) => x.ruleId)).toContain('phrase/calque');
    expect(plain.suppressedFindings).toBeUndefined();
  });
});

describe('the quick start and the package', () => {
  it("the README's first command runs the linter directly after npm ci", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const quick = /## Quick start\s+```sh\n([^\n]+)\n/.exec(readme)![1]!;
    expect(quick).not.toMatch(/npx aspalint/);
    const [install, lint] = quick.split(' && ');
    expect(install).toBe('npm ci');
    const args = lint!.split(' ');
    expect(args[0]).toBe('node');
    // The command as written, from the repository's folder: it lints the examples and fails on their leaks.
    const r = spawnSync(process.execPath, args.slice(1), { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/privacy\/password/);
    expect(readme).toMatch(/npm install -g /);
  });

  it('ships schema/ (the README and init point editors at node_modules/aspalint/schema/)', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toContain('schema/aspalintrc.schema.json');
    expect(files).toContain('bin/aspalint.js');
    // It makes bin/aspalint.js CommonJS, and the entry requires dist/code-cache.cjs.
    expect(files).toContain('bin/package.json');
    expect(files).toContain('dist/code-cache.cjs');
    expect(files).toContain('dist/aspalint.cjs');
    expect(readFileSync(join(root, 'src/cli/init.ts'), 'utf8')).toMatch(/node_modules\/aspalint\/schema\/aspalintrc\.schema\.json/);
  }, 60_000);
});

describe('an mbox with no --agents', () => {
  const support = readFileSync(join(root, 'fixtures/archive/support.mbox'));
  const mail = (from: string, id: string, subject: string, body: string, inReplyTo?: string) =>
    `From ${from} Mon Nov  2 10:00:00 2026\nFrom: ${from}\nTo: tuki@yritys.fi\nSubject: ${subject}\nMessage-ID: <${id}>\n${inReplyTo ? `In-Reply-To: <${inReplyTo}>\n` : ''}Content-Type: text/plain; charset=utf-8\n\n${body}\n\n`;
  const customersOnly =
    mail('anna.virtanen@gmail.com', 'a1@gmail.com', 'Lasku', 'Hei, laskussani on virhe. Voitteko korjata sen? Anna') +
    mail('jari.koskinen@outlook.com', 'j1@outlook.com', 'Toimitus', 'Hei, milloin tilaukseni tulee? Jari') +
    mail('karin.lund@telia.com', 'k1@telia.com', 'Faktura', 'Hej, min faktura är fel. Karin');
  const dir = project('mbox', { 'customers.mbox': customersOnly, 'with-config/.aspalintrc.yaml': 'archive:\n  agents: ["@sointuenergia.fi"]\n' });
  writeFileSync(join(dir, 'support.mbox'), support);
  writeFileSync(join(dir, 'with-config', 'support.mbox'), support);

  it('infers the company side from who answers whom, says so on stderr, and lints its replies only', () => {
    const inferred = run(['support.mbox', '-f', 'json', '--ui-lang', 'en'], { cwd: dir });
    expect(inferred.stderr).toBe('aspalint: support.mbox: the company side inferred from the headers: @sointuenergia.fi (answers 3 different senders); --agents says otherwise\n');
    const given = run(['support.mbox', '-f', 'json', '--agents', '@sointuenergia.fi'], { cwd: dir });
    expect(given.stderr).toBe('');
    const paths = (r: { stdout: string }) => JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
    expect(paths(inferred)).toEqual(paths(given));
    // Not one customer's mail is linted as a reply.
    expect(paths(inferred).some((p: string) => /gmail|outlook|netti/.test(p))).toBe(false);
    expect(run(['support.mbox', '--ui-lang', 'fi'], { cwd: dir }).stderr).toMatch(/yrityksen puoli pääteltiin otsakkeista: @sointuenergia\.fi \(vastaa 3 eri lähettäjälle\)/);
    // The config's archive.agents is used as it is, without a word.
    expect(run(['support.mbox', '-f', 'json'], { cwd: join(dir, 'with-config') }).stderr).toBe('');
  });

  it('stops with exit 2 and a one-line hint when the headers do not tell', () => {
    let r = run(['customers.mbox', '--ui-lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("aspalint: customers.mbox: the archive does not show which mails are the company's replies; name the sender: --agents @company.com (or archive.agents in the config)\n");
    expect(run(['customers.mbox', '--agents', '@yritys.fi'], { cwd: dir }).code).toBe(0);
    // Stdin cannot be read twice: an mbox there needs --agents.
    r = run(['-', '--input-format', 'mbox', '--ui-lang', 'sv'], { cwd: dir, input: support.toString('latin1') });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--agents @foretag\.se/);
  });

  it('keeps only the header values it reads, not the chunks of the file they came in', () => {
    // 20,000 messages of ~1.2 KB in a child with --expose-gc: the heads are a few MB; chunks kept alive would be ~24.
    const script = `
      const { readHeads } = await import(${JSON.stringify(join(root, 'dist', 'src', 'input', 'infer-agents.js'))});
      const { Readable } = await import('node:stream');
      const body = 'Hei, kiitos viestistäsi. Tilauksesi on lähetetty ja se on perillä parin päivän kuluessa.\\n'.repeat(12);
      const mail = (i) => 'From a@b Mon Nov  2 10:00:00 2026\\nFrom: Asiakas ' + i + ' <asiakas' + i + '@gmail.com>\\nMessage-ID: <viesti-' + i + '-tunniste@posti.example.com>\\n'
        + 'In-Reply-To: <viesti-' + (i - 1) + '-tunniste@posti.example.com>\\n\\n' + body + '\\n';
      const used = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
      const before = used();
      const heads = await readHeads(Readable.from((function* () { for (let i = 0; i < 20000; i += 100) yield Array.from({ length: 100 }, (_, k) => mail(i + k)).join(''); })()), 20000, 64 * 1024 * 1024);
      console.log(JSON.stringify({ n: heads.length, id: heads[5].id, grew: used() - before }));`;
    const child = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const { n, id, grew } = JSON.parse(child.stdout) as { n: number; id: string; grew: number };
    expect([n, id]).toEqual([20000, 'viesti-5-tunniste@posti.example.com']);
    expect(grew).toBeLessThan(10 * 1024 * 1024);
  });

  it('falls back to one dominant own domain when nothing answers anything', async () => {
    const { inferFromHeads } = await import('../src/input/infer-agents.js');
    const heads = [
      { from: 'laura@yritys.fi', id: '1' },
      { from: 'mikko@yritys.fi', id: '2' },
      { from: 'laura@yritys.fi', id: '3' },
      { from: 'anna@gmail.com', id: '4' },
    ];
    expect(inferFromHeads(heads)).toEqual({ agents: ['@yritys.fi'], answered: 0 });
    // Two organisations in equal measure: no guess.
    expect(inferFromHeads([...heads, { from: 'a@toinen.fi' }, { from: 'b@toinen.fi' }, { from: 'c@toinen.fi' }])).toBeUndefined();
    // At a mail provider the company side is one address, not the provider.
    expect(
      inferFromHeads([
        { from: 'anna@gmail.com', id: 'a' },
        { from: 'jari@gmail.com', id: 'j' },
        { from: 'tuki.pienyritys@gmail.com', id: 'r1', inReplyTo: 'a' },
        { from: 'tuki.pienyritys@gmail.com', id: 'r2', inReplyTo: 'j' },
        { from: 'anna@gmail.com', id: 'a2', inReplyTo: 'r1' },
      ]),
    ).toEqual({ agents: ['tuki.pienyritys@gmail.com'], answered: 2 });
  });
});

describe('messages a person reads', () => {
  const summary = (over: Partial<Record<'files' | 'findings' | 'errors' | 'warnings' | 'infos' | 'suppressed' | 'score', number>>) => ({
    files: 1, findings: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, score: 0, ...over,
  });

  it('counts in the right plural in fi, sv and en', async () => {
    const { stylishSummary } = await import('../src/report/stylish.js');
    const one = summary({ findings: 1, warnings: 1, score: 1 });
    expect(stylishSummary(one, { color: false, uiLang: 'fi' }).trim()).toBe('⚠ 1 huomautus (0 virhettä, 1 varoitus) · 1 tiedosto · pisteet 1');
    expect(stylishSummary(one, { color: false, uiLang: 'sv' }).trim()).toBe('⚠ 1 anmärkning (0 fel, 1 varning) · 1 fil · poäng 1');
    const err = summary({ findings: 1, errors: 1, score: 2 });
    expect(stylishSummary(err, { color: false, uiLang: 'en' }).trim()).toBe('✖ 1 problem (1 error, 0 warnings) · 1 file · score 2');
    const many = summary({ files: 3, findings: 5, errors: 2, warnings: 2, infos: 1, score: 7 });
    expect(stylishSummary(many, { color: false, uiLang: 'fi' }).trim()).toBe('✖ 5 huomautusta (2 virhettä, 2 varoitusta, 1 vihje) · 3 tiedostoa · pisteet 7');
    expect(stylishSummary(many, { color: false, uiLang: 'sv' }).trim()).toBe('✖ 5 anmärkningar (2 fel, 2 varningar, 1 tips) · 3 filer · poäng 7');
    expect(stylishSummary(summary({}), { color: false, uiLang: 'fi' }).trim()).toBe('✔ Ei huomautettavaa. (1 tiedosto)');
    expect(stylishSummary(summary({ files: 0 }), { color: false, uiLang: 'en' }).trim()).toBe('✔ No problems. (0 files)');
  });

  it('counts the members of an archive as replies, not files', () => {
    const dir = project('members', { 'README.txt': 'x' });
    writeFileSync(join(dir, 'support.mbox'), readFileSync(join(root, 'fixtures/archive/support.mbox')));
    const r = run(['support.mbox', '--agents', '@sointuenergia.fi', '--ui-lang', 'en', '-j', '1'], { cwd: dir });
    expect(r.stdout.trim().split('\n').pop()).toMatch(/\b4 replies\b/);
    const fi = run(['support.mbox', '--agents', '@sointuenergia.fi', '--ui-lang', 'fi', '-j', '1'], { cwd: dir });
    expect(fi.stdout.trim().split('\n').pop()).toMatch(/\b4 vastausta\b/);
  });

  it('the library rejects a missing text or an unknown channel with a TypeError or RangeError', async () => {
    const { lintText, createLinter } = await import('../src/index.js');
    expect(() => lintText(undefined as unknown as string)).toThrow(TypeError);
    expect(() => lintText(undefined as unknown as string)).toThrow(/lintText\(\) needs the reply's text as a string, got undefined/);
    expect(() => lintText('Hei', { channel: 'fax' as never })).toThrow(RangeError);
    expect(() => lintText('Hei', { channel: 'fax' as never })).toThrow('aspalint: unknown channel "fax"; expected one of email, sms, chat, social');
    expect(() => lintText('Hei', { lang: 'de' as never })).toThrow(RangeError);
    const linter = createLinter();
    expect(() => linter.lint({ path: 'a.txt' } as never)).toThrow(TypeError);
    expect(() => linter.lint({ path: 'a.txt', text: 'Hei', channel: 'telegram' as never })).toThrow(RangeError);
    // What is right still lints.
    expect(lintText('Hei Anna,\n\nkiitos viestistä.\n\nTerveisin\nLaura\n', { channel: 'sms' }).channel).toBe('sms');
  });
});

describe('the progress bar', () => {
  /** A terminal that keeps what is written to it. */
  function terminal() {
    const out: string[] = [];
    const tty = {
      isTTY: true,
      columns: 120,
      write: (s: string) => (out.push(s), true),
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
      on: () => tty,
      removeListener: () => tty,
    };
    return { tty: tty as unknown as NodeJS.WriteStream, text: () => out.join('').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '') };
  }

  it('speaks the UI language, never shows "ETA NFs", and reaches 100 % only when done', async () => {
    const { createProgress } = await import('../src/cli/progress.js');
    for (const [lang, left, label] of [['fi', 'jäljellä', 'vastausta'], ['sv', 'kvar', 'svar'], ['en', 'left', 'replies']] as const) {
      const { tty, text } = terminal();
      const progress = createProgress(tty, true, lang);
      // An archive read to its end while its replies are still being linted.
      progress.bytes(1_000_000, 1_000_000);
      await new Promise((r) => setTimeout(r, 1100));
      progress.tick();
      await new Promise((r) => setTimeout(r, 300));
      for (let i = 0; i < 32; i++) progress.tick();
      const shown = text();
      expect(shown, lang).toMatch(new RegExp(`${label} · \\d+/s · ${left} `));
      expect(shown).toMatch(lang === 'en' ? /99%/ : /99 %/);
      expect(shown).not.toMatch(/100 ?%|ETA|NF/);
      progress.stop();
    }
  });
});

describe('formats compact and checkstyle', () => {
  const dir = project('formats', { 'warnings.txt': WARNINGS_FI, 'secret.txt': SECRET_SV });

  it("compact is ESLint's one line per finding, input errors included", () => {
    const r = run(['secret.txt', 'warnings.txt', 'missing.txt', '-f', 'compact', '--ui-lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^secret\.txt: line 3, col \d+, Error - .+ \(privacy\/password\)$/);
    expect(lines).toContain('missing.txt: line 0, col 0, Error - no such file or directory');
    expect(lines.filter((l) => l.startsWith('warnings.txt: line ')).every((l) => / Warning - .+ \([a-z]+\/[a-z-]+\)$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\d+ problems \(2 errors, \d+ warnings\)$/);
  });

  it('checkstyle is well-formed Checkstyle 4.3 XML', () => {
    const r = run(['secret.txt', 'missing.txt', '-f', 'checkstyle'], { cwd: dir });
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<checkstyle version="4.3">\n {2}<file name="secret.txt">\n {4}<error line="3" column="\d+" severity="error" message="[^"]+" source="aspalint.privacy\/password"\/>/);
    expect(r.stdout).toMatch(/<file name="missing.txt">\n {4}<error line="0" column="0" severity="error" message="[^"]+" source="aspalint.input\/not-found"\/>/);
    expect(r.stdout.trimEnd().endsWith('</checkstyle>')).toBe(true);
  });
});

describe('--help in the user language', () => {
  it("follows the locale, --ui-lang and the config's uiLang; English stays commander's", () => {
    const fi = run(['--help'], { env: { LC_ALL: 'fi_FI.UTF-8' } });
    expect(fi.code).toBe(0);
    expect(fi.stdout).toMatch(/^Käyttö: aspalint /);
    expect(fi.stdout).toContain('\nValitsimet:\n');
    expect(fi.stdout).toMatch(/--lang <lang> +vastausten kieli \(vaihtoehdot: "auto", "fi", "sv", oletus: "auto"\)/);
    expect(fi.stdout).toMatch(/-h, --help +näytä komennon ohje/);
    const sv = run(['serve', '--help', '--ui-lang', 'sv']);
    expect(sv.stdout).toMatch(/^Användning: aspalint serve /);
    expect(sv.stdout).toMatch(/--port <port> +port att lyssna på \(0: valfri ledig port\)/);
    const dir = project('help-config', { '.aspalintrc.yaml': 'uiLang: sv\n' });
    expect(run(['bingo', '--help'], { cwd: dir }).stdout).toMatch(/^Användning: aspalint bingo .*\n\nautomatsvarsbingons bricka/);
    const en = run(['--help']);
    expect(en.stdout).toMatch(/^Usage: aspalint \[options\] \[command\] \[paths\.\.\.\]\n\nReply-quality linter/);
    expect(en.stdout).toMatch(/--lang <lang> +language of the replies \(choices: "auto", "fi", "sv", default: "auto"\)/);
  });
});
