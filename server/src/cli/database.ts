// The databases a run needs: the embedded one, plus one per distinct set of extra packs
// (configs can differ per folder). Each is loaded once per thread.
import { createHash } from 'node:crypto';
import type { Database } from '../db/schema.js';
import { loadEmbeddedDatabase, loadPackPaths } from '../db/io/embedded.js';
import { loadPacks, type PackError } from '../db/loader.js';

export interface LoadedDatabase {
  db: Database;
  /** Problems in the extra packs (the embedded database throws instead). */
  errors: PackError[];
  /** Content hash of the merged database, for the cache key. */
  readonly fingerprint: string;
}

export class DatabaseStore {
  private loaded = new Map<string, LoadedDatabase>();

  constructor(private readonly cwd: string) {}

  /** Identifies a pack set. */
  static key(packs: readonly string[]): string {
    return [...packs].sort().join('\0');
  }

  /** Every database loaded so far, by pack-set key (handed to worker threads, so that all threads
   *  of a run use the very same records even if pack files change during the run). */
  snapshot(): Record<string, Database> {
    return Object.fromEntries([...this.loaded].map(([k, v]) => [k, v.db]));
  }

  /** Adopts databases loaded elsewhere (a worker receiving the main thread's snapshot). */
  adopt(databases: Record<string, Database>): void {
    for (const [k, db] of Object.entries(databases)) {
      let fingerprint: string | undefined;
      this.loaded.set(k, { db, errors: [], get fingerprint() { return (fingerprint ??= databaseFingerprint(db)); } });
    }
  }

  /** The embedded database merged with `packs` (absolute paths). Throws if the embedded database is broken. */
  get(packs: readonly string[]): LoadedDatabase {
    const key = DatabaseStore.key(packs);
    const hit = this.loaded.get(key);
    if (hit) return hit;
    const embedded = loadEmbeddedDatabase();
    let result: { db: Database; errors: PackError[] };
    if (packs.length === 0) result = { db: embedded, errors: [] };
    else {
      const read = loadPackPaths([...packs], this.cwd);
      const merged = loadPacks(read.files, { base: embedded });
      result = { db: merged.db, errors: [...read.errors, ...merged.errors] };
    }
    let fingerprint: string | undefined;
    const entry: LoadedDatabase = {
      ...result,
      get fingerprint() {
        return (fingerprint ??= databaseFingerprint(result.db));
      },
    };
    this.loaded.set(key, entry);
    return entry;
  }
}

/** A stable hash of a database's records (not where they were loaded from). */
export function databaseFingerprint(db: Database): string {
  const h = createHash('sha1');
  for (const key of ['sources', 'concepts', 'claims', 'cautions'] as const) {
    const map = db[key] as Map<string, unknown>;
    for (const id of [...map.keys()].sort()) h.update(`${key}:${id}\0${JSON.stringify(map.get(id))}\n`);
  }
  return h.digest('hex');
}
