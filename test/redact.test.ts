import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRedactor, MASK_BLOCK, maskFor, redactReport, redactText, redactTextDetailed } from '../src/engine/redact.js';
import { lintText, summarize } from '../src/engine/linter.js';
import { lintFiles } from '../src/engine/pipeline.js';
import { loadCatalogue } from '../src/engine/catalogue.js';
import type { FileResult, Finding, LintReport } from '../src/types.js';

/** The same length and the same line breaks: every offset stays valid. */
function expectSameShape(before: string, after: string) {
  expect(after.length).toBe(before.length);
  expect([...after.matchAll(/\r?\n/g)].map((m) => m.index)).toEqual([...before.matchAll(/\r?\n/g)].map((m) => m.index));
}

describe('redactText', () => {
  it('masks e-mail addresses', () => {
    const text = 'Lähetä kuitti osoitteeseen anna.virtanen+kuitit@example.com, kiitos.';
    const out = redactText(text, { lang: 'fi' });
    expectSameShape(text, out);
    expect(out).not.toContain('anna.virtanen');
    expect(out).toContain('osoitteeseen [sähköposti');
    expect(out).toMatch(/·\], kiitos\.$/);
  });

  it.each([
    ['040 123 4567'],
    ['040-1234567'],
    ['0401234567'],
    ['+358 40 123 4567'],
    ['+358401234567'],
    ['00358 40 123 4567'],
    ['09 123 4567'],
    ['(09) 123 4567'],
    ['+46 70 123 45 67'],
    ['070-123 45 67'],
    ['08-123 456 78'],
  ])('masks the phone number %s', (phone) => {
    const text = `Soita numeroon ${phone} arkisin.`;
    const out = redactText(text, { lang: 'fi' });
    expectSameShape(text, out);
    expect(out).not.toMatch(/\d{3}/);
    expect(out).toMatch(/^Soita numeroon \S.* arkisin\.$/);
  });

  it('keeps dates, times, prices and order numbers', () => {
    const text = 'Tilaus 12345 toimitetaan 4.3.2025 klo 10.15, hinta 49,90 €. Datum 2025-03-04.';
    expect(redactText(text, { lang: 'fi' })).toBe(text);
  });

  it('masks henkilötunnus and personnummer', () => {
    const text = 'Hetu 131052-308T ja 010190A123B; personnummer 19850101-1236 och 850101-1236.';
    const out = redactText(text, { lang: 'sv' });
    expectSameShape(text, out);
    expect(out).not.toMatch(/308T|123B|1236/);
    expect(out).toContain('[personnr');
  });

  it('masks card numbers (Luhn-valid) but not other long numbers', () => {
    const text = 'Kortti 4111 1111 1111 1111 ja 5555-5555-5555-4444, viite 1234567890123.';
    const out = redactText(text, { lang: 'fi' });
    expectSameShape(text, out);
    expect(out).not.toContain('4111');
    expect(out).not.toContain('4444');
    expect(out).toContain('[kortti');
    expect(out).toContain('viite 1234567890123');
  });

  it('masks IBANs', () => {
    const text = 'Tili FI21 1234 5600 0007 85 / SE45 5000 0000 0583 9825 7466 / DE89370400440532013000.';
    const out = redactText(text, { lang: 'en' });
    expectSameShape(text, out);
    expect(out).not.toMatch(/FI21|SE45|DE89/);
    expect(out).toContain('[account');
  });

  it('masks the customer name in the greeting, and wherever it recurs (inflected too)', () => {
    const text = 'Hei Anna,\n\nkiitos viestistä. Lähetämme Annalle uuden laskun.\n\nYstävällisin terveisin\nLaura\nAsiakaspalvelu';
    const out = redactText(text, { lang: 'fi' });
    expectSameShape(text, out);
    expect(out.startsWith(`Hei ${MASK_BLOCK.repeat(4)},`)).toBe(true);
    expect(out).not.toContain('Anna');
    // The agent's own signature is kept: agents are staff.
    expect(out).toContain('\nLaura\nAsiakaspalvelu');
  });

  it('masks a long name with a label, as one mask', () => {
    const out = redactText('Hej Karl-Erik Svensson!\nTack för ditt meddelande.', { lang: 'sv' });
    expect(out.split('\n')[0]).toBe('Hej [namn················]!'.replace(/·+/, (s) => s.slice(0, 'Karl-Erik Svensson'.length - 6)));
    expect(out.split('\n')[0]!.length).toBe('Hej Karl-Erik Svensson!'.length);
  });

  it('leaves placeholders and generic greetings alone', () => {
    expect(redactText('Hei {{nimi}},\nkiitos.', { lang: 'fi' })).toBe('Hei {{nimi}},\nkiitos.');
    expect(redactText('Hyvä asiakas,\nkiitos.', { lang: 'fi' })).toBe('Hyvä asiakas,\nkiitos.');
  });

  it("masks the customer's signature and sender lines in the quoted history", () => {
    const text = [
      'Hei,',
      '',
      'paketti on matkalla.',
      '',
      'Terveisin',
      'Laura',
      '',
      '-----Alkuperäinen viesti-----',
      'Lähettäjä: Matti Meikäläinen <matti@example.fi>',
      'Lähetetty: 3. maaliskuuta 2025 10.12',
      'Aihe: Paketti',
      '',
      'Hei,',
      'missä pakettini on?',
      '',
      'Terveisin Matti Meikäläinen',
      'p. 050 111 2222',
    ].join('\n');
    const { text: out, names } = redactTextDetailed(text, { lang: 'fi' });
    expectSameShape(text, out);
    expect(out).not.toMatch(/Matti|Meikäläinen|matti@|050 111/);
    expect(names).toEqual(['Matti', 'Meikäläinen']);
    expect(out).toContain('Terveisin\nLaura\n');
    expect(out).toContain('Lähettäjä: [nimi');
  });

  it('masks a Gmail-style attribution and ">" quoted signature', () => {
    const text = 'Hej!\nPaketet kommer i morgon.\nMvh Sara\n\nDen 3 mars 2025 kl. 10:12 skrev Karl Svensson <karl@example.se>:\n> Hej!\n> Var är mitt paket?\n> /Karl\n';
    const out = redactText(text, { lang: 'sv' });
    expectSameShape(text, out);
    expect(out).not.toMatch(/Karl|Svensson|karl@/);
    expect(out).toContain('Mvh Sara');
  });

  it("masks a customer's own message: signature, not the agent they greet", () => {
    const text = 'Hei Laura,\nmiksi lasku on väärin?\n\nTerveisin\nMatti Meikäläinen\nLähetetty iPhonesta';
    const out = redactText(text, { lang: 'fi', role: 'customer' });
    expectSameShape(text, out);
    expect(out).toContain('Hei Laura,');
    expect(out).not.toContain('Matti');
    expect(out).toContain('Lähetetty iPhonesta');
  });

  it('keeps CRLF line breaks and surrogate pairs around masks', () => {
    const text = 'Hei Anna-Maija,\r\n😀 soita 040 123 4567\r\n';
    const out = redactText(text, { lang: 'fi' });
    expectSameShape(text, out);
    expect(out).toContain('😀 soita ');
  });

  it('builds same-length masks', () => {
    expect(maskFor('name', 'Anna', 'fi')).toBe('████');
    expect(maskFor('name', 'Annika', 'fi')).toBe('[nimi]');
    expect(maskFor('email', 'a.b@example.com', 'en')).toBe('[email········]');
  });
});

function f(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'offset' | 'length' | 'actual'>): Finding {
  return { severity: 'warning', weight: 1, message: '', line: 1, column: 1, endLine: 1, endColumn: 1, suggestions: [], ...partial };
}

describe('redactReport', () => {
  const text = 'Hei Anna,\nkorttisi 4111 1111 1111 1111 on suljettu. Soita 040 123 4567.\nTerveisin\nAsiakaspalvelu';
  const cardAt = text.indexOf('4111');
  const result: FileResult = {
    path: 'tickets/anna.virtanen@example.com.txt',
    language: 'fi',
    channel: 'email',
    score: 7,
    bingo: { points: 2, squares: ['greeting'] },
    findings: [
      f({ ruleId: 'greeting/generic', offset: 0, length: 8, actual: 'Hei Anna', message: 'Tervehdys ”Hei Anna” on ok' }),
      f({
        ruleId: 'privacy/card-number',
        severity: 'error',
        weight: 5,
        offset: cardAt,
        length: 19,
        actual: '4111 1111 1111 1111',
        message: 'Viestissä on maksukortin numero (”4111 1111 1111 1111”).',
        suggestions: ['**** **** **** 1111'],
        fix: { offset: cardAt, length: 19, text: 'Anna, kortti 4111 1111 1111 1111' },
      }),
    ],
    suppressed: 0,
    meta: { agent: 'Laura Lahti', date: '2025-03-04', subject: 'Anna Virtanen: kortti 040 123 4567' },
  };
  const report: LintReport = {
    results: [result],
    errors: [{ path: 'inbox/matti@example.fi.txt', code: 'binary' }],
    summary: { files: 1, findings: 2, errors: 1, warnings: 1, infos: 0, suppressed: 0, score: 7 },
  };
  const frozen = JSON.stringify(report);

  it('masks every output field, keeps positions, agents and figures', () => {
    const { report: out, texts } = redactReport(report, new Map([[result.path, text]]));
    expect(JSON.stringify(report)).toBe(frozen); // pure: the input is not touched
    const r = out.results[0]!;
    // The file ending looks like part of the address: masked with it.
    expect(r.path).toBe('tickets/[sähköposti·················]');
    expect(r.meta!.agent).toBe('Laura Lahti');
    expect(r.meta!.date).toBe('2025-03-04');
    expect(r.meta!.subject).not.toMatch(/Anna|040/);
    expect(r.score).toBe(7);
    const redacted = texts.get(r.path)!;
    expectSameShape(text, redacted);
    for (const finding of r.findings) {
      // Offsets unchanged and still pointing at the finding's text, now masked.
      expect(redacted.slice(finding.offset, finding.offset + finding.length)).toBe(finding.actual);
      expect(JSON.stringify(finding)).not.toMatch(/Anna|4111 1111/);
    }
    expect(r.findings[0]!.actual).toBe('Hei ████');
    expect(r.findings[1]!.fix).toEqual({ offset: cardAt, length: 19, text: expect.stringMatching(/^████, kortti \[kortti·+\]$/) });
    expect(r.findings[1]!.suggestions).toEqual(['**** **** **** 1111']);
    // A greeting suggested by a rule names the customer too.
    expect(redactReport({ ...report, results: [{ ...result, findings: [{ ...result.findings[0]!, suggestions: ['Hei Liisa,'] }] }] }).report.results[0]!.findings[0]!.suggestions).toEqual(['Hei █████,']);
    expect(out.errors[0]!.path).toBe('inbox/[sähköposti········]');
    expect(out.summary).toEqual(report.summary);
  });

  it('works without texts (patterns in the fields only)', () => {
    const { report: out, texts } = redactReport(report);
    expect(texts.size).toBe(0);
    const card = out.results[0]!.findings[1]!;
    expect(card.actual).toBe('[kortti···········]');
    expect(card.message).not.toContain('4111');
  });

  it("uses the customer's message to find the name", () => {
    const reply = 'Hei,\nMatti, lasku on korjattu.\nTerveisin\nLaura';
    const r2: FileResult = { ...result, path: 'x.txt', findings: [f({ ruleId: 'x/y', offset: 5, length: 5, actual: 'Matti', message: '”Matti”' })] };
    const { report: out, texts } = redactReport(
      { ...report, results: [r2] },
      new Map([['x.txt', { text: reply, customer: 'Moi!\nLasku on väärin.\n\nTerveisin\nMatti Virtanen' }]]),
    );
    expect(texts.get('x.txt')).toBe('Hei,\n█████, lasku on korjattu.\nTerveisin\nLaura');
    expect(out.results[0]!.findings[0]!.actual).toBe('█████');
    expect(out.results[0]!.findings[0]!.message).toBe('”█████”');
  });

  it('gives archive members whose id is an address a pseudonym, and keeps paths unique', () => {
    const a: FileResult = { ...result, path: 'a.mbox#<CAF1@mail.example.com>', findings: [] };
    const b: FileResult = { ...result, path: 'x/aa@example.fi', findings: [] };
    const c: FileResult = { ...result, path: 'x/bb@example.fi', findings: [] };
    const d: FileResult = { ...result, path: 'export.jsonl#T-1042', findings: [] };
    const { report: out } = redactReport({ ...report, results: [a, b, c, d] });
    expect(out.results.map((r) => r.path)).toEqual(['a.mbox#msg-0001', 'x/[sähköposti·]', 'x/[sähköposti·]~2', 'export.jsonl#T-1042']);
  });

  it('redacts a real linted reply consistently', () => {
    const reply = 'Hei Anna,\n\nkorttisi numero on 4111 1111 1111 1111. Älä epäröi ottaa yhteyttä numeroon 040 123 4567.\n\nYstävällisin terveisin\nAsiakaspalvelu';
    const linted = lintText(reply, { path: 'r.txt', channel: 'email' });
    const { report: out, texts } = redactReport(
      { results: [linted], errors: [], summary: { files: 1, findings: linted.findings.length, errors: 0, warnings: 0, infos: 0, suppressed: 0, score: linted.score } },
      new Map([['r.txt', reply]]),
    );
    const masked = texts.get('r.txt')!;
    expect(masked).not.toMatch(/Anna|4111|040 123/);
    expect(linted.findings.length).toBeGreaterThan(0);
    for (const finding of out.results[0]!.findings) {
      expect(masked.slice(finding.offset, finding.offset + finding.length)).toBe(finding.actual);
      expect(`${finding.message} ${finding.actual} ${finding.suggestions.join(' ')}`).not.toMatch(/4111 1111|Anna/);
    }
  });
});

describe('--redact leaks nothing (issue 11.9, issue 14)', () => {
  const root = join(import.meta.dirname, '..');
  const bin = join(root, 'bin', 'aspalint.js');
  const run = (args: string[], cwd: string) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', LANG: 'C' }, encoding: 'utf8' });
    return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
  };

  it('masks personal data in the paths of input errors, in every format and on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-redact-'));
    writeFileSync(join(dir, 'anna.virtanen@gmail.com.txt'), '');
    writeFileSync(join(dir, 'soita 040 123 4567.txt'), '\u0000\u0001binary');
    writeFileSync(join(dir, 'ok.txt'), 'Hei Anna,\n\nlasku on nyt korjattu.\n\nTerveisin\nLaura\n');
    for (const format of ['stylish', 'json', 'sarif', 'junit', 'html', 'github']) {
      const { code, out } = run(['anna.virtanen@gmail.com.txt', 'soita 040 123 4567.txt', 'ok.txt', '--redact', '-f', format], dir);
      expect(code, format).toBe(2);
      expect(out, format).not.toMatch(/anna\.virtanen@gmail|040 123 4567/);
    }
  });

  it('--fix-dry-run --redact prints the diff of masked texts: no name, number or address of the input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-redact-fix-'));
    const reply = 'Hei Anna Virtanen,\n\nkiitos  viestistäsi. Soitamme numeroon 040 123 4567 huomenna, Virtaselle sopii aamu.\n\nTerveisin\nLaura\n';
    writeFileSync(join(dir, 'anna.virtanen@gmail.com.txt'), reply);
    writeFileSync(join(dir, 'asiakas.txt'), 'Hei,\n\nmissä paketti?\n\nAnna Virtanen\n');
    const plain = run(['anna.virtanen@gmail.com.txt', '--fix-dry-run', '--customer', 'asiakas.txt'], dir);
    // Without --redact the diff quotes the text as it is: the test below is not vacuous.
    expect(plain.out).toMatch(/Anna Virtanen[\s\S]*040 123 4567/);
    const { out } = run(['anna.virtanen@gmail.com.txt', '--fix-dry-run', '--customer', 'asiakas.txt', '--redact'], dir);
    expect(out).not.toMatch(/Anna|Virta|040 123 4567|anna\.virtanen|gmail/);
    expect(out).toContain('-kiitos  viestistäsi. Soitamme numeroon [puhelin···] huomenna, [nimi····] sopii aamu.');
    expect(out).toContain('+kiitos viestistäsi. Soitamme numeroon [puhelin···] huomenna, [nimi····] sopii aamu.');
    expect(out).toContain('Laura');
    // Nothing was written.
    expect(readFileSync(join(dir, 'anna.virtanen@gmail.com.txt'), 'utf8')).toBe(reply);
  });

  it('--fix-dry-run --redact on a macro collection masks the names its replies greet, and the notices of archives', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-redact-fix-'));
    writeFileSync(join(dir, 'makrot.yaml'), '- title: Palautus\n  body: |\n    Hei Pirkko Salonen,\n\n    kiitos  viestistä, Pirkko. Vastaamme osoitteeseen pirkko.salonen@example.fi.\n\n    Terveisin\n    Laura\n');
    writeFileSync(join(dir, 'pirkko.salonen@example.fi.jsonl'), `${JSON.stringify({ id: 1, reply: 'Hei Pirkko,\n\nkiitos  viestistä.\n\nTerveisin\nLaura' })}\n`);
    expect(run(['makrot.yaml', 'pirkko.salonen@example.fi.jsonl', '--fix-dry-run'], dir).out).toMatch(/Pirkko Salonen[\s\S]*pirkko\.salonen@example\.fi\.jsonl: not fixable/);
    const { out } = run(['makrot.yaml', 'pirkko.salonen@example.fi.jsonl', '--fix-dry-run', '--redact'], dir);
    expect(out).not.toMatch(/Pirkko|Salonen|pirkko/);
    expect(out).toMatch(/\+ {4}kiitos viestistä, \[nimi\W*\]\./);
    expect(out).toMatch(/not fixable in this format/);
  });

  it('--customer errors under --redact: a text given for a path is masked whole, a file name like any path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-redact-customer-'));
    writeFileSync(join(dir, 'r.txt'), 'Hei Anna,\n\nlasku on nyt korjattu.\n\nTerveisin\nLaura\n');
    writeFileSync(join(dir, 'anna.virtanen@gmail.com.txt'), Buffer.from([0, 1, 2, 0]));
    const text = 'Hei, olen Anna Virtanen ja laskuni on väärin';
    expect(run(['r.txt', '--customer', text], dir).out).toContain(text);
    let r = run(['r.txt', '--customer', text, '--redact'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`aspalint: --customer ${MASK_BLOCK.repeat(text.length)}: `);
    expect(r.out).not.toMatch(/Anna|Virtanen|laskuni/);
    r = run(['r.txt', '--customer', 'anna.virtanen@gmail.com.txt', '--redact'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/--customer \[/);
    expect(r.out).not.toMatch(/anna\.virtanen|gmail/);
    r = run(['r.txt', '--customer', 'anna.virtanen@gmail.com.txt', '-o', 'anna.virtanen@gmail.com.txt', '--redact'], dir);
    expect(r.out).toMatch(/the output file is also an input/);
    expect(r.out).not.toMatch(/anna\.virtanen|gmail/);
  });

  it('masks inflected surnames, phone numbers without "+", dotted card numbers and passwords', () => {
    const customer = 'Hei,\n\nmissä tilaukseni on?\n\nTerveisin\nAnna Virtanen';
    const reply =
      'Hei Anna,\n\nVirtasen tilaus on matkalla. Soitamme numeroon 358 40 1234567, jos kuljettaja ei löydä perille. Kortti 4111.1111.1111.1111 veloitettiin, ja OmaTilin salasana on Kesä2024!\n\nTerveisin\nLaura';
    const out = redactText(reply, { lang: 'fi', names: ['Anna', 'Virtanen'] });
    expectSameShape(reply, out);
    expect(out).not.toMatch(/Virtasen|358 40 1234567|4111\.1111|Kesä2024/);
    expect(out).toContain('Laura');
    // The card and the password are also what the privacy rules flag.
    const linted = lintText(reply, { path: 'r.txt', channel: 'email', customer });
    const flagged = linted.findings.filter((f) => f.ruleId.startsWith('privacy/')).map((f) => [f.ruleId, f.actual]);
    expect(flagged).toEqual(expect.arrayContaining([['privacy/card-number', '4111.1111.1111.1111'], ['privacy/password', 'Kesä2024']]));
    const { report: masked } = redactReport({ results: [linted], errors: [], summary: summarize([linted]) }, new Map([['r.txt', { text: reply, customer }]]));
    expect(JSON.stringify(masked)).not.toMatch(/Virtasen|Kesä2024|4111\.1111/);
  });

  it('Finnish names inflect from their stems: Virtanen → Virtaselle, Pekka → Pekan, Lahti → Lahden, Aalto → Aallolle', () => {
    const text = 'Välitin asian Virtaselle. Pekan ja Lahden tilaukset sekä Aallolle luvattu hyvitys ovat valmiina. Materiaali on liitteenä.';
    const { spans } = redactTextDetailed(text, { lang: 'fi', names: ['Virtanen', 'Pekka', 'Lahti', 'Aalto', 'Matti'] });
    expect(spans.map((s) => text.slice(s.offset, s.offset + s.length))).toEqual(['Virtaselle', 'Pekan', 'Lahden', 'Aallolle']);
  });

  it('masks everything the privacy rules flag in their own examples (one detector for both)', () => {
    for (const rule of loadCatalogue().rules.filter((r) => r.id.startsWith('privacy/'))) {
      for (const lang of ['fi', 'sv'] as const) {
        for (const example of rule.examples?.[lang]?.bad ?? []) {
          const text = typeof example === 'string' ? example : example.text;
          const customer = typeof example === 'string' ? undefined : example.customer;
          const linted = lintText(text, { path: 'x.txt', channel: 'email', lang, ...(customer !== undefined ? { customer } : {}) });
          const out = redactText(text, { lang });
          for (const f of linted.findings.filter((x) => x.ruleId === rule.id)) {
            expect(out.slice(f.offset, f.offset + f.length), `${rule.id}: ${text}`).not.toContain(f.actual);
          }
        }
      }
    }
  });

  it('an mbox keeps its replies distinct and every highlight on its own reply', async () => {
    const report = await lintFiles([join(root, 'fixtures/archive/support.mbox')], { agents: ['@sointuenergia.fi'], keepText: true });
    const redactor = createRedactor();
    const results = report.results.map((r) => redactor.result(r));
    const paths = results.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.filter((p) => /#msg-\d{4}$/.test(p)).length).toBeGreaterThan(1);
    expect(paths.join(' ')).not.toContain('@');
    for (const r of results) {
      for (const f of r.findings) expect(r.source!.text.slice(f.offset, f.offset + f.length), `${r.path} ${f.ruleId}`).toBe(f.actual);
    }
  });
});

describe('privacy/iban (issue 14)', () => {
  it("flags the customer's account where a refund goes, not the company's where an invoice is paid", () => {
    const refund = lintText('Hei Anna,\n\nhyvitys 24,90 € maksetaan tilillesi FI49 5000 9420 0287 30 perjantaina.\n\nTerveisin\nLaura', { path: 'r.txt', channel: 'email' });
    expect(refund.findings.filter((f) => f.ruleId === 'privacy/iban').map((f) => f.actual)).toEqual(['FI49 5000 9420 0287 30']);
    const invoice = lintText('Hei Anna,\n\nvoit maksaa laskun tilille FI49 5000 9420 0287 30 eräpäivään mennessä.\n\nTerveisin\nLaura', { path: 'r.txt', channel: 'email' });
    expect(invoice.findings.filter((f) => f.ruleId === 'privacy/iban')).toEqual([]);
  });

  it("flags an account repeated from the customer's own message", () => {
    const customer = 'Hej,\n\nmitt kontonummer är SE45 5000 0000 0583 9825 7466, kan ni betala tillbaka dit?\n\nKarin Berg';
    const reply = 'Hej Karin,\n\nvi har noterat SE4550000000058398257466 i ärendet.\n\nHälsningar\nSara';
    const linted = lintText(reply, { path: 'r.txt', channel: 'email', customer });
    expect(linted.findings.filter((f) => f.ruleId === 'privacy/iban').map((f) => f.actual)).toEqual(['SE4550000000058398257466']);
  });
});
