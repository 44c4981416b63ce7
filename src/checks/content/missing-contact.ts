import type { Check } from '../types.js';
import type { RawFinding } from '../../types.js';
import { givesChannel, isNoReply } from './channels.js';

/** The reply asks the customer to get in touch; the customer is the one acting. */
const REQUEST: Record<string, RegExp> = {
  fi: /(?<![\p{L}])((epäröi|epäröikö) ottaa (\p{L}+ )?yhteyttä|(ota|ottakaa|otathan|otattehan|voit ottaa|voitte ottaa|kannattaa ottaa)( \p{L}+)? yhteyttä|(ota|ottakaa|otathan|otattehan) yhteys|(pyydämme|pyydän)( \p{L}+){0,2} ottamaan( \p{L}+)? yhteyttä|(ole|olkaa|olethan|olettehan|voit olla|voitte olla) (\p{L}+ )?yhteydessä|(soita|soittakaa|soitathan|soitattehan|voit soittaa|voitte soittaa)( meille| asiakaspalveluumme| asiakaspalveluun)?(?![\p{L}])|(laita|laittakaa|lähetä|lähettäkää) (meille )?viesti(ä)?|(kysy|kysykää|kysyä) (lisää )?(asiakaspalvelu\p{L}*|meiltä)|lisätieto(ja|a)? (saa|saat|saatte|antaa|antavat)( tarvittaessa)? (\p{L}+ ){0,2}\p{L}+(sta|stä|lta|ltä))(?![\p{L}])/gu,
  sv: /(?<![\p{L}])((kontakta|kontakta gärna) (oss|vår|kundtjänst|kundservice|support|(din|er|ditt|ert) \p{L}+|administratören|handläggaren|förvaltningen|kommunen|skolan|receptionen|\p{L}+(?:avdelningen|tjänsten|centret|kontoret|enheten))|(hör|hör gärna) av (dig|er)|(ring|ring gärna) (oss|till oss|kundtjänst|kundservice|vår)|(ta|tag|ta gärna|tag gärna) kontakt med (oss|vår|kundtjänst|kundservice)|(vänd|vänd gärna) (dig|er) till (oss|vår|kundtjänst|kundservice)|(du|ni) (kan|får|är välkommen att|är välkomna att) (kontakta|ringa|höra av) |(mer|mera|ytterligare) (information|upplysningar) (kan fås|fås|får du|får ni|ges|lämnas) (av|från|hos|på) (\p{L}+ ){0,2}\p{L}+)(?![\p{L}])/gu,
};

/**
 * "Tell us if…" is answered by replying, which an email or a chat allows; a
 * text message from a service number usually cannot be answered, and no
 * message that says "do not reply" can be.
 */
const TELL_US: Record<string, RegExp> = {
  fi: /(?<![\p{L}])(ilmoita|ilmoitathan|ilmoittakaa|ilmoitattehan|kerro|kerrothan|kertokaa|kerrottehan)( meille| siitä| siitä meille)?,? (jos|mikäli|kun|ettei|ettette|jos ette|jos et)(?![\p{L}])[^.!?\n]*/gu,
  sv: /(?<![\p{L}])(meddela|hör av dig|säg till|berätta)( oss| till oss)?,? (om|ifall|när)(?![\p{L}])[^.!?\n]*/gu,
};

/** Asks the customer to get in touch but gives no phone, address, chat or link. */
export const missingContact: Check = (analysis) => {
  const request = REQUEST[analysis.language];
  if (!request) return [];
  const text = analysis.text;
  const findings: RawFinding[] = [];
  const patterns = [request];
  const tellUs = TELL_US[analysis.language];
  if (tellUs && (analysis.message.channel === 'sms' || isNoReply(text))) patterns.push(tellUs);
  // A hard-wrapped paragraph breaks a phrase across lines; offsets stay as they are.
  const flat = analysis.lower.replace(/(?<!\n)\n(?!\n)/g, ' ');
  for (const pattern of patterns) {
    for (const m of flat.matchAll(pattern)) {
      if (analysis.inFrame(m.index!)) continue;
      findings.push({ offset: m.index!, length: m[0].trimEnd().length });
      break;
    }
  }
  findings.sort((a, b) => a.offset - b.offset);
  // The channel evidence is costlier to look for; only a request needs it.
  return findings.length > 0 && !givesChannel(text) ? findings.slice(0, 1) : [];
};
