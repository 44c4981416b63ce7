import type { Check } from '../types.js';
import { option } from '../util.js';

/** The GSM 03.38 alphabet: an SMS in these characters carries 160 per segment, others only 70. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

export interface SmsSize {
  encoding: 'gsm7' | 'ucs2';
  /** Length in the encoding's units (GSM septets or UTF-16 code units). */
  units: number;
  segments: number;
  /** Units that fit in a single segment and in each segment of a long message. */
  single: number;
  multi: number;
}

export function smsSize(text: string): SmsSize {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) septets += 1;
    else if (GSM_EXTENDED.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  const [units, single, multi] = gsm ? [septets, 160, 153] : [text.length, 70, 67];
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / multi);
  return { encoding: gsm ? 'gsm7' : 'ucs2', units, segments, single, multi };
}

/** Too long for the channel: SMS over the segment budget, social posts over the character limit. */
export const channelLength: Check = (analysis, ctx) => {
  const text = analysis.text.trimEnd();
  if (analysis.message.channel === 'sms') {
    const maxSegments = option<number>(ctx.options, 'smsMaxSegments', 2);
    const size = smsSize(text);
    if (size.segments <= maxSegments) return [];
    const limit = maxSegments === 1 ? size.single : size.multi * maxSegments;
    // Report the part that does not fit (approximately, in characters).
    const cut = Math.min(text.length - 1, Math.floor((limit * text.length) / size.units));
    return [{ offset: cut, length: text.length - cut, data: { length: size.units, limit, segments: size.segments } }];
  }
  if (analysis.message.channel === 'social') {
    const limit = option<number>(ctx.options, 'socialMaxChars', 280);
    const chars = [...text];
    if (chars.length <= limit) return [];
    const cut = chars.slice(0, limit).join('').length;
    return [{ offset: cut, length: text.length - cut, data: { length: chars.length, limit, segments: 1 } }];
  }
  return [];
};
