// `--shard i/n`: which files one CI job of n lints. A file's shard depends on its path only (as
// shown, relative to the working folder), so it stays put when other files are added or removed and
// every job of a matrix agrees without talking to the others.
import { hash64 } from '../engine/index.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses "i/n" (1 ≤ i ≤ n); undefined when malformed. */
export function parseShard(text: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count && count <= 10_000 ? { index, count } : undefined;
}

export function shardOf(path: string, count: number): number {
  const [hi, lo] = hash64(path.split('\\').join('/'));
  // Combine both halves so that the shard does not hinge on a handful of bits.
  return (((hi >>> 0) % count) * (2 ** 32 % count) + ((lo >>> 0) % count)) % count + 1;
}

export const inShard = (path: string, shard: Shard): boolean => shard.count === 1 || shardOf(path, shard.count) === shard.index;
