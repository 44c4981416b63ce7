import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { givesChannel } from './channels.js';

/** The reply asks the customer to get in touch; the customer is the one acting. */
const REQUEST: Record<string, RegExp> = {
  fi: /(?<![\p{L}])((epäröi|epäröikö) ottaa (\p{L}+ )?yhteyttä|(ota|ottakaa|otathan|otattehan|voit ottaa|voitte ottaa|kannattaa ottaa|pyydämme ottamaan|pyydän ottamaan)( \p{L}+)? yhteyttä|(ole|olkaa|olethan|olettehan|voit olla|voitte olla) (\p{L}+ )?yhteydessä|(soita|soittakaa|soitathan|soitattehan|voit soittaa|voitte soittaa)( meille| asiakaspalveluumme| asiakaspalveluun)?(?![\p{L}])|(laita|laittakaa|lähetä|lähettäkää) (meille )?viesti(ä)?|(kysy|kysykää|kysyä) (lisää )?(asiakaspalvelu\p{L}*|meiltä))/gu,
  sv: /(?<![\p{L}])((kontakta|kontakta gärna) (oss|vår|kundtjänst|kundservice|support)|(hör|hör gärna) av (dig|er)|(ring|ring gärna) (oss|till oss|kundtjänst|kundservice|vår)|(ta|ta gärna) kontakt med (oss|vår|kundtjänst|kundservice)|(vänd|vänd gärna) (dig|er) till (oss|vår|kundtjänst|kundservice)|(du|ni) (kan|får|är välkommen att|är välkomna att) (kontakta|ringa|höra av) )/gu,
};

/** Asks the customer to get in touch but gives no phone, address, chat or link. */
export const missingContact: Check = (analysis) => {
  const request = REQUEST[analysis.language];
  if (!request) return [];
  const text = analysis.text;
  const findings: RawFinding[] = [];
  for (const m of analysis.lower.matchAll(request)) {
    if (analysis.inFrame(m.index!)) continue;
    findings.push({ offset: m.index!, length: m[0].trimEnd().length });
    break;
  }
  // The channel evidence is costlier to look for; only a request needs it.
  return findings.length > 0 && !givesChannel(text) ? findings : [];
};
