import { sharedMemo } from './shared-native.js';

/**
 * A bounded memo for the spellers' answers (a word's verdict, readings or
 * suggestions; a paragraph's grammar errors), shared by every reply a thread
 * lints. A batch repeats its vocabulary, so most words cost one native call
 * per run. Two generations approximate least-recently-used order at the cost
 * of a map lookup: entries go into the young map; when it is full it becomes
 * the old one and the previous old one is dropped; a hit in the old map moves
 * the entry back to the young one. So it never holds more than `limit`
 * entries, and what a long run keeps using stays.
 */
export class Memo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  private readonly half: number;

  /**
   * `share`: how the answers go into the memo the threads of a batch share
   * (shared-memo.ts) — a prefix that keeps this memo's keys apart, and the
   * value as a string. A miss here is looked up there before it is a miss.
   */
  constructor(
    limit: number,
    private readonly share?: { kind: string; encode(value: V): string; decode(text: string): V },
  ) {
    this.half = Math.max(1, Math.floor(limit / 2));
  }

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.keep(key, aged);
      return aged;
    }
    if (!this.share) return undefined;
    const text = sharedMemo()?.get(this.share.kind + key);
    return text === undefined ? undefined : this.keep(key, this.share.decode(text));
  }

  set(key: string, value: V): V {
    if (this.share) sharedMemo()?.put(this.share.kind + key, this.share.encode(value));
    return this.keep(key, value);
  }

  private keep(key: string, value: V): V {
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    return value;
  }

  /** Entries held now (at most the limit). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}

/** Encodings for Memo's `share`: a verdict, and any value JSON round-trips unchanged (readings, suggestions, grammar errors). */
export const BOOLEAN = { encode: (v: boolean): string => (v ? '1' : '0'), decode: (s: string): boolean => s === '1' };
export function json<V>(): { encode(v: V): string; decode(s: string): V } {
  return { encode: (v) => JSON.stringify(v), decode: (s) => JSON.parse(s) as V };
}
