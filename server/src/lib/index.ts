// The claimlint library: `import { lint, analyze, loadDatabase } from 'claimlint'`. See docs/api.md.
// Every call starts from scratch (its own config discovery and databases): nothing one call reads
// or configures is seen by the next, except the embedded database, which is read-only.
import { resolve } from 'node:path';
import { loadEmbeddedDatabase, loadPackPaths, loadPacks, type Database, type PackError } from '../db/index.js';
import * as engine from '../engine/index.js';
import type { AnalysisResult, Code, EngineConfig, SeveritySetting } from '../engine/index.js';
import { FORMATTERS, FORMAT_NAMES, type FormatName } from '../cli/formatters/index.js';
import { countDiagnostics, type FileReport, type SkippedFile } from '../cli/report.js';
import { version } from '../cli/version.js';
import { runLint } from './run.js';

import { UsageError } from '../cli/args.js';

export { UsageError };
export { SetupError } from '../cli/shared.js';
export { CancelledError, applyFixes, LineIndex, DEFAULT_CONFIG } from '../engine/index.js';
export type {
  AnalysisResult, Citation, ClaimMatch, Code, EngineConfig, Finding, Fix, FixKind, Severity, SeveritySetting,
  CitationStyle, TextEdit, Position as EnginePosition, ApplyFixesResult,
} from '../engine/index.js';
export type { Diagnostic, FileReport, SkippedFile, Range, Position, ReportFix, ReportEdit } from '../cli/report.js';
export type { Database, PackError, Source, Concept, Claim, Caution, Figure, Contradiction, SourceRef, Origin, Grade, Population } from '../db/index.js';
export type { FormatName } from '../cli/formatters/index.js';

export interface LintOptions {
  /** Files, folders and globs, relative to `cwd` (as on the command line). Without `files` and
   *  `strings`, the `cwd` folder is linted. */
  files?: readonly string[];
  /** Markdown texts to lint, by name. The name is where the text would live (relative to `cwd`):
   *  it selects the configuration and is the `file` of its result. */
  strings?: Readonly<Record<string, string>>;
  /** Base folder for paths, config discovery and report paths (default: process.cwd()). */
  cwd?: string;
  /** One config file for everything, instead of discovering `.claimlintrc*` (as --config). */
  config?: string;
  /** Extra claim packs (files or folders), relative to `cwd` (as --pack). */
  packs?: readonly string[];
  /** Severities on top of the configuration (as --rule). */
  rules?: Partial<Record<Code, SeveritySetting>>;
  /** Honour .gitignore, .claimlintignore and the config's `ignore` (default true; false = --no-ignore). */
  ignore?: boolean;
  /** A path or glob without Markdown files throws a UsageError (default true). */
  errorOnUnmatchedPattern?: boolean;
  /** Compute the safe fixes: results whose text they change carry the fixed text in `output`. Nothing is written. */
  fix?: boolean;
  /** Threads to lint with, including the calling one (default 1). */
  workers?: number;
  /** Cancels the run: the promise rejects with the signal's reason (checked between files). */
  signal?: AbortSignal;
}

export interface LintResults {
  /** One entry per linted file or string, in order (strings first, then files in path order). */
  files: FileReport[];
  /** Files that were not linted (not UTF-8 text, …), with the reason. */
  skipped: SkippedFile[];
  /** Notes a command-line run prints on stderr: pack warnings, ignored explicit files, unmatched patterns (with errorOnUnmatchedPattern: false). */
  warnings: string[];
  errorCount: number;
  warningCount: number;
  /** Information and hint findings. */
  infoCount: number;
  /** Findings with a safe fix. */
  fixableCount: number;
}

/** Lints files and strings as `claimlint` does. Rejects with UsageError (a bad path or option),
 *  SetupError (a broken config or pack; `lines` says where) or the abort reason. */
export async function lint(options: LintOptions = {}): Promise<LintResults> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const warnings: string[] = [];
  const strings = Object.entries(options.strings ?? {});
  const run = await runLint({
    cwd,
    patterns: options.files ?? [],
    texts: strings.map(([name, text]) => ({ path: name, display: name, text })),
    config: options.config,
    packs: options.packs ?? [],
    rules: { ...options.rules },
    noIgnore: options.ignore === false,
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern ?? true,
    fix: !!options.fix,
    threads: options.workers ?? 1,
    signal: options.signal,
    workerUrl: new URL('../cli/worker.js', import.meta.url),
    tool: version(),
    onMessage: (line) => warnings.push(line),
  });
  const files = run.files.map((f) => {
    if (f.error) warnings.push(`${f.report.file}: claimlint failed on this file (an internal error; please report it): ${f.error}`);
    return f.report;
  });
  const c = countDiagnostics(files);
  return { files, skipped: run.skipped, warnings, errorCount: c.errors, warningCount: c.warnings, infoCount: c.infos + c.hints, fixableCount: c.fixable };
}

export interface AnalyzeOptions {
  /** The database (default: the embedded one; see loadDatabase). */
  db?: Database;
  /** Rule severities and citation style (default: every rule at its default severity, Pandoc citations). */
  config?: Partial<EngineConfig>;
  /** Rejects with the signal's reason if it is aborted before or during the analysis. */
  signal?: AbortSignal;
}

/** Analyses one Markdown text: findings with UTF-16 offsets and fixes, the claims matched, the citations. */
export async function analyze(text: string, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  const db = options.db ?? loadEmbeddedDatabase();
  const config: EngineConfig = { ...engine.DEFAULT_CONFIG, ...options.config, rules: { ...options.config?.rules } };
  const token = signal ? { get isCancellationRequested() { return signal.aborted; } } : undefined;
  try {
    return engine.analyze(text, db, config, { token });
  } catch (e) {
    if (e instanceof engine.CancelledError && signal?.aborted) throw signal.reason;
    throw e;
  }
}

export interface LoadDatabaseOptions {
  /** Claim pack files or folders, relative to `cwd`, layered on the embedded database. */
  packs?: readonly string[];
  cwd?: string;
  signal?: AbortSignal;
}

/** The embedded database with `packs` layered on it. Records with errors are left out and listed in
 *  `errors` (0-based positions); the database is usable either way. */
export async function loadDatabase(options: LoadDatabaseOptions = {}): Promise<{ db: Database; errors: PackError[] }> {
  options.signal?.throwIfAborted();
  const embedded = loadEmbeddedDatabase();
  if (!options.packs?.length) return { db: embedded, errors: [] };
  const read = loadPackPaths([...options.packs], resolve(options.cwd ?? process.cwd()));
  options.signal?.throwIfAborted();
  const loaded = loadPacks(read.files, { base: embedded });
  return { db: loaded.db, errors: [...read.errors, ...loaded.errors] };
}

/** A report in one of the command's output formats (stylish, json, sarif, github, junit, …). */
export function format(results: Pick<LintResults, 'files' | 'skipped'>, name: FormatName, options: { cwd?: string; color?: boolean } = {}): string {
  if (!FORMAT_NAMES.includes(name)) throw new UsageError(`unknown format "${String(name)}"; the formats are ${FORMAT_NAMES.join(', ')}`);
  return FORMATTERS[name]({ files: results.files, skipped: results.skipped, cwd: resolve(options.cwd ?? process.cwd()) }, { color: !!options.color, version: version() });
}

export interface RuleInfo {
  code: Code;
  name: string;
  defaultSeverity: Exclude<SeveritySetting, 'off'>;
  description: string;
  details: string;
  docsUrl: string;
}

/** The diagnostic codes with their documentation. */
export const rules: readonly RuleInfo[] = engine.RULES.map((r) => ({
  code: r.code, name: r.name, defaultSeverity: r.defaultSeverity, description: r.description, details: r.details, docsUrl: engine.docsUrl(r),
}));

export { version };
