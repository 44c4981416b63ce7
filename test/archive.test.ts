import { createReadStream, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { generateMbox } from '../scripts/bench/mbox.js';
import { ColumnMappingError, parseColumnMapping, readCsv, sniffDelimiter } from '../src/input/csv.js';
import { parseEml, parseMail, type MailRecord } from '../src/input/eml.js';
import { decodeSniffed, fixC1, htmlToText, misdecoded, normalizeDate, type ArchiveError, type ArchiveMessage } from '../src/input/mail-text.js';
import { readMbox, type MboxStats } from '../src/input/mbox.js';
import { splitMbox } from '../src/input/mbox-split.js';
import { agentMatcher, parseAgents, Threader } from '../src/input/threads.js';
import { analyseAnatomy } from '../src/text/anatomy.js';
import { newestQuoted } from '../src/text/quoted.js';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'fixtures/archive');

interface Expect {
  agent?: string;
  from?: string;
  subject?: string;
  date?: string;
  id?: string;
  inReplyTo?: string;
  channel?: string;
  text?: string;
  contains?: string[];
  absent?: string[];
  customer?: false | string[];
  notCustomer?: string[];
  quoted?: string[];
  attachments?: string[];
  error?: string;
  detail?: Record<string, string | number>;
  path?: string;
}

const expected = YAML.parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')) as {
  agents: string[];
  eml: Record<string, Expect>;
  mbox: Record<string, { stats: Partial<MboxStats>; replies: Expect[] }>;
  csv: Record<string, { columns: string; delimiter: string; encoding: string; messages: Expect[]; errors: { path: string; code: string; detail?: Record<string, unknown> }[] }>;
};

/** Nothing a wrong decoding leaves behind: C1 controls, U+FFFD, UTF-8 read as Latin-1. */
function assertClean(text: string | undefined, where: string): void {
  if (text === undefined) return;
  expect(text, `${where}: C1 control`).not.toMatch(/[\u0080-\u009f]/);
  expect(text, `${where}: replacement character`).not.toContain('\ufffd');
  expect(misdecoded(text), `${where}: mojibake`).toBeNull();
}

function check(message: ArchiveMessage, want: Expect, where: string): void {
  assertClean(message.text, where);
  assertClean(message.customer, `${where} customer`);
  for (const value of Object.values(message.meta ?? {})) if (typeof value === 'string') assertClean(value, `${where} meta`);
  if (want.path) expect(message.path).toBe(want.path);
  if (want.agent) expect(message.meta?.agent).toBe(want.agent);
  if (want.from) expect(message.meta?.from).toBe(want.from);
  if (want.subject) expect(message.meta?.subject).toBe(want.subject);
  if (want.date) expect(message.meta?.date).toBe(want.date);
  if (want.id) expect(message.meta?.id).toBe(want.id);
  if (want.inReplyTo) expect(message.meta?.inReplyTo).toBe(want.inReplyTo);
  if (want.channel) expect(message.channel).toBe(want.channel);
  if (want.text !== undefined) expect(message.text).toBe(want.text);
  for (const fragment of want.contains ?? []) expect(message.text, where).toContain(fragment);
  for (const fragment of want.absent ?? []) expect(message.text, where).not.toContain(fragment.replace(/\\u00a0/g, '\u00a0'));
  if (want.attachments) expect(message.meta?.attachments).toEqual(want.attachments);
  if (want.customer === false) expect(message.customer, `${where}: customer`).toBeUndefined();
  else if (want.customer) {
    expect(message.customer, `${where}: customer`).toBeDefined();
    for (const fragment of want.customer) expect(message.customer, where).toContain(fragment);
  }
  for (const fragment of want.notCustomer ?? []) expect(message.customer ?? '', where).not.toContain(fragment);
  if (want.quoted) {
    // What the linter will take as the customer's message: the newest message of the quoted history.
    const quoted = analyseAnatomy(message.text).quoted;
    expect(quoted, `${where}: quoted history`).not.toBeNull();
    const customer = newestQuoted(quoted!.text);
    for (const fragment of want.quoted) expect(customer, where).toContain(fragment);
  }
}

describe('.eml fixtures', () => {
  for (const [name, want] of Object.entries(expected.eml)) {
    it(name, async () => {
      const result = await parseEml(`archive/${name}`, readFileSync(join(dir, name)));
      if (want.error) {
        expect(result.message).toBeUndefined();
        expect(result.error?.code).toBe(want.error);
        expect(result.error?.path).toBe(`archive/${name}`);
        if (want.detail) expect(result.error?.detail).toMatchObject(want.detail);
        return;
      }
      expect(result.error).toBeUndefined();
      expect(result.message?.channel).toBe('email');
      check(result.message!, want, name);
    });
  }

  it('covers every .eml in the folder', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    expect(files.sort()).toEqual(Object.keys(expected.eml).sort());
  });
});

describe('.eml decoding edge cases', () => {
  const mail = (head: string, body: Buffer | string) => Buffer.concat([Buffer.from(head.replace(/\n/g, '\r\n') + '\r\n'), typeof body === 'string' ? Buffer.from(body) : body]);

  it('never throws, whatever the bytes', async () => {
    const inputs = [Buffer.alloc(0), Buffer.from('\r\n\r\n'), Buffer.from([0, 1, 2, 255, 254, 0]), Buffer.from('Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n'), Buffer.from('From: a\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!')];
    for (const input of inputs) {
      const result = await parseEml('x.eml', input);
      expect(result.message ?? result.error).toBeDefined();
      if (result.message) assertClean(result.message.text, 'edge');
    }
  });

  it('reads UTF-8 labelled as ISO-8859-1 as an error, not as mojibake', async () => {
    const result = await parseEml('x.eml', mail('From: a@b.fi\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n', 'Hyvää päivää – 5 €'));
    expect(result.error?.code).toBe('bad-charset');
  });

  it('reads an unknown charset label that does not fit as an error', async () => {
    const result = await parseEml('x.eml', mail('From: a@b.fi\nContent-Type: text/plain; charset=x-mac-nordic\nContent-Transfer-Encoding: 8bit\n', Buffer.from('Hyvää päivää', 'latin1')));
    expect(result.error?.code).toBe('bad-charset');
  });

  it('decodes raw UTF-8 header bytes too', async () => {
    const result = await parseEml('x.eml', Buffer.from('From: Åsa Nyström <asa@yritys.fi>\r\nSubject: Tilaus pääsi perille\r\n\r\nHej!\r\n', 'utf8'));
    expect(result.message?.meta?.agent).toBe('Åsa Nyström');
    expect(result.message?.meta?.subject).toBe('Tilaus pääsi perille');
  });

  it('takes the HTML part when the plain part is empty', async () => {
    const body = ['--b', 'Content-Type: text/plain; charset=utf-8', '', '', '--b', 'Content-Type: text/html; charset=utf-8', '', '<p>Hei&nbsp;Anna,</p><p>paketti lähti tänään.</p>', '--b--', ''].join('\r\n');
    const result = await parseEml('x.eml', mail('From: a@yritys.fi\nContent-Type: multipart/alternative; boundary=b\n', body));
    expect(result.message?.text).toBe('Hei Anna,\n\npaketti lähti tänään.');
  });

  it('keeps no headline in capitals and no link URL from HTML', () => {
    const text = htmlToText('<h1>Tilausvahvistus</h1><p>Katso <a href="https://x.fi/a?b=1">ohje</a>.</p><table><tr><th>Tuote</th><td>Kengät</td></tr></table><blockquote>Hei, missä paketti?</blockquote>');
    expect(text).toContain('Tilausvahvistus');
    expect(text).not.toContain('TILAUSVAHVISTUS');
    expect(text).toContain('Katso ohje.');
    expect(text).not.toContain('https://');
    expect(text).toContain('Tuote');
    expect(text).toContain('> Hei, missä paketti?');
  });

  it('maps C1 controls through Windows-1252', () => {
    expect(fixC1('\u0080 \u0093x\u0094 \u0096 \u0085')).toBe('€ “x” – …');
  });

  it('parseMail gives the threading headers', async () => {
    const result = await parseMail(
      mail('From: "Laura" <Laura@Yritys.fi>\nMessage-ID: <a1@yritys.fi>\nIn-Reply-To: <c1@gmail.com>\nReferences: <c0@gmail.com>\n <c1@gmail.com>\nDate: Mon, 2 Nov 2026 10:00:00 +0200\n', 'Hei!'),
    );
    expect('mail' in result).toBe(true);
    const m = (result as { mail: MailRecord }).mail;
    expect(m).toMatchObject({ messageId: 'a1@yritys.fi', inReplyTo: 'c1@gmail.com', references: ['c0@gmail.com', 'c1@gmail.com'], fromAddress: 'laura@yritys.fi', fromName: 'Laura', date: '2026-11-02T08:00:00.000Z' });
  });
});

async function readAll(name: string, stream: Readable | NodeJS.ReadableStream, options: Parameters<typeof readMbox>[2] = {}) {
  const messages: ArchiveMessage[] = [];
  const errors: ArchiveError[] = [];
  const stats = {} as MboxStats;
  for await (const item of readMbox(name, stream, { ...options, stats })) {
    if ('error' in item) errors.push(item.error);
    else messages.push(item.message);
  }
  return { messages, errors, stats };
}

describe('mbox fixtures', () => {
  for (const [name, want] of Object.entries(expected.mbox)) {
    it(`${name}: replies paired with their customer messages`, async () => {
      const { messages, errors, stats } = await readAll(name, createReadStream(join(dir, name)), { agents: expected.agents });
      expect(errors).toEqual([]);
      expect(stats).toMatchObject(want.stats);
      expect(messages.map((m) => m.path)).toEqual(want.replies.map((r) => r.path));
      messages.forEach((message, i) => {
        expect(message.channel).toBe('email');
        check(message, want.replies[i]!, message.path);
      });
    });
  }

  it('reads a stream that comes a few bytes at a time', async () => {
    const bytes = readFileSync(join(dir, 'support.mbox'));
    const pieces = [bytes.subarray(0, 2), bytes.subarray(2, 3), bytes.subarray(3, 4000), bytes.subarray(4000)];
    const { messages } = await readAll('support.mbox', Readable.from(pieces), { agents: expected.agents });
    expect(messages.map((m) => m.path)).toEqual(expected.mbox['support.mbox']!.replies.map((r) => r.path));
  });

  it('gives the same replies from a gzipped mbox', async () => {
    const gz = gzipSync(readFileSync(join(dir, 'support.mbox')));
    const plain = await readAll('support.mbox', createReadStream(join(dir, 'support.mbox')), { agents: expected.agents });
    const zipped = await readAll('support.mbox.gz', Readable.from([gz]), { agents: expected.agents });
    expect(zipped.messages.map((m) => m.text)).toEqual(plain.messages.map((m) => m.text));
  });

  it('reports a broken member and still reads the rest', async () => {
    // A blank line before each envelope, as mbox writers (mutt, Thunderbird, Python's mailbox) write them.
    const mbox = [
      readFileSync(join(dir, 'support.mbox'), 'latin1').split(/\n(?=From )/)[0],
      `From x@sointuenergia.fi Mon Nov  9 08:00:00 2026\n${readFileSync(join(dir, 'broken-truncated.eml'), 'latin1').replace(/\r\n/g, '\n')}`,
      `From y@sointuenergia.fi Mon Nov  9 09:00:00 2026\n${readFileSync(join(dir, 'cp1252.eml'), 'latin1').replace(/\r\n/g, '\n')}`,
      `From z@sointuenergia.fi Mon Nov  9 10:00:00 2026\n${readFileSync(join(dir, 'broken-charset.eml'), 'latin1').replace(/\r\n/g, '\n')}`,
      `From w@sointuenergia.fi Mon Nov  9 11:00:00 2026\n${readFileSync(join(dir, 'latin1.eml'), 'latin1').replace(/\r\n/g, '\n')}`,
    ]
      .map((member) => (member.endsWith('\n') ? member : `${member}\n`))
      .join('\n');
    const { messages, errors, stats } = await readAll('mixed.mbox', Readable.from([Buffer.from(mbox, 'latin1')]), { agents: expected.agents });
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['mixed.mbox#raportti-2025-eero@sointuenergia.fi', 'truncated'],
      ['mixed.mbox#wrong-charset-1@sointuenergia.fi', 'bad-charset'],
    ]);
    expect(messages.map((m) => m.meta?.agent)).toEqual(['Ville Laine', 'Pekka Järvinen']);
    expect(stats).toMatchObject({ messages: 5, errors: 2, customers: 1, replies: 2 });
  });

  /** A mail as an mbox member: the envelope, the headers, the body, and the blank line writers put after it. */
  const member = (from: string, id: string, body: string, headers: string[] = []) =>
    [`From ${from} Mon Nov  9 08:00:00 2026`, `From: ${from}`, `Message-ID: <${id}>`, 'Date: Mon, 9 Nov 2026 10:00:00 +0200', 'Content-Type: text/plain; charset=utf-8', ...headers, '', body, ''].join('\n');

  it('splits only at envelope lines: "From " lines of unescaped bodies stay in their message', async () => {
    const body = [
      'Hei Anna,',
      '',
      'From my point of view the invoice is right.',
      'From 1.12. alkaen hinta on 5,90 € kuussa.',
      '',
      'From the 2nd of November on, your meter reads remotely.',
      '',
      'Terveisin',
      'Laura',
    ].join('\n');
    const mbox = member('anna@gmail.com', 'c1@gmail.com', 'Hei, miksi lasku nousi?') + '\n' + member('laura@sointuenergia.fi', 'r1@sointuenergia.fi', body, ['In-Reply-To: <c1@gmail.com>']);
    const { messages, errors, stats } = await readAll('careless.mbox', Readable.from([Buffer.from(mbox)]), { agents: expected.agents });
    expect(errors).toEqual([]);
    expect(stats.messages).toBe(2);
    expect(messages.map((m) => m.path)).toEqual(['careless.mbox#r1@sointuenergia.fi']);
    expect(messages[0]!.text).toContain('From my point of view the invoice is right.\nFrom 1.12. alkaen');
    expect(messages[0]!.text).toContain('Laura');
    expect(messages[0]!.customer).toContain('miksi lasku nousi');
  });

  it('still splits at an envelope with its asctime date that follows the previous message directly', async () => {
    const first = member('anna@gmail.com', 'c1@gmail.com', 'Hei, miksi lasku nousi?').replace(/\n$/, '');
    const mbox = `${first}\n${member('laura@sointuenergia.fi', 'r1@sointuenergia.fi', 'Hei Anna,\n\nlasku on korjattu.\n\nTerveisin\nLaura', ['In-Reply-To: <c1@gmail.com>'])}`;
    const { messages, stats } = await readAll('tight.mbox', Readable.from([Buffer.from(mbox)]), { agents: expected.agents });
    expect(stats.messages).toBe(2);
    expect(messages.map((m) => [m.path, m.customer])).toEqual([['tight.mbox#r1@sointuenergia.fi', 'Hei, miksi lasku nousi?']]);
  });

  it('honours Content-Length: an envelope-like line inside the counted body is body', async () => {
    const forwarded = 'Hei Anna,\n\nalla välitetty viesti:\n\nFrom anna@gmail.com Mon Nov  2 08:15:12 2026\nSubject: lasku\n\nTerveisin\nLaura\n';
    const counted = member('laura@sointuenergia.fi', 'r1@sointuenergia.fi', forwarded.replace(/\n$/, ''), [`Content-Length: ${Buffer.byteLength(forwarded)}`]);
    const mbox = member('anna@gmail.com', 'c1@gmail.com', 'Hei, miksi lasku nousi?') + '\n' + counted + '\n' + member('laura@sointuenergia.fi', 'r2@sointuenergia.fi', 'Hei!\n\nToinen vastaus.\n\nLaura');
    const { messages, errors, stats } = await readAll('cl.mbox', Readable.from([Buffer.from(mbox)]), { agents: expected.agents });
    expect(errors).toEqual([]);
    expect(stats.messages).toBe(3);
    expect(messages.map((m) => m.path)).toEqual(['cl.mbox#r1@sointuenergia.fi', 'cl.mbox#r2@sointuenergia.fi']);
    expect(messages[0]!.text).toContain('From anna@gmail.com Mon Nov  2 08:15:12 2026\nSubject: lasku');
    // A Content-Length that is too short (or counted CRLF line ends the file no longer has) splits as usual, and cuts nothing.
    const wrong = mbox.replace(/Content-Length: \d+/, 'Content-Length: 20');
    const split = await readAll('cl.mbox', Readable.from([Buffer.from(wrong)]), { agents: expected.agents });
    expect(split.errors).toEqual([]);
    expect(split.stats.messages).toBe(4);
    const plain = 'Hei Anna,\n\nlasku on korjattu.\n\nTerveisin\nLaura\n';
    const crlfCounted = member('laura@sointuenergia.fi', 'r1@sointuenergia.fi', plain.replace(/\n$/, ''), [`Content-Length: ${Buffer.byteLength(plain) + plain.split('\n').length - 1}`]);
    const counted2 = await readAll('cl.mbox', Readable.from([Buffer.from(`${crlfCounted}\n${member('laura@sointuenergia.fi', 'r2@sointuenergia.fi', 'Hei!')}`)]));
    expect(counted2.errors).toEqual([]);
    expect(counted2.messages.map((m) => m.path)).toEqual(['cl.mbox#r1@sointuenergia.fi', 'cl.mbox#r2@sointuenergia.fi']);
  });

  describe('a truncated mbox: the last message is an input error, the others are linted', () => {
    const complete = member('anna@gmail.com', 'c1@gmail.com', 'Hei, miksi lasku nousi?') + '\n' + member('laura@sointuenergia.fi', 'r1@sointuenergia.fi', 'Hei Anna,\n\nlasku on korjattu.\n\nTerveisin\nLaura') + '\n';
    const cases: [string, string, Record<string, unknown>][] = [
      ['ends inside the headers', 'From laura@sointuenergia.fi Mon Nov  9 09:00:00 2026\nFrom: laura@sointuenergia.fi\nMessage-ID: <r2@sointuenergia.fi>\nSubject: Re: lask', { cut: 'headers' }],
      [
        'ends before its Content-Length',
        member('laura@sointuenergia.fi', 'r2@sointuenergia.fi', 'Hei Anna,\n\nhyvitys näkyy tililläsi perjan', ['Content-Length: 400']).replace(/\n$/, ''),
        { cut: 'content-length', length: 400 },
      ],
      [
        'ends in a MIME part with no closing boundary',
        member('laura@sointuenergia.fi', 'r2@sointuenergia.fi', '--b1\nContent-Type: text/plain; charset=utf-8\n\nHei Anna,\n\nhyvitys näkyy tililläsi perjan', ['MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b1']).replace(
          'Content-Type: text/plain; charset=utf-8\nMIME',
          'MIME',
        ),
        { boundary: 'b1' },
      ],
    ];
    for (const [what, last, detail] of cases) {
      it(what, async () => {
        const { messages, errors, stats } = await readAll('cut.mbox', Readable.from([Buffer.from(complete + last)]), { agents: expected.agents });
        expect(messages.map((m) => m.path)).toEqual(['cut.mbox#r1@sointuenergia.fi']);
        expect(errors).toMatchObject([{ path: 'cut.mbox#r2@sointuenergia.fi', code: 'truncated', detail }]);
        expect(stats).toMatchObject({ messages: 3, errors: 1 });
      });
    }

    it('a Content-Length that runs past the next envelope: the cut message is reported, the next one linted', async () => {
      const cut = member('laura@sointuenergia.fi', 'r2@sointuenergia.fi', 'Hei Anna,\n\nhyvitys näkyy tilil', ['Content-Length: 5000']);
      const next = member('laura@sointuenergia.fi', 'r3@sointuenergia.fi', 'Hei!\n\nToinen vastaus.\n\nLaura');
      const { messages, errors } = await readAll('cut.mbox', Readable.from([Buffer.from(`${complete}${cut}\n${next}`)]), { agents: expected.agents });
      expect(messages.map((m) => m.path)).toEqual(['cut.mbox#r1@sointuenergia.fi', 'cut.mbox#r3@sointuenergia.fi']);
      expect(errors).toMatchObject([{ path: 'cut.mbox#r2@sointuenergia.fi', code: 'truncated', detail: { cut: 'content-length', length: 5000 } }]);
    });
  });

  it('keeps no more of a message than the limit, and reports its real size', async () => {
    const big = member('laura@sointuenergia.fi', 'big@sointuenergia.fi', 'Hei Anna,\n\n' + 'liite rivi rivi rivi\n'.repeat(15_000));
    const mbox = Buffer.from(`${big}\n${member('laura@sointuenergia.fi', 'r1@sointuenergia.fi', 'Hei!')}`);
    const members = [];
    for await (const m of splitMbox(Readable.from([mbox]), 100_000)) members.push(m);
    expect(members).toHaveLength(2);
    expect(members[0]!.content.length).toBeLessThan(100_100);
    // The content without its envelope line and the blank line before the next one.
    expect(members[0]!.oversize).toBe(Buffer.byteLength(big.slice(big.indexOf('\n') + 1)) - 1);
    const { errors, messages } = await readAll('big.mbox', Readable.from([mbox]), { agents: expected.agents, maxBytes: 100_000 });
    expect(errors).toEqual([{ path: 'big.mbox#big@sointuenergia.fi', code: 'too-large', detail: { size: '0.3', limit: 100_000 / 1048576 } }]);
    expect(messages.map((m) => m.path)).toEqual(['big.mbox#r1@sointuenergia.fi']);
  });

  it('a bogus Content-Length holds no more than a message may be: the messages after it come out before the file ends', async () => {
    const bogus = member('laura@sointuenergia.fi', 'r0@sointuenergia.fi', 'Hei!', ['Content-Length: 999999999']);
    const rest = Array.from({ length: 400 }, (_, i) => member('laura@sointuenergia.fi', `r${i + 1}@sointuenergia.fi`, `Hei ${i}!`)).join('\n');
    const source = (async function* () {
      yield Buffer.from(`${bogus}\n${rest}`);
      throw new Error('read to the end: the Content-Length held the rest');
    })();
    const members = [];
    for await (const m of splitMbox(source, 10_000)) {
      members.push(m);
      if (members.length === 20) break;
    }
    expect(members[0]!.truncated).toMatchObject({ cut: 'content-length', length: 999999999 });
    expect(members[19]!.content.toString()).toContain('Hei 18!');
  });

  it('refuses a file that is not an mbox, and an empty one', async () => {
    const notMbox = await readAll('x.mbox', createReadStream(join(dir, 'qp-utf8.eml')));
    expect(notMbox.errors).toEqual([{ path: 'x.mbox', code: 'not-mbox' }]);
    const empty = await readAll('e.mbox', Readable.from([Buffer.alloc(0)]));
    expect(empty.errors).toEqual([{ path: 'e.mbox', code: 'empty' }]);
    const missing = await readAll('gone.mbox', createReadStream(join(dir, 'no-such.mbox')));
    expect(missing.errors).toMatchObject([{ path: 'gone.mbox', code: 'unreadable', detail: { reason: 'ENOENT' } }]);
  });

  it('without agents lints every message, each with the one it answers', async () => {
    const { messages } = await readAll('support.mbox', createReadStream(join(dir, 'support.mbox')));
    expect(messages).toHaveLength(9);
    const followUp = messages.find((m) => m.path.endsWith('#VI1PR07MB6323D2@VI1PR07MB6323.eurprd07.prod.outlook.com'));
    expect(followUp?.customer).toContain('Vastaan sinulle viimeistään torstaina');
  });

  it('skips a reply seen twice under one Message-ID', async () => {
    const text = readFileSync(join(dir, 'support.mbox'), 'latin1');
    const { messages, stats } = await readAll('twice.mbox', Readable.from([Buffer.from(text + text, 'latin1')]), { agents: expected.agents });
    expect(messages).toHaveLength(5 + 1); // the reply without a Message-ID cannot be recognised
    expect(stats.duplicates).toBe(4);
  });
});

describe('threads', () => {
  it('threads a folder of .eml files with one Threader', async () => {
    const threader = new Threader({ agents: expected.agents });
    const members = readFileSync(join(dir, 'support.mbox'), 'latin1')
      .split(/\n(?=From )/)
      .map((m) => Buffer.from(m.replace(/^From .*\n/, '').replace(/^>(>*From )/gm, '$1'), 'latin1'));
    const results = [];
    for (const [i, bytes] of members.entries()) results.push(await parseEml(`mail/${i + 1}.eml`, bytes, { threader }));
    expect(results.map((r) => r.skipped ?? (r.message?.customer ? 'paired' : 'reply'))).toEqual(['customer', 'paired', 'customer', 'paired', 'customer', 'paired', 'customer', 'paired', 'reply']);
  });


  it('matches agents by domain (and subdomain) or exact address', () => {
    const isAgent = agentMatcher(parseAgents('@yritys.fi, tuki@kumppani.fi;asiakaspalvelu.fi'));
    expect(isAgent('laura@yritys.fi')).toBe(true);
    expect(isAgent('Laura@Tuki.Yritys.fi')).toBe(true);
    expect(isAgent('laura@toinenyritys.fi')).toBe(false);
    expect(isAgent('tuki@kumppani.fi')).toBe(true);
    expect(isAgent('myynti@kumppani.fi')).toBe(false);
    expect(isAgent('a@asiakaspalvelu.fi')).toBe(true);
    expect(isAgent(undefined)).toBe(false);
  });

  it('keeps a bounded window of customer messages, the oldest dropped first', () => {
    const threader = new Threader({ agents: ['@yritys.fi'], maxCustomers: 100, maxCustomerChars: 5000 });
    const customer = (i: number): MailRecord => ({ messageId: `c${i}@gmail.com`, references: [], fromAddress: 'anna@gmail.com', text: `Hei, kysymys numero ${i}?`, fromHtml: false, attachments: [] });
    const reply = (i: number): MailRecord => ({ messageId: `r${i}@yritys.fi`, inReplyTo: `c${i}@gmail.com`, references: [`c${i}@gmail.com`], fromAddress: 'laura@yritys.fi', text: 'Hei Anna!', fromHtml: false, attachments: [] });
    for (let i = 0; i < 1000; i++) threader.accept(customer(i));
    expect(threader.window.entries).toBeLessThanOrEqual(100);
    expect(threader.window.chars).toBeLessThanOrEqual(5000);
    expect(threader.stats.evicted).toBe(1000 - threader.window.entries);
    expect(threader.accept(reply(999))).toEqual({ reply: true, customer: 'Hei, kysymys numero 999?' });
    expect(threader.accept(reply(1))).toEqual({ reply: true }); // out of the window: the quoted history is used
  });
});

describe('CSV', () => {
  for (const [name, want] of Object.entries(expected.csv)) {
    it(`${name}: mapping, sniffing, multi-line cells, bad rows`, async () => {
      const result = await readCsv(name, readFileSync(join(dir, name)), parseColumnMapping(want.columns));
      expect(result.delimiter).toBe(want.delimiter);
      expect(result.encoding).toBe(want.encoding);
      expect(result.messages.map((m) => m.path)).toEqual(want.messages.map((m) => m.path));
      result.messages.forEach((m, i) => check(m, want.messages[i]!, m.path));
      expect(result.errors).toHaveLength(want.errors.length);
      result.errors.forEach((e, i) => expect(e).toMatchObject(want.errors[i]!));
    });
  }

  it('parses a column mapping and refuses a bad one', () => {
    expect(parseColumnMapping('reply=Body,customer=Question,agent=Assignee,id=Ticket,date=Created')).toEqual({ reply: 'Body', customer: 'Question', agent: 'Assignee', id: 'Ticket', date: 'Created' });
    expect(parseColumnMapping('Reply = "Vastauksen teksti" , lang=Kieli')).toEqual({ reply: 'Vastauksen teksti', lang: 'Kieli' });
    expect(() => parseColumnMapping('customer=Question')).toThrow(ColumnMappingError);
    expect(() => parseColumnMapping('reply=Body,answer=X')).toThrow(/unknown field "answer"/);
    expect(() => parseColumnMapping('reply')).toThrow(ColumnMappingError);
    expect(() => parseColumnMapping('reply=A,reply=B')).toThrow(/twice/);
  });

  it('names a missing column and lists the ones there are', async () => {
    const result = await readCsv('e.csv', Buffer.from('Ticket,Body\n1,Hei\n'), parseColumnMapping('reply=Body,customer=Question'));
    expect(result.messages).toEqual([]);
    expect(result.errors).toEqual([{ path: 'e.csv', code: 'bad-column', detail: { column: 'Question', field: 'customer', columns: 'Ticket, Body' } }]);
  });

  it('matches headers case-insensitively and sniffs comma, tab and UTF-8 with a BOM', async () => {
    const comma = await readCsv('c.csv', Buffer.from('\ufeffTICKET,body,Agent\n7,"Hej Anna,\nvi har skickat paketet.",Erik\n'), parseColumnMapping('reply=Body,id=Ticket,agent=agent'));
    expect(comma.encoding).toBe('utf-8-bom');
    expect(comma.delimiter).toBe(',');
    expect(comma.messages).toMatchObject([{ path: 'c.csv#7', text: 'Hej Anna,\nvi har skickat paketet.', meta: { agent: 'Erik', id: '7', row: 2 } }]);
    const tab = await readCsv('t.tsv', Buffer.from('id\treply\n1\tHei!\n'));
    expect(tab.delimiter).toBe('\t');
    expect(tab.messages).toMatchObject([{ path: 't.tsv#1', text: 'Hei!' }]);
    expect(sniffDelimiter('"a;b",c,d\n')).toBe(',');
  });

  it("reads Excel's sep= line, UTF-16, repeated ids, HTML cells and Windows-1252 € “ ” –", async () => {
    const excel = await readCsv('x.csv', iconv.encode('sep=;\r\nTicket;Body\r\n5;"Hinta on 5 € – “edullinen”"\r\n5;"<p>Hei&nbsp;Matti,</p><p>kiitos!</p>"\r\n', 'windows-1252'));
    expect(excel.encoding).toBe('windows-1252');
    expect(excel.messages.map((m) => [m.path, m.text])).toEqual([
      ['x.csv#5', 'Hinta on 5 € – “edullinen”'],
      ['x.csv#5@3', 'Hei Matti,\n\nkiitos!'],
    ]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('reply\tlang\r\nHej då!\tsv-FI\r\n', 'utf16le')]);
    expect((await readCsv('u.csv', utf16)).messages).toMatchObject([{ path: 'u.csv#2', text: 'Hej då!', lang: 'sv' }]);
  });

  it('reports an unclosed quote and reads the rows after it', async () => {
    const result = await readCsv('q.csv', Buffer.from('id;reply\n1;Hei\n2;"Hei, rikki\n3;Moi\n'));
    expect(result.messages.map((m) => m.path)).toEqual(['q.csv#1', 'q.csv#3']);
    expect(result.errors).toEqual([{ path: 'q.csv:3', code: 'bad-quote', detail: { row: 3, line: 3 } }]);
  });

  it('decodes by sniffing and normalises dates', () => {
    expect(decodeSniffed(Buffer.from('ä', 'latin1'))).toEqual({ text: 'ä', encoding: 'windows-1252' });
    expect(normalizeDate('3.11.2026 9.12')).toBe('2026-11-03T09:12');
    expect(normalizeDate('2026-11-03 09:12:00')).toBe('2026-11-03T09:12:00');
    expect(normalizeDate('eilen')).toBe('eilen');
  });
});

describe('memory', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'aspalint-mbox-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /**
   * RSS alone does not tell streaming from holding: V8 grows its heap lazily,
   * so RSS climbs by tens of MB either way. Live memory after a forced GC
   * (heap in use plus buffers) does: reading this file whole keeps it ~36 MB
   * above the baseline for the whole run, streaming ~4 MB.
   */
  it('stays flat while streaming a generated ~30 MB mbox', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const live = () => {
      gc();
      const m = process.memoryUsage();
      return (m.heapUsed + m.arrayBuffers) / 1048576;
    };
    const path = join(tmp, 'archive.mbox');
    // Messages with ~48 KB attachments: 30 MB in about 800 messages keeps the test fast.
    const stamp = generateMbox(path, 30 * 1024 * 1024, 7, { attachmentShare: 0.6, attachmentBytes: 48 * 1024 });
    expect(stamp.bytes).toBeGreaterThan(30 * 1024 * 1024);
    const base = live();
    const rssBefore = process.memoryUsage.rss();
    let rssPeak = rssBefore;
    const marks: number[] = [];
    let nextMark = 1;
    const stats = {} as MboxStats;
    let replies = 0;
    const onProgress = (p: { bytes: number }) => {
      rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
      if (p.bytes >= (stamp.bytes * nextMark) / 6) {
        marks.push(live() - base);
        nextMark++;
      }
    };
    for await (const item of readMbox(path, createReadStream(path), { agents: ['@yritys.fi', 'tuki@kumppani.fi'], stats, onProgress })) {
      if ('message' in item) replies++;
      else throw new Error(`${item.error.path}: ${item.error.code}`);
    }
    const after = live() - base;
    expect(replies).toBe(stamp.replies);
    expect(stats.paired).toBe(stamp.answered);
    expect(marks.length).toBeGreaterThanOrEqual(4);
    const median = [...marks].sort((a, b) => a - b)[Math.floor(marks.length / 2)]!;
    expect(median, `live MB above baseline at each sixth: ${marks.map((m) => m.toFixed(1)).join(' ')}`).toBeLessThan(15);
    expect(after, 'live MB kept after reading').toBeLessThan(10);
    // A loose cap on RSS too (V8 heap growth plus mailparser's buffers; holding the archive and its decoded parts would pass it).
    expect((rssPeak - rssBefore) / 1048576).toBeLessThan(250);
  }, 30_000);
});
