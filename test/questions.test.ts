import { describe, expect, it } from 'vitest';
import { Analysis } from '../src/text/analysis.js';
import { newestQuoted } from '../src/text/quoted.js';
import { lintText } from '../src/engine/linter.js';

const questions = (text: string, lang: 'fi' | 'sv') =>
  new Analysis({ path: 'c', text, channel: 'email', lang }).questions.map((q) => [q.text, q.type]);

describe('question extraction', () => {
  it('finds question marks, -ko/-kö, question words and indirect requests in Finnish', () => {
    expect(questions('Hei! Milloin paketti tulee? Voiko sen noutaa itse. Haluaisin tietää, paljonko toimitus maksaa.', 'fi')).toEqual([
      ['Milloin paketti tulee?', 'time'],
      ['Voiko sen noutaa itse.', 'decision'],
      ['Haluaisin tietää, paljonko toimitus maksaa.', 'amount'],
    ]);
  });
  it('finds question words, verb-first questions and "jag undrar" in Swedish', () => {
    expect(questions('Hej! Var kan jag hämta paketet? Går det att betala med faktura. Jag undrar varför räkningen blev dubbel.', 'sv')).toEqual([
      ['Var kan jag hämta paketet?', 'place'],
      ['Går det att betala med faktura.', 'decision'],
      ['Jag undrar varför räkningen blev dubbel.', 'reason'],
    ]);
  });
  it('tells a length of time from a point in time, and reads past a linking word', () => {
    expect(questions('Kuinka kauan toimitus kestää? Entä voiko sen noutaa itse? Milloin myymälä aukeaa?', 'fi')).toEqual([
      ['Kuinka kauan toimitus kestää?', 'duration'],
      ['Entä voiko sen noutaa itse?', 'decision'],
      ['Milloin myymälä aukeaa?', 'time'],
    ]);
    expect(questions('Hur länge gäller presentkortet? Och vad kostade frakten?', 'sv')).toEqual([
      ['Hur länge gäller presentkortet?', 'duration'],
      ['Och vad kostade frakten?', 'amount'],
    ]);
  });
  it('splits one sentence that asks two things', () => {
    expect(questions('Miten vaihto tehdään, tarvitsenko uuden sim-kortin?', 'fi')).toEqual([
      ['Miten vaihto tehdään,', 'method'],
      ['tarvitsenko uuden sim-kortin?', 'decision'],
    ]);
  });
  it('finds nothing in a message without questions, and is not fooled by clauses and names', () => {
    expect(questions('Kiitos nopeasta avusta! Verkko toimii taas hyvin.\n\nMarko', 'fi')).toEqual([]);
    expect(questions('När jag loggade in i morse fungerade allt igen. Vad bra!', 'sv')).toEqual([]);
  });
});

describe('the customer text of a reply with quoted history', () => {
  it('takes the newest quoted message only, without its header or ">" marks', () => {
    const quoted = 'ti 14.10.2025 klo 9.12 Maija <maija@example.fi> kirjoitti:\n> Milloin lasku tulee?\n>\n> Maija\n>> Vanha viesti: miksi paketti myöhästyy?\n';
    expect(newestQuoted(quoted)).toBe('Milloin lasku tulee?\n\nMaija');
    const outlook = 'Från: Anna Berg <anna@example.se>\nSkickat: den 14 oktober 2025 09:12\nTill: Kundservice\nÄmne: Faktura\n\nHej! Vad kostar frakten?\n\nFrån: Kundservice\nSkickat: den 1 oktober\nÄmne: Order\n\nÄldre text.';
    expect(newestQuoted(outlook)).toBe('Hej! Vad kostar frakten?');
  });

  it('judges the reply against the quoted message and never lints the quote as the reply', () => {
    const reply = 'Hei Maija,\n\nlasku lähtee sinulle perjantaina 17.10.\n\nTerveisin\nLaura\n\nti 14.10.2025 klo 9.12 Maija <maija@example.fi> kirjoitti:\n> Milloin lasku tulee? Entä miksi edellinen oli väärin?\n> ÄLÄ EPÄRÖI VASTATA!!!\n';
    const result = lintText(reply);
    const ids = result.findings.map((f) => f.ruleId);
    expect(ids).toEqual(['thread/unanswered-question']);
    expect(result.findings[0]!.message).toContain('miksi edellinen oli väärin?');
    expect(result.findings[0]!.line).toBe(3);
  });

  it('ignores questions the reply itself asks', () => {
    const result = lintText('Hei Maija,\n\nlasku lähtee perjantaina. Sopiiko se sinulle?\n\nTerveisin\nLaura', { customer: 'Milloin lasku tulee?' });
    expect(result.findings).toEqual([]);
  });
});
