/** Issue 11: what users put in a config cannot hang a run or crash it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
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
    const playbook = { trigger: { fi: ['(a+)+$', 'hyvity'] }, moves: [{ id: 'x', title: { fi: 'x', sv: 'x', en: 'x' }, cues: { fi: ['(b+)+$'] } }] };
    const started = Date.now();
    lintText('Hei Anna,\n\nkiitos viestistä.\n\nTerveisin\nLaura', {
      config: { rules: { 'thread/cancellation-steps': { severity: 'warning', options: { playbook } } } } as never,
      customer: `${'a'.repeat(31)}!`,
      lang: 'fi',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
