// File-system adapter for the database: the embedded database compiled at build time
// (dist/claims.json, written by scripts/build-db.mjs from claims/*.yaml) and user pack paths.
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, extname, join, relative, resolve, isAbsolute, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPacks, type PackError, type PackInput } from '../loader.js';
import type { Database, RecognizerWeights } from '../schema.js';
import { databaseFromJson, type CompiledDb } from '../compiled.js';
import { readRegularFile } from '../../fs/safe-fs.js';

/** The recogniser's weights beside the embedded claims (written by npm run train:recognizer). */
export const RECOGNIZER_FILE = 'recognizer.model.json';

export const PACK_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Files in a pack folder that are not packs (the generated JSON Schema, model weights, an npm package's manifests). */
const isSchemaFile = (name: string) => name === 'schema.json' || name.endsWith('.schema.json') || name.endsWith('.model.json') || name === 'package.json' || name === 'package-lock.json';

/**
 * A pack folder that is an npm package (`packs: ["claimlint-pack-ssri"]`): its packs are where its
 * package.json's "claimlintPack" says (a file or folder, default the package itself), and its
 * namespace is the package name (without the @scope/). Undefined for a plain folder.
 */
function packagePack(dir: string): { path: string; namespace: string } | undefined {
  const read = readRegularFile(join(dir, 'package.json'), 1024 * 1024);
  if (!read.ok) return undefined;
  try {
    const pkg = JSON.parse(read.data.toString('utf8')) as { name?: unknown; claimlintPack?: unknown };
    const name = typeof pkg.name === 'string' ? pkg.name.replace(/^@[^/]+\//, '') : basename(dir);
    const sub = typeof pkg.claimlintPack === 'string' ? resolve(dir, pkg.claimlintPack) : dir;
    // The pack must stay inside the package.
    const rel = relative(dir, sub);
    return { path: rel.startsWith('..') || isAbsolute(rel) ? dir : sub, namespace: name };
  } catch {
    return undefined;
  }
}

function moduleDir(): string | undefined {
  // CommonJS bundles (esbuild --format=cjs) have __filename; ESM has import.meta.url.
  if (typeof __filename === 'string' && __filename) return dirname(__filename);
  try {
    const url = import.meta.url;
    return url ? dirname(fileURLToPath(url)) : undefined;
  } catch {
    return undefined;
  }
}

/** The package root (the folder holding package.json) above `from`. */
function packageRoot(from: string | undefined): string | undefined {
  let dir = from;
  while (dir) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/** Where the compiled database and the YAML sources are expected. */
export function embeddedLocations(): { json: string[]; claimsDir?: string; root?: string } {
  const here = moduleDir();
  const root = packageRoot(here);
  const json: string[] = [];
  if (process.env.CLAIMLINT_DB) json.push(resolve(process.env.CLAIMLINT_DB));
  if (here) json.push(join(here, 'claims.json')); // bundled into dist/
  if (root) json.push(join(root, 'dist', 'claims.json')); // compiled into out/server/src/db/
  const claimsDir = root && existsSync(join(root, 'claims')) ? join(root, 'claims') : undefined;
  return { json, claimsDir, root };
}

/** The embedded pack files (claims/*.yaml) of a source checkout. */
export function embeddedPackFiles(claimsDir = embeddedLocations().claimsDir): PackInput[] {
  if (!claimsDir) throw new Error('the claims/ folder was not found');
  const root = dirname(claimsDir);
  return packFilesIn(claimsDir).map((p) => ({ file: relative(root, p).split('\\').join('/'), text: readFileSync(p, 'utf8') }));
}

/** Pack files under `dir`, sorted. Links to folders are not followed (no cycles); anything else
 *  with a pack name is listed, so that a FIFO or device named x.yaml is reported, not skipped. */
function packFilesIn(dir: string, depth = 0): string[] {
  if (depth > 32) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e: Dirent) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return e.name.startsWith('.') || e.name === 'node_modules' ? [] : packFilesIn(p, depth + 1);
      return PACK_EXTENSIONS.includes(extname(e.name).toLowerCase()) && !isSchemaFile(e.name) && !isFolderLink(p) ? [p] : [];
    })
    .sort();
}

function isFolderLink(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Largest pack file read (the embedded database's biggest is under 50 KB). */
export const MAX_PACK_BYTES = 16 * 1024 * 1024;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A pack file's text, or why it cannot be one. Only regular files are read (non-blocking, capped). */
function readPackFile(path: string): { text: string } | { error: string } {
  const read = readRegularFile(path, MAX_PACK_BYTES);
  if (!read.ok) {
    if (read.code === 'ENOTFILE') return { error: `${read.reason}; claim packs are read only from regular files` };
    if (read.code === 'EFBIG') return { error: `${read.reason} for a claim pack` };
    return { error: read.reason === 'no such file' ? 'no such file or folder' : read.reason };
  }
  if (read.data.includes(0)) return { error: 'not a claim pack: a binary file, not text' };
  try {
    return { text: strictUtf8.decode(read.data) };
  } catch {
    return { error: 'not a claim pack: not UTF-8 text' };
  }
}

const cache = new Map<string, Database>();

/**
 * The embedded database. Reads the compiled dist/claims.json (fast: one JSON.parse); in a source
 * checkout where claims/*.yaml are newer than it (or it is missing), compiles the YAML instead so
 * that edits are never silently ignored. Throws if the embedded database is invalid.
 */
export function loadEmbeddedDatabase(path?: string): Database {
  const key = path ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const { json, claimsDir, root } = embeddedLocations();
  const candidates = path ? [resolve(path)] : json;
  const file = candidates.find((p) => existsSync(p));
  let db: Database;
  if (file && (path || !claimsDir || !yamlNewerThan(claimsDir, file))) {
    const rootForOrigins = root ?? dirname(file);
    db = databaseFromJson(JSON.parse(readFileSync(file, 'utf8')) as CompiledDb, rootForOrigins);
  } else if (claimsDir) {
    const result = loadPacks(embeddedPackFiles(claimsDir));
    const bad = result.errors.filter((e) => e.severity === 'error');
    if (bad.length) throw new Error(`the embedded claims database is invalid:\n${bad.map((e) => `${e.file}:${e.line + 1}:${e.column + 1}: ${e.message}`).join('\n')}`);
    db = result.db;
    db.recognizer = readRecognizer(claimsDir);
    const r = dirname(claimsDir);
    for (const [k, o] of db.origins) db.origins.set(k, { ...o, file: join(r, o.file) });
  } else {
    throw new Error(`the embedded claims database was not found (looked for ${candidates.join(', ')}); run \`npm run build\``);
  }
  cache.set(key, db);
  return db;
}

/** The embedded recogniser's weights in a source checkout's claims/ folder, if trained. */
export function readRecognizer(claimsDir: string): RecognizerWeights | undefined {
  const file = join(claimsDir, RECOGNIZER_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RecognizerWeights) : undefined;
}

function yamlNewerThan(claimsDir: string, jsonFile: string): boolean {
  const t = statSync(jsonFile).mtimeMs;
  const model = join(claimsDir, RECOGNIZER_FILE);
  return packFilesIn(claimsDir).some((p) => statSync(p).mtimeMs > t) || (existsSync(model) && statSync(model).mtimeMs > t);
}

/**
 * Reads pack files and folders (recursively: .yaml, .yml, .json, skipping schema.json) into loader input.
 * Paths are resolved against `cwd`; a missing path is an error at 1:1 of that path.
 */
export function loadPackPaths(paths: string[], cwd: string = process.cwd()): { files: PackInput[]; errors: PackError[] } {
  const files: PackInput[] = [];
  const errors: PackError[] = [];
  const seen = new Set<string>();
  for (const p of paths) {
    let abs = resolve(cwd, p);
    let list: string[];
    let namespace: string | undefined;
    try {
      let st = statSync(abs);
      if (st.isDirectory()) {
        const pkg = packagePack(abs);
        namespace = pkg?.namespace ?? basename(abs);
        if (pkg && pkg.path !== abs) {
          abs = pkg.path;
          st = statSync(abs);
        }
      }
      list = st.isDirectory() ? packFilesIn(abs) : [abs];
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      errors.push({ file: p, line: 0, column: 0, message: code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : `cannot read (${code})`, severity: 'error' });
      continue;
    }
    if (list.length === 0) errors.push({ file: p, line: 0, column: 0, message: 'the folder holds no .yaml, .yml or .json packs', severity: 'warning' });
    for (const f of list) {
      if (seen.has(f)) continue;
      seen.add(f);
      const read = readPackFile(f);
      if ('error' in read) {
        errors.push({ file: f, line: 0, column: 0, message: read.error, severity: 'error' });
        continue;
      }
      const text = read.text;
      if (!PACK_EXTENSIONS.includes(extname(f).toLowerCase())) {
        errors.push({ file: f, line: 0, column: 0, message: `'${basename(f)}' is not a .yaml, .yml or .json pack`, severity: 'warning' });
      }
      files.push(namespace ? { file: f, text, namespace } : { file: f, text });
    }
  }
  return { files, errors };
}
