import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatSarif, sarifChunks, artifactUri, displayPath, type SuppressedFinding } from '../src/report/sarif.js';
import { Spool } from '../src/report/spool.js';
import { lintFiles, summarize } from '../src/engine/linter.js';
import { loadCatalogue } from '../src/engine/catalogue.js';
import { ruleMetas } from '../src/engine/rules.js';
import type { FileResult, LintReport } from '../src/types.js';
import { finding } from './helpers.js';

const root = join(import.meta.dirname, '..');

/**
 * The SARIF 2.1.0 schema's definitions for every object the formatter writes,
 * with the same constraints (additionalProperties: false, required, enums,
 * minimums, uniqueItems, anyOf), as draft-07. The OASIS schema itself is not
 * vendored here; when schema/sarif-2.1.0.json is present (see the last test),
 * the output is validated against it too.
 */
const id = { type: 'integer', minimum: -1 };
const bag = { $ref: '#/definitions/propertyBag' };
const SARIF_SUBSET = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: { type: ['array', 'null'], items: { $ref: '#/definitions/run' } },
    properties: bag,
  },
  definitions: {
    propertyBag: { type: 'object', additionalProperties: true, properties: { tags: { type: 'array', uniqueItems: true, items: { type: 'string' } } } },
    message: {
      type: 'object',
      additionalProperties: false,
      properties: { text: { type: 'string' }, markdown: { type: 'string' }, id: { type: 'string' }, arguments: { type: 'array', items: { type: 'string' } }, properties: bag },
      anyOf: [{ required: ['text'] }, { required: ['id'] }],
    },
    multiformatMessageString: {
      type: 'object',
      additionalProperties: false,
      required: ['text'],
      properties: { text: { type: 'string' }, markdown: { type: 'string' }, properties: bag },
    },
    run: {
      type: 'object',
      additionalProperties: false,
      required: ['tool'],
      properties: {
        tool: { $ref: '#/definitions/tool' },
        invocations: { type: 'array', items: { $ref: '#/definitions/invocation' } },
        columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
        results: { type: 'array', items: { $ref: '#/definitions/result' } },
        language: { type: 'string', pattern: '^[a-zA-Z]{2}(-[a-zA-Z]{2})?$' },
        properties: bag,
      },
    },
    tool: { type: 'object', additionalProperties: false, required: ['driver'], properties: { driver: { $ref: '#/definitions/toolComponent' }, properties: bag } },
    toolComponent: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string' },
        version: { type: 'string' },
        semanticVersion: { type: 'string' },
        informationUri: { type: 'string', format: 'uri' },
        rules: { type: 'array', uniqueItems: true, items: { $ref: '#/definitions/reportingDescriptor' } },
        properties: bag,
      },
    },
    reportingDescriptor: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        shortDescription: { $ref: '#/definitions/multiformatMessageString' },
        fullDescription: { $ref: '#/definitions/multiformatMessageString' },
        help: { $ref: '#/definitions/multiformatMessageString' },
        helpUri: { type: 'string', format: 'uri' },
        defaultConfiguration: { $ref: '#/definitions/reportingConfiguration' },
        properties: bag,
      },
    },
    reportingConfiguration: {
      type: 'object',
      additionalProperties: false,
      properties: { enabled: { type: 'boolean' }, level: { enum: ['none', 'note', 'warning', 'error'] }, rank: { type: 'number', minimum: -1, maximum: 100 }, parameters: bag, properties: bag },
    },
    reportingDescriptorReference: {
      type: 'object',
      additionalProperties: false,
      properties: { id: { type: 'string' }, index: id, guid: { type: 'string' }, properties: bag },
      anyOf: [{ required: ['index'] }, { required: ['guid'] }, { required: ['id'] }],
    },
    invocation: {
      type: 'object',
      additionalProperties: false,
      required: ['executionSuccessful'],
      properties: {
        executionSuccessful: { type: 'boolean' },
        toolExecutionNotifications: { type: 'array', items: { $ref: '#/definitions/notification' } },
        properties: bag,
      },
    },
    notification: {
      type: 'object',
      additionalProperties: false,
      required: ['message'],
      properties: {
        locations: { type: 'array', uniqueItems: true, items: { $ref: '#/definitions/location' } },
        message: { $ref: '#/definitions/message' },
        level: { enum: ['none', 'note', 'warning', 'error'] },
        descriptor: { $ref: '#/definitions/reportingDescriptorReference' },
        properties: bag,
      },
    },
    result: {
      type: 'object',
      additionalProperties: false,
      required: ['message'],
      properties: {
        ruleId: { type: 'string' },
        ruleIndex: id,
        kind: { enum: ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'] },
        level: { enum: ['none', 'note', 'warning', 'error'] },
        message: { $ref: '#/definitions/message' },
        locations: { type: 'array', items: { $ref: '#/definitions/location' } },
        partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
        fixes: { type: 'array', uniqueItems: true, items: { $ref: '#/definitions/fix' } },
        suppressions: { type: 'array', uniqueItems: true, items: { $ref: '#/definitions/suppression' } },
        properties: bag,
      },
    },
    location: {
      type: 'object',
      additionalProperties: false,
      properties: {
        id,
        physicalLocation: { $ref: '#/definitions/physicalLocation' },
        logicalLocations: { type: 'array', uniqueItems: true, items: { $ref: '#/definitions/logicalLocation' } },
        message: { $ref: '#/definitions/message' },
        properties: bag,
      },
    },
    logicalLocation: {
      type: 'object',
      additionalProperties: false,
      properties: { name: { type: 'string' }, index: id, fullyQualifiedName: { type: 'string' }, decoratedName: { type: 'string' }, parentIndex: id, kind: { type: 'string' }, properties: bag },
    },
    physicalLocation: {
      type: 'object',
      additionalProperties: false,
      properties: {
        artifactLocation: { $ref: '#/definitions/artifactLocation' },
        region: { $ref: '#/definitions/region' },
        contextRegion: { $ref: '#/definitions/region' },
        properties: bag,
      },
      anyOf: [{ required: ['address'] }, { required: ['artifactLocation'] }],
    },
    artifactLocation: {
      type: 'object',
      additionalProperties: false,
      properties: { uri: { type: 'string', format: 'uri-reference' }, uriBaseId: { type: 'string' }, index: id, description: { $ref: '#/definitions/message' }, properties: bag },
    },
    region: {
      type: 'object',
      additionalProperties: false,
      properties: {
        startLine: { type: 'integer', minimum: 1 },
        startColumn: { type: 'integer', minimum: 1 },
        endLine: { type: 'integer', minimum: 1 },
        endColumn: { type: 'integer', minimum: 1 },
        charOffset: id,
        charLength: { type: 'integer', minimum: 0 },
        byteOffset: id,
        byteLength: { type: 'integer', minimum: 0 },
        snippet: { $ref: '#/definitions/artifactContent' },
        message: { $ref: '#/definitions/message' },
        properties: bag,
      },
      anyOf: [{ required: ['startLine'] }, { required: ['charOffset'] }, { required: ['byteOffset'] }],
    },
    artifactContent: { type: 'object', additionalProperties: false, properties: { text: { type: 'string' }, binary: { type: 'string' }, properties: bag } },
    fix: {
      type: 'object',
      additionalProperties: false,
      required: ['artifactChanges'],
      properties: {
        description: { $ref: '#/definitions/message' },
        artifactChanges: { type: 'array', minItems: 1, uniqueItems: true, items: { $ref: '#/definitions/artifactChange' } },
        properties: bag,
      },
    },
    artifactChange: {
      type: 'object',
      additionalProperties: false,
      required: ['artifactLocation', 'replacements'],
      properties: {
        artifactLocation: { $ref: '#/definitions/artifactLocation' },
        replacements: { type: 'array', minItems: 1, items: { $ref: '#/definitions/replacement' } },
        properties: bag,
      },
    },
    replacement: {
      type: 'object',
      additionalProperties: false,
      required: ['deletedRegion'],
      properties: { deletedRegion: { $ref: '#/definitions/region' }, insertedContent: { $ref: '#/definitions/artifactContent' }, properties: bag },
    },
    suppression: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      properties: {
        guid: { type: 'string' },
        kind: { enum: ['inSource', 'external'] },
        status: { enum: ['accepted', 'underReview', 'rejected'] },
        justification: { type: 'string' },
        location: { $ref: '#/definitions/location' },
        properties: bag,
      },
    },
  },
};

/** ajv with the formats the schema uses checked the way SARIF means them. */
function validator(schema: object) {
  // The published schema has a language-tag pattern that is not valid with the u flag.
  const ajv = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && !/\s/.test(s));
  ajv.addFormat('uri-reference', (s: string) => !/[\s\\]/.test(s) && !/%(?![0-9a-f]{2})/i.test(s));
  ajv.addFormat('date-time', () => true);
  return ajv.compile(schema);
}

function expectValid(validate: ReturnType<typeof validator>, log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
}

function syntheticReport(): LintReport {
  const suppressed: SuppressedFinding = { ...finding({ ruleId: 'phrase/bureaucratic', offset: 50, line: 5, endLine: 5, actual: 'I enlighet med' }), justification: 'lagtext, godkänd av vår jurist' };
  const results: (FileResult & { suppressedFindings?: SuppressedFinding[] })[] = [
    {
      path: '/repo/templates/fi/palautus ohjeet.hbs',
      language: 'fi',
      channel: 'email',
      score: 2,
      bingo: { points: 1, squares: ['stiff'] },
      findings: [
        finding({}),
        finding({ ruleId: 'format/number', severity: 'warning', offset: 40, length: 5, actual: '5.90€', line: 4, endLine: 4, fix: { offset: 40, length: 5, text: '5,90 €' } }),
        finding({ ruleId: 'format/spacing', severity: 'warning', offset: 60, length: 2, actual: '.T', line: 6, endLine: 6, fix: { offset: 61, length: 0, text: ' ' } }),
        finding({ ruleId: 'content/vague', severity: 'info', offset: 70, length: 8, actual: 'tuotteen', line: 7, endLine: 7 }),
        finding({ ruleId: 'privacy/password', severity: 'error', weight: 3, offset: 80, length: 14, actual: 'Tervetuloa2024', line: 8, endLine: 8 }),
      ],
      suppressed: 1,
      suppressedFindings: [suppressed],
    },
    {
      path: 'macros/makrot.yaml#Laskutus::Hyvitys tehty',
      language: 'fi',
      channel: 'email',
      score: 1,
      bingo: { points: 0, squares: [] },
      findings: [finding({ ruleId: 'format/number', line: 31, column: 63, endLine: 31, endColumn: 74, offset: 56, length: 11, actual: '12.50 euroa', fix: { offset: 56, length: 11, text: '12,50 euroa' } })],
      suppressed: 0,
    },
    { path: '-', language: 'sv', channel: 'email', score: 1, bingo: { points: 1, squares: ['stiff'] }, findings: [finding({ ruleId: 'phrase/calque', message: '”Tveka inte” är direktöversatt engelska.' })], suppressed: 0 },
  ];
  return { results, errors: [{ path: '/repo/templates/rikki.txt', code: 'not-utf8' }], summary: summarize(results) };
}

const options = { version: '0.1.0', rules: ruleMetas({}), builtinRuleIds: loadCatalogue().rules.map((r) => r.id), cwd: '/repo' };

describe('formatSarif', () => {
  const validate = validator(SARIF_SUBSET);

  it('writes a valid SARIF 2.1.0 log for a synthetic report', () => {
    const log = JSON.parse(formatSarif(syntheticReport(), options));
    expectValid(validate, log);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
  });

  it('describes every rule with a help link to its file', () => {
    const log = JSON.parse(formatSarif(syntheticReport(), { ...options, uiLang: 'fi' }));
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'aspalint', version: '0.1.0', informationUri: 'https://github.com/aspalint/aspalint' });
    const ids = driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toHaveLength(loadCatalogue().rules.length);
    const calque = driver.rules.find((r: { id: string }) => r.id === 'phrase/calque');
    expect(calque).toMatchObject({
      name: 'EnglishCalque',
      shortDescription: { text: 'Englannin käännöslaina' },
      helpUri: 'https://github.com/aspalint/aspalint/blob/main/rules/phrase/calque.yaml',
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['phrase', 'bingo:stiff'], weight: 1 },
    });
    expect(calque.fullDescription.text).toMatch(/englannista/);
    expect(calque.help.markdown).toMatch(/✗ \(fi\) Älkää epäröikö/);
    const info = driver.rules.find((r: { id: string }) => r.id === 'content/vague');
    expect(info.defaultConfiguration.level).toBe('note');
  });

  it('maps findings to results: level, rule index, region, fix and fingerprint', () => {
    const log = JSON.parse(formatSarif(syntheticReport(), options));
    const run = log.runs[0];
    const rules = run.tool.driver.rules;
    const results = run.results;
    for (const r of results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(results.map((r: { level: string }) => r.level)).toEqual(['warning', 'warning', 'warning', 'warning', 'note', 'error', 'warning', 'warning']);
    const number = results.find((r: { ruleId: string }) => r.ruleId === 'format/number');
    expect(number.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'templates/fi/palautus%20ohjeet.hbs' },
      region: { startLine: 4, startColumn: 5, endLine: 4, endColumn: 15, charOffset: 40, charLength: 5 },
    });
    expect(number.fixes).toEqual([
      {
        description: { text: 'Replace with “5,90 €”' },
        artifactChanges: [{ artifactLocation: { uri: 'templates/fi/palautus%20ohjeet.hbs' }, replacements: [{ deletedRegion: { charOffset: 40, charLength: 5 }, insertedContent: { text: '5,90 €' } }] }],
      },
    ]);
    expect(number.partialFingerprints['aspalint/v1']).toMatch(/^[0-9a-f]{32}$/);
    const spacing = results.find((r: { ruleId: string }) => r.ruleId === 'format/spacing');
    expect(spacing.fixes[0].description.text).toBe('Insert “ ”');
  });

  it('reports suppressed findings as results with an in-source suppression', () => {
    const log = JSON.parse(formatSarif(syntheticReport(), options));
    const suppressed = log.runs[0].results.filter((r: { suppressions?: unknown }) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].ruleId).toBe('phrase/bureaucratic');
    expect(suppressed[0].suppressions).toEqual([{ kind: 'inSource', justification: 'lagtext, godkänd av vår jurist' }]);
  });

  it('locates collection members in their file, by line, with the member as a logical location', () => {
    const log = JSON.parse(formatSarif(syntheticReport(), options));
    const member = log.runs[0].results.find((r: { locations: { physicalLocation: { artifactLocation: { uri?: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'macros/makrot.yaml');
    expect(member.locations[0].physicalLocation.region).toEqual({ startLine: 31, startColumn: 63, endLine: 31, endColumn: 74 });
    expect(member.locations[0].logicalLocations).toEqual([{ name: 'Laskutus::Hyvitys tehty', fullyQualifiedName: 'macros/makrot.yaml#Laskutus::Hyvitys tehty', kind: 'member' }]);
    expect(member.fixes).toBeUndefined(); // offsets are the member's, not the file's
  });

  it('reports unreadable inputs as tool notifications', () => {
    const log = JSON.parse(formatSarif(syntheticReport(), options));
    const invocation = log.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: '/repo/templates/rikki.txt: not valid UTF-8 text' },
        descriptor: { id: 'not-utf8' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'templates/rikki.txt' } } }],
      },
    ]);
  });

  it('is deterministic and valid for the bundled replies, linted for real', async () => {
    const report = await lintFiles([join(root, 'fixtures/replies')], { configFile: join(root, '.aspalintrc.yaml') });
    const a = formatSarif(report, { ...options, cwd: root });
    const b = formatSarif(report, { ...options, cwd: root });
    expect(a).toBe(b);
    const log = JSON.parse(a);
    expectValid(validate, log);
    expect(log.runs[0].results.length).toBe(report.summary.findings);
    const uris = new Set(log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    for (const uri of uris) expect(uri).toMatch(/^fixtures\/replies\/(email|sms|chat)\/[a-z-]+\.txt$/);
  });

  it('rejects what SARIF forbids (the subset schema has teeth)', () => {
    const log = JSON.parse(formatSarif(syntheticReport(), options));
    log.runs[0].results[0].level = 'info';
    expect(validate(log)).toBe(false);
    const log2 = JSON.parse(formatSarif(syntheticReport(), options));
    log2.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log2)).toBe(false);
    const log3 = JSON.parse(formatSarif(syntheticReport(), options));
    log3.runs[0].results[0].extra = true;
    expect(validate(log3)).toBe(false);
  });

  // The OASIS schema, when vendored (the errata01 copy declares draft-04, the
  // repository's current copy 2020-12, SchemaStore's sarif-2.1.0-rtm.5 draft-07;
  // the keywords it uses mean the same in all of them, so it is compiled as draft-07).
  // Microsoft's copy of the SARIF 2.1.0 schema (SchemaStore's rtm.5, draft-07), shipped in @microsoft/jest-sarif.
  const official = join(root, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  it('validates against the SARIF 2.1.0 schema', async () => {
    expect(existsSync(official), official).toBe(true);
    const schema = JSON.parse(readFileSync(official, 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    if (typeof schema.id === 'string') {
      schema.$id = schema.id;
      delete schema.id;
    }
    const validateOfficial = validator(schema);
    expectValid(validateOfficial, JSON.parse(formatSarif(syntheticReport(), options)));
    const report = await lintFiles([join(root, 'fixtures/replies')], { configFile: join(root, '.aspalintrc.yaml') });
    expectValid(validateOfficial, JSON.parse(formatSarif(report, { ...options, cwd: root })));
  });
});

describe('the SARIF log in pieces', () => {
  // The log is written a result at a time; it must be the very document
  // JSON.stringify(log, null, 2) would make, so viewers and diffs see no change.
  const same = (text: string) => expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);

  it('is the document JSON.stringify makes, with results, without, and with a rule nobody listed', () => {
    const report = syntheticReport();
    same(formatSarif(report, options));
    same(formatSarif({ results: [], errors: [] }, options));
    same(formatSarif({ results: [], errors: report.errors }, options));
    const custom: FileResult = { ...report.results[0]!, findings: [finding({ ruleId: 'house/signature', actual: 'Terveisin' })] };
    const text = formatSarif({ results: [custom], errors: [] }, options);
    same(text);
    const driver = JSON.parse(text).runs[0].tool.driver;
    expect(driver.rules.at(-1)).toEqual({ id: 'house/signature', name: 'houseSignature' });
    expect(JSON.parse(text).runs[0].results[0].ruleIndex).toBe(driver.rules.length - 1);
  });

  it('reads its results from a spool on disk as from an array, for the bundled replies linted for real', async () => {
    const report = await lintFiles([join(root, 'fixtures/replies')], { configFile: join(root, '.aspalintrc.yaml') });
    const spool = new Spool<FileResult>();
    for (const r of report.results) spool.add(r);
    const streamed = [...sarifChunks({ results: spool, errors: report.errors }, { ...options, cwd: root })];
    spool.close();
    expect(streamed.length).toBeGreaterThan(report.summary.findings);
    const whole = formatSarif(report, { ...options, cwd: root });
    expect(streamed.join('')).toBe(whole);
    same(whole);
  });
});

describe('paths', () => {
  it('are relative to the working folder, with forward slashes and percent-encoded segments', () => {
    expect(displayPath('/repo/templates/a.md', '/repo')).toBe('templates/a.md');
    expect(displayPath('./templates/a.md', '/repo')).toBe('templates/a.md');
    expect(displayPath('/elsewhere/a.md', '/repo')).toBe('/elsewhere/a.md');
    expect(artifactUri('/repo/pohjat/ääkköset #1.md', '/repo')).toBe('pohjat/%C3%A4%C3%A4kk%C3%B6set%20%231.md');
    expect(artifactUri('/elsewhere/a b.md', '/repo')).toBe('file:///elsewhere/a%20b.md');
  });
});
