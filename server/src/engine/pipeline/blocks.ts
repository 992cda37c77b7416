// Markdown → prose blocks → sentences, for one parse unit: what a unit yields wherever it sits.
import type { CompiledDatabase } from '../compiled.js';
import { fastProse } from '../fastpath.js';
import { tooComplex } from '../guard.js';
import { emptyProse, extractProse, type ProseDocument } from '../markdown.js';
import { splitSentences } from '../sentences.js';
import { Sentence } from './document-model.js';
import { WordBuffer } from '../words.js';

/** A unit's prose blocks and, per block, its sentences. */
export interface UnitProse {
  prose: ProseDocument;
  sentences: Sentence[][];
}

/** The prose blocks of a unit's text (`plain`: already read by the fast path) and their sentences. */
export function readUnit(text: string, c: CompiledDatabase, plain?: ProseDocument): UnitProse {
  const prose = plain ?? extractProse(text, 0);
  const words = new WordBuffer();
  const sentences = prose.blocks.map((b) => {
    return splitSentences(b.text).map(({ start, end }) => {
      const t = b.text.slice(start, end);
      const found = c.index.read(t);
      const s = new Sentence(t, start, end, found.hits, found.concepts);
      words.add(s, found.words);
      return s;
    });
  });
  words.finish();
  return { prose, sentences };
}

/** The prose of a chunk read without remark: by the fast path, or none (`skipped`) when remark
 *  must not be given it; null when remark must parse it. */
export function withoutRemark(src: string): ProseDocument | null {
  const fast = fastProse(src, 0);
  if (fast) return fast;
  if (!tooComplex(src)) return null;
  const skipped = emptyProse(0, src.length);
  skipped.skipped = true;
  return skipped;
}
