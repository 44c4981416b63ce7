import type { Check } from '../types.js';
import type { Trilingual } from '../../types.js';
import { replyAnchor } from './content.js';
import { unsafePattern } from './safe-pattern.js';

/**
 * A playbook: a situation in the customer's message (its trigger) and the
 * moves a good reply makes in it, each recognised by cue patterns. Data in the
 * rule's options, so trainers can write playbooks of their own.
 */
export interface Playbook {
  trigger: Partial<Record<'fi' | 'sv', string[]>>;
  /** Situations that look like the trigger and are not it: a customer who ended a contract elsewhere to join us. */
  except?: Partial<Record<'fi' | 'sv', string[]>>;
  moves: { id: string; title: Trilingual; cues: Partial<Record<'fi' | 'sv', string[]>> }[];
}

const compiled = new WeakMap<Playbook, Map<string, RegExp | null>>();

function regex(playbook: Playbook, key: string, sources: string[] | undefined): RegExp | null {
  let cache = compiled.get(playbook);
  if (!cache) compiled.set(playbook, (cache = new Map()));
  if (!cache.has(key)) {
    // A pattern that could backtrack exponentially is never run (the config loader refuses it with its line;
    // options given through the library API get here unchecked).
    const safe = (sources ?? []).filter((s) => unsafePattern(s) === null);
    cache.set(key, safe.length > 0 ? new RegExp(safe.map((s) => `(?:${s})`).join('|'), 'iu') : null);
  }
  return cache.get(key)!;
}

/** Reports the moves of the rule's playbook that the reply leaves out. */
export const playbookCheck: Check = (analysis, ctx) => {
  const playbook = ctx.options.playbook as Playbook | undefined;
  const customer = analysis.customer;
  const lang = analysis.language;
  if (!playbook || !customer || (lang !== 'fi' && lang !== 'sv')) return [];
  const theirLang = customer.language === 'fi' || customer.language === 'sv' ? customer.language : lang;
  const trigger = regex(playbook, `trigger:${theirLang}`, playbook.trigger[theirLang]);
  if (!trigger || !trigger.test(customer.text)) return [];
  if (regex(playbook, `except:${theirLang}`, playbook.except?.[theirLang])?.test(customer.text)) return [];
  const missing = playbook.moves.filter((move) => {
    const cue = regex(playbook, `${move.id}:${lang}`, move.cues[lang]);
    return cue !== null && !cue.test(analysis.text);
  });
  if (missing.length === 0) return [];
  const list = (l: keyof Trilingual) => missing.map((m) => m.title[l]).join(', ');
  return [{ ...replyAnchor(analysis), data: { missing: { fi: list('fi'), sv: list('sv'), en: list('en') } } }];
};
