/**
 * Cue patterns of playbooks come from users' configs and run on customers'
 * text. JavaScript's backtracking engine takes exponential time on a
 * quantified group that itself holds a quantifier ("(a+)+$" on 31 a's: 112 s),
 * so such a pattern is refused where it is loaded. A linear-time engine (RE2)
 * would need a native build at install; refusing the one construct that
 * explodes keeps installs offline and fast.
 *
 * What is refused: a group repeated without bound or more than a few times
 * (`*`, `+`, `{n,}`, `{n,m}` with m > 3) that contains a repeating quantifier
 * of its own, or alternatives that could match the same text ("(a|aa)+$" on
 * 31 a's is as slow as "(a+)+$"), and backreferences (no engine matches those
 * in linear time). Alternatives are told apart only when it is plain that
 * they are: each a literal word, no two starting with the same letter (case
 * ignored, as cues are matched): "(hei|moi)+" runs, "(\w|\d)+" and
 * "(kiitos|kiitokset)+" are refused (a character class, or the repeat left
 * out, says the same). Alternatives that are not repeated, "(kiitos|kiitokset)",
 * are never a risk.
 * A short bounded repeat such as "(?:\p{L}+\s+){0,2}" (up to two words in
 * between, as the built-in playbook's cues write) stays: its cost is a small
 * power of the length, not exponential. Everything else runs as written.
 */

/** The most times a group holding a quantifier may repeat. */
const MAX_NESTED_REPEAT = 3;

/** One alternative that is a literal word: no class, group, quantifier or anchor (escaped punctuation is literal). */
const LITERAL = /^(?:[^\\^$.|?*+()[\]{}]|\\[^\p{L}\p{N}])+$/u;

/** The first character a literal alternative matches. */
function firstChar(literal: string): string {
  return String.fromCodePoint(literal.codePointAt(literal[0] === '\\' ? 1 : 0)!);
}

/**
 * Whether the alternatives of a group plainly cannot match the same text:
 * all literal, and no two starting with the same character as the "iu" flags
 * compare them.
 */
function disjoint(branches: string[]): boolean {
  if (!branches.every((b) => LITERAL.test(b))) return false;
  const firsts = branches.map(firstChar);
  for (let a = 0; a < firsts.length; a++) {
    const same = new RegExp(`^${firsts[a]!.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}$`, 'iu');
    for (let b = a + 1; b < firsts.length; b++) if (same.test(firsts[b]!)) return false;
  }
  return true;
}

/** Why a pattern may take exponential time, or null when it is safe to run. */
export function unsafePattern(source: string): string | null {
  // For each open group: whether it holds a repeating quantifier, where its
  // alternatives start, and whether it (or a group inside it) has
  // alternatives that could match the same text.
  const stack: { repeats: boolean; start: number; bars: number[]; lookaround: boolean; overlaps: boolean }[] = [];
  let i = 0;
  /** The quantifier starting at `at`, if any: its length and whether it repeats more than once. */
  const quantifier = (at: number): { length: number; repeats: boolean; unbounded: boolean } | null => {
    const c = source[at];
    if (c === '*' || c === '+') return { length: source[at + 1] === '?' ? 2 : 1, repeats: true, unbounded: true };
    if (c === '?') return { length: source[at + 1] === '?' ? 2 : 1, repeats: false, unbounded: false };
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}\??/.exec(source.slice(at));
      if (!m) return null;
      const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      return { length: m[0].length, repeats: max > 1, unbounded: max > MAX_NESTED_REPEAT };
    }
    return null;
  };
  const mark = () => {
    const top = stack[stack.length - 1];
    if (top) top.repeats = true;
  };
  /** Past an atom's quantifier (if any) at `at`; a repeating one marks the enclosing group. */
  const afterQuantifier = (at: number): number => {
    const q = quantifier(at);
    if (!q) return at;
    if (q.repeats) mark();
    return at + q.length;
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      if (/[1-9]/.test(source[i + 1] ?? '') || source.startsWith('\\k<', i)) return 'a backreference';
      i += 2;
      i = afterQuantifier(i);
      continue;
    }
    if (c === '[') {
      // A character class is one atom: skip to its closing bracket.
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      i = afterQuantifier(i);
      continue;
    }
    if (c === '(') {
      // Skip the group's kind: (?: (?= (?! (?<= (?<! (?<name>
      const kind = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i));
      i += kind ? kind[0].length : 1;
      stack.push({ repeats: false, start: i, bars: [], lookaround: !!kind && /^\(\?<?[=!]/.test(kind[0]), overlaps: false });
      continue;
    }
    if (c === '|') {
      stack[stack.length - 1]?.bars.push(i);
      i++;
      continue;
    }
    if (c === ')') {
      const group = stack.pop() ?? { repeats: false, start: i, bars: [], lookaround: false, overlaps: false };
      if (group.bars.length > 0) {
        const cuts = [group.start - 1, ...group.bars, i];
        const branches = cuts.slice(1).map((end, k) => source.slice(cuts[k]! + 1, end));
        if (!disjoint(branches)) group.overlaps = true;
      }
      i++;
      const q = quantifier(i);
      if (q) {
        if (q.unbounded && group.repeats) return 'nested quantifiers (a repeated group that repeats inside, as in "(a+)+"); repeat the inner part only';
        if (q.unbounded && group.overlaps) {
          return 'repeated alternatives that can match the same text (as in "(a|aa)+"); use a character class ("[ab]+"), alternatives that start with different letters, or no repeat';
        }
        i += q.length;
      }
      // A group's own repetition counts for the group around it.
      if ((q && q.repeats) || group.repeats) mark();
      // A lookaround matches nothing itself: its alternatives are not repeated by a group around it.
      const parent = stack[stack.length - 1];
      if (parent && group.overlaps && !group.lookaround) parent.overlaps = true;
      continue;
    }
    i = afterQuantifier(i + 1);
  }
  return null;
}
