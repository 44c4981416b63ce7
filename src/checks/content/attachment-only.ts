import type { Check } from '../types.js';
import { bodySentences } from '../util.js';

const ATTACHMENT = /(liit(e|teen|teenä|teet|teissä|teessä|tteena|teenä)|oheise\p{L}*|oheinen|ohessa|bifoga\p{L}*|bilag\p{L}*|attached|attachment|enclosed)/iu;
const THANKS = /^(kiitos|kiitämme|tack|thank)/i;

/** The body does nothing but point to an attachment: "Ohessa pyytämänne liite." */
export const attachmentOnly: Check = (analysis) => {
  const sentences = bodySentences(analysis).filter((s) => s.firstWord < s.endWord);
  const content = sentences.filter((s) => !THANKS.test(s.text.trim()));
  if (content.length === 0 || content.length > 2) return [];
  if (!content.every((s) => ATTACHMENT.test(s.text))) return [];
  const words = content.reduce((n, s) => n + (s.endWord - s.firstWord), 0);
  if (words > 14) return [];
  const first = content[0]!;
  const last = content[content.length - 1]!;
  return [{ offset: first.start, length: last.end - first.start }];
};
