import type { Check } from './types.js';
import { greetingMissing } from './greeting/missing.js';
import { greetingGeneric } from './greeting/generic.js';
import { signoffMissing } from './signoff/missing.js';
import { signoffFaceless } from './signoff/faceless.js';
import { allCaps } from './format/all-caps.js';
import { numberFormat } from './format/number.js';
import { spacing } from './format/spacing.js';
import { foreignBlock } from './format/foreign-block.js';
import { addressMixed } from './address/mixed.js';
import { thirdPerson } from './address/third-person.js';
import { attachmentOnly } from './content/attachment-only.js';
import { missingContact } from './content/missing-contact.js';
import { interimNoTimeframe } from './content/interim-no-timeframe.js';
import { internalNote } from './content/internal-note.js';
import { vague } from './content/vague.js';
import { password } from './privacy/password.js';
import { nationalId } from './privacy/national-id.js';
import { cardNumber } from './privacy/card-number.js';
import { iban } from './privacy/iban.js';
import { placeholder } from './template/placeholder.js';
import { channelLength } from './channel/length.js';
import { unansweredQuestion } from './thread/unanswered-question.js';
import { languageMismatch } from './thread/language-mismatch.js';
import { noApology } from './thread/no-apology.js';
import { echo } from './thread/echo.js';
import { playbookCheck } from './thread/playbook.js';
import { addressMismatch } from './address/mismatch.js';
import { typo } from './spelling/typo.js';
import { repeatedWord } from './grammar/repeated-word.js';
import { sentenceStart } from './grammar/sentence-start.js';
import { punctuationSpace } from './grammar/punctuation-space.js';
import { verbForm } from './grammar/verb-form.js';

/** Checks of the rules that need code; phrase rules share the phrase check. */
export const CHECKS: Record<string, Check> = {
  'greeting/missing': greetingMissing,
  'greeting/generic': greetingGeneric,
  'signoff/missing': signoffMissing,
  'signoff/faceless': signoffFaceless,
  'format/all-caps': allCaps,
  'format/number': numberFormat,
  'format/spacing': spacing,
  'format/foreign-block': foreignBlock,
  'address/mixed': addressMixed,
  'address/third-person': thirdPerson,
  'content/attachment-only': attachmentOnly,
  'content/missing-contact': missingContact,
  'content/interim-no-timeframe': interimNoTimeframe,
  'content/internal-note': internalNote,
  'content/vague': vague,
  'privacy/password': password,
  'privacy/national-id': nationalId,
  'privacy/card-number': cardNumber,
  'privacy/iban': iban,
  'template/placeholder': placeholder,
  'channel/length': channelLength,
  'thread/unanswered-question': unansweredQuestion,
  'thread/language-mismatch': languageMismatch,
  'thread/no-apology': noApology,
  'thread/echo': echo,
  'thread/cancellation-steps': playbookCheck,
  'address/mismatch': addressMismatch,
  'spelling/typo': typo,
  'grammar/repeated-word': repeatedWord,
  'grammar/sentence-start': sentenceStart,
  'grammar/punctuation-space': punctuationSpace,
  'grammar/verb-form': verbForm,
};
