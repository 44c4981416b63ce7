import type { InputError } from '../types.js';

/**
 * The size limits of reading, in one place: the `too-large` error every
 * reader reports, and reading a stream whole up to a limit.
 */

/** `atLeast`: reading stopped at the limit, so the size is only a lower bound. */
export function tooLarge(path: string, size: number, max: number, atLeast = false): { error: InputError } {
  return { error: { path, code: 'too-large', detail: { size: `${atLeast ? '>' : ''}${(size / 1048576).toFixed(1)}`, limit: max / 1048576 } } };
}

/**
 * A stream's bytes, up to `limit`: past it the rest is not read or kept
 * (`aspalint - < /dev/zero` ends), and the error names `path`.
 */
export async function readWithin(source: AsyncIterable<Buffer | string>, path: string, limit: number): Promise<{ bytes: Buffer } | { error: InputError }> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > limit) return tooLarge(path, total, limit, true);
    chunks.push(buffer);
  }
  return { bytes: Buffer.concat(chunks, total) };
}
