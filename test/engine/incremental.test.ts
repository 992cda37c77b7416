// With a per-document cache (the language server), results must equal a fresh analysis after any edit.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { analyze, createAnalysisCache } from '../../server/src/engine/engine.js';
import { compile } from '../../server/src/engine/compiled.js';
import { buildModel, type DocModel } from '../../server/src/engine/document.js';
import { fixtures, repoRoot } from '../helpers.js';
import { obtainGc } from '../../server/src/lsp/memory.js';

const db = loadEmbeddedDatabase();
const docs = [
  readFileSync(join(repoRoot, 'examples', 'ketamine-draft.md'), 'utf8'),
  ...readdirSync(fixtures('eval-heldout')).filter((f) => f.endsWith('.md')).map((f) => readFileSync(fixtures('eval-heldout', f), 'utf8').replace(/\{\{[a-z?,-]+\|([\s\S]*?)\}\}/g, '$1')),
];
// A long document, so that it is split into several cached units.
const big = docs.join('\n\n') + '\n\n' + docs.join('\n\n');

// Each test draws from its own sequence, so that adding a test does not change the edits of another.
const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
let rand = random(42);
beforeEach(() => { rand = random(42); });
const EDITS = ['', 'x', ' ', '\n', '\n\n', 'benzodiazepines ', '# Heading\n\n', 'lorazepam', 'in 2021', '[@williams2018]', 'may '];

/** The cached analysis of `text` equals a fresh one (findings and claim matches). */
function assertSameAsFresh(text: string, cache: ReturnType<typeof createAnalysisCache>, what: string): void {
  const cached = analyze(text, db, undefined, { cache });
  const fresh = analyze(text, db);
  assert.deepEqual(cached.findings, fresh.findings, what);
  assert.deepEqual(cached.matches, fresh.matches, what);
}

describe('incremental analysis', () => {
  it('gives the same findings as a fresh run after each of 60 random edits', function () {
    this.timeout(120000);
    const cache = createAnalysisCache();
    let text = big;
    for (let n = 0; n < 60; n++) {
      const at = Math.floor(rand() * text.length);
      const del = rand() < 0.5 ? Math.floor(rand() * 12) : 0;
      text = text.slice(0, at) + EDITS[Math.floor(rand() * EDITS.length)] + text.slice(at + del);
      assertSameAsFresh(text, cache, `edit ${n} at ${at}`);
    }
  });
  it('stays exact when identical paragraphs repeat side by side and edits move them apart', function () {
    this.timeout(120000);
    // Identical chunks share one cached unit; each occurrence must still get its own findings.
    const paragraphs = docs.join('\n\n').split(/\n{2,}/).filter((p) => p.trim());
    const repeated = paragraphs.slice(0, 60).flatMap((p) => [p, p]).join('\n\n');
    const cache = createAnalysisCache();
    let text = repeated;
    for (let n = 0; n < 40; n++) {
      const at = text.indexOf('\n\n', Math.floor(rand() * text.length));
      const insert = rand() < 0.5 ? '\n\nKetamine is proven to work in every patient.' : rand() < 0.5 ? '\n\n' + paragraphs[Math.floor(rand() * 60)] : 'x';
      text = at < 0 ? text + insert : text.slice(0, at) + insert + text.slice(at);
      assertSameAsFresh(text, cache, `edit ${n} at ${at}`);
    }
  });
  it('footnote-style fixes keep pointing at the document end after edits elsewhere', () => {
    const cache = createAnalysisCache();
    const config = { rules: {}, citationStyle: 'footnote' as const };
    let text = big;
    analyze(text, db, config, { cache });
    text = 'Intro line.\n\n' + text;
    const cached = analyze(text, db, config, { cache });
    assert.deepEqual(cached.findings, analyze(text, db, config).findings);
  });
  it('gives the same findings as a fresh run while typing, with units that have no prose between', function () {
    this.timeout(120000);
    // One-character edits continue the last model (the common case while typing). Code blocks are
    // units without prose blocks: the results of the units around them must still line up.
    const cache = createAnalysisCache();
    let k = 0;
    let text = big.replace(/\n\n(?=[A-Z])/g, () => (k++ % 3 === 0 ? '\n\n```\ncode\n```\n\n' : '\n\n'));
    analyze(text, db, undefined, { cache });
    for (let n = 0; n < 60; n++) {
      const at = Math.floor(rand() * text.length);
      text = text.slice(0, at) + (rand() < 0.8 ? 'x' : '') + text.slice(at + (rand() < 0.2 ? 1 : 0));
      assertSameAsFresh(text, cache, `edit ${n} at ${at}`);
    }
  });
  it('a keystroke and its undo leave the first result as it was (the server rehearses one after opening)', () => {
    const cache = createAnalysisCache();
    const first = analyze(big, db, undefined, { cache });
    const at = big.indexOf(' ', big.length >> 1);
    const typed = analyze(big.slice(0, at) + '  ' + big.slice(at + 1), db, undefined, { cache });
    assert.ok(typed.findings.some((f) => f.start > at));
    const undone = analyze(big, db, undefined, { cache });
    const fresh = analyze(big, db);
    // Findings after the keystroke were moved in place and back: the first result is intact.
    assert.deepEqual(first.findings, fresh.findings);
    assert.deepEqual(undone.findings, fresh.findings);
    assert.deepEqual(undone.matches, fresh.matches);
  });
  it('continues the model across small edits exactly as a fresh build would number it', function () {
    this.timeout(120000);
    // Typing continues the last model (only the changed units are placed; those after them move):
    // every block, section and record must be where, and numbered as, a fresh build puts it.
    const compiled = compile(db);
    const shape = (m: DocModel) => ({
      blocks: m.blocks.map((pb) => [pb.delta, pb.block.start, pb.index, pb.section, pb.paragraph, pb.sentences.length]),
      sections: m.sections.map((s) => [s.heading, s.depth, s.start, s.end, s.headingBlock, s.parent]),
      records: [m.directives, m.citations, m.footnotes, m.linkDefinitions].map((xs) => xs.map((x) => [x.start, x.end])),
      concepts: [...m.blockCounts].sort(), sentences: m.sentenceCount,
      units: m.units.map((u) => [u.start, u.blocksFrom, u.blockCount, u.sectionFrom, u.paragraphFrom, u.directivesFrom, u.citationsFrom, u.footnotesFrom, u.linksFrom]),
    });
    const cache = createAnalysisCache();
    let text = big;
    buildModel(text, compiled, cache);
    let continued = 0;
    const pieces = ['x', ' ', '', '\n', '\n\n', 'lorazepam ', '[@williams2018]', '[^1]', '<!-- claimlint-disable-next-line -- r -->\n'];
    for (let n = 0; n < 150; n++) {
      const at = Math.floor(rand() * text.length);
      const del = rand() < 0.3 ? Math.floor(rand() * 6) : 0;
      text = text.slice(0, at) + pieces[Math.floor(rand() * pieces.length)] + text.slice(at + del);
      const m = buildModel(text, compiled, cache);
      if (m.continued) continued++;
      assert.deepEqual(shape(m), shape(buildModel(text, compiled)), `edit ${n} at ${at}`);
    }
    assert.ok(continued > 75, `only ${continued} of 150 edits continued the model`);
  });
  it('re-checks a list whose lead-in paragraph (another unit) changed', () => {
    // The list item takes its topic from the paragraph before it, which is a unit of its own: the
    // list's unit did not change, but what it inherits did.
    // ("it" in the item refers to what the lead-in names.)
    const text = '# Notes\n\nOur build pipeline caches dependencies between runs.\n\n- Notably, it stops suicidal thinking in 85% of patients within a week.\n';
    for (const edited of [
      text.replace('caches dependencies', 'caches ketamine dependencies'), // continues the model
      text.replace('caches dependencies', 'caches ketamine dependencies').replace('# Notes', '# Build notes'), // rebuilds it
    ]) {
      const cache = createAnalysisCache();
      assert.deepEqual(analyze(text, db, undefined, { cache }).findings, []);
      const fresh = analyze(edited, db);
      assert.ok(fresh.findings.length > 0);
      assert.deepEqual(analyze(edited, db, undefined, { cache }).findings, fresh.findings);
      assert.deepEqual(analyze(text, db, undefined, { cache }).findings, []);
    }
  });
  it('re-checks the units under a heading that becomes a reference list', () => {
    // Entries of a References section are not claims: renaming a heading changes the results of
    // the units under it although the concepts it names do not change.
    const cache = createAnalysisCache();
    const before = '# Ketamine\n\nSome notes on ketamine and depression.\n\n## Notes\n\nKetamine is proven to cure depression in every patient.\n';
    const after = before.replace('## Notes', '## References');
    assert.equal(analyze(before, db, undefined, { cache }).findings.length, 1);
    assert.deepEqual(analyze(after, db, undefined, { cache }).findings, analyze(after, db).findings);
    assert.equal(analyze(after, db).findings.length, 0);
  });
  it('does not keep earlier versions of the document alive through cached units', function () {
    this.timeout(120000);
    const gc = obtainGc();
    if (!gc) this.skip();
    // Cached units built from plain slices of each version used to retain that whole version: one
    // document's size of heap per edit. The cache also keeps the last few dozen replaced units for
    // undo, and they must not hold on to the model (and text) of their last run either. Paragraphs
    // are numbered so that every edit replaces a unit; the heap is measured after every edit once
    // the caches are warm (it grows by ~1 MB here, as edits make repeated chunks unique; keeping the
    // models did 4.8 MB, the texts 13.5 MB).
    const cache = createAnalysisCache();
    let n = 0;
    let text = Array.from({ length: 16 }, () => big).join('\n\n').replace(/\n\n(?=[A-Z])/g, () => ` (${n++})\n\n`);
    let keep = analyze(text, db, undefined, { cache });
    // A leak grows steadily; an edit that briefly makes a large unit (a line that turns the
    // document into one chunk) does not: the medians of the first and last ten measurements compare.
    const heap: number[] = [];
    for (let k = 0; k < 70; k++) {
      const at = Math.floor(rand() * text.length);
      text = text.slice(0, at) + 'x' + text.slice(at);
      keep = analyze(text, db, undefined, { cache });
      if (k < 10) continue;
      gc!();
      heap.push(process.memoryUsage().heapUsed);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const grown = median(heap.slice(-10)) - median(heap.slice(0, 10));
    assert.ok(keep.findings.length > 0);
    assert.ok(grown < 4 * text.length, `heap grew by ${(grown / 1e6).toFixed(1)} MB over 60 edits of a ${(text.length / 1e6).toFixed(2)} MB document`);
  });
});
