import { createRequire } from 'node:module';

/**
 * What Voikko and Hunspell share: koffi, the C library opened by the first of
 * its usual names that loads, and koffi's pointers (BigInt in koffi 3).
 */

export type Ptr = bigint;
/** A bound C function; `.async(...args, callback)` runs it in a background thread. */
export type NativeFn = ((...args: unknown[]) => unknown) & { async(...args: unknown[]): void };

export interface KoffiLib {
  func(signature: string): NativeFn;
}

export interface Koffi {
  load(name: string): KoffiLib;
  decode: { uint64(ptr: Ptr): number | bigint; string(ptr: Ptr): string };
}

export type Opened = { koffi: Koffi; lib: KoffiLib; name: string } | { detail: string };

/** koffi and the first of `names` it can load, or why neither is available ("libvoikko not found (…)"). */
export function openLibrary(names: readonly string[], what: string): Opened {
  let koffi: Koffi;
  try {
    koffi = createRequire(import.meta.url)('koffi') as Koffi;
  } catch (err) {
    return { detail: `koffi not loadable: ${firstLine(err)}` };
  }
  const tried: string[] = [];
  for (const name of names) {
    try {
      return { koffi, lib: koffi.load(name), name };
    } catch (err) {
      tried.push(`${name}: ${firstLine(err)}`);
    }
  }
  return { detail: `${what} not found (${tried.join('; ')})` };
}

/** A pointer koffi returned (null for NULL) as a BigInt address. */
export function toPtr(value: unknown): Ptr {
  return value === null || value === undefined ? 0n : BigInt(value as number | bigint);
}

export function firstLine(err: unknown): string {
  return String(err instanceof Error ? err.message : err).split('\n')[0]!;
}
