import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fsError } from '../src/input/read-inputs.js';
import { ConfigError, loadConfig } from '../src/engine/config.js';
import { usageMessage } from '../src/cli/usage-text.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'aspalint.js');
const tmp = mkdtempSync(join(tmpdir(), 'aspalint-cli-'));

function run(args: string[], options: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? tmp,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', LANG: 'C', ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

const GOOD_FI = 'Hei Anna,\n\nlaskusi on nyt korjattu, ja hyvitys 12,50 € näkyy tililläsi perjantaina.\n\nTerveisin\nLaura\n';
const BAD_FI = 'Hyvä asiakas,\n\nkiitämme saamastamme palautteesta. Älä epäröi ottaa yhteyttä.\n\nYstävällisin terveisin\nAsiakaspalvelu\n';
const SECRET_SV = 'Hej Karin!\n\nDitt tillfälliga lösenord är Sommar2024 och gäller i dag.\n\nHälsningar\nSara\n';

describe('aspalint CLI', () => {
  it('reads a draft from stdin and prints the JSON contract', () => {
    const { code, stdout } = run(['-', '--format', 'json'], { input: BAD_FI });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.version).toBe(1);
    expect(Object.keys(json)).toEqual(['version', 'files', 'summary']);
    const [f] = json.files;
    expect(Object.keys(f)).toEqual(['path', 'language', 'channel', 'score', 'bingo', 'findings']);
    expect(f).toMatchObject({ path: '-', language: 'fi', channel: 'email' });
    const calque = f.findings.find((x: { ruleId: string }) => x.ruleId === 'phrase/calque');
    expect(calque).toMatchObject({ severity: 'warning', weight: 1, line: 3, column: 36, endLine: 3 });
    expect(calque.actual).toMatch(/^Älä epäröi/);
    expect(calque.offset).toBe(BAD_FI.indexOf('Älä'));
    expect(calque.suggestions.length).toBeGreaterThan(0);
    expect(f.bingo.squares).toEqual(expect.arrayContaining(['greeting', 'stiff', 'faceless']));
    expect(json.summary).toMatchObject({ files: 1, errors: 0 });
    expect(json.summary.score).toBe(f.score);
  });

  it('reads piped stdin when no paths are given', () => {
    const { code, stdout } = run(['--format', 'json'], { input: GOOD_FI });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0].findings).toEqual([]);
  });

  it('exits 1 on error-severity findings and 0 when only warnings', () => {
    expect(run(['-'], { input: SECRET_SV }).code).toBe(1);
    expect(run(['-'], { input: BAD_FI }).code).toBe(0);
  });

  it('fails over --max-warnings and --max-score, with a message', () => {
    const warnings = run(['-', '--max-warnings', '0'], { input: BAD_FI });
    expect(warnings.code).toBe(1);
    expect(warnings.stderr).toMatch(/--max-warnings/);
    expect(run(['-', '--max-score', '2'], { input: BAD_FI }).code).toBe(1);
    expect(run(['-', '--max-score', '50'], { input: BAD_FI }).code).toBe(0);
  });

  it('lints files, directories and globs in a stable order', () => {
    const dir = join(tmp, 'replies');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'b.txt'), GOOD_FI);
    writeFileSync(join(dir, 'a.md'), BAD_FI);
    writeFileSync(join(dir, 'sub', 'c.txt'), SECRET_SV);
    writeFileSync(join(dir, 'ignored.json'), '{}');
    const paths = (args: string[]) => JSON.parse(run([...args, '--format', 'json']).stdout).files.map((f: { path: string }) => f.path);
    expect(paths(['replies'])).toEqual(['replies/a.md', 'replies/b.txt', 'replies/sub/c.txt']);
    expect(paths(['replies/**/*.txt'])).toEqual(['replies/b.txt', 'replies/sub/c.txt']);
    expect(paths(['replies/b.txt'])).toEqual(['replies/b.txt']);
  });

  it('prints stylish output with position, severity, message, suggestion, rule id and weight', () => {
    const { stdout } = run(['-', '--ui-lang', 'en'], { input: BAD_FI });
    expect(stdout).toMatch(/^- {2}fi · email · score \d+$/m);
    expect(stdout).toMatch(/3:36\s+warning\s+.+phrase\/calque \+1/);
    expect(stdout).toMatch(/→ /);
    expect(stdout).toMatch(/problems \(0 errors, \d+ warnings/);
    expect(stdout).not.toMatch(/\x1b\[/);
  });

  it('speaks the language of the reply unless told otherwise', () => {
    expect(run(['-'], { input: BAD_FI }).stdout).toMatch(/huomautusta/);
    expect(run(['-'], { input: SECRET_SV }).stdout).toMatch(/anmärkning/);
    expect(run(['-', '--ui-lang', 'en'], { input: SECRET_SV }).stdout).toMatch(/problem/);
  });

  it('applies --channel, --lang and --rule', () => {
    const sms = JSON.parse(run(['-', '--channel', 'sms', '--format', 'json'], { input: 'Hei! Paketti on noudettavissa.' }).stdout);
    expect(sms.files[0].channel).toBe('sms');
    expect(sms.files[0].findings).toEqual([]);
    const off = JSON.parse(run(['-', '--rule', 'phrase/calque=off', '--rule', 'greeting/generic=error', '--format', 'json'], { input: BAD_FI }).stdout);
    const ids = off.files[0].findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`);
    expect(ids).not.toContain('phrase/calque:warning');
    expect(ids).toContain('greeting/generic:error');
  });

  it('lists the rule catalogue as text, JSON and Markdown', () => {
    const json = JSON.parse(run(['rules', '--format', 'json']).stdout);
    expect(json.rules.length).toBeGreaterThanOrEqual(23);
    expect(json.rules[0]).toHaveProperty('id');
    expect(run(['rules', '--format', 'markdown']).stdout).toMatch(/^\| `phrase\/calque` \| warning \| 1 \| stiff \|/m);
    expect(run(['rules']).stdout).toMatch(/privacy\/password\s+error/);
  });

  it('scores a batch as the bingo card', () => {
    const dir = join(tmp, 'bingo');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '1.txt'), BAD_FI);
    writeFileSync(join(dir, '2.txt'), GOOD_FI);
    const json = JSON.parse(run(['bingo', dir, '--format', 'json']).stdout);
    expect(json).toMatchObject({ version: 1, messages: 2 });
    expect(json.points).toBe(json.squares.reduce((s: number, q: { points: number }) => s + q.points, 0));
    expect(json.squares.find((s: { id: string }) => s.id === 'stiff')).toMatchObject({ hits: 1, points: 1 });
    const text = run(['bingo', dir]).stdout;
    expect(text).toMatch(/Automaattivastausbingo — 2 vastausta/);
  });

  describe('bad input: one line on stderr, exit 2, the other files still linted', () => {
    const good = file('good.txt', GOOD_FI);
    const cases: [string, string | Buffer, RegExp][] = [
      ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]), /binary file/],
      ['latin1.txt', Buffer.from('Hei Anna,\n\nkiitos viestistä. Lähetämme paketin.\n', 'latin1'), /not UTF-8 .*Windows-1252/],
      ['invalid.txt', Buffer.from([0x48, 0x65, 0xc3, 0x28, 0x0a]), /not valid UTF-8/],
      ['empty.txt', '', /empty input/],
      ['blank.txt', ' \n\n ', /empty input/],
    ];
    for (const [name, content, message] of cases) {
      it(name, () => {
        const bad = file(name, content);
        const { code, stdout, stderr } = run([bad, good, '--format', 'json', '--ui-lang', 'en']);
        expect(code).toBe(2);
        expect(stderr.trim().split('\n')).toHaveLength(1);
        expect(stderr).toMatch(message);
        expect(stderr).toContain(name);
        expect(stderr).not.toMatch(/\n\s+at /);
        expect(JSON.parse(stdout).files.map((f: { path: string }) => f.path)).toEqual([good]);
      });
    }

    it('decodes UTF-16 with a byte order mark', () => {
      const path = file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD_FI, 'utf16le')]));
      const { code, stdout } = run([path, '--format', 'json']);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).files[0]).toMatchObject({ language: 'fi', findings: [] });
    });

    it('a missing file, an empty directory, a glob matching nothing', () => {
      mkdirSync(join(tmp, 'empty-dir'), { recursive: true });
      const { code, stderr, stdout } = run(['nope.txt', 'empty-dir', 'zz/*.txt', good, '--format', 'json', '--ui-lang', 'en']);
      expect(code).toBe(2);
      expect(stderr).toMatch(/nope\.txt: no such file/);
      expect(stderr).toMatch(/empty-dir: no reply files/);
      expect(stderr).toMatch(/zz\/\*\.txt: no files match/);
      expect(JSON.parse(stdout).files).toHaveLength(1);
    });

    it('empty stdin', () => {
      const { code, stderr } = run(['-'], { input: '' });
      expect(code).toBe(2);
      expect(stderr).toMatch(/^aspalint: -: /);
    });

    it('a file too large to be a reply (50 MB)', () => {
      const big = file('big.txt', Buffer.alloc(50 * 1024 * 1024, 'a'));
      const { code, stderr } = run([big, good, '--ui-lang', 'en']);
      expect(code).toBe(2);
      expect(stderr).toMatch(/50\.0 MB is too large/);
    });

    it('words input errors in the language of the replies by default', () => {
      const { stderr } = run(['nope.txt', good]);
      expect(stderr).toBe('aspalint: nope.txt: tiedostoa tai kansiota ei ole\n');
    });

    it('an unreadable file is described, not thrown', () => {
      expect(fsError(Object.assign(new Error('x'), { code: 'EACCES' }))).toEqual({ code: 'permission' });
    });

    it('malformed config, unknown rule ids in config and --rule, bad options', () => {
      const bad = file('bad.yaml', 'rules:\n  phrase/calque: warning\n  greeting/mising: off\n');
      let r = run([good, '--config', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`aspalint: ${bad}:3: unknown rule id "greeting/mising" (did you mean greeting/missing?)\n`);
      r = run([good, '--config', file('broken.yaml', 'rules: [\n')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/broken\.yaml:\d+: invalid YAML/);
      r = run([good, '--rule', 'phrase/nope=off']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/unknown rule id "phrase\/nope"/);
      r = run([good, '--format', 'xml']);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      r = run([good, '--max-warnings', 'many']);
      expect(r.code).toBe(2);
    });

    it('finds the nearest .aspalintrc.yaml upward from the working directory', () => {
      const project = join(tmp, 'project');
      mkdirSync(join(project, 'deep', 'er'), { recursive: true });
      writeFileSync(join(project, '.aspalintrc.yaml'), 'rules:\n  phrase/calque: off\n');
      writeFileSync(join(project, 'deep', 'reply.txt'), BAD_FI);
      const { stdout } = run(['reply.txt', '--format', 'json'], { cwd: join(project, 'deep') });
      expect(JSON.parse(stdout).files[0].findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('phrase/calque');
    });
  });
});

describe('README', () => {
  it('carries the rule table the catalogue generates', async () => {
    const { readFileSync } = await import('node:fs');
    const { readmeWithRules } = await import('../scripts/update-readme.js');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readmeWithRules(readme), 'run npm run docs').toBe(readme);
  });
});

describe('the user dictionary', () => {
  it('accepts words from .aspalint-words.txt and words: in the config (where Voikko is installed)', async () => {
    const { getVoikko } = await import('../src/text/voikko.js');
    if (!getVoikko()) return;
    const project = join(tmp, 'words');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'reply.txt'), 'Hei Anna,\n\nuusi liittymäsi ja fribbelit ovat nyt käytössä, ja kvarkkeli on lähetetty.\n\nTerveisin\nLaura\n');
    writeFileSync(join(project, '.aspalintrc.yaml'), 'words: [kvarkkeli]\n');
    const typos = () =>
      JSON.parse(run(['reply.txt', '--format', 'json'], { cwd: project }).stdout)
        .files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'spelling/typo')
        .map((f: { actual: string }) => f.actual);
    expect(typos()).toEqual(['fribbelit']);
    writeFileSync(join(project, '.aspalint-words.txt'), '# our words\nfribbeli\n');
    expect(typos()).toEqual([]);
  });
});

describe('usage and config errors in the UI language (issue 14)', () => {
  const locale = { fi: 'fi_FI.UTF-8', sv: 'sv_SE.UTF-8', en: 'en_GB.UTF-8' } as const;
  const reply = file('ui-lang-reply.txt', GOOD_FI);
  const malformed = file('ui-lang-malformed.yaml', 'rules:\n  phrase/canned: off\n channel: sms\n');
  const unknownRule = file('ui-lang-unknown.yaml', 'channel: email\nrules:\n  greeting/mising: off\n');
  const badOption = file('ui-lang-option.yaml', 'rules:\n  channel/length:\n    options:\n      smsMaxSegments: many\n');
  /** One run in a locale; LC_ALL and LC_MESSAGES emptied so that LANG decides. */
  const inLocale = (lang: keyof typeof locale, args: string[]) => run(args, { env: { LANG: locale[lang], LC_ALL: '', LC_MESSAGES: '' } });

  const expected = {
    unknownOption: {
      fi: "aspalint: tuntematon valitsin '--formt' (tarkoititko --format?)\n",
      sv: "aspalint: okänd flagga '--formt' (menade du --format?)\n",
      en: "aspalint: unknown option '--formt' (did you mean --format?)\n",
    },
    badJobs: {
      fi: "aspalint: valitsimen '-j, --jobs <n>' arvo 'kaksi' ei kelpaa: pitää olla kokonaisluku\n",
      sv: "aspalint: värdet 'kaksi' för flaggan '-j, --jobs <n>' är ogiltigt: ska vara ett heltal\n",
      en: "aspalint: option '-j, --jobs <n>' argument 'kaksi' is invalid. expected a whole number.\n",
    },
    jobsMissing: {
      fi: "aspalint: valitsimelta '-j, --jobs <n>' puuttuu arvo\n",
      sv: "aspalint: flaggan '-j, --jobs <n>' saknar värde\n",
      en: "aspalint: option '-j, --jobs <n>' argument missing\n",
    },
    choices: {
      fi: "aspalint: valitsimen '--channel <channel>' arvo 'fax' ei kelpaa: sallitut arvot ovat email, sms, chat, social\n",
      sv: "aspalint: värdet 'fax' för flaggan '--channel <channel>' är ogiltigt: tillåtna värden är email, sms, chat, social\n",
      en: "aspalint: option '--channel <channel>' argument 'fax' is invalid. Allowed choices are email, sms, chat, social.\n",
    },
    malformed: {
      fi: `aspalint: ${malformed}:3: virheellistä YAMLia: rivin sisennys ei vastaa yläpuolisten asetusten sisennystä\n`,
      sv: `aspalint: ${malformed}:3: ogiltig YAML: radens indrag stämmer inte med inställningarna ovanför\n`,
      en: `aspalint: ${malformed}:3: invalid YAML: All mapping items must start at the same column\n`,
    },
    unknownRule: {
      fi: `aspalint: ${unknownRule}:3: tuntematon sääntö "greeting/mising" (tarkoititko greeting/missing?)\n`,
      sv: `aspalint: ${unknownRule}:3: okänd regel "greeting/mising" (menade du greeting/missing?)\n`,
      en: `aspalint: ${unknownRule}:3: unknown rule id "greeting/mising" (did you mean greeting/missing?)\n`,
    },
    badOption: {
      fi: `aspalint: ${badOption}:4: channel/length: valitsin "smsMaxSegments": pitää olla kokonaisluku\n`,
      sv: `aspalint: ${badOption}:4: channel/length: alternativet "smsMaxSegments" ska vara ett heltal\n`,
      en: `aspalint: ${badOption}:4: channel/length: option "smsMaxSegments" must be integer\n`,
    },
    unknownFormat: {
      fi: 'aspalint: tuntematon muoto "xml": stylish, json, sarif, github, junit, html, compact, checkstyle, paketti aspalint-formatter-xml tai polku muotoilijamoduuliin\n',
      sv: 'aspalint: okänt format "xml": stylish, json, sarif, github, junit, html, compact, checkstyle, ett paket aspalint-formatter-xml eller en sökväg till en formaterarmodul\n',
      en: 'aspalint: unknown format "xml": stylish, json, sarif, github, junit, html, compact, checkstyle, a package aspalint-formatter-xml, or a path to a formatter module\n',
    },
    fixOnStdin: {
      fi: 'aspalint: --fix ja --fix-dry-run korjaavat tiedostoja, eivät vakiosyötettä\n',
      sv: 'aspalint: --fix och --fix-dry-run rättar filer, inte standard in\n',
      en: 'aspalint: --fix and --fix-dry-run work on files, not on stdin\n',
    },
    outputIsInput: {
      fi: `aspalint: ${reply}: tulostiedosto on myös syöte; valitse toinen -o-tiedosto\n`,
      sv: `aspalint: ${reply}: utdatafilen är också indata; välj en annan -o-fil\n`,
      en: `aspalint: ${reply}: the output file is also an input; choose another -o file\n`,
    },
    ruleFlag: {
      fi: 'aspalint: --rule: tuntematon sääntö "phrase/calqe" (tarkoititko phrase/calque?)\n',
      sv: 'aspalint: --rule: okänd regel "phrase/calqe" (menade du phrase/calque?)\n',
      en: 'aspalint: --rule: unknown rule id "phrase/calqe" (did you mean phrase/calque?)\n',
    },
  };
  const cases: [keyof typeof expected, string[]][] = [
    ['unknownOption', [reply, '--formt', 'json']],
    ['badJobs', [reply, '-j', 'kaksi']],
    ['jobsMissing', [reply, '-j']],
    ['choices', [reply, '--channel', 'fax']],
    ['malformed', [reply, '-c', malformed]],
    ['unknownRule', [reply, '-c', unknownRule]],
    ['badOption', [reply, '-c', badOption]],
    ['ruleFlag', [reply, '--no-config', '--rule', 'phrase/calqe=off']],
    ['unknownFormat', [reply, '-f', 'xml']],
    ['fixOnStdin', ['-', '--fix']],
    ['outputIsInput', [reply, '-o', reply]],
  ];

  for (const lang of ['fi', 'sv', 'en'] as const) {
    it(`speaks ${lang} when the locale does, one line, exit 2`, () => {
      for (const [name, args] of cases) {
        const r = inLocale(lang, args);
        expect(r.stderr, name).toBe(expected[name][lang]);
        expect(r.code, name).toBe(2);
        expect(r.stdout, name).toBe('');
      }
    });
  }

  it('follows --ui-lang, then the config (its uiLang, then a forced reply language), then LC_ALL over LANG', () => {
    // --ui-lang before or after the bad option, in either spelling, beats the locale.
    expect(inLocale('en', ['--ui-lang', 'fi', reply, '--formt']).stderr).toBe("aspalint: tuntematon valitsin '--formt' (tarkoititko --format?)\n");
    expect(inLocale('fi', [reply, '-j', 'kaksi', '--ui-lang=sv']).stderr).toBe(expected.badJobs.sv);
    // The broken config's own uiLang is read off its text, and so is the config the run would read.
    const svConfig = file('ui-lang-sv.yaml', 'uiLang: sv\nrules:\n  greeting/mising: off\n');
    expect(inLocale('fi', [reply, '-c', svConfig]).stderr).toBe(`aspalint: ${svConfig}:3: okänd regel "greeting/mising" (menade du greeting/missing?)\n`);
    expect(inLocale('en', [reply, '-c', svConfig, '--formt']).stderr).toBe(expected.unknownOption.sv);
    // With no UI language set, replies forced to Swedish (--lang sv) make the messages Swedish.
    expect(inLocale('en', [reply, '--lang', 'sv', '-j', 'kaksi']).stderr).toBe(expected.badJobs.sv);
    // LC_ALL wins over LANG, as in every POSIX program.
    expect(run([reply, '-j', 'kaksi'], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'fi_FI.UTF-8' } }).stderr).toBe(expected.badJobs.fi);
    expect(run([reply, '-j', 'kaksi'], { env: { LANG: 'C', LC_ALL: '', LC_MESSAGES: 'sv_FI.UTF-8' } }).stderr).toBe(expected.badJobs.sv);
  });
});

describe('the words of usage and config errors', () => {
  it("passes a commander message of a shape it does not know on as commander wrote it, on one line", () => {
    expect(usageMessage({ code: 'commander.conflictingOption', message: "error: option '--a' cannot be used with option '--b'" }, 'fi')).toBe("option '--a' cannot be used with option '--b'");
    expect(usageMessage({ code: 'commander.invalidArgument', message: "error: option '--x <v>' argument 'y' is invalid. some reason of a plugin." }, 'sv')).toBe(
      "värdet 'y' för flaggan '--x <v>' är ogiltigt: some reason of a plugin.",
    );
    expect(usageMessage({ code: 'commander.unknownOption', message: "error: unknown option '--fromat'\n(Did you mean one of --format, --fix?)" }, 'fi')).toBe(
      "tuntematon valitsin '--fromat' (tarkoititko jotakin näistä: --format, --fix?)",
    );
  });

  it("says the YAML parser's common reasons in Finnish and Swedish, and keeps its English", () => {
    const reason = (source: string) => {
      try {
        loadConfig(file('reason.yaml', source));
      } catch (err) {
        return (err as ConfigError).texts;
      }
      return undefined;
    };
    expect(reason('rules:\n\tphrase/canned: off\n')).toMatchObject({ fi: expect.stringContaining('sarkain'), sv: expect.stringContaining('tabb'), en: expect.stringContaining('Tabs') });
    expect(reason('channel: "sms\n')).toMatchObject({ fi: expect.stringContaining('lainausmerkki jää sulkematta'), en: expect.stringContaining('Missing closing "quote') });
    expect(reason('channel: sms\nchannel: chat\n')).toMatchObject({ fi: expect.stringContaining('sama avain on kahdesti'), sv: expect.stringContaining('samma nyckel') });
    expect(reason('chanel: sms\n')).toEqual({ fi: 'tuntematon asetus "chanel"', sv: 'okänd inställning "chanel"', en: 'unknown setting "chanel"' });
  });
});

describe('folders and the files the config names', () => {
  it('a folder yields the macro collections and templates of the config, whatever their ending, and no other YAML', () => {
    const repo = join(tmp, 'template-repo');
    mkdirSync(join(repo, 'macros'), { recursive: true });
    mkdirSync(join(repo, 'tpl'), { recursive: true });
    writeFileSync(
      join(repo, '.aspalintrc.yaml'),
      'templates: ["tpl/**/*.tmpl"]\nmacros:\n  - files: ["macros/*.yaml"]\n    list: macros\n',
    );
    writeFileSync(join(repo, 'macros', 'makrot.yaml'), `macros:\n  - title: Kiitos\n    body: |\n${BAD_FI.split('\n').map((l) => (l ? `      ${l}` : '')).join('\n')}\n`);
    writeFileSync(join(repo, 'tpl', 'tervetuloa.tmpl'), 'Hei {{name}},\n\ntervetuloa asiakkaaksi! Tunnuksesi ovat nyt käytössä.\n\nTerveisin\nLaura\n');
    writeFileSync(join(repo, 'tpl', 'muistiinpanot.tmp'), 'ei vastaus');
    writeFileSync(join(repo, 'data.yaml'), 'a: 1\n');
    writeFileSync(join(repo, 'vastaus.txt'), GOOD_FI);
    const { code, stdout, stderr } = run(['.', '--format', 'json'], { cwd: repo });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const files = JSON.parse(stdout).files as { path: string; findings: { ruleId: string; line: number }[] }[];
    expect(files.map((f) => f.path)).toEqual(['macros/makrot.yaml#Kiitos', 'tpl/tervetuloa.tmpl', 'vastaus.txt']);
    // The collection is read as the config says: positions in the file, the template as a template.
    expect(files[0]!.findings.find((f) => f.ruleId === 'phrase/calque')?.line).toBe(6);
    expect(files[1]!.findings.map((f) => f.ruleId)).not.toContain('template/placeholder');
  });
});
