// The fast path must yield exactly what remark yields for the same chunk, whenever it yields
// anything: a differential test over the benchmark corpus, every Markdown fixture, random mixes
// of tricky snippets and random mutations of the chunks it takes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitTopLevelChunks } from '../../server/src/engine/chunks.js';
import { fastProse } from '../../server/src/engine/fastpath.js';
import { extractProse, type ProseDocument } from '../../server/src/engine/markdown.js';
import { repoRoot, requireShared, sharedRoot } from '../helpers.js';

const plain = (d: ProseDocument) => JSON.parse(JSON.stringify(d, (_k, v) => (v instanceof Int32Array ? Array.from(v) : v)));

/** The Markdown files below `dir`. */
function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.md') && out.push(readFileSync(join(d, e.name), 'utf8'))));
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Checks `src` (at `base`): when the fast path takes it, it must equal remark. Returns whether it was taken. */
function agrees(src: string, base: number): boolean {
  const fast = fastProse(src, base);
  if (!fast) return false;
  assert.deepEqual(plain(fast), plain(extractProse(src, base)), JSON.stringify(src));
  return true;
}

/** Checks every top-level chunk of `docs`; returns the chunks and characters taken and in all. */
function checkChunks(docs: string[]): { chunks: number; taken: number; chars: number; takenChars: number } {
  const r = { chunks: 0, taken: 0, chars: 0, takenChars: 0 };
  for (const doc of docs) {
    for (const ch of splitTopLevelChunks(doc)) {
      const src = doc.slice(ch.start, ch.end);
      r.chunks++;
      r.chars += src.length;
      if (agrees(src, ch.start)) { r.taken++; r.takenChars += src.length; }
    }
  }
  return r;
}

// Constructs the fast path handles on its own.
const SUPPORTED = [
  'Ketamine is an NMDA receptor antagonist.',
  'First line of a paragraph\nand its second line.\n',
  'Numbers like 0.5 mg/kg, 7 of 12 and 85% stay as they are (n = 12).\n\n',
  'Unicode: μ-opioid receptors, café, 😀 emoji, naïve.',
  'Cited [@handzel2022] here.', 'Two [@a; @b] keys and [see @a, p. 3].', 'A bare @key in text.', 'A key [@a.] with a dot.',
  'Noted [^irwin] in a footnote.', 'x[^1]y',
  'See [the review](https://doi.org/10.9740/mhc.2021.05.200) and [notes](./notes-36.md).', '[a](u "title") b', '[a](u?x=1&y=2) with a query.', '[@a](u) as link text.',
  'snake_case_name', 'p < 0.05 and p<0.05 and a <= b', 'a > b', 'R & D', 'x: y and a:b',
  '# Heading', '## Head ##', '# H #x', '#', '# [@k] cited', '## [link](u)', '###### six',
  '- item one', '- item [@a]', '* star item', '+ plus item', '- a\n  continued', '-  two spaces', '- a\n- b\n- c', '- a\n\n- b',
  '1. first', '3. third\n4. fourth', '1) paren', '10) ten', '1. a\n   continued',
  '> quote', '> quote [@a]', '> a\n> b', '>no space', '> a\n\n> b',
  '| a | b |\n| --- | --- |\n| 1 | 2 |', '| a |\n|:-:|\n| x [@k] |', '| a | b |\n| - | - |\n| 1 | 2 | 3 |', '| a | b |\n| - | - |\n|  | 2 |',
  '```js\nconst x = 1; // <b> *not* prose\n```', '~~~\ncode\n~~~', '````\n```\n````',
  'trailing  \nhard break', 'one space \nsoft break', 'end spaces   ',
  'a\n1. b', 'a\n- b', 'a\n> b', 'a\n# h', 'a\n    more', '2019. A year.', '1.5 mg', '1234567890. x',
];

// Constructs it must leave to remark (each alone).
const UNSUPPORTED = [
  '*emphasis* here.', '_under_ score', '**bold**', 'Text with `code`.', '~~del~~', 'a ~ b', 'A &amp; B.', 'AT&T', 'a\\*b', 'back\\\nslash',
  'Tab\there.', 'crlf\r\nline', 'zero\u0000byte', '\uFEFFbom',
  'www.example.com is a link.', 'http://x.y z', 'mail a@b.co x', 'a <b> c', '<br>', '<!-- claimlint-disable overstated-certainty -- test -->',
  'Table | cell', '![img](x.png)', '[text] alone', '[text][ref]', '[x]: http://y', '[^1]: def', '[](u)', '[a](<u>)', "[a](u 'title')", '[a](u&amp;v)',
  '[x](https://en.wikipedia.org/wiki/A_(b))', '[a\nb](u)', '[@a]]', '[[@a]]', '[@a][b]',
  '  indented start.', '    code', 'Setext\n===', 'Setext\n---', '***', '* * *', '- - -', '---\ntitle: x\n---',
  '- [ ] task', '- > quote', '- # head', '- a\nlazy', '- a\n b', '-', '1. a\n\n   b', '- a\n* b',
  '> a\nlazy', '> > nested', '> - list', '>', '> a\n>\n> b', 'a\n2. b', 'x\n| a |\n| - |', '| a \\| b | c |\n| - | - |', '```\nunclosed',
];

// Tricky snippets for random mixes (the ones above and more).
const TRICKY = [
  ...UNSUPPORTED,
  '[^a b] c', '[^] d', '[see @a]: x', '@{weird key} y', 'foo@bar', 'a__b', '#H', '####### seven', '# ', '#\tTab', '   ### indented', '# a *b*',
  '- a *b* c', '-     five spaces', '- [x] done', '- - nested', '- ', '-5 mg', '1.', '>  two spaces', '> # h',
  'a | b\n--|--\n1|2', '| a | b |\n| - |', '| a |\n| - |\n| b |\nfoo', '| [x](y) | `c` |\n| - | - |', '| a |\n| - |\n> q',
  '```\n```', '``` a`b\nx\n```', 'a\n- - -', 'a\n```\nx\n```', '- a\n2. b', '1. a\n- b', '1. a\n1) b', '- a\n# h',
  '[a]()', '[a]( u )', '[a](u\n)', '[a](u&v)', '[a](u "t\\"")', '[a](u  "t" )', 'a<3', 'a &', 'x: //y', 'a.www.b', 'WWW.X.COM y', 'Https://x',
  '\u00a0nbsp', 'lone\rcr',
];

/** Random documents mixing mostly supported snippets with tricky ones (seeded: failures reproduce). */
function randomDocs(seed: number, count: number): string[] {
  let state = seed >>> 0 || 1;
  const rand = () => { state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0; return state / 4294967296; };
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const seps = ['\n', '\n\n', '\n\n', '\n\n\n', ' ', '\n  ', '\n   ', '\n> ', '\n- ', '\n1. ', '\n| '];
  const prefixes = ['- ', '> ', '1. ', '3) ', '## ', '  ', '| ', '[', '*', '    '];
  const docs: string[] = [];
  for (let d = 0; d < count; d++) {
    let doc = '';
    const parts = 1 + Math.floor(rand() * 6);
    for (let p = 0; p < parts; p++) {
      let s = pick(rand() < 0.7 ? SUPPORTED : TRICKY);
      if (rand() < 0.25) s = pick(prefixes) + s;
      if (rand() < 0.2) s = s + pick([' ', '', '  ', '\n']) + pick(rand() < 0.7 ? SUPPORTED : TRICKY);
      doc += (p ? pick(seps) : '') + s;
    }
    docs.push(rand() < 0.5 ? doc + '\n' : doc);
  }
  return docs;
}

describe('Markdown fast path', () => {
  for (const src of SUPPORTED) {
    it(`takes and matches remark: ${JSON.stringify(src.slice(0, 40))}`, () => assert.ok(agrees(src, 0), 'taken by the fast path'));
  }
  for (const src of UNSUPPORTED) {
    it(`leaves to remark: ${JSON.stringify(src.slice(0, 40))}`, () => assert.equal(fastProse(src, 0), undefined));
  }

  // The benchmark corpus at several seeds and sizes (empty when the generator is not checked out).
  const corpus: string[] = [];
  const fixtureDocs: string[] = [];
  before(() => {
    const maker = join(sharedRoot, 'bench', 'make-corpus.mjs');
    for (const [files, kb, seed] of existsSync(maker) ? [[40, 6, 7], [20, 10, 1], [10, 20, 3], [30, 2, 11]] : []) {
      const dir = mkdtempSync(join(tmpdir(), 'claimlint-fastpath-'));
      execFileSync(process.execPath, [maker, dir, '--files', String(files), '--kb', String(kb), '--seed', String(seed)], { stdio: 'ignore' });
      corpus.push(...markdownFiles(dir));
      rmSync(dir, { recursive: true, force: true });
    }
    fixtureDocs.push(...markdownFiles(join(repoRoot, 'test')), ...markdownFiles(join(repoRoot, 'examples')));
  });

  it('agrees with remark on every chunk of the bench corpus (several seeds and sizes) and covers ≥ 90% of its characters', function () {
    if (corpus.length === 0) requireShared(this, 'bench', 'make-corpus.mjs');
    const r = checkChunks(corpus);
    const share = r.takenChars / r.chars;
    console.log(`      fast path on the bench corpus: ${r.taken}/${r.chunks} chunks, ${(100 * share).toFixed(1)}% of ${r.chars} characters`);
    assert.ok(share >= 0.9, `fast path covers only ${(100 * share).toFixed(1)}% of the corpus characters`);
  });

  it('agrees with remark on every chunk (and every whole document it takes) of the Markdown fixtures and examples', () => {
    assert.ok(fixtureDocs.length > 10, `only ${fixtureDocs.length} fixtures found`);
    for (const doc of fixtureDocs) agrees(doc, 3);
    const r = checkChunks(fixtureDocs);
    assert.ok(r.taken > 50, `only ${r.taken} fixture chunks taken`);
  });

  it('agrees with remark on randomly mutated chunks that it takes unmutated (inserted syntax, deletions, repeats)', () => {
    const pool: string[] = [];
    for (const doc of [...fixtureDocs, ...corpus.slice(0, 20)]) {
      for (const ch of splitTopLevelChunks(doc)) if (fastProse(doc.slice(ch.start, ch.end), 0)) pool.push(doc.slice(ch.start, ch.end));
    }
    const inserts = ['[', ']', '(', ')', '@', '^', '# ', '- ', '> ', '1. ', '2) ', '|', ' | ', '\n', '\n\n', '  \n', '    ', '_', '*', '!', '<', '&', '//', 'www.',
      '"', '---', '\n===', '```', '`', '\\', '[@k]', '[^1]', '[a](b)', '](', 'é', '😀', '.', '9.', '\t', 'a@', '\r\n'];
    let state = 7;
    const rand = () => { state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0; return state / 4294967296; };
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    let taken = 0;
    for (let t = 0; t < 8000; t++) {
      let s = pick(pool);
      if (rand() < 0.3) s += pick(['', '\n', '\n\n']) + pick(pool);
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
        const at = Math.floor(rand() * (s.length + 1)), r = rand();
        if (r < 0.6) s = s.slice(0, at) + pick(inserts) + s.slice(at);
        else if (r < 0.85) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 3));
        else { const b = Math.floor(rand() * (s.length + 1)); s = s.slice(0, at) + s.slice(Math.min(at, b), Math.max(at, b)) + s.slice(at); }
      }
      if (agrees(s, 7)) taken++;
    }
    assert.ok(taken > 2000, `only ${taken} mutated chunks taken`);
  });

  it('agrees with remark on random mixes of tricky snippets, as chunks and as whole documents', () => {
    let taken = 0;
    for (const doc of randomDocs(20240607, 6000)) {
      if (agrees(doc, 0)) taken++;
      taken += checkChunks([doc]).taken;
    }
    assert.ok(taken > 3000, `only ${taken} random documents and chunks taken`);
  });
});
