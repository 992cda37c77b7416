// Findings (UTF-16 offsets) → LSP diagnostics for one document version.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../engine/types.js';
import type { Database } from '../db/schema.js';
import type { DiagnosticData } from './protocol.js';
import { commonPrefix } from '../engine/chunks.js';
import { originLocation } from './locations.js';

export const SOURCE = 'claimlint';

export function toLspSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'information': return DiagnosticSeverity.Information;
    case 'hint': return DiagnosticSeverity.Hint;
  }
}

export interface DiagnosticOptions {
  /** Link for a code's documentation (codeDescription.href), or undefined for none. */
  codeHref: (code: string) => string | undefined;
  relatedInformation: boolean;
}

export function toDiagnostic(doc: TextDocument, f: Finding, db: Database, opts: DiagnosticOptions): Diagnostic {
  const data: DiagnosticData = { claimId: f.claimId, cautionId: f.cautionId, sources: f.sources, fixCount: f.fixes.length };
  const d: Diagnostic = {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: toLspSeverity(f.severity),
    code: f.code,
    source: SOURCE,
    message: f.message,
    data,
  };
  const href = opts.codeHref(f.code);
  if (href) d.codeDescription = { href };
  // Warnings and errors link the claim or caution record the writer should check. Information
  // notes (uncited claims, often thousands in a long draft) stay light: hover and go-to-definition
  // reach the record from them as well.
  if (opts.relatedInformation && (f.severity === 'error' || f.severity === 'warning')) {
    // A link to the record; its statement is already in the message and the hover.
    const related: DiagnosticRelatedInformation[] = [];
    const claim = f.claimId ? db.claims.get(f.claimId) : undefined;
    const claimLoc = f.claimId ? originLocation(db, `claim:${f.claimId}`) : undefined;
    if (claim && claimLoc) related.push({ location: claimLoc, message: `Claim ${claim.id} (${claim.grade})` });
    const caution = f.cautionId ? db.cautions.get(f.cautionId) : undefined;
    const cautionLoc = f.cautionId ? originLocation(db, `caution:${f.cautionId}`) : undefined;
    if (caution && cautionLoc) related.push({ location: cautionLoc, message: `Caution ${caution.id}` });
    if (related.length) d.relatedInformation = related;
  }
  return d;
}

/**
 * Diagnostics for successive versions of one document. The engine reuses the Finding objects of
 * text an edit did not move, so their diagnostics are reused too when the finding still starts
 * at the same line and character (an edit before it may have added or removed a line).
 */
export class DiagnosticCache {
  private readonly byFinding = new WeakMap<Finding, { diagnostic: Diagnostic; line: number; character: number }>();
  /** The text of the last conversion: before the first character that changed since, a reused
   *  finding's diagnostic is certainly still right. */
  private lastText = '';
  constructor(readonly db: Database, private readonly opts: DiagnosticOptions) {}

  convert(doc: TextDocument, findings: readonly Finding[]): Diagnostic[] {
    const text = doc.getText();
    const unchangedBefore = commonPrefix(this.lastText, text);
    this.lastText = text;
    return findings.map((f) => {
      const hit = this.byFinding.get(f);
      if (hit && f.end < unchangedBefore) return hit.diagnostic;
      const start = doc.positionAt(f.start);
      if (hit && hit.line === start.line && hit.character === start.character) return hit.diagnostic;
      const diagnostic = toDiagnostic(doc, f, this.db, this.opts);
      this.byFinding.set(f, { diagnostic, line: start.line, character: start.character });
      return diagnostic;
    });
  }
}
