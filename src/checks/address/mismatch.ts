import type { Check } from '../types.js';
import type { Trilingual } from '../../types.js';
import { readRegister } from '../../text/register.js';
import { dominantForm } from '../../text/address.js';

const NAMES: Record<'casual' | 'formal' | 'stiff', Trilingual> = {
  casual: { fi: 'rento', sv: 'ledig', en: 'casual' },
  formal: { fi: 'muodollinen', sv: 'formell', en: 'formal' },
  stiff: { fi: 'jäykkä teitittelevä', sv: 'stel ni-form', en: 'stiff and formal' },
};

/** The reply's register does not fit the customer's: stiff to a casual customer, slang to a formal one. */
export const addressMismatch: Check = (analysis) => {
  const customer = analysis.customer;
  if (!customer) return [];
  // Only the reply's own address forms matter here: the customer's are not analysed.
  const theirs = readRegister(customer);
  if (theirs.register === 'neutral') return [];
  const ours = readRegister(analysis);
  if (theirs.register === 'casual') {
    const stiffGreeting = analysis.anatomy.greeting && /^(arvoisa|hyvä|bästa|ärade)/i.test(analysis.anatomy.greeting.word) && analysis.anatomy.greeting.name === null;
    const formal = ours.markers.find((m) => m.register === 'formal');
    if (dominantForm(analysis.address) !== 'polite' && !formal && !stiffGreeting) return [];
    const polite = analysis.address.find((m) => m.form === 'polite' && !m.group);
    const at = formal ?? (stiffGreeting ? analysis.anatomy.greeting : null) ?? (polite ? { start: polite.word.start, end: polite.word.end } : null);
    if (!at) return [];
    return [{ offset: at.start, length: at.end - at.start, data: { customerRegister: NAMES.casual, replyRegister: NAMES.stiff } }];
  }
  if (theirs.register === 'formal') {
    const slang = ours.markers.find((m) => m.register === 'casual');
    if (!slang) return [];
    return [{ offset: slang.start, length: slang.end - slang.start, data: { customerRegister: NAMES.formal, replyRegister: NAMES.casual } }];
  }
  return [];
};
