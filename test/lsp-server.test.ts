import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin } from './server-helpers.js';

type Message = { id?: number; method?: string; params?: any; result?: any; error?: any };

/** A language client speaking LSP's base protocol (Content-Length framing) to `aspalint lsp --stdio`. */
class LspClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  readonly received: Message[] = [];

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())![1]);
        if (this.buffer.length < end + 4 + length) return;
        const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message;
        this.buffer = this.buffer.subarray(end + 4 + length);
        this.dispatch(message);
      }
    });
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
      return;
    }
    // Requests from the server (client/registerCapability) are answered with success.
    if (message.id !== undefined && message.method) this.send({ id: message.id, result: null });
    this.received.push(message);
    const i = this.waiters.findIndex((w) => w.match(message));
    if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(message);
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result)));
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The next notification that matches (or one already received since `since`). */
  next(match: (m: Message) => boolean, since = 0): Promise<Message> {
    const seen = this.received.slice(since).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such message from the server')), 15_000);
      this.waiters.push({ match, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }

  diagnostics(uri: string, version: number, since = 0): Promise<Message> {
    return this.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version, since);
  }
}

describe('aspalint lsp --stdio', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aspalint-lsp-'));
  const config = join(dir, '.aspalintrc.yaml');
  writeFileSync(config, 'rules:\n  signoff/faceless: off\n');
  const file = join(dir, 'vastaus.md');
  const uri = pathToFileURL(file).href;
  const text = 'Hei,\n\nÄlä epäröi ottaa yhteyttä.  Paketti lähti tänään .\n\nTerveisin\nAsiakaspalvelu\n';
  let client: LspClient;
  let stderr = '';

  beforeAll(async () => {
    const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    client = new LspClient(child);
    const init = await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    expect(init.serverInfo.name).toBe('aspalint');
    expect(init.capabilities.codeActionProvider.codeActionKinds).toEqual(['quickfix', 'source.fixAll']);
    client.notify('initialized', {});
  });

  afterAll(async () => {
    await client.request('shutdown', null);
    const exited = new Promise((resolve) => client.child.once('exit', resolve));
    client.notify('exit', null);
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });

  it('registers a watcher for the config', async () => {
    const registration = await client.next((m) => m.method === 'client/registerCapability');
    expect(registration.params.registrations[0].method).toBe('workspace/didChangeWatchedFiles');
    expect(registration.params.registrations[0].registerOptions.watchers.map((w: { globPattern: string }) => w.globPattern)).toContain('**/.aspalintrc.yaml');
  });

  it('didOpen → publishDiagnostics with the rule id, severity and message, under the document’s config', async () => {
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { params } = await client.diagnostics(uri, 1);
    const byRule = new Map(params.diagnostics.map((d: any) => [d.code, d]));
    expect([...byRule.keys()]).toEqual(expect.arrayContaining(['greeting/generic', 'phrase/calque', 'format/spacing', 'grammar/punctuation-space']));
    // The config in the document's folder switched this one off.
    expect(byRule.has('signoff/faceless')).toBe(false);
    const calque = byRule.get('phrase/calque') as any;
    expect(calque.source).toBe('aspalint');
    expect(calque.severity).toBe(2);
    expect(calque.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 25 } });
    expect(calque.message).toMatch(/käännös englannista/);
  });

  it('codeAction: the safe fix, a suppression comment, and fix-all', async () => {
    const { params } = await client.diagnostics(uri, 1);
    const punctuation = params.diagnostics.find((d: any) => d.code === 'grammar/punctuation-space');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: punctuation.range, context: { diagnostics: [punctuation] } });
    const fix = actions.find((a: any) => a.isPreferred);
    expect(fix.kind).toBe('quickfix');
    expect(fix.edit.changes[uri]).toEqual([{ range: { start: { line: 2, character: 48 }, end: { line: 2, character: 49 } }, newText: '' }]);
    const suppress = actions.find((a: any) => a.title.includes('disable grammar/punctuation-space'));
    expect(suppress.edit.changes[uri]).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- aspalint-disable-next-line grammar/punctuation-space -->\n' }]);
    const fixAll = actions.find((a: any) => a.kind === 'source.fixAll');
    expect(fixAll.edit.changes[uri][0].newText).toBe('Hei,\n\nOta rohkeasti yhteyttä. Paketti lähti tänään.\n\nTerveisin\nAsiakaspalvelu\n');

    // The suppression, applied, silences that finding and nothing else.
    const suppressed = `${text.split('\n').slice(0, 2).join('\n')}\n<!-- aspalint-disable-next-line grammar/punctuation-space -->\n${text.split('\n').slice(2).join('\n')}`;
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: suppressed }] });
    const after = await client.diagnostics(uri, 2);
    const codes = after.params.diagnostics.map((d: any) => d.code);
    expect(codes).not.toContain('grammar/punctuation-space');
    expect(codes).toContain('phrase/calque');
  });

  it('changes are linted once typing stops', async () => {
    const since = client.received.length;
    for (const [version, content] of [
      [3, 'Hei Anna,\n\nkiitos'],
      [4, 'Hei Anna,\n\nkiitos viestistä'],
      [5, 'Hei Anna,\n\nkiitos viestistä. Paketti lähti tänään.\n\nTerveisin\nLaura\n'],
    ] as const) {
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: content }] });
    }
    const last = await client.diagnostics(uri, 5, since);
    expect(last.params.diagnostics).toEqual([]);
    const published = client.received.slice(since).filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    expect(published.map((m) => m.params.version)).toEqual([5]);
  });

  it('reads the config again when .aspalintrc.yaml changes', async () => {
    const since = client.received.length;
    client.notify('textDocument/didChange', { textDocument: { uri, version: 6 }, contentChanges: [{ text: 'Hei Anna,\n\nPaketti lähti tänään.\n\nTerveisin\nAsiakaspalvelu\n' }] });
    expect((await client.diagnostics(uri, 6, since)).params.diagnostics).toEqual([]);
    writeFileSync(config, 'rules:\n  signoff/faceless: error\n');
    const since2 = client.received.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    const { params } = await client.diagnostics(uri, 6, since2);
    expect(params.diagnostics.map((d: any) => [d.code, d.severity])).toEqual([['signoff/faceless', 1]]);
  });

  it('a broken config is an error message, not a crash', async () => {
    writeFileSync(config, 'rules:\n  no/such-rule: off\n');
    const since = client.received.length;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    const shown = await client.next((m) => m.method === 'window/showMessageRequest', since);
    expect(shown.params.type).toBe(1);
    expect(shown.params.message).toMatch(/\.aspalintrc\.yaml:2: unknown rule id "no\/such-rule"/);
    expect((await client.diagnostics(uri, 6, since)).params.diagnostics).toEqual([]);
  });
});
