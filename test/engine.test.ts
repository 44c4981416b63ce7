import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/linter.js';
import { compilePattern, PhraseSet } from '../src/engine/phrases.js';
import { Analysis } from '../src/text/analysis.js';
import { loadConfig, ConfigError } from '../src/engine/config.js';
import { loadCatalogue } from '../src/engine/catalogue.js';
import { tallyBingo, messageBingo } from '../src/engine/bingo.js';
import type { Finding } from '../src/types.js';

function matches(pattern: string, text: string, lang: 'fi' | 'sv') {
  const set = new PhraseSet([{ ruleId: 'x/y', entry: { match: pattern }, tokens: compilePattern(pattern, lang) }]);
  return set.find(new Analysis({ path: 't', text, channel: 'email', lang })).map((m) => text.slice(m.start, m.end));
}

describe('phrase matching', () => {
  it('matches inflected forms of a base-form pattern', () => {
    expect(matches('älä epäröi', 'Älkää epäröikö kysyä.', 'fi')).toEqual(['Älkää epäröikö']);
    expect(matches('kiitämme saamastamme palautteesta', 'Kiitämme saamastanne palautteesta.', 'fi')).toEqual(['Kiitämme saamastanne palautteesta']);
    expect(matches('kiitos kärsivällisyys', 'Kiitos kärsivällisyydestäsi!', 'fi')).toEqual(['Kiitos kärsivällisyydestäsi']);
    expect(matches('tilaus', 'Tilauksesi on matkalla, ja tilausta voi seurata.', 'fi')).toEqual(['Tilauksesi', 'tilausta']);
    expect(matches('tveka inte att kontakta oss', 'Tvekar inte att kontakta oss!', 'sv')).toEqual(['Tvekar inte att kontakta oss']);
  });
  it('keeps the imperative and the indicative negation apart', () => {
    expect(matches('älä epäröi', 'Emme epäröi korjata virhettä.', 'fi')).toEqual([]);
  });
  it('respects word boundaries and reports the exact span', () => {
    expect(matches('ko.', 'Tarkistin ko. laskun. Koko lasku on maksettu.', 'fi')).toEqual(['ko.']);
    expect(matches('härmed', 'Vi skickar härmed fakturan.', 'sv')).toEqual(['härmed']);
  });
  it('supports gaps, alternatives and optional words', () => {
    expect(matches('älä epäröi ottaa … yhteyttä', 'Älä epäröi ottaa meihin yhteyttä.', 'fi')).toEqual(['Älä epäröi ottaa meihin yhteyttä']);
    expect(matches('kontakta oss|mig', 'Kontakta mig gärna.', 'sv')).toEqual(['Kontakta mig']);
    expect(matches('ottaa meihin? yhteyttä', 'Voit ottaa yhteyttä.', 'fi')).toEqual(['ottaa yhteyttä']);
    expect(matches('*n toimesta', 'Paketti noudetaan kuljetusyhtiön toimesta.', 'fi')).toEqual(['kuljetusyhtiön toimesta']);
  });
  it('does not match across sentences', () => {
    expect(matches('älä epäröi', 'Älä. Epäröi.', 'fi')).toEqual([]);
  });
  it('never matches inside an e-mail address or a web address', () => {
    expect(matches('supportera', 'Skriv till support@firma.se.', 'sv')).toEqual([]);
  });
});

describe('suppressions', () => {
  const draft = (directive: string) =>
    `Hei Anna,\n\n${directive}\nÄlä epäröi ottaa yhteyttä, p. 010 123 4567.\n\nTerveisin\nLaura`;
  it('honours disable-next-line in every comment syntax and counts what it silenced', () => {
    for (const comment of [
      '<!-- aspalint-disable-next-line phrase/calque -->',
      '{{!-- aspalint-disable-next-line phrase/calque --}}',
      '{% comment %} aspalint-disable-next-line phrase/calque {% endcomment %}',
      '# aspalint-disable-next-line phrase/calque',
    ]) {
      const result = lintText(draft(comment), { lang: 'fi' });
      expect(result.findings.map((f) => f.ruleId), comment).not.toContain('phrase/calque');
      expect(result.suppressed, comment).toBe(1);
    }
  });
  it('only silences the rules it names, and disable/enable regions', () => {
    const other = lintText(draft('<!-- aspalint-disable-next-line format/spacing -->'), { lang: 'fi' });
    expect(other.findings.map((f) => f.ruleId)).toContain('phrase/calque');
    const region = lintText('Hei Anna,\n<!-- aspalint-disable -->\nÄlä epäröi kysyä.\n<!-- aspalint-enable -->\nÄlä epäröi kysyä.\n\nTerveisin\nLaura', { lang: 'fi' });
    expect(region.findings.filter((f) => f.ruleId === 'phrase/calque').map((f) => f.line)).toEqual([5]);
  });
  it('does not lint the directive comment itself', () => {
    const result = lintText('<!-- aspalint-disable-next-line phrase/calque -->\nHei Anna,\n\nkiitos.\n\nTerveisin\nLaura', { lang: 'fi' });
    expect(result.findings.map((f) => f.ruleId)).not.toContain('greeting/missing');
  });
});

describe('config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aspalint-config-'));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const error = (file: string) => {
    try {
      loadConfig(file);
    } catch (err) {
      return err instanceof ConfigError ? err.toString() : String(err);
    }
    return 'no error';
  };
  it('names the file and line of an unknown rule id, with a suggestion', () => {
    const file = write('a.yaml', 'channel: email\nrules:\n  phrase/calqe: off\n');
    expect(error(file)).toBe(`${file}:3: unknown rule id "phrase/calqe" (did you mean phrase/calque?)`);
  });
  it('names the line of a bad value and of malformed YAML', () => {
    expect(error(write('b.yaml', 'rules:\n  phrase/calque: loud\n'))).toMatch(/b\.yaml:2: /);
    expect(error(write('c.yaml', 'rules:\n  phrase/calque: [off\n'))).toMatch(/c\.yaml:\d: invalid YAML/);
    expect(error(write('d.yaml', 'chanel: sms\n'))).toMatch(/d\.yaml:1: unknown setting "chanel"/);
  });
  it('applies severities, weights, products and custom phrases', () => {
    const file = write(
      'e.yaml',
      [
        'rules:',
        '  greeting/generic: off',
        '  phrase/calque: { severity: error, weight: 5 }',
        'products: [Lumo Viihde]',
        'phrases:',
        '  phrase/canned:',
        '    fi:',
        '      - match: asiakaskokemus',
        '        suggest: [palvelu]',
        'customRules:',
        '  org/brand:',
        '    message: "Kirjoita {actual} isolla: {suggestion}"',
        '    phrases:',
        '      fi:',
        '        - match: =lumo',
        '          suggest: [Lumo]',
      ].join('\n'),
    );
    const config = loadConfig(file);
    const result = lintText('Hei!\n\nÄlä epäröi kysyä asiakaskokemuksesta lumo palvelussa.\n\nTerveisin\nLaura', { config, lang: 'fi' });
    const ids = result.findings.map((f) => `${f.ruleId}:${f.severity}:${f.weight}`);
    expect(ids).not.toContain('greeting/generic:warning:1');
    expect(ids).toContain('phrase/calque:error:5');
    expect(ids).toContain('phrase/canned:warning:1');
    expect(result.findings.find((f) => f.ruleId === 'org/brand')?.message).toBe('Kirjoita lumo isolla: Lumo');
  });
});

describe('score and bingo', () => {
  const card = loadCatalogue().bingo;
  const f = (ruleId: string, severity: Finding['severity'] = 'warning', weight = 1): Finding => ({
    ruleId, severity, weight, message: '', line: 1, column: 1, endLine: 1, endColumn: 2, offset: 0, length: 1, actual: 'x', suggestions: [],
  });
  it('scores a message by the weights of its non-info findings', () => {
    const result = lintText('TILAUS VASTAANOTETTU\nTilaus lähtee huomenna. Mikäli haluat, voit muuttaa sitä.', { lang: 'fi' });
    const expected = result.findings.filter((x) => x.severity !== 'info').reduce((s, x) => s + x.weight, 0);
    expect(result.score).toBe(expected);
    expect(result.findings.some((x) => x.severity === 'info')).toBe(true);
  });
  it('counts a square once, at its highest rule', () => {
    expect(messageBingo(card, [f('greeting/generic'), f('greeting/missing'), f('phrase/calque'), f('phrase/canned')])).toEqual({ points: 3, squares: ['greeting', 'stiff'] });
  });
  it('tallies a set of messages into points, tier and examples', () => {
    const tally = tallyBingo(card, [
      { path: 'a', findings: [f('greeting/generic')] },
      { path: 'b', findings: [f('greeting/missing'), f('signoff/faceless')] },
      { path: 'c', findings: [] },
    ]);
    expect(tally.points).toBe(3);
    expect(tally.squares.find((s) => s.id === 'greeting')).toMatchObject({ hits: 2, points: 2 });
    expect(tally.tier.min).toBeLessThanOrEqual(3);
    expect(tally.tier.max).toBeGreaterThanOrEqual(3);
    const all = tallyBingo(card, [{ path: 'x', findings: card.squares.flatMap((s) => Object.keys(s.rules).map((r) => f(r))) }]);
    expect(all.points).toBe(7);
    expect(all.tier.min).toBe(7);
  });
});

describe('playbooks of your own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aspalint-playbook-'));
  it('reports the moves a reply leaves out, under playbook/<name>', () => {
    const file = join(dir, 'p.yaml');
    writeFileSync(
      file,
      [
        'playbooks:',
        '  price-enquiry:',
        '    title: { fi: Hintakysely, sv: Prisfråga, en: Price enquiry }',
        '    trigger:',
        "      fi: ['(?<![\\p{L}])(paljonko|mitä)\\s[\\p{L}\\s]{0,30}maksaa']",
        '    moves:',
        '      - id: price',
        '        title: { fi: hinta euroina, sv: priset i euro, en: the price in euros }',
        "        cues: { fi: ['\\d+(,\\d+)?\\s?(€|euroa)'] }",
        '      - id: offer',
        '        title: { fi: tarjous tilata, sv: ett erbjudande, en: an offer to order }',
        "        cues: { fi: ['(?<![\\p{L}])(tilaa|tilata|tilaan|tilaamme)'] }",
      ].join('\n'),
    );
    const config = loadConfig(file);
    const reply = 'Hei Anna,\n\nkiitos kysymyksestä. Toimitus kestää kaksi päivää.\n\nTerveisin\nLaura';
    const result = lintText(reply, { config, customer: 'Paljonko toimitus maksaa Ouluun?', lang: 'fi', uiLang: 'en' });
    const finding = result.findings.find((f) => f.ruleId === 'playbook/price-enquiry');
    expect(finding?.message).toBe('In this situation the reply leaves out: the price in euros, an offer to order.');
    const answered = lintText('Hei Anna,\n\ntoimitus Ouluun maksaa 6,90 €. Voit tilata sen verkkokaupasta.\n\nTerveisin\nLaura', { config, customer: 'Paljonko toimitus maksaa Ouluun?', lang: 'fi' });
    expect(answered.findings.map((f) => f.ruleId)).not.toContain('playbook/price-enquiry');
  });
  it('names the line of a broken pattern', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, "playbooks:\n  x:\n    trigger:\n      fi: ['(unclosed']\n    moves:\n      - { id: a, title: a, cues: { fi: [a] } }\n");
    expect(() => loadConfig(file)).toThrow(ConfigError);
    try {
      loadConfig(file);
    } catch (err) {
      expect((err as ConfigError).toString()).toMatch(/bad\.yaml:4: invalid pattern in playbook "x"/);
    }
  });
});

describe('detach', () => {
  it('copies a string exactly, lone surrogates and all', async () => {
    const { detach } = await import('../src/text/detach.js');
    for (const s of ['', 'Hei', 'Hei Anna, kiitos viestistäsi \ud800 – ”lainaus”\n\tloppu', 'x'.repeat(5000)]) expect(detach(s)).toBe(s);
  });
});
