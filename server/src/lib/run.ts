// One lint run, shared by the `claimlint` command and the library's `lint()`: which files, their
// configuration and databases, reading, the cache, and linting on the thread pool. What to do with
// the results (write fixes, print a report, exit codes) is the caller's.
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { PackError } from '../db/loader.js';
import type { Claim } from '../db/schema.js';
import type { Code, SeveritySetting } from '../engine/index.js';
import { UsageError } from '../cli/args.js';
import type { LintCache } from '../cli/cache.js';
import { DatabaseStore } from '../cli/database.js';
import { discoverFiles, displayPath, IgnoreFiles, type DiscoveredFile } from '../cli/files.js';
import type { LintJob, LintOutcome } from '../cli/lint.js';
import { IgnoredFindings } from '../ignored/store.js';
import { defaultThreads, runJobs, type PoolStats } from '../cli/pool.js';
import { decodeText, readTextFile } from '../cli/read.js';
import type { FileReport, SkippedFile } from '../cli/report.js';
import { checkPackErrors, createConfigResolver, failOnConfigErrors, SetupError, type Effective } from '../cli/shared.js';
import { sha1 } from '../fs/safe-fs.js';
import { inShard, type Shard } from './shard.js';

/** A text to lint that is not read from a file (standard input, the library's `strings`). */
export interface TextInput {
  /** Bytes are decoded as strictly as files are. */
  text: string | Uint8Array;
  /** Where the text would live: selects its configuration (absolute, or relative to cwd). */
  path: string;
  /** As shown in reports. */
  display: string;
}

export interface RunOptions {
  cwd: string;
  /** Files, folders and globs (none: the current folder, unless `texts` are given). */
  patterns: readonly string[];
  texts?: readonly TextInput[];
  /** --config: one config file for everything. */
  config?: string;
  packs: readonly string[];
  rules: Partial<Record<Code, SeveritySetting>>;
  noIgnore?: boolean;
  /** A pattern or folder without Markdown files is a usage error (exit 2) rather than a warning. */
  errorOnUnmatchedPattern?: boolean;
  /** Compute the safe fixes (the fixed text comes back as `output`). */
  fix?: boolean;
  cache?: LintCache;
  /** Executors including the calling thread; undefined = automatic. */
  threads?: number;
  shard?: Shard;
  signal?: AbortSignal;
  /** The lint worker module (it is found next to the entry point, which differs per bundle). */
  workerUrl: URL;
  /** Cache key prefix: what besides config and database decides the findings (claimlint's version). */
  tool: string;
  /** Warnings and notes, in order (the CLI prints them on stderr). */
  onMessage?: (line: string) => void;
  /** Called once the number of files to lint is known, and after each. */
  progress?: (total: number) => { tick(): void; end(): void };
}

/** A linted file (or text) with what the caller needs to write fixes and update the cache. */
export interface RunFile {
  report: FileReport;
  /** Absent for cache hits. */
  source?: { text: string; bom: boolean; hash: string; key: string };
  /** From a file (false for stdin and strings). */
  onDisk: boolean;
  /** An internal error while linting it. */
  error?: string;
  /** Milliseconds spent linting it (0 for cache hits). */
  ms: number;
}

export interface RunResult {
  /** In discovery order (texts first). */
  files: RunFile[];
  skipped: SkippedFile[];
  /** Files found before sharding. */
  found: number;
  stats: PoolStats;
  /** A claim of the run's databases, by id. */
  claim(id: string): Claim | undefined;
}

type Say = (line: string) => void;
type Configs = ReturnType<typeof createConfigResolver>;
interface Input { file: DiscoveredFile; text?: TextInput }

/** Discovers, configures, reads and lints. Throws UsageError / SetupError for exit-2 problems. */
export async function runLint(opts: RunOptions): Promise<RunResult> {
  const { cwd } = opts;
  const say = opts.onMessage ?? (() => {});
  const signal = opts.signal;
  signal?.throwIfAborted();
  const configs = createConfigResolver({ config: opts.config, packs: [...opts.packs], rules: opts.rules }, cwd);
  if (opts.config) configs.forFile(`${cwd}/_`); // report a broken --config even when no file is found

  // 1. Files.
  const { inputs, found } = selectInputs(opts, configs, say);
  // 2. Configs and databases (a broken pack stops the run before any work).
  const { store, perFile } = prepareDatabases(inputs, configs, cwd, say);
  // 3. Read; answer from the cache where possible.
  const { files, skipped, jobs, totalBytes } = readInputs(inputs, perFile, store, opts, say);

  // 4. Lint.
  const threads = opts.threads ?? defaultThreads(jobs.length, totalBytes, availableParallelism());
  const progress = opts.progress?.(jobs.length);
  let outcomes: LintOutcome[];
  let stats: PoolStats;
  try {
    ({ outcomes, stats } = await runJobs(jobs, { threads, cwd, store, workerUrl: opts.workerUrl, signal, onOutcome: () => progress?.tick() }));
  } finally {
    progress?.end();
  }
  for (const o of outcomes) {
    const f = files[o.index]!;
    f.report.diagnostics = o.diagnostics;
    f.ms = f.report.ms = o.ms ?? 0;
    if (o.fixesApplied) f.report.fixesApplied = o.fixesApplied;
    if (o.output !== undefined) f.report.output = o.output;
    if (o.error) f.error = o.error;
  }
  const databases = Object.values(store.snapshot());
  const claim = (id: string) => databases.find((db) => db.claims.has(id))?.claims.get(id);
  return { files: files.filter((f): f is RunFile => f !== undefined), skipped, found: found + (opts.texts ?? []).length, stats, claim };
}

/** The texts and the files the patterns name (in this shard), minus ignored texts; `found` counts files before sharding. */
function selectInputs(opts: RunOptions, configs: Configs, say: Say): { inputs: Input[]; found: number } {
  const { cwd } = opts;
  const texts = opts.texts ?? [];
  const patterns = opts.patterns.length || texts.length ? opts.patterns : ['.'];
  const found = patterns.length
    ? discoverFiles(patterns, { cwd, noIgnore: opts.noIgnore, isConfigIgnored: configs.isIgnored, unmatchedIsError: opts.errorOnUnmatchedPattern })
    : { files: [], warnings: [], errors: [] };
  failOnConfigErrors(configs.problems(), cwd);
  if (found.errors.length) throw new UsageError(found.errors.join('\n'), 'Check the paths (globs need quotes so the shell does not expand them).');
  for (const w of found.warnings) say(`claimlint: ${w}`);
  const ignoreFiles = opts.noIgnore ? undefined : new IgnoreFiles();
  const textIgnored = (abs: string) => !!ignoreFiles && (ignoreFiles.isIgnored(abs, false) || configs.isIgnored(abs));
  const inputs: Input[] = [
    ...texts.map((t) => ({ file: { path: resolve(cwd, t.path), display: t.display, explicit: true }, text: t })).filter(({ file }) => {
      if (!textIgnored(file.path)) return true;
      say(`claimlint: ${file.display}: ignored by an ignore file or the config's "ignore" (use --no-ignore to lint it)`);
      return false;
    }),
    ...found.files.filter((f) => !opts.shard || inShard(f.display, opts.shard)).map((file) => ({ file })),
  ];
  return { inputs, found: found.files.length };
}

/** Each input's configuration, and every pack set they use loaded; pack errors stop the run. */
function prepareDatabases(inputs: Input[], configs: Configs, cwd: string, say: Say): { store: DatabaseStore; perFile: Effective[] } {
  const store = new DatabaseStore(cwd);
  const perFile = inputs.map((f) => configs.forFile(f.file.path));
  failOnConfigErrors(configs.problems(), cwd);
  for (const n of configs.notices(inputs.map((f) => dirname(f.file.path)))) say(n);
  const packErrors: PackError[] = [];
  const seenPackSets = new Set<string>();
  for (const eff of perFile) {
    const key = eff.packs.join('\0');
    if (seenPackSets.has(key)) continue;
    seenPackSets.add(key);
    try {
      packErrors.push(...store.get(eff.packs).errors);
    } catch (e) {
      throw new SetupError([`claimlint: ${(e as Error).message}`]);
    }
  }
  checkPackErrors(dedupeErrors(packErrors), cwd, say);
  if (inputs.length === 0) store.get([]); // a broken embedded database is reported even with no files
  return { store, perFile };
}

/** Reads every input: unreadable ones are skipped, cache hits answered, the rest become lint jobs. */
function readInputs(inputs: Input[], perFile: Effective[], store: DatabaseStore, opts: RunOptions, say: Say):
  { files: (RunFile | undefined)[]; skipped: SkippedFile[]; jobs: LintJob[]; totalBytes: number } {
  const cache = opts.cache;
  const skipped: SkippedFile[] = [];
  const files: (RunFile | undefined)[] = new Array(inputs.length);
  const jobs: LintJob[] = [];
  let totalBytes = 0;
  const keys = new Map<Effective, string>();
  // `.claimlint/ignored.yaml` (written by the editors' "Ignore this finding here"): honoured, and
  // part of the cache key.
  const ignores = new IgnoredFindings(say);
  const cacheKey = (eff: Effective) => {
    let k = keys.get(eff);
    if (k === undefined) {
      k = sha1(`${opts.tool}\0${JSON.stringify(eff.engine)}\0${store.get(eff.packs).fingerprint}`);
      keys.set(eff, k);
    }
    return k;
  };
  inputs.forEach(({ file, text }, index) => {
    const read = text ? decodeText(typeof text.text === 'string' ? Buffer.from(text.text, 'utf8') : text.text) : readTextFile(file.path);
    if (!read.ok) {
      skipped.push({ file: file.display, path: file.path, reason: read.reason });
      say(`${file.display}: skipped: ${read.reason}`);
      if (!text) cache?.delete(file.path);
      return;
    }
    const eff = perFile[index]!;
    const ignored = ignores.forFile(file.path).entries;
    const key = cache && !text ? cacheKey(eff) + (ignored.length ? sha1(JSON.stringify(ignored)) : '') : '';
    const hit = cache && !text ? cache.get(file.path, read.hash, key) : undefined;
    if (hit && !(opts.fix && hit.some((d) => d.fixes.some((x) => x.safe)))) {
      files[index] = { report: { file: file.display, path: file.path, diagnostics: hit, ms: 0 }, onDisk: true, ms: 0 };
      return;
    }
    totalBytes += read.text.length;
    files[index] = { report: { file: file.display, path: file.path, diagnostics: [] }, source: { text: read.text, bom: read.bom, hash: read.hash, key }, onDisk: !text, ms: 0 };
    jobs.push({ index, text: read.text, config: eff.engine, packs: eff.packs, fix: !!opts.fix, ...(ignored.length ? { ignored } : {}) });
  });
  return { files, skipped, jobs, totalBytes };
}

function dedupeErrors(errors: PackError[]): PackError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.file}:${e.line}:${e.column}:${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export { displayPath };
