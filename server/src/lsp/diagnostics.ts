// Findings (UTF-16 offsets) → LSP diagnostics for one document version.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Finding, type Severity, commonPrefix, findingIdentity } from '../engine/index.js';
import type { Database } from '../db/schema.js';
import type { DiagnosticData } from './protocol.js';
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

/** The parts of a diagnostic that depend only on its code, record and severity. */
type RecordParts = Pick<Diagnostic, 'data' | 'codeDescription' | 'relatedInformation'>;

/**
 * @param shared parts already made for the same code, record and severity, reused: thousands of
 *   diagnostics of a long draft name a few dozen records (parts are never mutated).
 */
export function toDiagnostic(doc: TextDocument, f: Finding, db: Database, opts: DiagnosticOptions, shared?: Map<string, RecordParts>): Diagnostic {
  const d: Diagnostic = {
    range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
    severity: toLspSeverity(f.severity),
    code: f.code,
    source: SOURCE,
    message: f.message,
  };
  const key = shared ? `${f.code}|${f.severity}|${f.claimId ?? ''}|${f.cautionId ?? ''}` : '';
  let parts = shared?.get(key);
  if (!parts) {
    parts = recordParts(f, db, opts);
    shared?.set(key, parts);
  }
  if (parts.data) d.data = parts.data;
  if (parts.codeDescription) d.codeDescription = parts.codeDescription;
  if (parts.relatedInformation) d.relatedInformation = parts.relatedInformation;
  return d;
}

function recordParts(f: Finding, db: Database, opts: DiagnosticOptions): RecordParts {
  const d: RecordParts = {};
  // The record the finding is about; sources and fixes stay on the server (hover, code actions).
  if (f.claimId || f.cautionId) {
    const data: DiagnosticData = {};
    if (f.claimId) data.claimId = f.claimId;
    if (f.cautionId) data.cautionId = f.cautionId;
    d.data = data;
  }
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
 * Diagnostics for successive versions of one document. The engine keeps a finding's identity
 * (findingIdentity) while its unit's results are reused, also when an edit earlier in the document
 * moved it; its diagnostic is then reused as it was when its range is unchanged (an edit on another
 * line), or copied with the new range. A published diagnostic is never mutated: the stdio
 * encoder (encoder.ts) keeps each one's JSON by object identity.
 */
export class DiagnosticCache {
  /** Diagnostics by finding identity, marked with the conversion that last used them. One map for
   *  the document's life, pruned when unused entries pile up: a new map per keystroke became old
   *  garbage that V8 frees only in a full collection. */
  private readonly byIdentity = new Map<object, { diagnostic: Diagnostic; start: number; end: number; used: number }>();
  private conversions = 0;
  private readonly shared = new Map<string, RecordParts>();
  /** The text of the last conversion: before the first character that changed since, a finding at
   *  the offsets it had then is certainly at the same line and character. */
  private lastText = '';
  constructor(readonly db: Database, private readonly opts: DiagnosticOptions) {}

  convert(doc: TextDocument, findings: readonly Finding[]): Diagnostic[] {
    const text = doc.getText();
    const unchangedBefore = commonPrefix(this.lastText, text);
    this.lastText = text;
    const now = ++this.conversions;
    const out = findings.map((f) => {
      const id = findingIdentity(f);
      const hit = this.byIdentity.get(id);
      const severity = toLspSeverity(f.severity);
      if (hit && hit.diagnostic.severity === severity) {
        hit.used = now;
        if (f.end < unchangedBefore && hit.start === f.start && hit.end === f.end) return hit.diagnostic;
        const start = doc.positionAt(f.start), end = doc.positionAt(f.end);
        hit.start = f.start; hit.end = f.end;
        const r = hit.diagnostic.range;
        if (r.start.line === start.line && r.start.character === start.character && r.end.line === end.line && r.end.character === end.character) return hit.diagnostic;
        return (hit.diagnostic = { ...hit.diagnostic, range: { start, end } });
      }
      const diagnostic = toDiagnostic(doc, f, this.db, this.opts, this.shared);
      this.byIdentity.set(id, { diagnostic, start: f.start, end: f.end, used: now });
      return diagnostic;
    });
    if (this.byIdentity.size > 2 * findings.length + 64) {
      for (const [id, e] of this.byIdentity) if (e.used !== now) this.byIdentity.delete(id);
    }
    return out;
  }
}
