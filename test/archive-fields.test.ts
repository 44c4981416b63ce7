/** Issue 11 (Also): archive members carry who answered and when, in JSON, SARIF and JUnit. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../src/engine/pipeline.js';
import { createRedactor } from '../src/engine/redact.js';
import { formatJson } from '../src/report/json.js';
import { formatSarif } from '../src/report/sarif.js';
import { formatJunit } from '../src/report/junit.js';

const root = join(import.meta.dirname, '..');

describe('agent, date and messageId of archive members', () => {
  it('are in JSON for mbox and JSON Lines members, and absent for a plain file', async () => {
    const report = await lintFiles(
      [join(root, 'fixtures/archive/support.mbox'), join(root, 'fixtures/threads/batch.jsonl'), join(root, 'fixtures/replies')],
      { agents: ['@sointuenergia.fi'] },
    );
    const doc = JSON.parse(formatJson(report));
    expect(doc.version).toBe(1);
    const files = doc.files as Record<string, unknown>[];
    const mail = files.find((f) => String(f.path).includes('support.mbox#20261102114003.1187@sointuenergia.fi'))!;
    expect(mail).toMatchObject({ agent: expect.any(String), date: expect.stringMatching(/^2026-11-02/), messageId: '20261102114003.1187@sointuenergia.fi' });
    // Placed after channel, before the score: the contract's order is kept for the rest.
    expect(Object.keys(mail).slice(0, 6)).toEqual(['path', 'language', 'channel', 'agent', 'date', 'messageId']);
    const plain = files.find((f) => !String(f.path).includes('#'))!;
    expect(Object.keys(plain)).not.toEqual(expect.arrayContaining(['agent']));
    expect(plain).not.toHaveProperty('date');
    expect(plain).not.toHaveProperty('messageId');
    const record = files.find((f) => String(f.path).includes('batch.jsonl#'))!;
    expect(record.messageId).toBe(String(record.path).split('#')[1]);
  });

  it('are properties in SARIF results and JUnit test cases', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aspalint-fields-'));
    const record = { id: 'T-2231', agent: 'Sanna Lehto', date: '2026-11-12T09:30:00+02:00', reply: 'Hyvä asiakas,\n\nkiitämme saamastamme palautteesta. Älä epäröi ottaa yhteyttä.\n\nYstävällisin terveisin\nAsiakaspalvelu', customer: 'Miksi laskuni nousi?' };
    writeFileSync(join(dir, 'export.jsonl'), `${JSON.stringify(record)}\n`);
    const report = await lintFiles([join(dir, 'export.jsonl')]);
    const withFindings = report.results[0]!;
    expect(withFindings.findings.length).toBeGreaterThan(0);
    const sarif = JSON.parse(formatSarif(report, { version: '0.0.0', rules: [] }));
    const props = sarif.runs[0].results.map((x: { properties: Record<string, unknown> }) => x.properties);
    expect(props).toContainEqual(expect.objectContaining({ agent: withFindings.meta!.agent, messageId: withFindings.meta!.id }));
    const junit = formatJunit(report);
    expect(junit).toContain(`<property name="agent" value="${withFindings.meta!.agent}"/>`);
    expect(junit).toContain(`<property name="messageId" value="${withFindings.meta!.id}"/>`);
  });

  it('--redact gives messageId the member pseudonym, never the address', async () => {
    const report = await lintFiles([join(root, 'fixtures/archive/support.mbox')], { agents: ['@sointuenergia.fi'] });
    const redactor = createRedactor();
    const results = report.results.map((r) => redactor.result(r));
    const doc = JSON.parse(formatJson({ ...report, results }));
    for (const f of doc.files) {
      if (f.messageId === undefined) continue;
      expect(f.messageId).not.toContain('@');
      expect(String(f.path).endsWith(`#${f.messageId}`)).toBe(true);
    }
  });
});
