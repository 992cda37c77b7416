// The compiled form of a database (dist/claims.json, the web extension's bundled copy) and its
// conversion to and from a Database. Pure: no file system.
import { isAbsolute, join, relative } from 'node:path';
import { emptyDatabase } from './loader.js';
import type { Caution, Claim, Concept, Database, Origin, RecognizerWeights, Source } from './schema.js';

/** The compiled form of a database: plain records plus origins, as written to dist/claims.json. */
export interface CompiledDb {
  version: 1;
  sources: Source[];
  concepts: Concept[];
  claims: Claim[];
  cautions: Caution[];
  /** "claim:ID" → [file relative to the package root, line, column] (0-based). */
  origins: Record<string, [string, number, number]>;
  recognizer?: RecognizerWeights;
}

export function databaseToJson(db: Database, root?: string): CompiledDb {
  const origins: CompiledDb['origins'] = {};
  for (const [k, o] of db.origins) {
    const file = root && isAbsolute(o.file) ? relative(root, o.file).split('\\').join('/') : o.file;
    origins[k] = [file, o.line, o.column];
  }
  return {
    version: 1,
    sources: [...db.sources.values()],
    concepts: [...db.concepts.values()],
    claims: [...db.claims.values()],
    cautions: [...db.cautions.values()],
    origins,
    ...(db.recognizer ? { recognizer: db.recognizer } : {}),
  };
}

/** Rebuilds a Database from its compiled form; relative origin files are resolved against `root` when given. */
export function databaseFromJson(json: CompiledDb, root?: string): Database {
  if (!json || json.version !== 1) throw new Error('unsupported compiled database format (expected version 1); rebuild with `npm run build`');
  const db = emptyDatabase();
  for (const s of json.sources) db.sources.set(s.id, s);
  for (const c of json.concepts) db.concepts.set(c.id, c);
  for (const c of json.claims) db.claims.set(c.id, c);
  for (const c of json.cautions) db.cautions.set(c.id, c);
  if (json.recognizer) db.recognizer = json.recognizer;
  for (const [k, [file, line, column]] of Object.entries(json.origins)) {
    const o: Origin = { file: root && !isAbsolute(file) ? join(root, file) : file, line, column };
    db.origins.set(k, o);
  }
  return db;
}
