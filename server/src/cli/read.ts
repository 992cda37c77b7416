// Reading a file to lint: whole (no size cut-off), strictly UTF-8, BOM stripped (as editors do;
// offsets then match the language server's) and remembered so fixes can write it back.
import { readRegularFile, sha1 } from '../fs/safe-fs.js';

export type ReadResult =
  | { ok: true; text: string; bom: boolean; hash: string }
  | { ok: false; reason: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeText(buf: Uint8Array): ReadResult {
  const nul = buf.indexOf(0);
  if (nul !== -1) return { ok: false, reason: `not UTF-8 text (binary: NUL byte at offset ${nul})` };
  let text: string;
  try {
    text = decoder.decode(buf);
  } catch {
    return { ok: false, reason: `not UTF-8 text (invalid byte sequence at offset ${firstInvalid(buf)})` };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { ok: true, text, bom, hash: sha1(buf) };
}

export function readTextFile(path: string): ReadResult {
  // Non-blocking open: a path swapped for a FIFO after discovery is reported, not waited on.
  const read = readRegularFile(path);
  if (read.ok) return decodeText(read.data);
  return { ok: false, reason: read.code === 'ENOTFILE' ? read.reason : `cannot read (${read.code})` };
}

/** Byte offset of the first invalid UTF-8 sequence (for the message). */
function firstInvalid(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > b.length) return i;
    for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    if (n === 3 && ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] >= 0xa0))) return i;
    if (n === 4 && ((c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] >= 0x90))) return i;
    i += n;
  }
  return b.length;
}
