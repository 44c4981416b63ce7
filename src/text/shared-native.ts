import type { Ptr } from './native.js';

/**
 * One copy of each language component per process, whatever the number of
 * lint workers. Worker threads live in one address space: a Voikko or
 * Hunspell handle made by one thread works in another. The batch hands every
 * thread the same small SharedArrayBuffer (shareComponents); the first thread
 * that needs a component loads it and publishes its handle there, the others
 * wait for it and use it. Neither library may be entered by two threads at a
 * time on one handle, so each call runs under the slot's lock. The calls are
 * few (every verdict is memoised per thread), so the lock is seldom contended.
 *
 * Slot layout, per component: Int32 state, Int32 lock, BigInt64 handle.
 */

export type ComponentName = 'voikko' | `hunspell:${string}`;

const SLOT_BYTES = 16;
const EMPTY = 0;
const LOADING = 1;
const READY = 2;
const FAILED = 3;

/** The components a shared buffer holds slots for, in order. */
const SLOTS: readonly ComponentName[] = ['voikko', 'hunspell:sv_SE', 'hunspell:sv_FI'];

let shared: SharedArrayBuffer | undefined;

/** A buffer for shareComponents(), made once by the thread that starts the workers. */
export function createSharedComponents(): SharedArrayBuffer {
  return new SharedArrayBuffer(SLOTS.length * SLOT_BYTES);
}

/** Makes this thread load and find its language components through the shared buffer. */
export function shareComponents(buffer: SharedArrayBuffer | undefined): void {
  shared = buffer;
}

/** The shared buffer this thread uses, if any. */
export function sharedComponents(): SharedArrayBuffer | undefined {
  return shared;
}

/** Serialises calls into a native handle that other threads may hold too; a no-op for a handle of this thread only. */
export interface Guard {
  run<T>(f: () => T): T;
}

export const UNSHARED: Guard = { run: (f) => f() };

interface Slot {
  i32: Int32Array;
  handle: BigInt64Array;
}

function slotOf(name: ComponentName): Slot | undefined {
  const index = SLOTS.indexOf(name);
  if (!shared || index < 0) return undefined;
  return { i32: new Int32Array(shared, index * SLOT_BYTES, 2), handle: new BigInt64Array(shared, index * SLOT_BYTES + 8, 1) };
}

function guardOf(slot: Slot): Guard {
  const { i32 } = slot;
  return {
    run(f) {
      while (Atomics.compareExchange(i32, 1, 0, 1) !== 0) Atomics.wait(i32, 1, 1, 5);
      try {
        return f();
      } finally {
        Atomics.store(i32, 1, 0);
        Atomics.notify(i32, 1, 1);
      }
    },
  };
}

export type Acquired<T> =
  /** Another thread loaded it: use this handle under this guard. */
  | { kind: 'shared'; handle: Ptr; guard: Guard }
  /** Load it here; call publish with the handle (or null when it failed) so the others can use it. */
  | { kind: 'load'; guard: Guard; publish: (handle: Ptr | null) => void }
  /** No shared buffer, or another thread could not load it: load it here, for this thread only. */
  | { kind: 'local'; guard: Guard; publish?: undefined; _?: T };

/**
 * How this thread gets a component: from the thread that loaded it, or by
 * loading it and publishing the handle. Blocks while another thread loads it.
 */
export function acquire(name: ComponentName): Acquired<never> {
  const slot = slotOf(name);
  if (!slot) return { kind: 'local', guard: UNSHARED };
  const { i32, handle } = slot;
  for (;;) {
    const state = Atomics.compareExchange(i32, 0, EMPTY, LOADING);
    if (state === EMPTY) {
      return {
        kind: 'load',
        guard: guardOf(slot),
        publish(h) {
          if (h) Atomics.store(handle, 0, BigInt.asIntN(64, h));
          Atomics.store(i32, 0, h ? READY : FAILED);
          Atomics.notify(i32, 0);
        },
      };
    }
    if (state === READY) return { kind: 'shared', handle: BigInt.asUintN(64, Atomics.load(handle, 0)), guard: guardOf(slot) };
    if (state === FAILED) return { kind: 'local', guard: UNSHARED };
    Atomics.wait(i32, 0, LOADING, 50);
  }
}
