import { describe, expect, it } from 'vitest';
import { greetsSeveral } from '../src/text/address.js';
import { RuleSet, ruleMetas } from '../src/engine/rules.js';

describe('work done once per process, not once per reply', () => {
  it('greetsSeveral: two names joined by the language\'s "and" or "&" greet several readers', () => {
    expect(greetsSeveral('Hei Anna ja Mikko,', 'fi')).toBe(true);
    expect(greetsSeveral('Hei Anna & Mikko,', 'fi')).toBe(true);
    expect(greetsSeveral('Hei Anna och Mikko,', 'fi')).toBe(false);
    expect(greetsSeveral('Hej Lisa och Erik,', 'sv')).toBe(true);
    expect(greetsSeveral('Hej Lisa & Erik,', 'sv')).toBe(true);
    expect(greetsSeveral('Hej Lisa ja Erik,', 'sv')).toBe(false);
    expect(greetsSeveral('Hei Anna,', 'fi')).toBe(false);
  });

  it('RuleSet.forMessage: one list per channel and language, the same rules as filtering anew', () => {
    const metas = ruleMetas({});
    const set = new RuleSet(metas, {});
    const fiEmail = set.forMessage('email', 'fi');
    expect(set.forMessage('email', 'fi')).toBe(fiEmail);
    const anew = set.active.filter((r) => r.meta.channels.includes('sms') && (r.meta.languages.includes('sv') || r.meta.languages.length === 0));
    expect(set.forMessage('sms', 'sv')).toEqual(anew);
    expect(set.forMessage('sms', 'sv')).not.toBe(fiEmail);
  });
});
