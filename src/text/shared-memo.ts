/**
 * A memo of the spellers' answers that every lint thread of a batch shares:
 * a word Voikko or Hunspell answered in one thread is not asked again in
 * another. Without it each worker starts cold and asks the same vocabulary
 * again (~1 s of CPU a worker on the bench's 2,000 replies), and holds its own
 * copy of the answers.
 *
 * It lives in a SharedArrayBuffer (the batch's, see shared-native.ts): an
 * open-addressing table of offsets into an arena of UTF-16 entries
 * [key length, value length, key, value]. Entries are only ever added, under a
 * lock; an entry is written before its offset is published with an atomic
 * store, so readers need no lock. When the table or the arena is full, new
 * answers stay in each thread's own memo: memory is bounded by the buffer.
 */

const HEADER_INTS = 4; // lock, entries, arena words used, (spare)
const LOCK = 0;
const ENTRIES = 1;
const USED = 2;

export interface SharedStore {
  get(key: string): string | undefined;
  put(key: string, value: string): void;
}

/** Bytes of a store with `slots` table entries (a power of two) and an arena of `arenaBytes`. */
export function storeBytes(slots: number, arenaBytes: number): number {
  return HEADER_INTS * 4 + slots * 4 + arenaBytes;
}

function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function decode(words: Uint16Array, from: number, length: number): string {
  let out = '';
  for (let at = from, end = from + length; at < end; at += 4096) {
    out += String.fromCharCode.apply(null, words.subarray(at, Math.min(end, at + 4096)) as unknown as number[]);
  }
  return out;
}

/** A store over `bytes` of `buffer` from `offset` (4-aligned); every thread makes its own view of the same bytes. */
export function sharedStore(buffer: SharedArrayBuffer, offset: number, slots: number, arenaBytes: number): SharedStore {
  const header = new Int32Array(buffer, offset, HEADER_INTS);
  const table = new Int32Array(buffer, offset + HEADER_INTS * 4, slots);
  const words = new Uint16Array(buffer, offset + HEADER_INTS * 4 + slots * 4, arenaBytes >> 1);
  const mask = slots - 1;
  // The arena's first word is never an entry: offset 0 marks an empty slot.
  const matches = (at: number, key: string): boolean => {
    const keyLength = words[at]! | (words[at + 1]! << 16);
    if (keyLength !== key.length) return false;
    const from = at + 4;
    for (let i = 0; i < keyLength; i++) if (words[from + i] !== key.charCodeAt(i)) return false;
    return true;
  };
  /** The slot of `key`: where it is, or the empty slot where it would go. */
  const find = (key: string): number => {
    for (let i = hash(key) & mask; ; i = (i + 1) & mask) {
      const at = Atomics.load(table, i);
      if (at === 0 || matches(at, key)) return i;
    }
  };
  const lock = () => {
    while (Atomics.compareExchange(header, LOCK, 0, 1) !== 0) Atomics.wait(header, LOCK, 1, 5);
  };
  const unlock = () => {
    Atomics.store(header, LOCK, 0);
    Atomics.notify(header, LOCK, 1);
  };
  return {
    get(key) {
      const at = Atomics.load(table, find(key));
      if (at === 0) return undefined;
      const keyLength = words[at]! | (words[at + 1]! << 16);
      const valueLength = words[at + 2]! | (words[at + 3]! << 16);
      return decode(words, at + 4 + keyLength, valueLength);
    },
    put(key, value) {
      const size = 4 + key.length + value.length;
      lock();
      try {
        const i = find(key);
        if (Atomics.load(table, i) !== 0) return;
        // Half full is where linear probing starts to cost: stop adding there.
        if (header[ENTRIES]! >= slots >> 1) return;
        const at = Math.max(1, header[USED]!);
        if (at + size > words.length) return;
        words[at] = key.length & 0xffff;
        words[at + 1] = key.length >>> 16;
        words[at + 2] = value.length & 0xffff;
        words[at + 3] = value.length >>> 16;
        for (let k = 0; k < key.length; k++) words[at + 4 + k] = key.charCodeAt(k);
        const v = at + 4 + key.length;
        for (let k = 0; k < value.length; k++) words[v + k] = value.charCodeAt(k);
        header[USED] = at + size;
        header[ENTRIES] = header[ENTRIES]! + 1;
        // Published last: a reader that sees the offset sees the whole entry.
        Atomics.store(table, i, at);
      } finally {
        unlock();
      }
    },
  };
}
