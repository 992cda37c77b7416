// Unit keys: what a unit's sentence-rule results depend on besides its own text (configuration,
// document topic, footnotes, its sections' headings, what a leading list item or table cell
// inherits), as a short string. A unit whose slot holds results under the same key reuses them.
import type { RuleContext } from '../context.js';
import type { PlacedBlock } from '../pipeline/document-model.js';
import type { EngineConfig } from '../types.js';
import type { AnalysisCache, UnitRec } from './analysis-cache.js';

/** A unit that starts with a list item or a table cell also takes context from the unit before it. */
export const inherits = (blocks: readonly PlacedBlock[], rec: UnitRec): boolean =>
  rec.blockCount > 0 && (blocks[rec.blocksFrom]!.block.listItem || blocks[rec.blocksFrom]!.block.kind === 'tableCell');

export class UnitKeys {
  /** What every unit's results depend on: configuration, topic and (for footnote style) the footnotes. */
  readonly docKey: string;
  private readonly sectionKeys = new Map<number, number>();

  constructor(private readonly ctx: RuleContext, private readonly cache: AnalysisCache, config: EngineConfig) {
    const model = ctx.model;
    this.docKey = String(this.contextId(`${JSON.stringify(config)}|${[...ctx.dominant()].sort().join(',')}|${config.citationStyle === 'footnote' ? model.footnotes.map((f) => f.key).join(',') : ''}`));
  }

  /** Contexts become small numbers: a unit's key is then a short string, cheap to compare. */
  private contextId(context: string): number {
    const cache = this.cache;
    let id = cache.contexts.get(context);
    if (id === undefined) {
      if (cache.contexts.size > 10000) cache.contexts.clear();
      cache.contexts.set(context, (id = cache.nextContext++));
    }
    return id;
  }

  /** What a unit's results depend on in its section: the concepts its headings name, and whether
   *  it is a reference list (whose entries are not claims). */
  private sectionKey(sec: number): number {
    let k = this.sectionKeys.get(sec);
    if (k === undefined) this.sectionKeys.set(sec, (k = this.contextId(`headings:${[...this.ctx.headingConcepts(sec)].sort().join(',')}${this.ctx.isReferenceSection(sec) ? '|references' : ''}`)));
    return k;
  }

  /** The key of a unit occurrence's results. */
  keyOf(rec: UnitRec): string {
    const blocks = this.ctx.model.blocks;
    let key = this.docKey;
    let lastSection: number | undefined;
    const e = rec.blocksFrom + rec.blockCount;
    for (let b = rec.blocksFrom; b < e; b++) {
      const sec = blocks[b]!.section;
      if (sec !== lastSection && blocks[b]!.sentences.length) { key += `|${this.sectionKey(sec)}`; lastSection = sec; }
    }
    if (inherits(blocks, rec)) key += `|lead:${this.contextId(this.ctx.inheritedConcepts(blocks[rec.blocksFrom]!))}`;
    return key;
  }
}
