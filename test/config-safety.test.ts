/** Issue 11: what users put in a config cannot hang a run or crash it. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/engine/config.js';
import { lintText } from '../src/engine/linter.js';
import { unsafePattern } from '../src/checks/thread/safe-pattern.js';
import { loadCatalogue } from '../src/engine/catalogue.js';
import type { Playbook } from '../src/checks/thread/playbook.js';

const dir = mkdtempSync(join(tmpdir(), 'aspalint-config-safety-'));

describe('playbook patterns run in linear time (issue 11.6)', () => {
  it('refuses "(a+)+$" at load, with the file and the line', () => {
    const file = join(dir, 'redos.yaml');
    writeFileSync(
      file,
      [
        'playbooks:',
        '  refund:',
        '    trigger:',
        "      fi: ['hyvity\\p{L}*', '(a+)+$']",
        '    moves:',
        "      - { id: when, title: milloin, cues: { fi: ['\\d+\\s?(pv|päivä)'] } }",
      ].join('\n'),
    );
    expect(() => loadConfig(file)).toThrow(ConfigError);
    try {
      loadConfig(file);
    } catch (err) {
      expect(String(err)).toMatch(/redos\.yaml:4: pattern in playbook "refund" could take exponential time: nested quantifiers/);
    }
  });

  it('refuses repeated alternatives that can match the same text, "(a|aa)+$", at load with the file and the line', () => {
    const file = join(dir, 'redos-alt.yaml');
    writeFileSync(
      file,
      [
        'playbooks:',
        '  thanks:',
        '    trigger:',
        "      fi: ['kiito\\p{L}*']",
        '    moves:',
        '      - id: when',
        '        title: milloin',
        "        cues: { fi: ['(kiitos|kiitokset)', '(a|aa)+$'] }",
      ].join('\n'),
    );
    let message = '';
    try {
      loadConfig(file);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = String(err);
    }
    expect(message).toMatch(/redos-alt\.yaml:8: pattern in playbook "thanks" could take exponential time: repeated alternatives that can match the same text \(as in "\(a\|aa\)\+"\); use a character class/);
  });

  it('a rule\'s playbook option is checked too (it was dropped in silence at run time), in overrides as well', () => {
    const file = join(dir, 'redos-option.yaml');
    writeFileSync(
      file,
      [
        'overrides:',
        '  - files: ["**/*.txt"]',
        '    rules:',
        '      thread/cancellation-steps:',
        '        options:',
        '          playbook:',
        "            trigger: { fi: ['irtisan\\p{L}*'] }",
        "            except: { fi: ['(\\w|\\d)+$'] }",
        "            moves: [{ id: x, title: { fi: x, sv: x, en: x }, cues: { fi: ['x'] } }]",
      ].join('\n'),
    );
    let message = '';
    try {
      loadConfig(file);
    } catch (err) {
      message = String(err);
    }
    expect(message).toMatch(/redos-option\.yaml:8: pattern in playbook "thread\/cancellation-steps" could take exponential time: repeated alternatives/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('(\\w|\\d)+$', '(?:moi|hei)+$'));
    expect(() => loadConfig(file)).not.toThrow();
  });

  it('alternatives under a repeat pass only when plainly disjoint: literal words with different first letters', () => {
    for (const p of ['(a|aa)+$', '(a|a?)+', '(\\w|\\d)+$', '(kiitos|kiitokset)+', '(A|a)+', '(?:x(?:a|aa))+', '(|a)+', '(?:moi|hei|Moikka)*']) expect(unsafePattern(p), p).not.toBeNull();
    for (const p of ['(kiitos|kiitokset)', '(hei|moi)+', '(?:moi|hei)*!', '(\\.|,)+', '(a|aa){2}', '(?:(?!a|aa)b)+', '(?:jag\\s+|du\\s+)?upp', '\\d+(,\\d+)?\\s?(€|euroa)']) expect(unsafePattern(p), p).toBeNull();
  });

  it('tells the exploding shapes from the bounded ones the built-in playbook uses', () => {
    for (const p of ['(a+)+$', '(a*)*', '(?:\\w+\\s?)+x', '((ab)+)+', '(?:a+){5}', '(x)\\1']) expect(unsafePattern(p), p).not.toBeNull();
    for (const p of ['(a|b)+', '\\(a+\\)+', '[(]a+[)]+', '(?:a+){2}', 'a{2,}b+', '(?:\\p{L}+\\s+){0,3}takaisin']) expect(unsafePattern(p), p).toBeNull();
    const builtIn = loadCatalogue().rules.flatMap((r) => {
      const pb = r.options.playbook as Playbook | undefined;
      return pb ? [...Object.values(pb.trigger).flat(), ...pb.moves.flatMap((m) => Object.values(m.cues).flat())] : [];
    });
    expect(builtIn.length).toBeGreaterThan(10);
    for (const p of builtIn) expect(unsafePattern(p as string), p as string).toBeNull();
  });

  it('an exploding cue given through the library is never run: the customer text with 31 a\'s lints at once', () => {
    const playbook = { trigger: { fi: ['(a+)+$', '(a|aa)+$', 'hyvity'] }, moves: [{ id: 'x', title: { fi: 'x', sv: 'x', en: 'x' }, cues: { fi: ['(b+)+$'] } }] };
    // Warm up first: the timing below is the patterns', not loading the linter on a busy machine.
    lintText('Hei Anna,\n\nkiitos viestistä.\n\nTerveisin\nLaura', { customer: 'Hei', lang: 'fi' });
    const started = Date.now();
    lintText('Hei Anna,\n\nkiitos viestistä.\n\nTerveisin\nLaura', {
      config: { rules: { 'thread/cancellation-steps': { severity: 'warning', options: { playbook } } } } as never,
      customer: `${'a'.repeat(31)}!`,
      lang: 'fi',
    });
    // Run, "(a+)+$" on 31 a's takes minutes.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('rule options are validated (issue 11.14)', () => {
  const config = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const message = (file: string) => {
    try {
      loadConfig(file);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return String(err);
    }
    return 'loaded';
  };

  it('a value of the wrong kind is a config error at its line, not a crash or NaN', () => {
    expect(message(config('allow.yaml', 'rules:\n  format/all-caps:\n    severity: warning\n    options: {allow: 5}\n'))).toMatch(/allow\.yaml:4: format\/all-caps: option "allow" must be array/);
    expect(message(config('sms.yaml', 'rules:\n  channel/length:\n    options:\n      smsMaxSegments: "many"\n'))).toMatch(/sms\.yaml:4: channel\/length: option "smsMaxSegments" must be integer/);
    expect(message(config('dict.yaml', 'overrides:\n  - files: ["sv/**"]\n    rules:\n      spelling/typo:\n        options:\n          swedishDictionaries: [sv_XX]\n'))).toMatch(/dict\.yaml:6: spelling\/typo: option "swedishDictionaries.0" must be equal to one of the allowed values \(sv_SE, sv_FI\)/);
  });

  it('an option the rule does not declare is an error naming the ones it has', () => {
    expect(message(config('typo.yaml', 'rules:\n  channel/length:\n    options:\n      smsMaxSegment: 3\n'))).toMatch(/typo\.yaml:4: channel\/length has no option "smsMaxSegment" \(options: smsMaxSegments, socialMaxChars\)/);
    expect(message(config('none.yaml', 'rules:\n  greeting/missing:\n    options: {strict: true}\n'))).toMatch(/none\.yaml:3: greeting\/missing has no option "strict" \(it takes no options\)/);
  });

  it('valid options load, and every rule declares a schema its own defaults pass', () => {
    expect(message(config('ok.yaml', 'rules:\n  channel/length: {options: {smsMaxSegments: 3}}\n  format/all-caps: {options: {allow: [ALV, OP]}}\n'))).toBe('loaded');
    for (const rule of loadCatalogue().rules) {
      for (const key of Object.keys(rule.options)) expect(rule.optionsSchema?.[key], `${rule.id}: ${key}`).toBeDefined();
      if (Object.keys(rule.options).length === 0) continue;
      const file = config(`defaults-${rule.id.replace('/', '-')}.yaml`, `rules:\n  ${rule.id}:\n    options: ${JSON.stringify(rule.options)}\n`);
      expect(message(file), rule.id).toBe('loaded');
    }
  });

  it('a YAML alias bomb is a config error naming the file', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const file = config('bomb.yaml', `${levels.join('\n')}\nrules: {}\n`);
    const started = Date.now();
    expect(message(file)).toMatch(/bomb\.yaml: invalid YAML: .*alias/i);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
