import type { Analysis } from './analysis.js';

/**
 * How formal a text is: casual (moi, tja, emoji, slang, all lower case with
 * "!!"), formal (Arvoisa, Kunnioittavasti, Högaktningsfullt, a signature
 * with a title) or neutral. A sinä/du text is neutral: that is the ordinary
 * register of customer service in both languages.
 */
export type Register = 'casual' | 'neutral' | 'formal';

export interface RegisterMarker {
  register: 'casual' | 'formal';
  start: number;
  end: number;
}

const CASUAL =
  /(?<![\p{L}])(moi|moikka|moro|heippa|heips|moikku|kiitti|kiitoksii|thx|tnx|mä|sä|mun|sun|mulle|sulle|mulla|sulla|multa|sulta|mut|niinku|jees|okei|oki|lol|np|tja|tjena|tjenare|tjabba|hejsan|tackar|kram|kramar|jättebra|asbra|typ|ba|va)(?![\p{L}])|\p{Extended_Pictographic}|(?<![\p{L}])[:;]-?[)D(P](?![\p{L}])|!{2,}/giu;
const FORMAL =
  /(?<![\p{L}])(arvoisa|arvoisat|hyvät herrat|hyvä vastaanottaja|kunnioittavasti|kunnioittaen|ärade|högaktningsfullt|bästa herr|bästa fru|bästa mottagare)(?![\p{L}])/giu;
/** A title in a signature line: the writer signs as an office-holder. */
const TITLE =
  /^[^\n]{0,40}(?<![\p{L}])(toimitusjohtaja|johtaja|päällikkö|puheenjohtaja|isännöitsijä|asianajaja|lakimies|professori|dosentti|tohtori|lehtori|rehtori|vd|verkställande direktör|direktör|chef|ordförande|disponent|advokat|jurist|professor|docent|doktor|lektor|rektor|ceo|cfo|coo)(?![\p{L}])/imu;

export function registerMarkers(text: string): RegisterMarker[] {
  const markers: RegisterMarker[] = [];
  for (const m of text.matchAll(CASUAL)) markers.push({ register: 'casual', start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(FORMAL)) markers.push({ register: 'formal', start: m.index!, end: m.index! + m[0].length });
  return markers.sort((a, b) => a.start - b.start);
}

export interface RegisterReading {
  register: Register;
  markers: RegisterMarker[];
}

export function readRegister(analysis: Analysis): RegisterReading {
  const text = analysis.text;
  const markers = registerMarkers(text);
  let casual = markers.filter((m) => m.register === 'casual').length;
  let formal = markers.filter((m) => m.register === 'formal').length;
  // Written all in lower case, as in a chat.
  if (analysis.words.length >= 5 && !/\p{Lu}/u.test(text)) casual++;
  const signature = analysis.anatomy.signOff?.signature.map((s) => s.text).join('\n') ?? text.split('\n').slice(-3).join('\n');
  if (TITLE.test(signature)) formal++;
  const register: Register = formal > casual ? 'formal' : casual > formal ? 'casual' : 'neutral';
  return { register, markers };
}
