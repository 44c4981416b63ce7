import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText, isMacroCollectionPath, readMacroCollection, toSourceFix, type MacroMessage } from '../src/input/macros.js';

const root = join(import.meta.dirname, '..');

/** The character of `source` at a line and column (1-based, UTF-16). */
function charAt(source: string, line: number, column: number): string {
  return source.split('\n')[line - 1]![column - 1] ?? '';
}

/** Every character of the body that is not made by folding or an escape sits at its located position. */
function expectExact(source: string, m: MacroMessage, escapes = /[\\]/): void {
  for (let i = 0; i < m.text.length; i++) {
    const { line, column } = m.locate(i);
    const at = charAt(source, line, column);
    if (at === m.text[i]) continue;
    // A line break of the body maps to the break ("" past the line's end); an escape maps to its backslash.
    if (m.text[i] === '\n' || m.text[i] === ' ') expect(at === '' || at === '\r' || escapes.test(at), `char ${i}`).toBe(true);
    else expect(at, `char ${i} ${JSON.stringify(m.text[i])}`).toMatch(escapes);
  }
}

const YAML_SOURCE = `# Vastauspohjat
replies:
  - title: Toimitus myöhässä
    body: |
      Hei {{ticket.requester.first_name}},

      pahoittelen, että paketti on myöhässä.  Se lähtee tänään.

      Terveisin
      {{current_user.first_name}}
  - name: Taittuva
    text: >-
      Hei Anna, tämä
      rivi jatkuu.

      Uusi kappale.
  - title: "Lainattu"
    content: "Hei\\n\\u00e4iti \\"Maija\\"\\tja \\U0001F600 loppu."
  - title: Pelkkä
    body: Hei Anna, tämä
      jatkuu pelkkänä.
  - title: 'Yksinkertainen'
    body: 'Hei Anna, it''s ok.'
  - title: Ilman runkoa
    tags: [a, b]
  - title: Toimitus myöhässä
    body: |2-
        Toinen samanniminen.
`;

describe('readMacroCollection: YAML', () => {
  const { messages, errors } = readMacroCollection('pohjat.yaml', YAML_SOURCE);

  it('reads every reply, names it after its title and reports an item without a body', () => {
    expect(messages.map((m) => m.path)).toEqual([
      'pohjat.yaml#Toimitus myöhässä',
      'pohjat.yaml#Taittuva',
      'pohjat.yaml#Lainattu',
      'pohjat.yaml#Pelkkä',
      'pohjat.yaml#Yksinkertainen',
      'pohjat.yaml#Toimitus myöhässä (2)',
    ]);
    expect(errors).toEqual([{ path: 'pohjat.yaml#Ilman runkoa', code: 'bad-record', detail: { field: 'body' } }]);
    expect(messages.every((m) => m.template === true)).toBe(true);
  });

  it('gives the scalars’ values as the parser does', () => {
    expect(messages[0]!.text).toBe('Hei {{ticket.requester.first_name}},\n\npahoittelen, että paketti on myöhässä.  Se lähtee tänään.\n\nTerveisin\n{{current_user.first_name}}\n');
    expect(messages[1]!.text).toBe('Hei Anna, tämä rivi jatkuu.\nUusi kappale.');
    expect(messages[2]!.text).toBe('Hei\näiti "Maija"\tja 😀 loppu.');
    expect(messages[3]!.text).toBe('Hei Anna, tämä jatkuu pelkkänä.');
    expect(messages[4]!.text).toBe("Hei Anna, it's ok.");
    expect(messages[5]!.text).toBe('  Toinen samanniminen.');
  });

  it('locates a literal block scalar exactly', () => {
    const m = messages[0]!;
    expect(m.mapping).toBe('exact');
    expectExact(YAML_SOURCE, m);
    const at = m.text.indexOf('  Se lähtee');
    expect(m.locate(at)).toEqual({ line: 7, column: 6 + 'pahoittelen, että paketti on myöhässä.'.length + 1 });
    expect(m.locate(0)).toEqual({ line: 5, column: 7 });
  });

  it('locates a folded block scalar, its folded breaks at the line break', () => {
    const m = messages[1]!;
    expect(m.mapping).toBe('exact');
    expectExact(YAML_SOURCE, m);
    expect(m.locate(m.text.indexOf('rivi'))).toEqual({ line: 14, column: 7 });
    expect(m.locate(m.text.indexOf('Uusi'))).toEqual({ line: 16, column: 7 });
  });

  it('locates double-quoted escapes at their backslash, and what follows exactly', () => {
    const m = messages[2]!;
    expectExact(YAML_SOURCE, m);
    const line = 18;
    const col = (s: string) => YAML_SOURCE.split('\n')[line - 1]!.indexOf(s) + 1;
    expect(m.locate(m.text.indexOf('ä'))).toEqual({ line, column: col('\\u00e4') });
    expect(m.locate(m.text.indexOf('iti'))).toEqual({ line, column: col('iti') });
    expect(m.locate(m.text.indexOf('Maija'))).toEqual({ line, column: col('Maija') });
    // Both halves of a surrogate pair map to the \U escape.
    const smile = m.text.indexOf('😀');
    expect(m.locate(smile)).toEqual({ line, column: col('\\U0001F600') });
    expect(m.locate(smile + 1)).toEqual({ line, column: col('\\U0001F600') });
    expect(m.locate(smile + 2)).toEqual({ line, column: col('\\U0001F600') + 10 });
  });

  it('locates plain multi-line and single-quoted scalars', () => {
    expectExact(YAML_SOURCE, messages[3]!);
    expect(messages[3]!.locate(messages[3]!.text.indexOf('jatkuu'))).toEqual({ line: 21, column: 7 });
    expectExact(YAML_SOURCE, messages[4]!, /'/);
  });

  it('handles an explicit indentation indicator', () => {
    expectExact(YAML_SOURCE, messages[5]!);
    expect(messages[5]!.locate(2)).toEqual({ line: 28, column: 9 });
  });

  it('locates exactly with CRLF line ends', () => {
    const crlf = YAML_SOURCE.replace(/\n/g, '\r\n');
    const again = readMacroCollection('pohjat.yaml', crlf).messages;
    expect(again.map((m) => m.text)).toEqual(messages.map((m) => m.text));
    for (const [i, m] of again.entries()) {
      for (let k = 0; k < m.text.length; k++) expect(m.locate(k), `${i}:${k}`).toEqual(messages[i]!.locate(k));
    }
  });

  it('reads a map of replies, by title', () => {
    const src = 'Kiitos palautteesta: |\n  Hei Anna,\n  kiitos.\nPalautus:\n  body: Hei, palautus on tehty.\n';
    const { messages: ms, errors: es } = readMacroCollection('map.yml', src);
    expect(es).toEqual([]);
    expect(ms.map((m) => [m.path, m.text])).toEqual([
      ['map.yml#Kiitos palautteesta', 'Hei Anna,\nkiitos.\n'],
      ['map.yml#Palautus', 'Hei, palautus on tehty.'],
    ]);
    expect(ms[1]!.locate(5)).toEqual({ line: 5, column: 14 });
  });

  it('follows configured key paths', () => {
    const src = 'export:\n  version: 2\n  snippets:\n    - meta: { label: Tervehdys }\n      payload:\n        plain: Hei!\n';
    const { messages: ms, errors: es } = readMacroCollection('custom.yaml', src, { list: 'export.snippets', title: 'meta.label', body: 'payload.plain' });
    expect(es).toEqual([]);
    expect(ms.map((m) => [m.path, m.text])).toEqual([['custom.yaml#Tervehdys', 'Hei!']]);
    expect(readMacroCollection('custom.yaml', src, { list: 'export.missing' }).errors).toEqual([{ path: 'custom.yaml', code: 'no-collection', detail: { list: 'export.missing' } }]);
  });

  it('reports a YAML syntax error with its line', () => {
    const { messages: ms, errors: es } = readMacroCollection('rikki.yaml', 'replies:\n  - title: A\n    body: "avoin\n  - title: B\n');
    expect(ms).toEqual([]);
    expect(es).toHaveLength(1);
    expect(es[0]!.code).toBe('bad-yaml');
    expect(es[0]!.path).toMatch(/^rikki\.yaml:\d+$/);
  });

  it('reports a file that is not a collection', () => {
    expect(readMacroCollection('x.yaml', 'just a string\n').errors).toEqual([{ path: 'x.yaml', code: 'no-collection', detail: { list: '' } }]);
    expect(readMacroCollection('x.yaml', 'replies: []\n').errors).toEqual([{ path: 'x.yaml', code: 'empty' }]);
  });
});

describe('readMacroCollection: helpdesk exports (JSON)', () => {
  const zendesk = JSON.stringify(
    {
      macros: [
        {
          id: 360001,
          title: 'Palautus::Hyvitys tehty',
          actions: [
            { field: 'status', value: 'solved' },
            { field: 'comment_value', value: 'Hei {{ticket.requester.first_name}},\n\nhyvitys 12.50 € on tehty. "Kiitos" – ä\u00e4.\n\nTerveisin\n{{current_user.first_name}}' },
          ],
        },
        { id: 360002, title: 'Vain tagit', actions: [{ field: 'set_tags', value: 'vip' }] },
        { id: 360003, title: 'Kanava', actions: [{ field: 'comment_value', value: ['channel:all', 'Hej!\nTack för ditt meddelande.'] }] },
        {
          id: 360004,
          title: 'HTML',
          actions: [{ field: 'comment_value_html', value: '<p>Hei {{ticket.requester.first_name}},</p><p>kiitos &amp; n&auml;kemiin.<br>Terveisin<br>Laura</p>' }],
        },
      ],
      count: 4,
    },
    null,
    2,
  );

  it('reads Zendesk macros: the comment action is the reply, a macro without one is skipped', () => {
    const { messages, errors } = readMacroCollection('zendesk.json', zendesk);
    expect(errors).toEqual([]);
    expect(messages.map((m) => m.path)).toEqual(['zendesk.json#Palautus::Hyvitys tehty', 'zendesk.json#Kanava', 'zendesk.json#HTML']);
    expect(messages[0]!.meta).toEqual({ id: '360001' });
    expect(messages[1]!.text).toBe('Hej!\nTack för ditt meddelande.');
    expect(messages[2]!.text).toBe('Hei {{ticket.requester.first_name}},\n\nkiitos & näkemiin.\nTerveisin\nLaura');
    expect(messages[2]!.mapping).toBe('html');
  });

  it('locates JSON strings exactly, escapes at their backslash', () => {
    const { messages } = readMacroCollection('zendesk.json', zendesk);
    const m = messages[0]!;
    expect(m.mapping).toBe('exact');
    expectExact(zendesk, m);
    const line = zendesk.split('\n').findIndex((l) => l.includes('comment_value')) + 2;
    const at = m.text.indexOf('12.50');
    expect(m.locate(at)).toEqual({ line, column: zendesk.split('\n')[line - 1]!.indexOf('12.50') + 1 });
    expect(charAt(zendesk, m.locate(m.text.indexOf('"Kiitos"')).line, m.locate(m.text.indexOf('"Kiitos"')).column)).toBe('\\');
  });

  it('locates HTML text in the HTML it came from', () => {
    const { messages } = readMacroCollection('zendesk.json', zendesk);
    const m = messages[2]!;
    const pos = m.locate(m.text.indexOf('näkemiin'));
    expect(zendesk.split('\n')[pos.line - 1]!.slice(pos.column - 1)).toMatch(/^n&auml;kemiin/);
    const amp = m.locate(m.text.indexOf('&'));
    expect(zendesk.split('\n')[amp.line - 1]!.slice(amp.column - 1)).toMatch(/^&amp;/);
  });

  it('reads Freshdesk canned responses, HTML reduced to text, folders opened', () => {
    const freshdesk = JSON.stringify([
      { id: 7, name: 'Toimitus', canned_responses: [{ id: 70, title: 'Seurantakoodi', content_html: '<div>Hej Anna!</div><div><br></div><div>Här är din spårningskod: <b>JJFI123</b>.</div><ul><li>PostNord</li><li>Budbee</li></ul>' }] },
      { id: 8, title: 'Aukioloajat', content_html: '<p>Hei!</p>\n<p>Palvelemme arkisin 8&ndash;16.</p>' },
    ]);
    const { messages, errors } = readMacroCollection('freshdesk.json', freshdesk);
    expect(errors).toEqual([]);
    expect(messages.map((m) => [m.path, m.text])).toEqual([
      ['freshdesk.json#Toimitus/Seurantakoodi', 'Hej Anna!\n\nHär är din spårningskod: JJFI123.\n\n- PostNord\n- Budbee'],
      ['freshdesk.json#Aukioloajat', 'Hei!\n\nPalvelemme arkisin 8–16.'],
    ]);
  });

  it('reads a single reply object', () => {
    const { messages } = readMacroCollection('one.json', '{"title": "Yksi", "content_html": "<p>Hei Anna</p>", "folder_id": 3}');
    expect(messages.map((m) => [m.path, m.text])).toEqual([['one.json#Yksi', 'Hei Anna']]);
  });

  it('reports invalid JSON with its line', () => {
    const { errors } = readMacroCollection('rikki.json', '{\n  "macros": [\n    {"title": "A",}\n  ]\n}');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('bad-json');
    expect(errors[0]!.path).toBe('rikki.json:3');
  });

  it('carries a fix back into a JSON string, escaped', () => {
    const { messages } = readMacroCollection('zendesk.json', zendesk);
    const m = messages[0]!;
    const offset = m.text.indexOf('12.50 €');
    const fix = toSourceFix(m, { offset, length: 7, text: '12,50 €' })!;
    expect(zendesk.slice(fix.offset, fix.offset + fix.length)).toBe('12.50 €');
    const quote = m.text.indexOf('"Kiitos"');
    const fix2 = toSourceFix(m, { offset: quote, length: 8, text: '”Kiitos”\n' })!;
    expect(zendesk.slice(fix2.offset, fix2.offset + fix2.length)).toBe('\\"Kiitos\\"');
    expect(fix2.text).toBe('”Kiitos”\\n');
    // HTML bodies are not fixed in place.
    expect(toSourceFix(messages[2]!, { offset: 0, length: 3, text: 'Moi' })).toBeNull();
  });
});

describe('htmlToText', () => {
  it('collapses white space, breaks blocks and decodes entities', () => {
    const { text, map } = htmlToText('<p>Hei   Anna,\n  kiitos&nbsp;viestistä!</p><p>Terveisin<br/>Laura&#x20AC;&#8364;</p><script>x()</script>');
    expect(text).toBe('Hei Anna, kiitos\u00a0viestistä!\n\nTerveisin\nLaura€€');
    expect(map).toHaveLength(text.length + 1);
  });
});

describe('isMacroCollectionPath', () => {
  it('knows YAML and JSON, not JSON Lines', () => {
    expect(['a.yaml', 'b.yml', 'c.json', 'd.JSON', 'e.json#x'].map(isMacroCollectionPath)).toEqual([true, true, true, true, true]);
    expect(['a.jsonl', 'b.txt', 'c.hbs'].map(isMacroCollectionPath)).toEqual([false, false, false]);
  });
});

describe('the template repository’s macro file', () => {
  it('reads with the configured key paths', () => {
    const path = join(root, 'fixtures/template-repo/macros/makrot.yaml');
    const source = readFileSync(path, 'utf8');
    const { messages, errors } = readMacroCollection('macros/makrot.yaml', source, { list: 'macros', title: 'title', body: 'body' });
    expect(errors).toEqual([]);
    expect(messages.map((m) => m.path)).toEqual(['macros/makrot.yaml#Toimitus::Paketti noudettavissa', 'macros/makrot.yaml#Leverans::Paketet kan hämtas', 'macros/makrot.yaml#Laskutus::Hyvitys tehty']);
    for (const m of messages) expectExact(source, m);
  });
});
