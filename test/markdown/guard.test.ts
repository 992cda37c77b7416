// guard.ts must never underestimate what remark would face: generated documents whose real
// container and span nesting (read from remark's tree) is over a limit must be flagged.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes } from 'mdast';
import { tooComplex, type Limits } from '../../server/src/engine/guard.js';
import { splitTopLevelChunks } from '../../server/src/engine/chunks.js';

const parser = unified().use(remarkParse).use(remarkGfm);
const NONE = 1e9;
const limits = (l: Partial<Limits>): Limits => ({ depth: NONE, inline: NONE, spans: NONE, references: NONE, ...l });

/** The deepest nesting of the node types in `types` (iteratively: the trees may be deep). */
function deepest(src: string, types: Set<string>): number {
  let max = 0;
  const stack: Array<[Nodes, number]> = [[parser.parse(src) as Nodes, 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    const depth = d + (types.has(node.type) ? 1 : 0);
    if (depth > max) max = depth;
    if ('children' in node) for (const c of node.children as Nodes[]) stack.push([c, depth]);
  }
  return max;
}
const CONTAINERS = new Set(['blockquote', 'listItem']);
const SPANS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

const prefix = fc.array(fc.constantFrom('> ', '>', '- ', '* ', '1. ', '2) ', '  ', '    ', '\t', ' '), { maxLength: 8 }).map((a) => a.join(''));
const text = fc.array(fc.constantFrom('a', 'b ', ' ', '*', '**', '_', '__', '~', '~~', '[', ']', '](u)', '(', ')', '`', '<a>', '\\', '!', '.', ',', '@k', 'é'), { maxLength: 14 }).map((a) => a.join(''));
const doc = fc.array(fc.tuple(prefix, text), { minLength: 1, maxLength: 10 }).map((lines) => lines.map(([p, t]) => p + t).join('\n') + '\n');

describe('guard (tooComplex)', () => {
  /** For every chunk of generated documents: tooComplex with the limit `key` one below the real
   *  nesting of `types` must say yes. */
  const neverUnder = (types: Set<string>, key: 'depth' | 'spans') => fc.assert(fc.property(doc, (src) => {
    for (const c of splitTopLevelChunks(src)) {
      const chunk = src.slice(c.start, c.end);
      const real = deepest(chunk, types);
      if (real > 0) assert.ok(tooComplex(chunk, limits({ [key]: real - 1 })), `${JSON.stringify(chunk)}: ${real} levels`);
    }
  }), { numRuns: 3000 });
  it('never reports fewer container levels than remark builds', () => neverUnder(CONTAINERS, 'depth'));
  it('never reports less span nesting than remark builds', () => neverUnder(SPANS, 'spans'));
  it('passes ordinary Markdown and flags each limit', () => {
    assert.equal(tooComplex('# Title\n\nA *paragraph* with [a link](https://x.org) and `code`.\n\n- a\n  - b\n    - c\n\n> quoted\n'), false);
    assert.equal(tooComplex('> '.repeat(33) + 'x\n'), true);
    assert.equal(tooComplex('> '.repeat(32) + 'x\n'), false);
    assert.equal(tooComplex(Array.from({ length: 40 }, (_, i) => '  '.repeat(i) + '- x\n').join('')), true);
    assert.equal(tooComplex('*a '.repeat(70) + 'b' + ' c*'.repeat(70) + '\n'), true);
    assert.equal(tooComplex('*a* '.repeat(3000) + '\n'), true);
    assert.equal(tooComplex('*a* '.repeat(900) + '\n'), false);
  });
  it('a marker after one that cannot interrupt the paragraph is text: its spans stay open (found by the property above)', () => {
    const src = '*a\n2) * *a**\n\n';
    assert.equal(tooComplex(src, limits({ spans: deepest(src, SPANS) - 1 })), true);
  });
  it('a marker indented four columns on a lazy line of a block quote is text, not a new item (found by the property above)', () => {
    for (const src of ['> > ~a\n\t* [](u)~\n', '> ~a\n    * [](u)~\n']) {
      assert.equal(deepest(src, SPANS), 2, src);
      assert.equal(tooComplex(src, limits({ spans: 1 })), true, src);
    }
  });
});
