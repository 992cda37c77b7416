// The `claimlint` command: a thin adapter from files and options to the engine and back to
// reports and exit codes. `main` never throws and never prints a stack trace for user errors.
import { availableParallelism } from 'node:os';
import type { PackError } from '../db/loader.js';
import { parseLintArgs, UsageError, type LintArgs } from './args.js';
import { checkPackErrors, createConfigResolver, failOnConfigErrors, processIO, reportFailure, useColor, type CliIO } from './shared.js';
import { LintCache } from './cache.js';
import { DatabaseStore } from './database.js';
import { unifiedDiff } from './diff.js';
import { discoverFiles, type DiscoveredFile } from './files.js';
import { FORMATTERS } from './formatters/index.js';
import { LINT_HELP } from './help.js';
import type { LintJob, LintOutcome } from './lint.js';
import { defaultThreads, runJobs } from './pool.js';
import { Progress } from './progress.js';
import { readTextFile } from './read.js';
import { countDiagnostics, type Diagnostic, type FileReport, type RunReport, type SkippedFile } from './report.js';
import { version } from './version.js';
import { FileChangedError, sha1, writeFileAtomic } from '../fs/safe-fs.js';
import { IgnoredFindings } from '../ignored/store.js';
import { SetupError } from './shared.js';
import { runAnalyze } from './commands/analyze.js';
import { runDb } from './commands/db.js';

export { processIO, type CliIO };

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  if (io.stdout === process.stdout) {
    // `claimlint | head` closes the pipe early: stop quietly rather than crash.
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  try {
    if (argv[0] === 'analyze') return await runAnalyze(argv.slice(1), io);
    if (argv[0] === 'db') return await runDb(argv.slice(1), io);
    return await runLint(parseLintArgs(argv), io);
  } catch (e) {
    return reportFailure(e, io);
  }
}

async function runLint(args: LintArgs, io: CliIO): Promise<number> {
  if (args.help) {
    io.stdout.write(LINT_HELP + '\n');
    return 0;
  }
  if (args.version) {
    io.stdout.write(version() + '\n');
    return 0;
  }
  const started = Date.now();
  const { cwd } = io;
  const configs = createConfigResolver(args, cwd);
  if (args.config) configs.forFile(`${cwd}/_`); // report a broken --config even when no file is found

  // 1. Files.
  const found = discoverFiles(args.files, { cwd, noIgnore: args.noIgnore, isConfigIgnored: configs.isIgnored });
  failOnConfigErrors(configs.problems(), cwd);
  if (found.errors.length) throw new UsageError(found.errors.join('\n'), 'Check the paths (globs need quotes so the shell does not expand them).');
  for (const w of found.warnings) io.stderr.write(`claimlint: ${w}\n`);

  // 2. Configs and databases (a broken pack stops the run before any work).
  const store = new DatabaseStore(cwd);
  const perFile = found.files.map((f) => configs.forFile(f.path));
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
  checkPackErrors(dedupeErrors(packErrors), io);
  if (found.files.length === 0) store.get([]); // a broken embedded database is reported even with no files

  // 3. Read files; answer from the cache where possible.
  const cache = args.cache ? LintCache.open(args.cacheLocation, cwd, version()) : undefined;
  const skipped: SkippedFile[] = [];
  const reports: (FileReport | undefined)[] = new Array(found.files.length);
  const jobs: LintJob[] = [];
  const meta = new Map<number, { file: DiscoveredFile; bom: boolean; text: string; hash: string; key: string }>();
  let totalBytes = 0;
  // What besides the text decides a file's findings: claimlint, the effective config, the database.
  const keys = new Map<object, string>();
  // `.claimlint/ignored.yaml` (written by the editors' "Ignore this finding here"): part of the key.
  const ignores = new IgnoredFindings((m) => io.stderr.write(m + '\n'));
  const cacheKey = (eff: (typeof perFile)[number]) => {
    let k = keys.get(eff);
    if (k === undefined) {
      k = sha1(`${version()}\0${JSON.stringify(eff.engine)}\0${store.get(eff.packs).fingerprint}`);
      keys.set(eff, k);
    }
    return k;
  };
  found.files.forEach((file, index) => {
    const read = readTextFile(file.path);
    if (!read.ok) {
      skipped.push({ file: file.display, path: file.path, reason: read.reason });
      io.stderr.write(`${file.display}: skipped: ${read.reason}\n`);
      cache?.delete(file.path);
      return;
    }
    const eff = perFile[index];
    const ignored = ignores.forFile(file.path).entries;
    const key = cache ? cacheKey(eff) + (ignored.length ? sha1(JSON.stringify(ignored)) : '') : '';
    const hit = cache?.get(file.path, read.hash, key);
    if (hit && !(args.fix && hit.some((d) => d.fixes.some((x) => x.safe)))) {
      reports[index] = { file: file.display, path: file.path, diagnostics: hit };
      return;
    }
    totalBytes += read.text.length;
    meta.set(index, { file, bom: read.bom, text: read.text, hash: read.hash, key });
    jobs.push({ index, text: read.text, config: eff.engine, packs: eff.packs, fix: args.fix !== false, ...(ignored.length ? { ignored } : {}) });
  });

  // 4. Lint.
  const threads = args.workers ?? defaultThreads(jobs.length, totalBytes, availableParallelism());
  const progress = new Progress(io.stderr as NodeJS.WriteStream, jobs.length);
  let outcomes: LintOutcome[];
  let stats;
  try {
    ({ outcomes, stats } = await runJobs(jobs, { threads, cwd, store, onOutcome: () => progress.tick() }));
  } finally {
    progress.end();
  }
  let internalErrors = 0;
  let changedFiles = 0;
  for (const o of outcomes) {
    const m = meta.get(o.index)!;
    if (o.error) {
      internalErrors++;
      io.stderr.write(`${m.file.display}: claimlint failed on this file (an internal error; please report it): ${o.error}\n`);
    }
    const report: FileReport = { file: m.file.display, path: m.file.path, diagnostics: o.diagnostics };
    if (o.fixesApplied) report.fixesApplied = o.fixesApplied;
    if (o.output !== undefined) {
      if (args.fix === 'fix') {
        const bytes = Buffer.from((m.bom ? '\ufeff' : '') + o.output, 'utf8');
        try {
          // Only over the very bytes that were checked; never a half-written file.
          writeFileAtomic(m.file.path, bytes, { expectSha1: m.hash });
        } catch (e) {
          if (e instanceof FileChangedError) {
            changedFiles++;
            const reason = 'changed while claimlint was checking it; not fixed (run claimlint again)';
            skipped.push({ file: m.file.display, path: m.file.path, reason });
            io.stderr.write(`${m.file.display}: skipped: ${reason}\n`);
            cache?.delete(m.file.path);
            continue;
          }
          throw new SetupError([`claimlint: cannot write the fixes to ${m.file.display} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`]);
        }
        if (!o.error) cache?.set(m.file.path, sha1(bytes), m.key, o.diagnostics);
      } else {
        report.output = o.output;
      }
    } else if (!o.error) {
      cache?.set(m.file.path, m.hash, m.key, o.diagnostics);
    }
    reports[o.index] = report;
  }
  try {
    cache?.save();
  } catch (e) {
    io.stderr.write(`claimlint: could not write the cache ${cache?.location} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the next run will check every file again\n`);
  }

  // 5. Report.
  const files = reports.filter((r): r is FileReport => r !== undefined);
  const counts = countDiagnostics(files);
  const shown: FileReport[] = args.quiet
    ? files.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d: Diagnostic) => d.severity === 'error') }))
    : files;
  const report: RunReport = { files: shown, skipped, cwd };
  const color = useColor(args, io);
  if (args.fix === 'dry-run' && args.format === 'stylish') {
    for (const f of files) {
      if (f.output === undefined) continue;
      io.stdout.write(unifiedDiff(f.file, meta.get(reports.indexOf(f))!.text, f.output));
    }
  }
  const hidden = args.quiet ? counts.warnings + counts.infos + counts.hints : 0;
  io.stdout.write(FORMATTERS[args.format](report, { color, version: version(), fixing: args.fix || undefined, hidden }));
  if (args.stats) {
    io.stderr.write(`claimlint stats: files=${found.files.length} linted=${jobs.length} cached=${cache?.hits ?? 0} ` +
      `skipped=${skipped.length} threads=${stats.threads} by-workers=${stats.byWorkers} ms=${Date.now() - started}\n`);
  }

  if (internalErrors || changedFiles) return 2;
  if (counts.errors > 0) return 1;
  if (args.maxWarnings !== undefined && args.maxWarnings >= 0 && counts.warnings > args.maxWarnings) {
    io.stderr.write(`claimlint: ${counts.warnings} warnings, more than --max-warnings ${args.maxWarnings}.\n`);
    return 1;
  }
  return 0;
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
