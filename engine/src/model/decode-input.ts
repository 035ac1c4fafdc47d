import type { Problem } from '../problems/index.js';
import { xmlProblems } from './problems-xml.js';

export type Decoded = { readonly text: string } | { readonly problem: Problem };

/**
 * Turns the input into text, refusing what is too large before any work
 * proportional to its size, and bytes that are not UTF-8 (a GBK export read
 * as UTF-8 would silently garble every Chinese name). A byte order mark is
 * dropped: it is legal before the XML declaration but the parser rejects it.
 */
export function decodeInput(input: string | Uint8Array, maxBytes: number): Decoded {
  // Callers in plain JavaScript (or JSON bodies) can hand over anything.
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) return { problem: xmlProblems.empty() };
  if (typeof input === 'string') {
    if (utf8LengthExceeds(input, maxBytes)) return { problem: xmlProblems.tooLarge(maxBytes) };
    return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input };
  }
  if (input.byteLength > maxBytes) return { problem: xmlProblems.tooLarge(maxBytes) };
  try {
    // fatal: invalid sequences throw instead of becoming U+FFFD; the BOM is consumed.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(input) };
  } catch {
    return { problem: xmlProblems.notUtf8() };
  }
}

/** UTF-8 length without encoding the string; stops as soon as the limit is passed. */
function utf8LengthExceeds(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
    if (bytes > maxBytes) return true;
  }
  return false;
}
