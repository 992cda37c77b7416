// Linting one text: the same function runs on the main thread and in workers, so the output
// does not depend on how files were distributed.
import { analyze, applyFixes, CancelledError, type EngineConfig, type Finding, type Fix } from '../engine/index.js';
import type { Database } from '../db/schema.js';
import { withoutIgnored, type IgnoredEntry } from '../ignored/fingerprint.js';
import { toDiagnostics, type Diagnostic } from './report.js';

/** Passes of fix → re-lint before giving up (a fix can unlock another that overlapped it). */
export const MAX_FIX_PASSES = 10;

export interface LintJob {
  /** Position in the run's file list (results are reported in this order). */
  index: number;
  text: string;
  config: EngineConfig;
  /** Absolute pack paths (selects the database). */
  packs: string[];
  /** Apply safe fixes and report what remains. */
  fix: boolean;
  /** This file's entries of `.claimlint/ignored.yaml`: findings hidden there are neither reported nor fixed. */
  ignored?: IgnoredEntry[];
}

export interface LintOutcome {
  index: number;
  diagnostics: Diagnostic[];
  /** The fixed text, when fixes changed it. */
  output?: string;
  fixesApplied: number;
  /** An internal failure (an engine bug), reported on stderr. */
  error?: string;
  /** Milliseconds it took (JUnit's `time`). */
  ms?: number;
}

export function lintText(job: LintJob, db: Database, signal?: AbortSignal): LintOutcome {
  const started = performance.now();
  // An abort stops the engine between blocks (it throws CancelledError, which the caller turns into the abort).
  const token = signal ? { get isCancellationRequested() { return signal.aborted; } } : undefined;
  try {
    let text = job.text;
    const findingsOf = (t: string): Finding[] => withoutIgnored(t, analyze(t, db, job.config, { token }).findings, job.ignored ?? []);
    let findings = findingsOf(text);
    let applied = 0;
    if (job.fix) {
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const safe: Fix[] = findings.flatMap((f) => f.fixes.filter((x) => x.safe));
        if (safe.length === 0) break;
        const r = applyFixes(text, safe);
        if (r.applied.length === 0 || r.output === text) break;
        applied += r.applied.length;
        text = r.output;
        findings = findingsOf(text);
      }
    }
    const outcome: LintOutcome = { index: job.index, diagnostics: toDiagnostics(text, findings), fixesApplied: applied, ms: performance.now() - started };
    if (text !== job.text) outcome.output = text;
    return outcome;
  } catch (e) {
    if (e instanceof CancelledError && signal?.aborted) throw signal.reason;
    const err = e as Error;
    return { index: job.index, diagnostics: [], fixesApplied: 0, error: process.env.CLAIMLINT_DEBUG ? String(err.stack) : err.message };
  }
}
