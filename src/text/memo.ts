import { detach } from './detach.js';

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

  constructor(limit: number) {
    this.half = Math.max(1, Math.floor(limit / 2));
  }

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.set(key, aged);
    }
    return aged;
  }

  set(key: string, value: V): V {
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    // A key is often a word sliced from a reply: kept as it is, it would keep the whole reply alive as long as the entry.
    this.young.set(detach(key), value);
    return value;
  }

  /** Entries held now (at most the limit). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
