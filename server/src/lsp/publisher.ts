// What the server pushes: diagnostics with the document version and a `claimlint/status` per
// analysis, the problems of pack and config files on those files, and the memory each publish
// leaves behind.
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DOCS_URL, type Finding, type Severity } from '../engine/index.js';
import type { Analysed, ClientCaps } from './analysed.js';
import { DiagnosticCache, SOURCE, toLspSeverity } from './diagnostics.js';
import { pathToUri } from './locations.js';
import { StatusNotification, type EvidenceGrade, type StatusParams } from './protocol.js';
import type { FileProblem } from './workspace.js';

export class Publisher {
  /** Diagnostics of each document's last published findings, reused for findings an edit did not touch. */
  private readonly caches = new Map<string, DiagnosticCache>();
  /** Files we published problems for (pack/config files), to clear them when fixed. */
  private problemUris = new Set<string>();

  constructor(private readonly connection: Connection, private readonly caps: ClientCaps, private readonly memory: { spent(bytes: number): void }) {}

  /** @param maxProblems the document's cap (0: none). */
  analysis(doc: TextDocument, a: Analysed, elapsedMs: number, maxProblems = 0): void {
    let cache = this.caches.get(doc.uri);
    if (cache?.db !== a.db) {
      cache = new DiagnosticCache(a.db, {
        // Links only for clients that show them (3.16's codeDescriptionSupport): each one is ~90 bytes
        // of every publish, which carries every diagnostic of the document.
        codeHref: this.caps.codeDescription ? (code: string) => `${DOCS_URL}#${code}` : () => undefined,
        relatedInformation: this.caps.relatedInformation,
      });
      this.caches.set(doc.uri, cache);
    }
    const findings = mostSevere(a.result.findings, maxProblems);
    const diagnostics: Diagnostic[] = cache.convert(doc, findings);
    void this.connection.sendDiagnostics({ uri: doc.uri, version: a.version, diagnostics });
    // The version's text, its flattened copy and the published JSON with its buffer: mostly large
    // objects that only a full collection frees (about 300 bytes of JSON per diagnostic).
    this.memory.spent(4 * doc.getText().length + 600 * diagnostics.length);
    const count = (s: number) => diagnostics.filter((d) => d.severity === s).length;
    const claimsByGrade: Partial<Record<EvidenceGrade, number>> = {};
    for (const id of new Set(a.result.matches.map((m) => m.claimId))) {
      const grade = a.db.claims.get(id)?.grade;
      if (grade) claimsByGrade[grade] = (claimsByGrade[grade] ?? 0) + 1;
    }
    const status: StatusParams = {
      uri: doc.uri,
      version: a.version,
      sentences: a.result.sentences,
      claimsChecked: a.result.matches.length,
      distinctClaims: new Set(a.result.matches.map((m) => m.claimId)).size,
      findings: diagnostics.length,
      total: a.result.findings.length,
      errors: count(toLspSeverity('error')),
      warnings: count(toLspSeverity('warning')),
      infos: count(toLspSeverity('information')),
      hints: count(toLspSeverity('hint')),
      elapsedMs: Math.round(elapsedMs * 10) / 10,
      claimsByGrade,
      restricted: !!a.ctx.restricted,
      ignored: a.hidden,
    };
    void this.connection.sendNotification(StatusNotification, status);
  }

  /** A document closed: no diagnostics, and a null status. */
  closed(uri: string): void {
    this.caches.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    void this.connection.sendNotification(StatusNotification, {
      uri, version: null, sentences: 0, claimsChecked: 0, distinctClaims: 0, findings: 0, total: 0, errors: 0, warnings: 0, infos: 0, hints: 0, elapsedMs: 0,
      claimsByGrade: {}, restricted: false, ignored: 0,
    } satisfies StatusParams);
  }

  /** Pack and config problems on their files; files fixed since the last call are cleared. */
  problems(byFile: Map<string, FileProblem[]>): void {
    const now = new Set<string>();
    for (const [file, problems] of byFile) {
      const uri = pathToUri(file);
      now.add(uri);
      const diagnostics: Diagnostic[] = problems.map((p) => {
        const pos = { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
        return {
          range: { start: pos, end: { line: pos.line, character: pos.character + 1 } },
          severity: toLspSeverity(p.severity),
          source: SOURCE,
          code: p.kind === 'pack' ? 'invalid-pack' : 'invalid-config',
          message: p.message,
        };
      });
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of this.problemUris) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.problemUris = now;
  }
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** At most `max` findings (0: all), the most severe first, in document order. Linear: counts per
 *  severity give the least severe level kept and how many of it fit. */
export function mostSevere(findings: readonly Finding[], max: number): readonly Finding[] {
  if (max <= 0 || findings.length <= max) return findings;
  const per = [0, 0, 0, 0];
  for (const f of findings) per[RANK[f.severity]]++;
  let level = 0, room = max;
  while (level < 3 && per[level]! < room) room -= per[level++]!;
  return findings.filter((f) => {
    const r = RANK[f.severity];
    return r < level || (r === level && room-- > 0);
  });
}
