import type { Analysis } from './analysis.js';
import type { AnswerType } from './cues.js';

/** The kind of answer a question wants: a kind of information, or a length of time ("kuinka kauan?"). */
export type QuestionType = AnswerType | 'duration';

/** A question the customer asked, with what would answer it. */
export interface Question {
  text: string;
  start: number;
  end: number;
  type: QuestionType;
  /** Comparison keys of its content words (no function or question words). */
  keys: string[];
}

const FI_QUESTION_WORD =
  /^(milloin|missä|mistä|mihin|minne|miksi|miten|mites|kuinka|paljonko|paljonks|kauanko|montako|moneltako|monelta|mikä|mitä|mitkä|minkä|millä|miltä|mille|millainen|kuka|kenelle|kenen|keneltä|koska)$/;
const SV_QUESTION_WORD = /^(när|var|vart|varifrån|varför|hur|vad|vem|vems|vilken|vilket|vilka|hurdan)$/;
/** Swedish finite verbs that open a yes/no question ("Kan ni…", "Går det att…"). */
const SV_VERB_FIRST =
  /^(kan|kunde|går|gick|finns|fanns|har|hade|får|fick|ska|skulle|måste|behöver|är|var|blir|kommer|vill|gäller|stämmer|fungerar|brukar|hinner|tar|ingår|ingick|levererar|skickar|betalar)$/;
/** Words in -ko/-kö that are not the question clitic. */
const FI_NOT_CLITIC = /^(koko|joko|ehkä|pakko|lukko|verkko|kolikko|tikku|kukko|laakso|tikko|\p{L}*kko|\p{L}*kkö)$/u;
const INDIRECT = new RegExp(
  [
    'haluaisin tietää',
    'haluan tietää',
    'haluaisin kysyä',
    'kysyisin',
    'voisitteko kertoa',
    'voisitko kertoa',
    'kertoisitteko',
    'kertoisitko',
    'voisitteko ilmoittaa',
    'olisi kiva tietää',
    'mietin,? (voiko|onko|milloin|miten|miksi|saako)',
    'en tiedä,? (onko|voiko|milloin|miten|mihin|missä)',
    'olisiko mahdollista',
    'onnistuisiko',
    'jag undrar',
    'undrar (om|när|hur|var|varför|vad|vilken)',
    'jag skulle vilja veta',
    'jag vill (gärna )?veta',
    'kan (ni|du) (berätta|meddela|tala om)',
    'skulle (ni|du) kunna (berätta|meddela|tala om)',
  ].join('|'),
  'iu',
);

const TYPE_CUES: [QuestionType, RegExp][] = [
  ['duration', /(?<![\p{L}])(kuinka kauan|miten kauan|kauanko|kuinka pitkään|miten pitkään|kuinka pitkä aika|kauanko kestää|hur länge|hur lång tid|hur långt tid)(?![\p{L}])/iu],
  ['amount', /(?<![\p{L}])(paljonko|paljonks|kuinka paljon|mitä [\p{L} ]{0,30}maksaa|mitä maksaa|maksaako|hinta\p{L}*|hinnan|kustan\p{L}*|vad kostar|vad kostade|vad kommer [\p{L} ]{0,20}kosta|kostar det|kostade det|hur mycket|pris\p{L}*|avgift\p{L}*)(?![\p{L}])/iu],
  ['time', /(?<![\p{L}])(milloin|koska|mihin aikaan|mihin mennessä|mihin asti|mennessä|monelta\p{L}*|minä päivänä|mikä päivä|kuinka pian|när|vilken dag|vilken tid|hur dags|hur snart)(?![\p{L}])/iu],
  ['reason', /(?<![\p{L}])(miksi|minkä takia|minkä vuoksi|mistä [\p{L} ]{0,20}johtu\p{L}*|varför|hur kommer det sig|vad beror [\p{L} ]{0,20}på)(?![\p{L}])/iu],
  ['place', /(?<![\p{L}])(missä|mistä|mihin|minne|var|vart|varifrån|vilken butik|vilket ombud)(?![\p{L}])/iu],
  ['method', /(?<![\p{L}])(miten|mites|kuinka|hur|millä tavalla|på vilket sätt)(?![\p{L}])/iu],
];

export const STOP: Record<'fi' | 'sv', Set<string>> = {
  fi: new Set(
    ('ja on ei että se ne tämä tuo nämä minä sinä hän me te he mä sä mun sun minun sinun meidän teidän meille teille minulle mulle ' +
      'kun jos niin myös tai mutta vai kuin nyt jo vielä sitten siis ole olla oli ovat olen olet olemme olette olisi ' +
      'voi voin voisin voisitteko voisitko voitteko voiko haluan haluaisin tietää kertoa kysyä kysyisin onko onks ' +
      'hei moi kiitos terveisin yms eli vaan vain mikä mitä missä milloin miksi miten kuinka paljonko kuka koska ' +
      'mihin mistä minne kauanko montako saako pitääkö täytyykö tuleeko saan saisin saanko sitä siitä siihen sen sillä tässä tähän ' +
      'asia asiaa asiasta asiaan juttu nyt just ihan aivan todella kyllä siis varten haluat haluatte haluaisit haluaisitte ' +
      'jotta kanssa ilman kautta sekä joka jonka jota jossa mikäli vaikka eli jotain jokin mitään mikään joku kukaan jotenkin ' +
      'kauan pitkään aikaan kestää'
    ).split(' '),
  ),
  sv: new Set(
    ('och är att det en ett som på för med till av inte har vi du ni jag hej tack kan om den de så men eller min mitt mina ' +
      'er ert era din ditt dina när var vad hur varför vem vilken vilket vilka ska skulle vill får finns går undrar veta ' +
      'berätta också nu bara mycket man mig dig oss er sig här där då sedan redan hade blir blev kommer kunde måste ' +
      'behöver gärna hälsningar mvh vänliga undrar någon något några alla mer lite alltså ville sin sitt sina ' +
      'utan genom även vilket vilken också länge lång dags'
    ).split(' '),
  ),
};

function questionType(text: string, verbFirst: boolean): QuestionType {
  for (const [type, cue] of TYPE_CUES) {
    // "Kuinka paljon"/"hur mycket" were caught as amounts before "kuinka"/"hur" as a method.
    if (cue.test(text)) return type;
  }
  return verbFirst ? 'decision' : 'open';
}

const LINKING = /^(entä|ja|sekä|mutta|vai|tai|och|eller|men|samt|plus)$/;

/** Whether a sentence asks something, and if it is a yes/no question. */
function asks(text: string, words: string[], lang: string): { question: boolean; yesNo: boolean } {
  const trimmed = text.trim();
  // "Entä voiko…", "Och vad kostade…": a linking word before the question's own first word.
  const firstWords = words.length > 1 && LINKING.test(words[0]!) ? words.slice(1) : words;
  if (/[!]$/.test(trimmed) && !/\?/.test(trimmed)) return { question: false, yesNo: false };
  const first = firstWords[0] ?? '';
  const second = firstWords[1] ?? '';
  if (lang === 'fi') {
    const clitic = firstWords.length >= 2 && [first, second].some((w) => /\p{L}{2,}(ko|kö|ks)(han|hän)?$/u.test(w) && !FI_NOT_CLITIC.test(w));
    if (trimmed.endsWith('?')) return { question: true, yesNo: clitic || !FI_QUESTION_WORD.test(first) };
    if (FI_QUESTION_WORD.test(first) && first !== 'koska') return { question: true, yesNo: false };
    if (clitic) return { question: true, yesNo: true };
  } else if (lang === 'sv') {
    const verbFirst = SV_VERB_FIRST.test(first) && /^(ni|du|jag|det|vi|man|den|de|paketet|fakturan|ordern|beställningen)$/.test(second);
    if (trimmed.endsWith('?')) return { question: true, yesNo: verbFirst || !SV_QUESTION_WORD.test(first) };
    // "När kommer paketet" asks; "När jag loggade in fungerade allt" is a clause: the subject follows the word.
    const clause = /^(jag|du|vi|ni|han|hon|det|den|de|man|paketet|fakturan|ordern)$/.test(second);
    if (SV_QUESTION_WORD.test(first) && !clause && !/^(var (snäll|god)|vad (bra|roligt|kul|skönt|synd))/i.test(trimmed)) return { question: true, yesNo: false };
    if (verbFirst) return { question: true, yesNo: true };
  } else if (trimmed.endsWith('?')) return { question: true, yesNo: false };
  if (INDIRECT.test(trimmed)) return { question: true, yesNo: /(onko|voiko|saako|om )/i.test(trimmed) };
  return { question: false, yesNo: false };
}

/** The questions in a text (the customer's message), in order. */
export function findQuestions(analysis: Analysis): Question[] {
  const lang = analysis.language;
  const stop = STOP[lang === 'sv' ? 'sv' : 'fi'];
  const questions: Question[] = [];
  const { greeting, signOff } = analysis.anatomy;
  for (const sentence of analysis.sentences) {
    if (sentence.firstWord === sentence.endWord) continue;
    if (greeting && sentence.end <= greeting.end) continue;
    if (signOff && sentence.start >= signOff.start && sentence.start < signOff.end) continue;
    // A question mark may sit mid-sentence when retext keeps a lower-case continuation together,
    // and one sentence may ask two things: "Miten vaihto tehdään, tarvitsenko uuden kortin?"
    const parts = splitOnQuestionMarks(sentence.text, sentence.start).flatMap((p) => splitCompound(p, lang));
    for (const part of parts) {
      const indices: number[] = [];
      for (let i = sentence.firstWord; i < sentence.endWord; i++) {
        const w = analysis.words[i]!;
        if (w.start >= part.start && w.end <= part.end) indices.push(i);
      }
      if (indices.length === 0) continue;
      const { question, yesNo } = asks(part.text, indices.map((i) => analysis.words[i]!.core), lang);
      if (!question) continue;
      const keys = indices
        .filter((i) => {
          const core = analysis.words[i]!.core;
          return core.length > 2 && /\p{L}/u.test(core) && !stop.has(core);
        })
        .map((i) => analysis.keys[i]!);
      questions.push({ text: part.text.trim(), start: part.start, end: part.end, type: questionType(part.text, yesNo), keys: [...new Set(keys)] });
    }
  }
  return questions;
}

/** A comma before a second question word or a -ko/-kö verb starts a second question. */
const SECOND_QUESTION: Record<string, RegExp> = {
  fi: /,\s+(?:ja\s+|vai\s+|entä\s+)?(?=(?:milloin|missä|mistä|mihin|miksi|miten|kuinka|paljonko|kauanko|mikä|mitä|kuka|\p{L}{2,}(?:ko|kö))(?![\p{L}]))/giu,
  sv: /,\s+(?:och\s+|eller\s+)?(?=(?:när|var|vart|varför|hur|vad|vem|vilken|vilket|vilka|kan (?:jag|ni|du|man)|går det|finns det|måste jag|behöver jag|får jag)(?![\p{L}]))/giu,
};

function splitCompound(part: { text: string; start: number; end: number }, lang: string) {
  const re = SECOND_QUESTION[lang];
  if (!re) return [part];
  const out: { text: string; start: number; end: number }[] = [];
  let from = 0;
  for (const m of part.text.matchAll(re)) {
    const cut = m.index! + 1;
    const head = part.text.slice(from, m.index).trim();
    // "Voisitteko kertoa, mihin…" is one question with a polite lead-in.
    if (head.split(/\s+/).length < 3 || INDIRECT.test(head)) continue;
    out.push({ text: part.text.slice(from, cut), start: part.start + from, end: part.start + cut });
    from = m.index! + m[0].length;
  }
  out.push({ text: part.text.slice(from), start: part.start + from, end: part.end });
  return out;
}

function splitOnQuestionMarks(text: string, offset: number): { text: string; start: number; end: number }[] {
  const parts: { text: string; start: number; end: number }[] = [];
  let from = 0;
  for (const m of text.matchAll(/\?+\s+/g)) {
    const end = m.index! + m[0].trimEnd().length;
    parts.push({ text: text.slice(from, end), start: offset + from, end: offset + end });
    from = m.index! + m[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), start: offset + from, end: offset + text.length });
  return parts.filter((p) => p.text.trim().length > 0);
}
