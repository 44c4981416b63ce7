import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createLinter } from '../src/engine/linter.js';
import { fileObject } from '../src/report/json.js';
import { bin, root } from './server-helpers.js';

type ToolResult = { content: { type: string; text: string }[]; structuredContent?: Record<string, unknown>; isError?: boolean };

/** `aspalint mcp` spawned as an MCP client does: initialize → tools/list → tools/call over stdio. */
describe('aspalint mcp', () => {
  const client = new Client({ name: 'aspalint-test', version: '1.0.0' });
  let stderr = '';

  beforeAll(async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp'], cwd: root, stderr: 'pipe' });
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await client.connect(transport);
  });
  afterAll(async () => {
    await client.close();
    expect(stderr).toBe('');
  });

  it('initializes as aspalint, with tools', () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'aspalint' });
    expect(client.getServerCapabilities()?.tools).toBeDefined();
  });

  it('lists lint_reply, fix_reply and list_rules with descriptions an agent can act on', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['fix_reply', 'lint_reply', 'list_rules']);
    const lint = tools.find((t) => t.name === 'lint_reply')!;
    expect(lint.description).toMatch(/before it is sent/);
    expect(lint.description).toMatch(/until "score" is 0/);
    expect(lint.inputSchema.required).toEqual(['text']);
    expect(Object.keys(lint.inputSchema.properties ?? {}).sort()).toEqual(['channel', 'customer', 'lang', 'template', 'text', 'uiLang']);
    expect(lint.annotations?.readOnlyHint).toBe(true);
  });

  it('lint_reply returns the JSON contract file result: score, bingo squares, findings with suggestions', async () => {
    const text = 'Hei,\n\nÄlä epäröi ottaa meihin yhteyttä, jos sinulla on kysyttävää.\n\nYstävällisin terveisin\nAsiakaspalvelu';
    const result = (await client.callTool({ name: 'lint_reply', arguments: { text } })) as ToolResult;
    expect(result.isError).toBeFalsy();
    const expected = fileObject(createLinter({ configFile: join(root, '.aspalintrc.yaml') }).lint({ path: '-', text }));
    expect(result.structuredContent).toEqual(expected);
    expect(JSON.parse(result.content[0]!.text)).toEqual(expected);
    expect(expected.score).toBeGreaterThan(0);
    expect(expected.bingo.squares).toContain('stiff');
    expect(expected.findings.find((f) => f.ruleId === 'phrase/calque')?.suggestions).toContain('Ota rohkeasti yhteyttä');
  });

  it("lint_reply uses the customer's message, and a revised draft scores 0", async () => {
    const customer = 'Hei, tilasin kengät viikko sitten. Milloin paketti tulee?';
    const first = (await client.callTool({ name: 'lint_reply', arguments: { text: 'Hei Anna,\n\nKiitos viestistäsi.\n\nTerveisin\nLaura', customer, lang: 'fi' } })) as ToolResult;
    expect((first.structuredContent!.findings as { ruleId: string }[]).map((f) => f.ruleId)).toContain('thread/unanswered-question');
    const revised = (await client.callTool({
      name: 'lint_reply',
      arguments: { text: 'Hei Anna,\n\nkiitos viestistäsi. Kenkäsi lähtivät eilen, ja paketti tulee noutopisteeseen torstaina.\n\nTerveisin\nLaura', customer, lang: 'fi' },
    })) as ToolResult;
    expect(revised.structuredContent!.score).toBe(0);
  });

  it('fix_reply applies the safe fixes and says what is left', async () => {
    const result = (await client.callTool({ name: 'fix_reply', arguments: { text: 'Hei Anna,\n\nPaketti lähti tänään .  kiitos tilauksesta!\n\nTerveisin\nLaura' } })) as ToolResult;
    const body = result.structuredContent as { output: string; applied: { ruleId: string }[]; remaining: { score: number } };
    expect(body.output).toBe('Hei Anna,\n\nPaketti lähti tänään. Kiitos tilauksesta!\n\nTerveisin\nLaura');
    expect(body.applied.map((a) => a.ruleId).sort()).toEqual(['format/spacing', 'grammar/punctuation-space', 'grammar/sentence-start']);
    expect(body.remaining.score).toBe(0);
  });

  it('list_rules lists the catalogue', async () => {
    const result = (await client.callTool({ name: 'list_rules', arguments: {} })) as ToolResult;
    const rules = (result.structuredContent as { rules: { id: string }[] }).rules;
    expect(rules.map((r) => r.id)).toContain('greeting/missing');
  });

  it('a bad argument is a tool error naming it, and the server carries on', async () => {
    const bad = (await client.callTool({ name: 'lint_reply', arguments: { text: 'Hei', channel: 'fax' } })) as ToolResult;
    expect(bad.isError).toBe(true);
    expect(bad.content[0]!.text).toMatch(/channel/);
    const missing = (await client.callTool({ name: 'lint_reply', arguments: {} })) as ToolResult;
    expect(missing.isError).toBe(true);
    expect(missing.content[0]!.text).toMatch(/text/);
    const ok = (await client.callTool({ name: 'list_rules', arguments: {} })) as ToolResult;
    expect(ok.isError).toBeFalsy();
  });
});
