// The CLI's result model: engine findings converted to LSP-style positions (0-based lines,
// UTF-16 characters), shared by every output format.
import { type Code, type Finding, type FindingReason, type Severity, hash64Hex, LineIndex } from '../engine/index.js';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export interface ReportEdit { range: Range; newText: string }
export interface ReportFix { title: string; kind: string; safe: boolean; edits: ReportEdit[] }

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  range: Range;
  claimId?: string;
  cautionId?: string;
  sources: string[];
  fixes: ReportFix[];
  /** Why it was reported (see FindingReason). */
  reason?: FindingReason;
  /** Stable across unrelated edits (code, claim and flagged text, plus an occurrence counter). */
  fingerprint: string;
}

export interface FileReport {
  /** The path as shown: relative to the working folder when inside it, else absolute. */
  file: string;
  /** Absolute path. */
  path: string;
  diagnostics: Diagnostic[];
  /** --fix-dry-run: the fixed text, when fixes changed it. */
  output?: string;
  /** --fix / --fix-dry-run: number of fixes applied. */
  fixesApplied?: number;
  /** Milliseconds spent linting it (0 for a cache hit). */
  ms?: number;
}

export interface SkippedFile { file: string; path: string; reason: string }

export interface RunReport {
  files: FileReport[];
  skipped: SkippedFile[];
  /** The working folder (SARIF's %SRCROOT%). */
  cwd: string;
}

export interface Counts { errors: number; warnings: number; infos: number; hints: number; fixable: number }

export function countDiagnostics(files: readonly FileReport[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0 };
  for (const f of files) {
    for (const d of f.diagnostics) {
      if (d.severity === 'error') c.errors++;
      else if (d.severity === 'warning') c.warnings++;
      else if (d.severity === 'information') c.infos++;
      else c.hints++;
      if (d.fixes.some((x) => x.safe)) c.fixable++;
    }
  }
  return c;
}

/** Converts engine findings on `text` into diagnostics, sorted by position. */
export function toDiagnostics(text: string, findings: readonly Finding[]): Diagnostic[] {
  const index = new LineIndex(text);
  const range = (start: number, end: number): Range => ({ start: index.positionAt(start), end: index.positionAt(end) });
  const sorted = [...findings].sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  const seen = new Map<string, number>();
  return sorted.map((f) => {
    const base = hash64Hex(`${f.code}\0${f.claimId ?? f.cautionId ?? ''}\0${text.slice(f.start, f.end).replace(/\s+/g, ' ').trim()}`);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const d: Diagnostic = {
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: range(f.start, f.end),
      sources: [...f.sources],
      fixes: f.fixes.map((x) => ({
        title: x.title,
        kind: x.kind,
        safe: x.safe,
        edits: x.edits.map((e) => ({ range: range(e.start, e.end), newText: e.newText })),
      })),
      fingerprint: `${base}:${n}`,
    };
    if (f.claimId !== undefined) d.claimId = f.claimId;
    if (f.cautionId !== undefined) d.cautionId = f.cautionId;
    if (f.reason !== undefined) d.reason = f.reason;
    return d;
  });
}
