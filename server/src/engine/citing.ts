// Whether a block cites a source in any form a writer uses: a citation key, a footnote, a link,
// a numbered reference, an author–year reference. Asked through RuleContext.blockCited.
import { sourceForLink } from './compiled.js';
import type { RuleContext } from './context.js';
import type { PlacedBlock } from './pipeline/document-model.js';

/** "Williams et al. (2018)", "(Williams et al., 2018)", "Irwin and VandenBerg 2021" */
const AUTHOR_YEAR = /\b\p{Lu}[\p{L}'\u2019-]+(?:\s+(?:et al\.?|and|&)\s*(?:\p{Lu}[\p{L}'\u2019-]+)?)?,?\s*\(?(?:19|20)\d\d[a-z]?\)?/u;

/** Citation forms that are not links or keys: numbered references ("[12]", "[1, 3]", "[4-6]"),
 *  superscripts and <ref> tags in raw HTML, and timestamp links to a talk or video. */
const OTHER_CITATION = /\[\s*\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\s*\]|<sup\b|<ref\b|<cite\b|data-t=|[?&]t=\d/i;

export function blockHasCitation(ctx: RuleContext, pb: PlacedBlock): boolean {
  const start = pb.block.start + pb.delta, end = pb.block.end + pb.delta;
  // Any link counts: writers outside academia cite by linking ("used in [most studies](…)").
  if (ctx.citationsIn(start, end).some((c) => c.kind !== 'link' || sourceForLink(ctx.db, c.key) || /^(?:https?:|www\.|doi)/i.test(c.key))) return true;
  if (OTHER_CITATION.test(ctx.model.text.slice(start, end))) return true;
  return pb.sentences.some((s) => AUTHOR_YEAR.test(s.text) && /et al|\(\s*(?:19|20)\d\d|,\s*(?:19|20)\d\d/.test(s.text));
}

/** Authors as a bibliography lists them: "Williams NR, Heifets BD, Blasey C, et al." (Vancouver) or
 *  "Williams, N. R., Heifets, B. D., & Blasey, C. (2018)." (APA), after an optional entry number. */
const AUTHORS_VANCOUVER = /^\s*(?:\[?\d{1,3}[.\])]\s*)?\p{Lu}[\p{L}'\u2019-]+\s+\p{Lu}{1,3}(?:,\s*\p{Lu}[\p{L}'\u2019-]+\s+\p{Lu}{1,3}){0,12}(?:,?\s*et al)?\./u;
const AUTHORS_APA = /^\s*(?:\[?\d{1,3}[.\])]\s*)?\p{Lu}[\p{L}'\u2019-]+,\s+(?:\p{Lu}\.\s*){1,3}[^()]{0,300}\((?:19|20)\d\d[a-z]?\)/u;
/** What follows the authors: a year, a volume:page locator ("2018;175(12):1205") or a DOI. */
const ENTRY_DETAIL = /\b(?:19|20)\d\d\b|\bdoi(?::|\.org\/)\s*10\.\d/i;

/** Is the block a bibliography entry (wherever it sits: a reference list without a heading, a
 *  numbered list after "**References**")? Its title names claims but asserts none. */
export function isReferenceEntry(text: string): boolean {
  return text.length < 800 && (AUTHORS_APA.test(text) || (AUTHORS_VANCOUVER.test(text) && ENTRY_DETAIL.test(text)));
}
