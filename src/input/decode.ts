/**
 * Bytes to text for plain-text replies: UTF-8 (with or without BOM) and UTF-16
 * with a BOM. Anything else is refused with a reason rather than guessed, so
 * no reply is ever linted as mojibake.
 */
import type { InputErrorCode } from '../types.js';

export type Decoded = { text: string } | { error: InputErrorCode };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { error: 'binary' };
  try {
    let text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    const legacy = /[\xc4\xd6\xe4\xf6\xc5\xe5\x80\x96\x93\x94]/.test(Buffer.from(bytes.subarray(0, 65536)).toString('latin1'));
    return { error: legacy ? 'legacy-encoding' : 'not-utf8' };
  }
}
