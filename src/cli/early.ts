import { fstatSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { languageHint } from '../text/language.js';
import { preloadLanguage } from '../text/preload.js';

/** Read early only what a draft could be; a larger input is left to the stream. */
const EARLY_LIMIT = 4 * 1024 * 1024;
const NOT_LINT = new Set(['rules', 'init', 'doctor', '-h', '--help', '-v', '--version']);

/**
 * The first thing the CLI does, before its bundle loads (~35 ms): a draft piped
 * to stdin is read at once, and the speller of its language starts loading in
 * a background thread, so the two overlap. Returns the stdin the CLI is to
 * read — the bytes read here, then whatever is left — or undefined when
 * stdin is not read here (a terminal, no "-", another command).
 */
export function startEarly(argv: readonly string[], limit = EARLY_LIMIT): NodeJS.ReadStream | undefined {
  if (!(argv.includes('-') || argv.length === 0) || argv.some((a) => NOT_LINT.has(a))) return undefined;
  try {
    const stat = fstatSync(0);
    if (!(stat.isFile() || stat.isFIFO() || stat.isSocket())) return undefined;
  } catch {
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = false;
  try {
    while (size < limit) {
      const buffer = Buffer.allocUnsafe(Math.min(64 * 1024, limit - size));
      const n = readSync(0, buffer, 0, buffer.length, null);
      if (n === 0) {
        complete = true;
        break;
      }
      chunks.push(buffer.subarray(0, n));
      size += n;
    }
  } catch (err) {
    // EAGAIN: a non-blocking pipe with nothing in it yet; the stream reads the rest.
    if ((err as NodeJS.ErrnoException).code === 'EOF') complete = true;
  }
  const head = Buffer.concat(chunks);
  const inputFormat = argv.find((a, i) => argv[i - 1] === '--input-format' || a.startsWith('--input-format='));
  const forced = argv.find((a, i) => argv[i - 1] === '--lang' || a.startsWith('--lang='))?.replace(/^--lang=/, '');
  if (!inputFormat || /(^|=)text$/.test(inputFormat)) {
    const lang = forced === 'fi' || forced === 'sv' ? forced : languageHint(head.toString('utf8'));
    if (lang) preloadLanguage(lang);
  }
  const stream = complete ? Readable.from([head]) : Readable.from(concat(head, process.stdin));
  return stream as unknown as NodeJS.ReadStream;
}

async function* concat(head: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  yield* rest;
}
