// `claimlint db check [PATHS]`: validates the embedded packs (from claims/ in a source checkout)
// or user pack files and folders layered on the embedded database.
import { embeddedPackFiles, embeddedLocations, loadEmbeddedDatabase, loadPackPaths } from './embedded.js';
import { loadPacks, hasErrors, type PackError } from '../loader.js';
import type { Database } from '../schema.js';

export interface PackCounts {
  files: number;
  sources: number;
  concepts: number;
  claims: number;
  cautions: number;
}

export interface CheckResult {
  /** Every problem, errors and warnings (0-based positions; print with formatPackError). */
  errors: PackError[];
  /** Records loaded from the checked packs (not counting the embedded database they are layered on). */
  counts: PackCounts;
  /** True when there is no error-severity problem: `claimlint db check` exits 0, else 2. */
  ok: boolean;
}

export interface CheckOptions {
  cwd?: string;
  /** Database user packs are layered on (default: the embedded database). */
  base?: Database;
}

/**
 * Validates packs. Without paths, validates the embedded database from its YAML sources (claims/)
 * when they are present, else the compiled copy. With paths, validates those files/folders as user
 * packs layered on the embedded database (so they may reference its concepts and sources).
 */
export function checkPacks(paths: string[] = [], options: CheckOptions = {}): CheckResult {
  if (paths.length === 0) {
    const { claimsDir } = embeddedLocations();
    if (claimsDir) {
      const files = embeddedPackFiles(claimsDir);
      const { db, errors } = loadPacks(files);
      return { errors, counts: countsOf(db, files.length), ok: !hasErrors(errors) };
    }
    const db = loadEmbeddedDatabase();
    return { errors: [], counts: countsOf(db, 1), ok: true };
  }
  const { files, errors: readErrors } = loadPackPaths(paths, options.cwd);
  const base = options.base ?? loadEmbeddedDatabase();
  const { db, errors } = loadPacks(files, { base });
  const own = {
    files: files.length,
    sources: db.sources.size - base.sources.size,
    concepts: db.concepts.size - base.concepts.size,
    claims: db.claims.size - base.claims.size,
    cautions: db.cautions.size - base.cautions.size,
  };
  const all = [...readErrors, ...errors];
  return { errors: all, counts: own, ok: !hasErrors(all) };
}

function countsOf(db: Database, files: number): PackCounts {
  return { files, sources: db.sources.size, concepts: db.concepts.size, claims: db.claims.size, cautions: db.cautions.size };
}
