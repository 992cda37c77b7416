// Go to definition: from a citation key to its source record, from a matched or flagged sentence
// to its claim (or caution) record, in the pack that defines it.
import type { CancellationToken, DefinitionParams, Location } from 'vscode-languageserver';
import type { AnalysedDocuments } from './analysed.js';
import { citedSource } from './cards.js';
import { originLocation } from './locations.js';

export class DefinitionProvider {
  constructor(private readonly docs: AnalysedDocuments) {}

  async provideDefinition(p: DefinitionParams, token?: CancellationToken): Promise<Location[] | null> {
    if (!this.docs.get(p.textDocument.uri)) return null;
    const { doc, a } = await this.docs.analysed(p.textDocument.uri, token);
    const offset = doc.offsetAt(p.position);
    const cites = a.citations.at(offset).map((c) => citedSource(a.db, c)).filter((x) => x !== null);
    if (cites.length) {
      const src = cites[cites.length - 1];
      const loc = src ? originLocation(a.db, `source:${src.id}`) : undefined; // an unknown key has none
      return loc ? [loc] : null;
    }
    const ids = new Set<string>();
    for (const h of a.spans.at(offset)) {
      const id = h.kind === 'match' ? h.match.claimId : h.finding.claimId;
      if (id) ids.add(id);
      if (h.kind === 'finding' && !id && h.finding.cautionId) ids.add('caution:' + h.finding.cautionId);
    }
    const locs = [...ids].map((id) => originLocation(a.db, id.startsWith('caution:') ? id : `claim:${id}`)).filter((l): l is Location => !!l);
    return locs.length ? locs : null;
  }
}
