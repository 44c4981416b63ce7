import { readFileSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinter } from '../src/engine/linter.js';
import { fileObject } from '../src/report/json.js';
import { root, startServe } from './server-helpers.js';

/** `aspalint serve` started as a user would, on a free loopback port. */
describe('aspalint serve', () => {
  let server: Awaited<ReturnType<typeof startServe>>;
  const post = (path: string, body: string, type = 'application/json') => fetch(`${server.url}${path}`, { method: 'POST', body, headers: { 'content-type': type } });

  beforeAll(async () => {
    server = await startServe(['--max-body', '65536']);
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it('listens on the loopback address by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('GET /health', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('POST /v1/lint answers in the JSON contract, as the CLI lints the same draft', async () => {
    const reply = 'Hei,\n\nÄlä epäröi ottaa meihin yhteyttä , jos sinulla on kysyttävää.\n\nYstävällisin terveisin\nAsiakaspalvelu';
    const res = await post('/v1/lint', JSON.stringify({ reply }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const doc = (await res.json()) as { version: number; files: { findings: { ruleId: string }[]; score: number }[]; summary: { files: number } };
    expect(doc.version).toBe(1);
    expect(doc.summary.files).toBe(1);
    const expected = fileObject(createLinter({ configFile: join(root, '.aspalintrc.yaml') }).lint({ path: '-', text: reply }));
    expect(doc.files[0]).toEqual(expected);
    expect(doc.files[0]!.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['phrase/calque', 'greeting/generic', 'signoff/faceless']));
  });

  it('takes the customer message, channel and language', async () => {
    const res = await post(
      '/v1/lint',
      JSON.stringify({ reply: 'Hei Anna, tilauksesi on matkalla. Terveisin Laura', customer: 'Hei, milloin paketti tulee? Ja voiko toimitusosoitetta vielä muuttaa?', channel: 'chat', lang: 'fi', uiLang: 'en' }),
    );
    const doc = (await res.json()) as { files: { channel: string; findings: { ruleId: string; message: string }[] }[] };
    expect(doc.files[0]!.channel).toBe('chat');
    const unanswered = doc.files[0]!.findings.find((f) => f.ruleId === 'thread/unanswered-question');
    expect(unanswered?.message).toMatch(/[a-z]/);
    expect(unanswered?.message).not.toMatch(/[äö]/);
  });

  it('POST /v1/fix applies the safe fixes and reports what is left', async () => {
    const res = await post('/v1/fix', JSON.stringify({ reply: 'Hei Anna,\n\nPaketti lähti tänään .  kiitos tilauksesta!\n\nTerveisin\nLaura' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { output: string; applied: { ruleId: string; actual: string; replacement: string }[]; file: { findings: unknown[] } };
    expect(body.output).toBe('Hei Anna,\n\nPaketti lähti tänään. Kiitos tilauksesta!\n\nTerveisin\nLaura');
    expect(body.applied).toEqual(
      expect.arrayContaining([
        { ruleId: 'grammar/punctuation-space', actual: ' .', replacement: '.' },
        { ruleId: 'grammar/sentence-start', actual: 'kiitos', replacement: 'Kiitos' },
      ]),
    );
    expect(body.file.findings).toEqual([]);
  });

  it('GET /v1/rules lists the catalogue', async () => {
    const body = (await (await fetch(`${server.url}/v1/rules`)).json()) as { rules: { id: string }[] };
    expect(body.rules.map((r) => r.id)).toContain('phrase/calque');
  });

  it('bad requests are a 400 naming the problem, and the server carries on', async () => {
    const cases: [string, string, RegExp][] = [
      ['{bad json', 'application/json', /not valid JSON/],
      ['', 'application/json', /body is empty/],
      ['[1, 2]', 'application/json', /must be a JSON object/],
      ['{"text": "Hei"}', 'application/json', /unknown field "text"/],
      ['{"customer": "Hei"}', 'application/json', /"reply" is required/],
      ['{"reply": 42}', 'application/json', /"reply" must be a string/],
      ['{"reply": "Hei", "channel": "fax"}', 'application/json', /"channel" must be one of email, sms, chat, social/],
      ['{"reply": "Hei", "lang": "de"}', 'application/json', /"lang" must be one of auto, fi, sv/],
      ['{"reply": "Hei", "template": "yes"}', 'application/json', /"template" must be true or false/],
      ['reply=Hei', 'application/x-www-form-urlencoded', /not valid JSON/],
    ];
    for (const [body, type, message] of cases) {
      for (const path of ['/v1/lint', '/v1/fix']) {
        const res = await post(path, body, type);
        expect(res.status, `${path} ${body}`).toBe(400);
        expect(((await res.json()) as { error: string }).error, body).toMatch(message);
      }
    }
    const large = await post('/v1/lint', JSON.stringify({ reply: 'a'.repeat(70_000) }));
    expect(large.status).toBe(413);
    expect(((await large.json()) as { error: string }).error).toMatch(/larger than 65536 bytes/);
    const wrongMethod = await fetch(`${server.url}/v1/lint`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const missing = await fetch(`${server.url}/v1/nothing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(/no such endpoint/);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(server.stderr()).not.toMatch(/internal error/);
  });

  it('answers 64 concurrent requests, each with its own draft', async () => {
    const files = readdirSync(join(root, 'fixtures', 'replies', 'email')).filter((f) => f.endsWith('.txt'));
    const drafts = Array.from({ length: 64 }, (_, i) => readFileSync(join(root, 'fixtures', 'replies', 'email', files[i % files.length]!), 'utf8'));
    const linter = createLinter({ configFile: join(root, '.aspalintrc.yaml') });
    const responses = await Promise.all(drafts.map((reply) => post('/v1/lint', JSON.stringify({ reply }))));
    expect(responses.map((r) => r.status)).toEqual(drafts.map(() => 200));
    const docs = (await Promise.all(responses.map((r) => r.json()))) as { files: unknown[] }[];
    docs.forEach((doc, i) => expect(doc.files[0], files[i % files.length]).toEqual(fileObject(linter.lint({ path: '-', text: drafts[i]! }))));
  });

  describe("LanguageTool's API", () => {
    it('POST /v2/check with a form, in the shape LanguageTool answers', async () => {
      const text = 'Hej!\n\nTveka inte att kontakta oss om du har frågor.\n\nMed vänliga hälsningar\nKundtjänst';
      const res = await post('/v2/check', new URLSearchParams({ text, language: 'sv-SE' }).toString(), 'application/x-www-form-urlencoded');
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, any>;
      expect(body.software).toEqual({ name: 'aspalint', version: expect.any(String), buildDate: expect.any(String), apiVersion: 1, premium: false, status: '' });
      expect(body.warnings).toEqual({ incompleteResults: false });
      expect(body.language).toEqual({ name: 'Swedish', code: 'sv-SE', detectedLanguage: { name: 'Swedish', code: 'sv-SE', confidence: expect.any(Number), source: 'aspalint' } });
      const calque = body.matches.find((m: any) => m.rule.id === 'phrase/calque');
      expect(calque).toEqual({
        message: expect.stringContaining('Tveka inte'),
        shortMessage: expect.any(String),
        replacements: expect.arrayContaining([{ value: expect.any(String) }]),
        offset: text.indexOf('Tveka'),
        length: expect.any(Number),
        context: { text: expect.any(String), offset: expect.any(Number), length: calque.length },
        sentence: 'Tveka inte att kontakta oss om du har frågor.',
        type: { typeName: 'Other' },
        rule: { id: 'phrase/calque', description: expect.any(String), issueType: 'style', category: { id: 'PHRASE', name: 'Fraser' } },
        ignoreForIncompleteSentence: false,
        contextForSureMatch: 0,
      });
      // The context window: the match sits at context.offset, line breaks shown as spaces.
      expect(calque.context.text.slice(calque.context.offset, calque.context.offset + calque.length)).toBe(text.slice(calque.offset, calque.offset + calque.length));
      expect(calque.context.text).not.toContain('\n');
      expect(body.matches.map((m: any) => m.offset)).toEqual([...body.matches.map((m: any) => m.offset)].sort((a: number, b: number) => a - b));
    });

    it('takes JSON, language=auto, disabledRules, and annotated text with markup', async () => {
      const res = await post('/v2/check', JSON.stringify({ text: 'Hei,\n\nÄlä epäröi ottaa yhteyttä.\n\nTerveisin\nLaura', language: 'auto', disabledRules: 'greeting/generic' }));
      const body = (await res.json()) as Record<string, any>;
      expect(body.language.code).toBe('fi-FI');
      const ids = body.matches.map((m: any) => m.rule.id);
      expect(ids).toContain('phrase/calque');
      expect(ids).not.toContain('greeting/generic');

      const data = { annotation: [{ markup: '<p>' }, { text: 'Hei,' }, { markup: '</p><p>', interpretAs: '\n\n' }, { text: 'Älä epäröi ottaa yhteyttä.' }, { markup: '</p>' }] };
      const withMarkup = (await (await post('/v2/check', new URLSearchParams({ data: JSON.stringify(data), language: 'fi' }).toString(), 'application/x-www-form-urlencoded')).json()) as Record<string, any>;
      const original = '<p>Hei,</p><p>Älä epäröi ottaa yhteyttä.</p>';
      const calque = withMarkup.matches.find((m: any) => m.rule.id === 'phrase/calque');
      expect(original.slice(calque.offset, calque.offset + calque.length)).toBe('Älä epäröi ottaa yhteyttä');
    });

    it('bad LanguageTool requests are a plain-text 400, as LanguageTool answers them', async () => {
      for (const [params, message] of [
        [{ text: 'Hei' }, /Missing 'language'/],
        [{ text: 'Hello', language: 'en-US' }, /'en-US' is not a language code known to aspalint/],
        [{ language: 'fi' }, /Missing 'text' or 'data'/],
        [{ data: '{oops', language: 'fi' }, /'data' is not valid JSON/],
      ] as const) {
        const res = await post('/v2/check', new URLSearchParams(params as Record<string, string>).toString(), 'application/x-www-form-urlencoded');
        expect(res.status).toBe(400);
        expect(await res.text()).toMatch(message);
      }
    });

    it('GET /v2/languages', async () => {
      const body = (await (await fetch(`${server.url}/v2/languages`)).json()) as { name: string; code: string; longCode: string }[];
      expect(body).toContainEqual({ name: 'Finnish', code: 'fi', longCode: 'fi-FI' });
      expect(body).toContainEqual({ name: 'Swedish', code: 'sv', longCode: 'sv-SE' });
    });
  });
});

describe('aspalint serve limits', () => {
  it('more requests than --max-concurrent get a 503 with Retry-After, and the rest are answered', async () => {
    const server = await startServe(['--max-concurrent', '1']);
    try {
      const reply = `Hei Anna,\n\n${'Paketti lähti tänään. '.repeat(8000)}\n\nTerveisin\nLaura`;
      const responses = await Promise.all(Array.from({ length: 16 }, () => fetch(`${server.url}/v1/lint`, { method: 'POST', body: JSON.stringify({ reply }) })));
      const statuses = responses.map((r) => r.status);
      expect(statuses).toContain(200);
      expect(statuses).toContain(503);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      const busy = responses.find((r) => r.status === 503)!;
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(((await busy.json()) as { error: string }).error).toMatch(/busy/);
    } finally {
      await server.stop();
    }
  });

  it('a client that does not send its whole request within --timeout is cut off', async () => {
    const server = await startServe(['--timeout', '300']);
    try {
      const { hostname, port } = new URL(server.url);
      const started = Date.now();
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), hostname, () => socket.write('POST /v1/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"reply":'));
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('close', () => resolve(data));
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await server.stop();
    }
  });

  it('a port in use is one line on stderr and exit 2', async () => {
    const first = await startServe();
    try {
      const port = new URL(first.url).port;
      const second = await startServe(['--port', port], undefined, { ...process.env, LC_ALL: 'C' }).catch((err: Error) => err);
      expect(second).toBeInstanceOf(Error);
      expect((second as Error).message).toMatch(/exited 2: aspalint: cannot listen on 127\.0\.0\.1:\d+: the port is in use\n$/);
    } finally {
      await first.stop();
    }
  });

  it("says so in the locale's language (fi, sv)", async () => {
    const first = await startServe([], undefined, { ...process.env, LC_ALL: 'fi_FI.UTF-8' });
    try {
      expect(first.stderr()).toMatch(/^aspalint serve: kuuntelee osoitteessa http:\/\/127\.0\.0\.1:\d+ \(asetukset: /);
      const port = new URL(first.url).port;
      const sv = await startServe(['--port', port], undefined, { ...process.env, LC_ALL: 'sv_FI.UTF-8' }).catch((err: Error) => err);
      expect((sv as Error).message).toMatch(/exited 2: aspalint: kan inte lyssna på 127\.0\.0\.1:\d+: porten används redan\n$/);
      const bad = await startServe(['--port', 'x'], undefined, { ...process.env, LC_ALL: 'fi_FI.UTF-8' }).catch((err: Error) => err);
      expect((bad as Error).message).toMatch(/exited 2: aspalint: --port: odotettiin kokonaislukua 0–65535, saatiin "x"\n$/);
    } finally {
      await first.stop();
    }
  });
});
