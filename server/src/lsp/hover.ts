// Hover: on a citation its reference card; on a matched or flagged sentence the claim's evidence
// card and the findings inside the sentence.
import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Finding } from '../engine/index.js';
import type { AnalysedDocuments, ClientCaps, Span } from './analysed.js';
import { citationMd, citedSource, claimMd, findingMd, mdToPlain } from './cards.js';
import { fixPreviewMd } from './fix-titles.js';

export class HoverProvider {
  constructor(private readonly docs: AnalysedDocuments, private readonly caps: ClientCaps) {}

  async provideHover(p: HoverParams, token?: CancellationToken): Promise<Hover | null> {
    if (!this.docs.get(p.textDocument.uri)) return null;
    const { doc, a } = await this.docs.analysed(p.textDocument.uri, token);
    const offset = doc.offsetAt(p.position);
    const parts: string[] = [];
    let range: { start: number; end: number } | undefined;

    // A citation (the innermost one) shows its reference; a footnote label or an ordinary link
    // that cites no known source falls through to the sentence.
    const cite = a.citations.at(offset).map((c) => ({ c, src: citedSource(a.db, c) })).filter((x) => x.src !== null).pop();
    if (cite) {
      parts.push(citationMd(a.db, cite.c.key, cite.src ?? undefined));
      range = cite.c;
    } else {
      const hits = a.spans.at(offset);
      const matches = hits.filter((h): h is Span & { kind: 'match' } => h.kind === 'match');
      const findings = new Set<Finding>();
      for (const h of hits) if (h.kind === 'finding') findings.add(h.finding);
      // Hovering anywhere on a matched sentence also shows the findings inside it.
      for (const m of matches) for (const h of a.spans.overlapping(m.start, m.end)) if (h.kind === 'finding' && h.start >= m.start && h.end <= m.end) findings.add(h.finding);
      // The evidence card first: VS Code already shows the diagnostic's message above a hover, and
      // editors that do not still get the findings below the card.
      const claimIds = [...new Set([...[...findings].map((f) => f.claimId).filter((x): x is string => !!x), ...matches.map((m) => m.match.claimId)])];
      for (const id of claimIds) {
        const claim = a.db.claims.get(id);
        if (claim) parts.push(claimMd(a.db, claim));
      }
      // Each finding, with the full text of the fixes whose menu title is shortened.
      for (const f of findings) {
        const preview = fixPreviewMd(f.fixes);
        parts.push(preview ? `${findingMd(f)}\n\n${preview}` : findingMd(f));
      }
      const first = matches[0] ?? hits[0];
      if (first) range = first;
    }
    if (parts.length === 0) return null;
    const md = parts.join('\n\n---\n\n');
    return {
      contents: this.caps.markdownHover ? { kind: MarkupKind.Markdown, value: md } : { kind: MarkupKind.PlainText, value: mdToPlain(md) },
      range: range ? { start: doc.positionAt(range.start), end: doc.positionAt(range.end) } : undefined,
    };
  }
}
