// The custom requests behind the extension's evidence view and bibliography export.
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { exportBibliography as formatBibliography, formatReference, shortCitation } from '../db/index.js';
import type { Database } from '../db/schema.js';
import { analyze, type Citation } from '../engine/index.js';
import type { Analysed, AnalysedDocuments } from './analysed.js';
import { citedSource } from './cards.js';
import { toLspSeverity } from './diagnostics.js';
import { invalidParams } from './guard.js';
import { uriToPath } from './locations.js';
import type {
  BibliographyFormat, DocumentEvidenceParams, DocumentEvidenceResult, EvidenceClaim, ExportBibliographyParams, ExportBibliographyResult, LspRange,
} from './protocol.js';
import type { DocContext } from './workspace.js';

export function documentEvidence(doc: TextDocument, a: Analysed): DocumentEvidenceResult {
  const range = (s: { start: number; end: number }): LspRange => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });
  const byClaim = new Map<string, EvidenceClaim>();
  for (const m of a.result.matches) {
    let e = byClaim.get(m.claimId);
    if (!e) {
      const claim = a.db.claims.get(m.claimId);
      if (!claim) continue;
      e = {
        claimId: claim.id,
        statement: claim.statement,
        grade: claim.grade,
        rationale: claim.rationale,
        population: claim.population,
        supportedWording: claim.supportedWording,
        status: 'ok',
        ranges: [],
        findings: [],
        sources: claim.sources.flatMap((r) => {
          const s = a.db.sources.get(r.id);
          return s ? [{ id: s.id, short: shortCitation(s), reference: formatReference(s), doi: s.DOI, url: s.URL }] : [];
        }),
      };
      byClaim.set(m.claimId, e);
    }
    e.ranges.push(range(m));
  }
  for (const f of a.result.findings) {
    const e = f.claimId ? byClaim.get(f.claimId) : undefined;
    if (!e) continue;
    e.findings.push({ code: f.code, severity: toLspSeverity(f.severity), message: f.message, range: range(f) });
    const codes = e.status === 'ok' ? [] : e.status;
    if (!codes.includes(f.code)) codes.push(f.code);
    e.status = codes;
  }
  // Document order of first mention.
  const claims = [...byClaim.values()].sort((x, y) => cmp(x.ranges[0]!, y.ranges[0]!));
  return { uri: doc.uri, version: a.version, claims };
}

const cmp = (a: LspRange, b: LspRange) => a.start.line - b.start.line || a.start.character - b.start.character;

/** The bibliography of the keys cited in the given documents (known keys only, first-cited order). */
export function exportBibliography(inputs: { citations: Citation[]; db: Database }[], format: BibliographyFormat): ExportBibliographyResult {
  const keys: string[] = [];
  const unknownKeys: string[] = [];
  const merged = new Map<string, Database>();
  for (const { citations, db } of inputs) {
    for (const c of [...citations].sort((x, y) => x.start - y.start)) {
      const src = citedSource(db, c);
      if (src === null) continue; // a footnote label or an ordinary link
      const key = src?.id ?? c.key;
      if (keys.includes(key) || unknownKeys.includes(key)) continue;
      if (src) { keys.push(key); merged.set(key, db); } else unknownKeys.push(key);
    }
  }
  if (keys.length === 0) return { text: format === 'csl-json' ? '[]\n' : '', keys, unknownKeys };
  // Documents may use different pack sets: format each key with the database that knows it.
  const byDb = new Map<Database, string[]>();
  for (const k of keys) { const db = merged.get(k)!; byDb.set(db, [...(byDb.get(db) ?? []), k]); }
  if (byDb.size === 1) {
    const [[db, ids]] = [...byDb];
    return { text: formatBibliography(db!, format, ids), keys, unknownKeys };
  }
  if (format === 'csl-json') {
    const items = [...byDb].flatMap(([db, ids]) => JSON.parse(formatBibliography(db, format, ids)) as unknown[]);
    return { text: JSON.stringify(items, null, 2) + '\n', keys, unknownKeys };
  }
  return { text: [...byDb].map(([db, ids]) => formatBibliography(db, format, ids).trimEnd()).join('\n\n') + '\n', keys, unknownKeys };
}

export class EvidenceProvider {
  /** @param contextForFile the configuration of a file that is not open.
   *  @param readFile a file that is not open (undefined where there is no file system: the browser). */
  constructor(
    private readonly docs: AnalysedDocuments,
    private readonly contextForFile: (path: string) => DocContext,
    private readonly readFile?: (path: string, uri: string) => Promise<string>,
  ) {}

  async provideEvidence(p: DocumentEvidenceParams, token?: CancellationToken): Promise<DocumentEvidenceResult> {
    const uri = this.docs.find(p.uri);
    if (!uri) throw invalidParams(`claimlint: document not open (or not Markdown): ${p.uri}`);
    const { doc, a } = await this.docs.analysed(uri, token);
    return documentEvidence(doc, a);
  }

  /** Params as checked at the boundary: the format defaults to CSL-JSON. */
  async provideBibliography(p: Omit<ExportBibliographyParams, 'format'> & { format?: BibliographyFormat }, token?: CancellationToken): Promise<ExportBibliographyResult> {
    const format = p.format ?? 'csl-json';
    const inputs: { citations: Citation[]; db: Database }[] = [];
    for (const uri of p.uris) {
      const open = this.docs.find(uri);
      if (open) {
        const { a } = await this.docs.analysed(open, token);
        inputs.push({ citations: a.result.citations, db: a.db });
        continue;
      }
      // Not open: read it from disk and analyse it with its own config.
      const path = uriToPath(uri);
      if (!path || !this.readFile) throw invalidParams(`claimlint: cannot read ${uri}`);
      const text = await this.readFile(path, uri);
      const ctx = this.contextForFile(path);
      inputs.push({ citations: analyze(text, ctx.db, ctx.engine, {}).citations, db: ctx.db });
    }
    return exportBibliography(inputs, format);
  }
}
