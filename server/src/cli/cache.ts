// `--cache`: remembers each file's diagnostics, keyed by its content hash and a key covering
// everything else that decides them (claimlint's version, the effective config, the database).
import { mkdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from './report.js';
import { readRegularFile, writeFileAtomic } from '../fs/safe-fs.js';

const FORMAT = 1;

interface Entry { hash: string; key: string; diagnostics: Diagnostic[] }
interface CacheFile { format: number; tool: string; entries: Record<string, Entry> }

export class LintCache {
  hits = 0;
  misses = 0;
  private entries: Record<string, Entry> = {};
  private dirty = false;

  private constructor(readonly location: string, private readonly tool: string) {}

  /** `location` is a file, or an existing folder (the cache is then `.claimlintcache` inside it). */
  static open(location: string, cwd: string, tool: string): LintCache {
    let file = resolve(cwd, location);
    try {
      if (statSync(file).isDirectory()) file = join(file, '.claimlintcache');
    } catch {
      if (/[\\/]$/.test(location)) file = join(file, '.claimlintcache');
    }
    const cache = new LintCache(file, tool);
    try {
      const read = readRegularFile(file);
      if (!read.ok) return cache;
      const data = JSON.parse(read.data.toString('utf8')) as CacheFile;
      // A cache from another claimlint version or format is discarded whole.
      if (data.format === FORMAT && data.tool === tool && data.entries && typeof data.entries === 'object') cache.entries = data.entries;
    } catch {
      // missing or unreadable: start empty
    }
    return cache;
  }

  get(path: string, hash: string, key: string): Diagnostic[] | undefined {
    const e = this.entries[path];
    if (e && e.hash === hash && e.key === key) {
      this.hits++;
      return e.diagnostics;
    }
    this.misses++;
    return undefined;
  }

  set(path: string, hash: string, key: string, diagnostics: Diagnostic[]): void {
    this.entries[path] = { hash, key, diagnostics };
    this.dirty = true;
  }

  delete(path: string): void {
    if (path in this.entries) {
      delete this.entries[path];
      this.dirty = true;
    }
  }

  /** Writes the cache (atomically), dropping entries of files that no longer exist. */
  save(): void {
    for (const p of Object.keys(this.entries)) {
      if (!existsSync(p)) {
        delete this.entries[p];
        this.dirty = true;
      }
    }
    if (!this.dirty && existsSync(this.location)) return;
    mkdirSync(dirname(this.location), { recursive: true });
    writeFileAtomic(this.location, JSON.stringify({ format: FORMAT, tool: this.tool, entries: this.entries } satisfies CacheFile));
    this.dirty = false;
  }
}
