// The `claimlint` command: a thin adapter from files and options to the engine and back to
// reports and exit codes. `main` never throws and never prints a stack trace for user errors.
import { parseLintArgs, type LintArgs } from './args.js';
import { processIO, reportFailure, useColor, type CliIO } from './shared.js';
import { LintCache } from './cache.js';
import { unifiedDiff } from './diff.js';
import { FORMATTERS } from './formatters/index.js';
import { lintHelp } from './help.js';
import { runHelp } from './commands/help.js';
import { runMergeSarif } from './commands/merge-sarif.js';
import { runImpact } from './commands/impact.js';
import { Progress } from './progress.js';
import { countDiagnostics, type Diagnostic, type FileReport, type RunReport, type SkippedFile } from './report.js';
import { runLint as runFiles, type RunResult } from '../lib/run.js';
import { displayPath } from './files.js';
import { resolve } from 'node:path';
import { printConfig } from './print-config.js';
import { version } from './version.js';
import { FileChangedError, sha1, writeFileAtomic } from '../fs/safe-fs.js';
import { SetupError } from './shared.js';
import { runAnalyze } from './commands/analyze.js';
import { runExplain } from './commands/explain.js';
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
    if (argv[0] === 'analyze' || argv[0] === 'analyse') return await runAnalyze(argv.slice(1), io);
    if (argv[0] === 'explain') return await runExplain(argv.slice(1), io);
    if (argv[0] === 'help') return runHelp(argv.slice(1), io);
    if (argv[0] === 'merge-sarif') return runMergeSarif(argv.slice(1), io);
    if (argv[0] === 'impact') return await runImpact(argv.slice(1), io);
    if (argv[0] === 'db') return await runDb(argv.slice(1), io);
    return await runLint(parseLintArgs(argv), io);
  } catch (e) {
    return reportFailure(e, io);
  }
}

async function runLint(args: LintArgs, io: CliIO): Promise<number> {
  if (args.help) {
    io.stdout.write(lintHelp() + '\n');
    return 0;
  }
  if (args.version) {
    io.stdout.write(version() + '\n');
    return 0;
  }
  const started = Date.now();
  const { cwd } = io;
  if (args.printConfig !== undefined) return printConfig(args, io);
  const cache = args.cache ? LintCache.open(args.cacheLocation, cwd, version()) : undefined;
  const stdin = args.stdin ? await readStream(io.stdin) : undefined;
  const stdinPath = args.stdinFilename ?? '<stdin>';
  const run = await runFiles({
    cwd,
    patterns: args.files,
    texts: stdin ? [{ text: stdin, path: stdinPath, display: args.stdinFilename ? displayPath(resolve(cwd, stdinPath), cwd) : '<stdin>' }] : [],
    errorOnUnmatchedPattern: args.errorOnUnmatchedPattern,
    shard: args.shard,
    config: args.config,
    packs: args.packs,
    rules: args.rules,
    noIgnore: args.noIgnore,
    fix: args.fix !== false,
    cache,
    threads: args.workers,
    workerUrl: new URL('./worker.js', import.meta.url),
    tool: version(),
    onMessage: (line) => io.stderr.write(line + '\n'),
    progress: (total) => new Progress(io.stderr as NodeJS.WriteStream, total),
  });

  const written = writeResults(run, args, io, cache);
  const { reports, skipped } = written;

  // Report.
  const counts = countDiagnostics(reports);
  const shown: FileReport[] = args.quiet
    ? reports.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d: Diagnostic) => d.severity === 'error') }))
    : reports;
  const report: RunReport = { files: shown, skipped, cwd };
  const color = useColor(args, io);
  if (args.fix === 'dry-run' && args.format === 'stylish') {
    for (const f of run.files) {
      if (f.report.output === undefined) continue;
      io.stdout.write(unifiedDiff(f.report.file, f.source!.text, f.report.output));
    }
  }
  const hidden = args.quiet ? counts.warnings + counts.infos + counts.hints : 0;
  const formatted = FORMATTERS[args.format](report, { color, version: version(), fixing: args.fix || undefined, hidden, elapsedMs: Date.now() - started, claim: run.claim });
  if (stdin && args.fix === 'fix') {
    // Text that could not be read as UTF-8 is passed through unchanged: a pipe never loses it.
    io.stdout.write(written.fixedStdin ?? stdin);
    io.stderr.write(formatted);
  } else {
    io.stdout.write(formatted);
  }
  if (args.stats) {
    io.stderr.write(`claimlint stats: files=${run.found} linted=${run.files.filter((f) => f.source).length} cached=${cache?.hits ?? 0} ` +
      `skipped=${skipped.length} threads=${run.stats.threads} by-workers=${run.stats.byWorkers} ms=${Date.now() - started}\n`);
  }

  if (written.internalErrors || written.changedFiles) return 2;
  if (counts.errors > 0) return 1;
  if (args.maxWarnings !== undefined && args.maxWarnings >= 0 && counts.warnings > args.maxWarnings) {
    io.stderr.write(`claimlint: ${counts.warnings} warnings, more than --max-warnings ${args.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

interface Written {
  reports: FileReport[];
  skipped: SkippedFile[];
  internalErrors: number;
  /** Files that changed while they were checked (not fixed). */
  changedFiles: number;
  /** Standard input's fixed text (--fix), for stdout. */
  fixedStdin?: Uint8Array;
}

/** Writes the fixes (--fix), updates and saves the cache, and says which files failed. */
function writeResults(run: RunResult, args: LintArgs, io: CliIO, cache: LintCache | undefined): Written {
  const skipped: SkippedFile[] = run.skipped;
  const reports: FileReport[] = [];
  let internalErrors = 0;
  let changedFiles = 0;
  let fixedStdin: Uint8Array | undefined;
  for (const f of run.files) {
    const { report, source: m } = f;
    if (f.error) {
      internalErrors++;
      io.stderr.write(`${report.file}: claimlint failed on this file (an internal error; please report it): ${f.error}\n`);
    }
    if (!f.onDisk && args.fix === 'fix') {
      // Standard input: the fixed text goes to stdout, the report to stderr.
      fixedStdin = Buffer.from((m?.bom ? '\ufeff' : '') + (report.output ?? m?.text ?? ''), 'utf8');
      delete report.output;
    } else if (m && report.output !== undefined && args.fix === 'fix') {
      const bytes = Buffer.from((m.bom ? '\ufeff' : '') + report.output, 'utf8');
      delete report.output;
      try {
        // Only over the very bytes that were checked; never a half-written file.
        writeFileAtomic(report.path, bytes, { expectSha1: m.hash });
      } catch (e) {
        if (e instanceof FileChangedError) {
          changedFiles++;
          const reason = 'changed while claimlint was checking it; not fixed (run claimlint again)';
          skipped.push({ file: report.file, path: report.path, reason });
          io.stderr.write(`${report.file}: skipped: ${reason}\n`);
          cache?.delete(report.path);
          continue;
        }
        throw new SetupError([`claimlint: cannot write the fixes to ${report.file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`]);
      }
      if (!f.error) cache?.set(report.path, sha1(bytes), m.key, report.diagnostics);
    } else if (m && report.output === undefined && !f.error) {
      cache?.set(report.path, m.hash, m.key, report.diagnostics);
    }
    reports.push(report);
  }
  try {
    cache?.save();
  } catch (e) {
    io.stderr.write(`claimlint: could not write the cache ${cache?.location} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the next run will check every file again\n`);
  }
  return { reports, skipped, internalErrors, changedFiles, ...(fixedStdin ? { fixedStdin } : {}) };
}

/** Everything a stream delivers, as bytes. */
async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return Buffer.concat(chunks);
}
