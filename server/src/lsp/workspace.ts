// Configuration and databases for open documents: `.claimlintrc*` discovery (the CLI's
// resolveConfig) merged with editor settings, one database per set of claim packs, reloads when
// watched files change, and the problems of broken packs/configs (published on those files).
// A pack set that breaks on reload keeps its last good database. Also where `.claimlint/ignored.yaml`
// is, and the log lines saying what was loaded and which config files are in use.
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createConfigCache, isIgnoredByConfig, mergeEditorSettings, resolveConfig, CONFIG_FILES, type ConfigCache, type ResolvedConfig } from '../config/index.js';
import { loadEmbeddedDatabase, loadPackPaths, loadPacks, PACK_EXTENSIONS } from '../db/index.js';
import type { Database } from '../db/schema.js';
import { DEFAULT_CONFIG, type EngineConfig, type SeveritySetting } from '../engine/index.js';
import type { IgnoredEntry } from '../ignored/fingerprint.js';
import { IGNORE_DIR, IGNORE_FILE, IgnoredFindings, findIgnoreFile, relativeKey } from '../ignored/store.js';
import type { Logger } from './guard.js';
import type { EditorSettings } from './settings.js';

/** A problem in a pack or config file; line and column are 1-based. */
export interface FileProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
  kind: 'pack' | 'config';
}

export interface DocContext {
  engine: EngineConfig;
  db: Database;
  /** Changes whenever the database or engine config does (drop the analysis cache then). */
  key: string;
  /** The config's `ignore` patterns exclude this file: publish nothing. */
  ignored: boolean;
  configFile?: string;
  packs: string[];
  /** Restricted mode (untrusted workspace): only the embedded database, no workspace config or packs. */
  restricted?: boolean;
}

interface DbEntry {
  db: Database;
  /** Problems of the last load attempt (shown even when the last good db is kept). */
  problems: FileProblem[];
  generation: number;
  serial: number;
  /** `db` comes from a load without errors. */
  good: boolean;
}

export interface WorkspaceOptions {
  trusted: boolean;
  log: Logger;
  /** Workspace folder paths, for relative editor pack paths and documents without a file path. */
  folders: () => string[];
}

const hasErrors = (ps: readonly { severity: string }[]) => ps.some((p) => p.severity === 'error');

export class Workspace {
  private configCache: ConfigCache = createConfigCache();
  private embeddedDb?: Database;
  private readonly dbs = new Map<string, DbEntry>();
  private generation = 0;
  private serial = 0;
  /** Config problems by config file, from the latest resolution. */
  private readonly configProblems = new Map<string, FileProblem[]>();
  /** Per config file, its last resolution without errors. */
  private readonly lastGoodConfig = new Map<string, ResolvedConfig>();
  /** Every pack path (file or folder) a document's context used, for watch relevance. */
  private readonly packPaths = new Set<string>();
  private readonly ignores: IgnoredFindings;
  /** Config files and ignore files already named in the log since the last reload. */
  private readonly logged = new Set<string>();
  /** Every config file a document's cascade read, whatever its name (files named in `extends`). */
  private readonly configPaths = new Set<string>();

  constructor(private readonly opts: WorkspaceOptions) {
    this.ignores = new IgnoredFindings((m) => opts.log.warn(m));
  }

  get trusted(): boolean { return this.opts.trusted; }

  embedded(): Database {
    if (!this.embeddedDb) {
      const t0 = performance.now();
      const db = (this.embeddedDb = loadEmbeddedDatabase());
      this.opts.log.info(`claimlint: embedded claims database loaded: ${describeDb(db)} in ${Math.round(performance.now() - t0)} ms`);
    }
    return this.embeddedDb;
  }

  /** This document's entries of the nearest `.claimlint/ignored.yaml` (none when untrusted). */
  ignoredFor(path: string | undefined): IgnoredEntry[] {
    if (!this.opts.trusted || !path) return [];
    const { entries, file } = this.ignores.forFile(path);
    if (file && !this.logged.has(file)) { this.logged.add(file); this.opts.log.info(`claimlint: ignored findings read from ${file}`); }
    return entries;
  }

  /** Where "Ignore this finding here" records a finding of `path`: the nearest existing ignore
   *  file, else a new one in the document's workspace folder (or its own folder); and the
   *  document's key in it. */
  ignoreFileFor(path: string): { file: string; key: string } {
    const file = findIgnoreFile(dirname(path)) ?? join(this.folderOf(path) ?? dirname(path), IGNORE_DIR, IGNORE_FILE);
    return { file, key: relativeKey(dirname(dirname(file)), path) };
  }

  /** The context for a document (path undefined for untitled documents). */
  contextFor(path: string | undefined, settings: EditorSettings): DocContext {
    const editor = { rules: settings.rules as Partial<Record<string, SeveritySetting>>, citationStyle: settings.citationStyle, packs: settings.packs };
    if (!this.opts.trusted) {
      // Untrusted workspace: the embedded database and editor severities/citation style only;
      // no config files are read and no workspace packs are loaded.
      const base: ResolvedConfig = { engine: { ...DEFAULT_CONFIG, rules: {} }, packs: [], ignores: [], files: [], key: '', origins: { rules: {}, packs: [], ignore: [] }, errors: [] };
      const merged = mergeEditorSettings(base, { rules: editor.rules, citationStyle: editor.citationStyle });
      return { engine: merged.engine, db: this.embedded(), key: 'embedded|' + JSON.stringify(merged.engine), ignored: false, packs: [], restricted: true };
    }
    const folder = this.folderOf(path);
    const filePath = path ?? resolve(folder ?? process.cwd(), 'untitled.md');
    let resolved = resolveConfig(filePath, { cwd: folder ?? dirname(filePath), cache: this.configCache });
    if (resolved.file && !this.logged.has(resolved.file)) {
      this.logged.add(resolved.file);
      this.opts.log.info(`claimlint: using config ${resolved.file}${resolved.errors.length ? ` (${resolved.errors.length} problem(s))` : ''}`);
    }
    for (const f of resolved.files) this.configPaths.add(f);
    if (resolved.file) {
      // The cascade (every config file above the document, and what they extend) is the unit.
      const chain = resolved.files.join('\0') || resolved.file;
      this.configProblems.set(chain, resolved.errors.map((e) => ({ ...e, kind: 'config' as const })));
      // A config file broken while editing keeps its last good settings (its errors still show),
      // as a broken pack keeps the last good database: a typo must not silently drop the packs.
      const good = this.lastGoodConfig.get(resolved.key);
      if (hasErrors(resolved.errors)) { if (good) resolved = { ...good, errors: resolved.errors }; }
      else this.lastGoodConfig.set(resolved.key, resolved);
    }
    const merged = mergeEditorSettings(resolved, editor, folder ?? dirname(filePath));
    const { db, serial } = this.databaseFor(merged.packs);
    const ignored = path !== undefined && isIgnoredByConfig(merged, path);
    return {
      engine: merged.engine,
      db,
      key: `${serial}|${JSON.stringify(merged.engine)}`,
      ignored,
      configFile: resolved.file,
      packs: merged.packs,
    };
  }

  /** The database for a set of packs (absolute paths): embedded + packs, the last good one on errors. */
  private databaseFor(packs: string[]): { db: Database; serial: number } {
    if (packs.length === 0) return { db: this.embedded(), serial: 0 };
    const key = [...new Set(packs)].sort().join('\u0000');
    for (const p of packs) this.packPaths.add(p);
    const old = this.dbs.get(key);
    if (old && old.generation === this.generation) return old;
    const read = loadPackPaths(packs, process.cwd());
    const loaded = loadPacks(read.files, { base: this.embedded() });
    // Pack errors are 0-based; FileProblem is 1-based like config errors.
    const problems: FileProblem[] = [...read.errors, ...loaded.errors].map((e) => ({
      file: e.file, line: e.line + 1, column: e.column + 1, message: e.message, severity: e.severity, kind: 'pack' as const,
    }));
    let entry: DbEntry;
    if (old?.good && hasErrors(problems)) {
      // Broken on reload: keep serving the last good database, show the new problems.
      this.opts.log.warn(`claimlint: a claim pack has errors; keeping the last good database (${problems.length} problem(s))`);
      entry = { db: old.db, problems, generation: this.generation, serial: old.serial, good: true };
    } else {
      // Broken from the start: the loader's database (embedded + every valid record) is the best there is.
      entry = { db: loaded.db, problems, generation: this.generation, serial: ++this.serial, good: !hasErrors(problems) };
      this.opts.log.info(`claimlint: claim packs loaded (${packs.join(', ')}): ${describeDb(loaded.db)} with the embedded database${problems.length ? `; ${problems.length} problem(s)` : ''}`);
    }
    this.dbs.set(key, entry);
    return entry;
  }

  /** Every known problem, by file (pack and config files). Files without problems are absent. */
  problems(): Map<string, FileProblem[]> {
    const out = new Map<string, FileProblem[]>();
    const add = (p: FileProblem) => {
      const list = out.get(p.file) ?? [];
      if (!list.some((q) => q.line === p.line && q.column === p.column && q.message === p.message)) list.push(p);
      out.set(p.file, list);
    };
    // Only pack sets used since the last reload: a set no document uses any more shows nothing.
    for (const e of this.dbs.values()) if (e.generation === this.generation) e.problems.forEach(add);
    for (const ps of this.configProblems.values()) ps.forEach(add);
    return out;
  }

  /** Is a changed file one we must react to (a config file, or inside a pack path in use)? */
  isRelevant(path: string): boolean {
    const name = basename(path);
    if ((CONFIG_FILES as readonly string[]).includes(name)) return true;
    if (name === IGNORE_FILE && basename(dirname(path)) === IGNORE_DIR) return true;
    if (this.packPaths.has(path) || this.configPaths.has(path)) return true;
    if (!PACK_EXTENSIONS.includes(extname(path).toLowerCase())) return false;
    for (const p of this.packPaths) if (path.startsWith(p.endsWith(sep) ? p : p + sep)) return true;
    return false;
  }

  /** Forget cached configs and reload every pack set on next use. */
  invalidate(): void {
    this.configCache = createConfigCache();
    this.configProblems.clear();
    this.packPaths.clear();
    this.ignores.clear();
    this.logged.clear();
    this.configPaths.clear();
    this.generation++;
    // Entries two reloads old are unused: drop them (the previous generation stays as "last good").
    for (const [k, e] of this.dbs) if (e.generation < this.generation - 1) this.dbs.delete(k);
  }

  private folderOf(path: string | undefined): string | undefined {
    const folders = this.opts.folders();
    if (path === undefined) return folders[0];
    let best: string | undefined;
    for (const f of folders) {
      const rel = relative(f, path);
      if (rel && !rel.startsWith('..') && !isAbsolute(rel) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }
}

const describeDb = (db: Database) => `${db.claims.size} claims, ${db.sources.size} sources, ${db.concepts.size} concepts, ${db.cautions.size} cautions`;
