import { describe, expect, it } from 'vitest';
import { sharedStore, storeBytes } from '../src/text/shared-memo.js';
import { createSharedComponents, shareComponents } from '../src/text/shared-native.js';
import { BOOLEAN, json, Memo } from '../src/text/memo.js';

describe('the shared memo of the spellers', () => {
  it('finds in one view what another view of the same buffer put, keys and values of any length', () => {
    const buffer = new SharedArrayBuffer(storeBytes(64, 64 * 1024));
    const a = sharedStore(buffer, 0, 64, 64 * 1024);
    const b = sharedStore(buffer, 0, 64, 64 * 1024);
    const long = 'ä'.repeat(70_000 >> 2) + 'x'.repeat(5000);
    a.put('v:s:kissa', '1');
    a.put('v:a:talo', JSON.stringify([{ baseform: 'talo', class: 'nimisana' }]));
    a.put(long, 'pitkä');
    expect(b.get('v:s:kissa')).toBe('1');
    expect(JSON.parse(b.get('v:a:talo')!)).toEqual([{ baseform: 'talo', class: 'nimisana' }]);
    expect(b.get(long)).toBe('pitkä');
    expect(b.get('v:s:koira')).toBeUndefined();
    // The first answer stays: a second put of a key changes nothing.
    b.put('v:s:kissa', '0');
    expect(a.get('v:s:kissa')).toBe('1');
  });

  it('stops adding when half the table is used, keeping what it has', () => {
    const buffer = new SharedArrayBuffer(storeBytes(8, 4096));
    const store = sharedStore(buffer, 0, 8, 4096);
    for (let i = 0; i < 10; i++) store.put(`k${i}`, `v${i}`);
    expect([...Array(10).keys()].map((i) => store.get(`k${i}`))).toEqual(['v0', 'v1', 'v2', 'v3', undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('stops adding when the arena is full', () => {
    const buffer = new SharedArrayBuffer(storeBytes(64, 64));
    const store = sharedStore(buffer, 0, 64, 64);
    store.put('a', 'x'.repeat(20));
    store.put('b', 'y'.repeat(20));
    expect(store.get('a')).toBe('x'.repeat(20));
    expect(store.get('b')).toBeUndefined();
  });

  it("gives a thread's memo the answers another memo of the batch put", () => {
    shareComponents(createSharedComponents());
    try {
      const here = new Memo<boolean>(10, { kind: 't:s:', ...BOOLEAN });
      const there = new Memo<boolean>(10, { kind: 't:s:', ...BOOLEAN });
      const readings = new Memo<{ baseform: string }[]>(10, { kind: 't:a:', ...json<{ baseform: string }[]>() });
      here.set('kissa', true);
      here.set('kisa', false);
      readings.set('talo', [{ baseform: 'talo' }]);
      expect(there.get('kissa')).toBe(true);
      expect(there.get('kisa')).toBe(false);
      // Kinds keep the memos apart.
      expect(there.get('talo')).toBeUndefined();
      expect(new Memo<{ baseform: string }[]>(10, { kind: 't:a:', ...json<{ baseform: string }[]>() }).get('talo')).toEqual([{ baseform: 'talo' }]);
    } finally {
      shareComponents(undefined);
    }
    // Outside a batch a memo is its own.
    expect(new Memo<boolean>(10, { kind: 't:s:', ...BOOLEAN }).get('kissa')).toBeUndefined();
  });
});
