import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { toString } from 'nlcst-to-string';
import type { Nodes, Root } from 'nlcst';
import retextLatin from 'retext-latin';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import latinLite, { ABBREVIATIONS, parseLatinLite } from '../src/text/parse-lite.js';

const root = join(import.meta.dirname, '..');
const fixtures = fg.sync('fixtures/**/*.txt', { cwd: root }).sort();
const texts = fixtures.map((file) => [file, readFileSync(join(root, file), 'utf8')] as const);
const retext = unified().use(retextLatin).freeze();
const lite = unified().use(latinLite).freeze();

function walk(node: Nodes, visit: (node: Nodes, parent: Nodes | null) => void, parent: Nodes | null = null): void {
  visit(node, parent);
  if ('children' in node) for (const child of node.children) walk(child, visit, node);
}

function nodesOf(tree: Root, type: Nodes['type']): Nodes[] {
  const found: Nodes[] = [];
  walk(tree, (node) => {
    if (node.type === type) found.push(node);
  });
  return found;
}

const words = (text: string) => nodesOf(parseLatinLite(text), 'WordNode').map((n) => toString(n));
const sentences = (text: string) => nodesOf(parseLatinLite(text), 'SentenceNode').map((n) => toString(n));
const paragraphs = (text: string) => nodesOf(parseLatinLite(text), 'ParagraphNode').map((n) => toString(n));

/** Line and column (1-based) of each offset, counting "\r\n", "\r" and "\n" as line breaks. */
function lineColumns(text: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    out.push({ line, column: i - lineStart + 1 });
    const c = text[i];
    if (c === '\r' || (c === '\n' && text[i - 1] !== '\r')) line++;
    if (c === '\r' || c === '\n') lineStart = i + 1;
  }
  return out;
}

/**
 * Problems with a tree: the text must round-trip, every node's offsets slice
 * its text, its lines and columns agree with the offsets, and children tile
 * their parent; words hold only text, punctuation and symbols.
 */
function positionProblems(text: string, tree: Root): string[] {
  const problems: string[] = [];
  if (toString(tree) !== text) problems.push('round trip');
  const points = lineColumns(text);
  walk(tree, (node, parent) => {
    const where = `${node.type} ${JSON.stringify(toString(node).slice(0, 30))}`;
    if (!node.position) {
      if (!(node.type === 'RootNode' && text === '')) problems.push(`${where}: no position`);
      return;
    }
    const { start, end } = node.position;
    if (text.slice(start.offset, end.offset) !== toString(node)) problems.push(`${where}: offsets ${start.offset}-${end.offset}`);
    for (const point of [start, end]) {
      const expected = points[point.offset!]!;
      if (point.line !== expected.line || point.column !== expected.column) problems.push(`${where}: ${point.line}:${point.column} at ${point.offset}, expected ${expected.line}:${expected.column}`);
    }
    if ('children' in node) {
      if (node.children.length === 0) problems.push(`${where}: no children`);
      let at = start.offset!;
      for (const child of node.children) {
        if (child.position!.start.offset !== at) problems.push(`${where}: gap or overlap at ${at}`);
        at = child.position!.end.offset!;
      }
      if (at !== end.offset) problems.push(`${where}: children end at ${at}`);
    }
    if (parent?.type === 'WordNode' && !['TextNode', 'PunctuationNode', 'SymbolNode'].includes(node.type)) problems.push(`${where}: in a word`);
  });
  return problems;
}

function checkPositions(text: string, tree: Root): void {
  expect(positionProblems(text, tree)).toEqual([]);
}

describe('parse-lite: round trip and positions', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(100);
  });

  it.each(texts)('%s', (_file, text) => {
    checkPositions(text, parseLatinLite(text));
    // CRLF line ends, no final line end, tabs and no-break spaces.
    for (const variant of [text.replace(/\n/g, '\r\n'), text.trimEnd(), text.replace(/ /g, '\t'), text.replace(/ /g, '\u00a0'), text.replace(/\n/g, '\r')]) {
      checkPositions(variant, parseLatinLite(variant));
    }
  });

  it.each([
    ['empty', ''],
    ['white space only', ' \n\t\u00a0\r\n'],
    ['leading and trailing white space', '\n\n  Hei!  \n\n'],
    ['CRLF paragraphs', 'Hei!\r\n\r\nKiitos viestistä.\r\nTerveisin\r\nMatti'],
    ['lone CR', 'Hei!\r\rKiitos.\rMatti'],
    ['emoji with skin tones and joiners', 'Kiitos 👍🏽👍🏿! 👨‍👩‍👧 ❤️ ✔️Valmis 1️⃣ 🇫🇮'],
    ['lone surrogates', 'a\ud83d b \ude0a c'],
    ['no-break spaces and tabs', 'Hinta\u00a012,50\u00a0€.\tKiitos!\u202fHei'],
    ['no final line end', 'Ystävällisin terveisin\nMatti'],
    ['whitespace-only line between paragraphs', 'Hei!\n \t\u00a0\nMoi.'],
    ['punctuation only', '!!! ... ??? --- :)'],
  ])('%s', (_name, text) => {
    checkPositions(text, parseLatinLite(text));
  });

  it('is a unified parser plugin', () => {
    const text = 'Hei Anna!\n\nKiitos viestistä. Palaamme asiaan klo 14.30.\n';
    expect(lite.parse(text)).toEqual(parseLatinLite(text));
    expect(lite.parse(text).type).toBe('RootNode');
  });

  it('runs in linear time on long and pathological texts', () => {
    const unit = 'a. a. b. esim. ko. 1. 2. Kiitos.Tilaus-a-b-c.d.e.f www.x.fi/a/b km/h &x sähkö- 😊👍🏽 !!! ... ?! … \n';
    const texts = [unit.repeat(2000), 'a.'.repeat(100_000), '-.'.repeat(100_000), 'x' + '._'.repeat(100_000), 'a. '.repeat(100_000), 'V.\n\n-\n\n'.repeat(20_000)];
    for (const text of texts) {
      const started = performance.now();
      const tree = parseLatinLite(text);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(toString(tree)).toBe(text);
    }
  });
});

describe('parse-lite: tokens', () => {
  it('keeps web and e-mail addresses, compounds and inflected abbreviations as one word', () => {
    expect(words('Katso www.elisa.fi tai kirjoita anna@x.fi: sähköposti-osoite, EU:n ja X:n ohje.')).toEqual(['Katso', 'www.elisa.fi', 'tai', 'kirjoita', 'anna@x.fi', 'sähköposti-osoite', 'EU:n', 'ja', 'X:n', 'ohje']);
    // As retext: "/" joins only short words ("km/h"); "https" ":" "//" stay apart.
    expect(words('https://www.elisa.fi/ohjeet?id=5 km/h ja/tai')).toEqual(['https', 'www.elisa.fi', 'ohjeet?id=5', 'km/h', 'ja', 'tai']);
  });

  it('keeps "kiitos.Tilaus" (missing space) as one word in one sentence', () => {
    expect(words('Kiitos.Tilaus on lähetetty.')).toEqual(['Kiitos.Tilaus', 'on', 'lähetetty']);
    expect(sentences('Kiitos.Tilaus on lähetetty.')).toEqual(['Kiitos.Tilaus on lähetetty.']);
  });

  it('reads times, dates and decimals as retext does', () => {
    expect(words('klo 14.30, 26.9.2026 ja 12,50 €')).toEqual(['klo', '14.30', '26.9.2026', 'ja', '12', '50']);
    const tree = parseLatinLite('12,50 €');
    expect(nodesOf(tree, 'PunctuationNode').map((n) => toString(n))).toEqual([',']);
    expect(nodesOf(tree, 'SymbolNode').map((n) => toString(n))).toEqual(['€']);
  });

  it('reads emoji, €, %, +, =, <, > as symbols', () => {
    const tree = parseLatinLite('Kiitos 👍🏽 ❤️ 😊😊 5 % +358 a=b <x> 10 €');
    expect(nodesOf(tree, 'SymbolNode').map((n) => toString(n))).toEqual(['👍🏽', '❤️', '😊😊', '%', '+', '=', '<', '>', '€']);
    // "=" joins its words ("a=b"), as "@" does.
    expect(words('a=b')).toEqual(['a=b']);
  });

  it('gives words text, punctuation and symbol children', () => {
    const [word] = nodesOf(parseLatinLite('anna@x.fi'), 'WordNode');
    expect(word).toMatchObject({ type: 'WordNode', children: [{ type: 'TextNode', value: 'anna' }, { type: 'SymbolNode', value: '@' }, { type: 'TextNode', value: 'x' }, { type: 'PunctuationNode', value: '.' }, { type: 'TextNode', value: 'fi' }] });
  });

  it('keeps runs of the same mark together', () => {
    const tree = parseLatinLite('Kiitos!!! Mitä?! Hetkinen... Selvä…');
    expect(nodesOf(tree, 'PunctuationNode').map((n) => toString(n))).toEqual(['!!!', '?', '!', '...', '…']);
  });

  it('joins a hyphen ending a word ("sähkö- ja vesimaksut")', () => {
    expect(words('sähkö- ja vesimaksut')).toEqual(['sähkö-', 'ja', 'vesimaksut']);
  });
});

describe('parse-lite: sentences and paragraphs', () => {
  it('splits paragraphs at blank lines, keeping the white space between them in the root', () => {
    const text = 'Hei Anna,\n\nkiitos viestistä.\nTerveisin\nMatti\r\n \r\nP.S. Muista!';
    expect(paragraphs(text)).toEqual(['Hei Anna,', 'kiitos viestistä.\nTerveisin\nMatti', 'P.S. Muista!']);
    expect(parseLatinLite(text).children.map((n) => n.type)).toEqual(['ParagraphNode', 'WhiteSpaceNode', 'ParagraphNode', 'WhiteSpaceNode', 'ParagraphNode']);
  });

  it('ends sentences at . ! ? … before a capital, a digit, a quote or a bracket', () => {
    expect(sentences('Kiitos viestistä. Tilaus on lähetetty! Tuliko se? 3 pakettia on matkalla… "Hyvä." (Kiitos.)')).toEqual([
      'Kiitos viestistä.',
      'Tilaus on lähetetty!',
      'Tuliko se?',
      '3 pakettia on matkalla…',
      '"Hyvä."',
      '(Kiitos.)',
    ]);
  });

  it('goes on before a lower-case letter, a comma or a semicolon', () => {
    expect(sentences('Odota... tarkistan asian. Eräpäivä siirtyy 11.3., joten kaikki hyvin.')).toEqual(['Odota... tarkistan asian.', 'Eräpäivä siirtyy 11.3., joten kaikki hyvin.']);
    expect(words('Eräpäivä siirtyy 11.3., joten')).toContain('11.3.');
  });

  it('keeps runs of marks and closing quotes with their sentence', () => {
    expect(sentences('Kiitos!!! Nähdään. Mitä?! Ei voi olla. Valitse "Tilaukset." Sitten ”Peru”.')).toEqual([
      'Kiitos!!!',
      'Nähdään.',
      'Mitä?!',
      'Ei voi olla.',
      'Valitse "Tilaukset."',
      'Sitten ”Peru”.',
    ]);
    expect(sentences('Hetkinen… Tarkistan asian.')).toEqual(['Hetkinen…', 'Tarkistan asian.']);
  });

  it('goes on after Finnish abbreviations, which keep their full stop', () => {
    expect(sentences('Soita esim. Matille. Palvelemme ko. asiassa klo 9–16. Puh. 040 123 4567.')).toEqual(['Soita esim. Matille.', 'Palvelemme ko. asiassa klo 9–16.', 'Puh. 040 123 4567.']);
    expect(words('Soita esim. Matille ko. asiassa, ks. ohje, vrt. Huom. Tämä')).toEqual(['Soita', 'esim.', 'Matille', 'ko.', 'asiassa', 'ks.', 'ohje', 'vrt.', 'Huom.', 'Tämä']);
    expect(sentences('Hinta on n. 5 € ja s. 12 kertoo lisää.')).toHaveLength(1);
  });

  it('goes on after Swedish and English abbreviations', () => {
    expect(sentences('Ta med t.ex. ID-kort. Vi finns bl.a. i Stockholm. Ring kl. 14.30 eller tel. 08-123 45 67. Tack!')).toEqual([
      'Ta med t.ex. ID-kort.',
      'Vi finns bl.a. i Stockholm.',
      'Ring kl. 14.30 eller tel. 08-123 45 67.',
      'Tack!',
    ]);
    expect(words('t.ex. bl.a. kl. m.m. o.s.v. s.k. e.g. i.e.')).toEqual(['t.ex.', 'bl.a.', 'kl.', 'm.m.', 'o.s.v.', 's.k.', 'e.g.', 'i.e.']);
    expect(sentences('Mr. Smith and Dr. Jones met Mrs. Brown. Thanks!')).toEqual(['Mr. Smith and Dr. Jones met Mrs. Brown.', 'Thanks!']);
  });

  it('ends a sentence after a list-ending abbreviation before a capital', () => {
    expect(sentences('Lähetä kuitit jne. Käsittelemme ne pian. Kuitit jne. lähetetään.')).toEqual(['Lähetä kuitit jne.', 'Käsittelemme ne pian.', 'Kuitit jne. lähetetään.']);
    expect(sentences('Vi behöver kvitton osv. Tack!')).toEqual(['Vi behöver kvitton osv.', 'Tack!']);
  });

  it('goes on after an initial', () => {
    expect(sentences('Terveisin A. Virtanen ja Matti V. Korhonen.')).toHaveLength(1);
    expect(words('A. Virtanen')).toEqual(['A.', 'Virtanen']);
  });

  it('does not end sentences inside numbers, but after a number that ends one', () => {
    expect(sentences('Tule klo 14.30 tai 26.9.2026. Hinta on 12,50 €.')).toEqual(['Tule klo 14.30 tai 26.9.2026.', 'Hinta on 12,50 €.']);
    expect(sentences('Asentaja tulee klo 10–16. Asentaja soittaa. Saat paketin viikolla 41. Kiitos!')).toEqual([
      'Asentaja tulee klo 10–16.',
      'Asentaja soittaa.',
      'Saat paketin viikolla 41.',
      'Kiitos!',
    ]);
    expect(words('viikolla 41. Kiitos')).toEqual(['viikolla', '41', 'Kiitos']);
    expect(sentences('Tauko on 1.10.–30.11., eli kaksi kuukautta.')).toHaveLength(1);
    expect(sentences('Bromsbeläggen är 3 mm. De behöver bytas.')).toEqual(['Bromsbeläggen är 3 mm.', 'De behöver bytas.']);
  });

  it('reads numbered lists and "-" bullets', () => {
    expect(sentences('Toimi näin:\n1. Kirjaudu sisään.\n2. Valitse tilaus.')).toEqual(['Toimi näin:\n1. Kirjaudu sisään.', '2. Valitse tilaus.']);
    expect(words('1. Kirjaudu')).toEqual(['1.', 'Kirjaudu']);
    expect(sentences('Tarvitsemme:\n- kuitin\n- tilausnumeron\n\nKiitos!')).toEqual(['Tarvitsemme:\n- kuitin\n- tilausnumeron', 'Kiitos!']);
    expect(sentences('Tarkista:\n- Kuitti on liitteenä.\n- Tilausnumero on oikein.')).toEqual(['Tarkista:\n- Kuitti on liitteenä.', '- Tilausnumero on oikein.']);
  });

  it('keeps emoji after a sentence end with that sentence', () => {
    expect(sentences('Kiitos! 😊 Hyvää päivää! 👋👋')).toEqual(['Kiitos! 😊', 'Hyvää päivää! 👋👋']);
    expect(sentences('moi! 😊 koska se tulee?')).toEqual(['moi! 😊', 'koska se tulee?']);
    expect(sentences('Valmis. ✔️Seuraava vaihe.')).toEqual(['Valmis.', '✔️Seuraava vaihe.']);
  });

  it('reads signatures', () => {
    const text = 'Kiitos yhteydenotosta.\n\nYstävällisin terveisin\nMatti V.\nAsiakaspalvelu, Aurora Air\npuh. 040 123 4567\n';
    expect(paragraphs(text)).toEqual(['Kiitos yhteydenotosta.', 'Ystävällisin terveisin\nMatti V.\nAsiakaspalvelu, Aurora Air\npuh. 040 123 4567']);
    expect(sentences(text)).toEqual(['Kiitos yhteydenotosta.', 'Ystävällisin terveisin\nMatti V.\nAsiakaspalvelu, Aurora Air\npuh. 040 123 4567']);
    expect(words(text)).toContain('V.');
    expect(words(text)).toContain('puh.');
  });
});

// ---------------------------------------------------------------------------
// Comparison with retext-latin on the fixtures

/**
 * Intentional differences in the words: each pairs our word with retext's at
 * the same offset. Anything else must be identical.
 */
const WORD_DIFFERENCES: { name: string; reason: string; test: (ours: string, theirs: string, after: string) => boolean }[] = [
  {
    name: 'abbreviation keeps its full stop',
    reason: 'retext ends a sentence after abbreviations it does not know ("kl. 14.30", "puh. 040…", "esim. Matille") and leaves the full stop as punctuation; we go on and the full stop belongs to the abbreviation',
    test: (ours, theirs) => ours === `${theirs}.` && ABBREVIATIONS.has(theirs.toLowerCase()),
  },
  {
    name: 'number ends the sentence',
    reason: 'retext reads every one-to-three-digit number before a full stop as an ordinal and never ends the sentence there ("klo 10–16. Asentaja soittaa"); we end it and the full stop stays punctuation',
    test: (ours, theirs) => theirs === `${ours}.` && /^\d{1,3}$/.test(ours),
  },
  {
    name: 'unit or list-ending abbreviation ends the sentence',
    reason: '"3 mm. De behöver…" and "…kuitit etc. Käsittelemme…" end a sentence; retext never ends one after "etc." and reads "mm." as an abbreviation',
    test: (ours, theirs, after) => theirs === `${ours}.` && /^(mm|etc)$/i.test(ours) && /^\.\s+\p{Lu}/u.test(after),
  },
  {
    name: 'full stop without a space after it',
    reason: 'retext ends a sentence at "1.10." in "1.10.–30.11."; we need a space or a capital after the full stop',
    test: (ours, theirs, after) => ours === `${theirs}.` && after !== '' && !/^\s/.test(after),
  },
  {
    name: 'full stop ending a paragraph',
    reason: 'retext joins a paragraph-final full stop to its word when the next paragraph starts in lower case ("klo 11.05.\\n\\niPhone…"); it ends the sentence and stays punctuation',
    test: (ours, theirs, after) => theirs === `${ours}.` && /^\.[^\S\r\n]*(\r?\n|\r)\s*(\r?\n|\r)/.test(after),
  },
];

/** retext makes a word of an emoji's variation selector ("❤️" → "❤" + "\uFE0F"); we keep it in the emoji. */
const withoutSelectors = (word: string) => word.replace(/^[\uFE00-\uFE0F]+/, '');

function wordList(tree: Root, text: string): { value: string; start: number; after: string }[] {
  return nodesOf(tree, 'WordNode').map((node) => ({ value: toString(node), start: node.position!.start.offset!, after: text.slice(node.position!.end.offset!) }));
}

/** Sentence ends that differ from retext's and are not explained by an intentional difference. */
function unexplainedBoundaries(text: string, ours: Set<number>, theirs: Set<number>): string[] {
  const out: string[] = [];
  const context = (at: number) => JSON.stringify(`${text.slice(Math.max(0, at - 30), at)}‖${text.slice(at, at + 20)}`);
  const emojiRun = (a: number, b: number) => /^[\s\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Emoji_Component}\uFE0F\u200D]*$/u.test(text.slice(a, b)) && /\p{Extended_Pictographic}/u.test(text.slice(a, b));
  for (const at of theirs) {
    if (ours.has(at)) continue;
    const before = text.slice(Math.max(0, at - 12), at);
    const abbreviation = /(?:^|[^\p{L}\p{N}.])([\p{L}.]+)\.$/u.exec(before);
    if (abbreviation && ABBREVIATIONS.has(abbreviation[1]!.toLowerCase())) continue; // retext ends after "kl.", "puh.", "esim."
    if (at < text.length && !/\s/.test(text[at]!)) continue; // "1.10.‖–30.11."
    if ([...ours].some((end) => end > at && emojiRun(at, end))) continue; // emoji stay with the sentence before them
    out.push(`retext only: ${context(at)}`);
  }
  for (const at of ours) {
    if (theirs.has(at)) continue;
    const before = text.slice(Math.max(0, at - 12), at);
    if (/(?:^|[^\p{L}\p{N}.,])\d{1,3}\.$/u.test(before)) continue; // a number ends the sentence ("klo 10–16.")
    if (/\d\s+mm\.$/.test(before) || /\b(?:jne|yms|tms|ym|etc|osv)\.$/i.test(before)) continue;
    if ([...theirs].some((end) => end < at && emojiRun(end, at))) continue;
    out.push(`ours only: ${context(at)}`);
  }
  return out;
}

describe('parse-lite: agreement with retext-latin on the fixtures', () => {
  const counts = new Map<string, number>();
  let theirSentences = 0;
  let sameSentences = 0;
  let theirEnds = 0;
  let explainedEnds = 0;
  const unexplained: string[] = [];
  const wordProblems: string[] = [];

  for (const [file, text] of texts) {
    const mine = parseLatinLite(text);
    const theirs = retext.parse(text) as Root;

    const a = wordList(mine, text);
    const b = wordList(theirs, text)
      .map((w) => ({ ...w, value: withoutSelectors(w.value) }))
      .filter((w) => w.value !== '');
    if (a.length !== b.length) wordProblems.push(`${file}: ${a.length} words, retext ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const ours = a[i]!;
      const their = b[i]!;
      if (ours.value === their.value) continue;
      const difference = WORD_DIFFERENCES.find((d) => d.test(ours.value, their.value, ours.after));
      if (difference) counts.set(difference.name, (counts.get(difference.name) ?? 0) + 1);
      else wordProblems.push(`${file}: word ${i} ${JSON.stringify(ours.value)}, retext ${JSON.stringify(their.value)}`);
    }

    const span = (n: Nodes) => `${n.position!.start.offset}-${n.position!.end.offset}`;
    const ourSpans = new Set(nodesOf(mine, 'SentenceNode').map(span));
    const theirSpans = nodesOf(theirs, 'SentenceNode').map(span);
    theirSentences += theirSpans.length;
    sameSentences += theirSpans.filter((s) => ourSpans.has(s)).length;
    const ends = (tree: Root) => new Set(nodesOf(tree, 'SentenceNode').map((n) => n.position!.end.offset!));
    const ourEnds = ends(mine);
    const theirEndSet = ends(theirs);
    const problems = unexplainedBoundaries(text, ourEnds, theirEndSet).map((p) => `${file}: ${p}`);
    theirEnds += theirEndSet.size + [...ourEnds].filter((e) => !theirEndSet.has(e)).length;
    explainedEnds += theirEndSet.size + [...ourEnds].filter((e) => !theirEndSet.has(e)).length - problems.length;
    unexplained.push(...problems);
  }

  it('forms the same words, apart from the listed intentional differences', () => {
    console.log(`parse-lite vs retext-latin, ${texts.length} fixtures: intentional word differences ${JSON.stringify(Object.fromEntries(counts))}`);
    expect(wordProblems).toEqual([]);
  });

  it('ends sentences where retext does, apart from the listed intentional differences', () => {
    const exact = sameSentences / theirSentences;
    console.log(
      `parse-lite vs retext-latin, ${texts.length} fixtures: ${sameSentences}/${theirSentences} retext sentences identical (${(100 * exact).toFixed(1)}%), ` +
        `${explainedEnds}/${theirEnds} sentence ends identical or intentionally different`,
    );
    expect(unexplained).toEqual([]);
    // Measured 91.7% (1275/1391 on 207 fixtures): every other sentence differs by an intentional
    // difference, mostly "kl. 14.30" (retext breaks after "kl.") and "klo 10–16. Asentaja" (retext does not break).
    expect(exact).toBeGreaterThanOrEqual(0.9);
  });
});
