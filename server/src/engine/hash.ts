// A fast, stable 64-bit hash of a string range (two independent 32-bit FNV-1a style hashes):
// for cache keys and fingerprints, where a cryptographic hash would cost far more than it buys.

/** The two 32-bit halves of the hash of text[start, end). */
export function hash64(text: string, start = 0, end = text.length): [number, number] {
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ (end - start);
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return [h1 >>> 0, h2 >>> 0];
}

/** The hash as 16 hexadecimal digits. */
export function hash64Hex(text: string): string {
  const [a, b] = hash64(text);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
