import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtures, requireShared } from '../helpers.js';
import { chunkText, mergeProse, resplitChunks, splitTopLevelChunks } from '../../server/src/engine/chunks.js';
import { extractProse } from '../../server/src/engine/markdown.js';
import { assertOffsetMap } from './invariants.js';

/** The chunk texts of `src`. */
const pieces = (src: string) => splitTopLevelChunks(src).map((c) => src.slice(c.start, c.end));

function assertChunked(src: string, where: string): number {
  const chunks = splitTopLevelChunks(src);
  // Contiguous, non-empty, covering the whole source.
  assert.equal(chunks[0].start, 0, where);
  assert.equal(chunks[chunks.length - 1].end, src.length, where);
  for (let i = 0; i < chunks.length; i++) {
    assert.ok(chunks[i].end > chunks[i].start || src.length === 0, `${where}: empty chunk ${i}`);
    if (i > 0) assert.equal(chunks[i].start, chunks[i - 1].end, `${where}: gap before chunk ${i}`);
  }
  const merged = mergeProse(chunks.map((c) => extractProse(src.slice(c.start, c.end), c.start)));
  const whole = extractProse(src);
  assertOffsetMap(src, merged, where);
  assert.deepStrictEqual(merged, whole, where);
  return chunks.length;
}

describe('splitTopLevelChunks', () => {
  it('splits at blank lines before unindented top-level blocks', () => {
    assert.deepEqual(pieces('# A\n\nOne.\n\n\nTwo.\n'), ['# A\n\n', 'One.\n\n\n', 'Two.\n']);
    assert.deepEqual(pieces(''), ['']);
    assert.deepEqual(pieces('No newline'), ['No newline']);
    assert.deepEqual(pieces('a\r\n\r\nb\r\n'), ['a\r\n\r\n', 'b\r\n']);
  });

  it('never splits inside fenced code of any length, fence character or indent ≤ 3', () => {
    assert.deepEqual(pieces('```\na\n\nb\n```\n\nc\n'), ['```\na\n\nb\n```\n\n', 'c\n']);
    assert.deepEqual(pieces('~~~~\n~~~\n\nx\n~~~~\n\ny\n'), ['~~~~\n~~~\n\nx\n~~~~\n\n', 'y\n']);
    assert.deepEqual(pieces('   ````md\n```\n\nz\n````\n\nw\n'), ['   ````md\n```\n\nz\n````\n\n', 'w\n']);
    assert.deepEqual(pieces('```\nunclosed\n\nstill code\n'), ['```\nunclosed\n\nstill code\n']);
    // Not a fence: backticks in the info string.
    assert.deepEqual(pieces('``` a ` b\n\nc\n'), ['``` a ` b\n\n', 'c\n']);
  });

  it('never splits inside HTML blocks and comments that span blank lines', () => {
    assert.deepEqual(pieces('<!--\na\n\nb\n-->\n\nc\n'), ['<!--\na\n\nb\n-->\n\n', 'c\n']);
    assert.deepEqual(pieces('<script>\na\n\nb\n</script>\n\nc\n'), ['<script>\na\n\nb\n</script>\n\n', 'c\n']);
    assert.deepEqual(pieces('<!-- one line -->\n\nc\n'), ['<!-- one line -->\n\n', 'c\n']);
    // An HTML block of type 6 ends at a blank line; a fence-like line inside it is HTML.
    assert.deepEqual(pieces('<div>\n```\n</div>\n\ntext\n\n```\ncode\n\nmore\n```\n'), ['<div>\n```\n</div>\n\n', 'text\n\n', '```\ncode\n\nmore\n```\n']);
  });

  it('keeps front matter in the first chunk', () => {
    assert.deepEqual(pieces('---\na: 1\n\nb: 2\n---\n\nText.\n'), ['---\na: 1\n\nb: 2\n---\n\n', 'Text.\n']);
    assert.deepEqual(pieces('+++\na = 1\n\nb = 2\n+++\n\nText.\n'), ['+++\na = 1\n\nb = 2\n+++\n\n', 'Text.\n']);
  });

  it('keeps lists, list continuations and indented code together', () => {
    assert.deepEqual(pieces('- a\n\n- b\n\n  continued\n\n1. c\n\nd\n'), ['- a\n\n- b\n\n  continued\n\n1. c\n\n', 'd\n']);
    assert.deepEqual(pieces('para\n\n    code\n\n    more code\n\nnext\n'), ['para\n\n    code\n\n    more code\n\n', 'next\n']);
    assert.deepEqual(pieces('- item\n\n  ```\n  x\n\n  y\n  ```\n\nafter\n'), ['- item\n\n  ```\n  x\n\n  y\n  ```\n\n', 'after\n']);
    // A fence closed inside a list item must not be mistaken for one opening at the top level.
    assert.deepEqual(pieces('- ```\n  a\n  ```\n\npara\n\n```\nx\n\ny\n```\n'), ['- ```\n  a\n  ```\n\n', 'para\n\n', '```\nx\n\ny\n```\n']);
  });

  it('keeps consecutive blockquotes and tables together', () => {
    assert.deepEqual(pieces('> a\n\n> b\n\nc\n'), ['> a\n\n> b\n\n', 'c\n']);
    assert.deepEqual(pieces('| a |\n|---|\n| b |\n\nc\n'), ['| a |\n|---|\n| b |\n\n', 'c\n']);
  });

  it('returns one chunk when the document has link reference definitions (they are global)', () => {
    assert.deepEqual(pieces('See [x][r].\n\nMore.\n\n[r]: https://example.com\n'), ['See [x][r].\n\nMore.\n\n[r]: https://example.com\n']);
    assert.deepEqual(pieces('See [x][r].\n\n> [r]: https://example.com\n').length, 1);
  });

  it('agrees with a whole-document parse on tricky container cases', () => {
    const cases = [
      '-\n\n  ```\ncode\n\nstill code\n',                       // an empty item ends at a blank line: the fence is top-level
      '- a\n\n  ```\n  x\n\n  y\n  ```\n\nafter\n',            // a fence inside an item
      '- ```\n``\nlazy?\n\n  ```\nx\n\ny\n',                  // a fence in an item ends with the item
      '> > ```\n</textarea>\n   ```\n\n```\nx\n\ny\n````\n',     // a fence in a nested quote; a lone closing tag after it
      '[^2]:\n    ```\n\nfoo\n===\n10. ten\n',                   // a footnote definition is a container
      '- <!--\n\n  - not a list\n\n| a |\n|---|\n\n  ~~~\n\nx\n', // a comment inside an item ends with the item
      '    code\n\n2) two\n\nthree\n',                           // micromark: "2)" after indented code is a paragraph
      '- task\n<span>\nx\n\ny\n',                                // micromark: a lone tag on a lazy line
      '---\n\n> quote\n\n- item\n',                               // an unclosed front matter fence is a thematic break
      'Para.\n\n---\ntitle: x\n---\n\nText.\n',                 // `---` later on is not front matter
      '| a | b |\n|---|---|\n| c | d |\n<custom-tag>\n```\n\n  ```\n\nPara\n',
    ];
    for (const src of cases) assertChunked(src, JSON.stringify(src));
  });

  it('records footnote references whose definition is in another chunk', () => {
    const src = 'Claim.[^a]\n\nMore text.\n\n[^a]: The source.\n';
    assert.equal(pieces(src).length, 3);
    assertChunked(src, 'footnote across chunks');
  });
});

describe('mergeProse', () => {
  it('renumbers sections, paragraphs and heading blocks across chunks', () => {
    const src = 'Intro.\n\n# A\n\nText a.\n\n## A.1\n\n- item\n\n  more\n\n# B\n\nText b.\n';
    assert.ok(assertChunked(src, 'sections') >= 6);
    const doc = mergeProse(splitTopLevelChunks(src).map((c) => extractProse(src.slice(c.start, c.end), c.start)));
    assert.deepEqual(doc.sections.map((s) => [s.heading, s.end]), [['A', src.indexOf('# B')], ['A.1', src.indexOf('# B')], ['B', src.length]]);
    assert.deepEqual(doc.blocks.map((b) => [b.section, b.paragraph]), [[-1, 0], [0, 1], [0, 2], [1, 3], [1, 4], [1, 4], [2, 5], [2, 6]]);
  });

  it('equals a whole-document parse on every fixture', () => {
    const dir = fixtures('markdown');
    let multi = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      if (assertChunked(readFileSync(join(dir, name), 'utf8'), name) > 3) multi++;
    }
    assert.ok(multi >= 8, `only ${multi} fixtures split into several chunks`);
  });

  it('equals a whole-document parse on random concatenations of fixture chunks', () => {
    const dir = fixtures('markdown');
    const parts: string[] = [];
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const src = readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n');
      if (/^\[[^\]^]+\]:/m.test(src)) continue;
      for (const p of pieces(src)) if (!/^(---|\+\+\+)\n/.test(p)) parts.push(p.endsWith('\n\n') ? p : p.replace(/\n*$/, '\n\n'));
    }
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let round = 0; round < 60; round++) {
      let src = '';
      const n = 3 + Math.floor(rand() * 15);
      for (let i = 0; i < n; i++) src += parts[Math.floor(rand() * parts.length)];
      assertChunked(src, `random document ${round}`);
    }
  });

  it('equals a whole-document parse on the shared real-world drafts', function () {
    const dir = requireShared(this, 'data', 'realworld');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'SOURCE.md');
    // Read in place, never copied into the project.
    for (const f of files) assert.ok(assertChunked(readFileSync(join(dir, f), 'utf8'), f) > 3, `${f} barely split`);
  });

  it('equals a whole-document parse on the benchmark corpus generator', function () {
    const script = requireShared(this, 'bench', 'make-corpus.mjs');
    this.timeout(120000);
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-chunks-'));
    try {
      execFileSync(process.execPath, [script, dir, '--files', '20', '--kb', '10', '--seed', '3'], { stdio: 'ignore' });
      execFileSync(process.execPath, [script, join(dir, 'big.md'), '--one-file', '--kb', '200', '--seed', '5'], { stdio: 'ignore' });
      const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md'));
      assert.ok(files.length >= 21);
      for (const f of files) assert.ok(assertChunked(readFileSync(join(dir, f), 'utf8'), f) > 5, `${f} barely split`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('resplitChunks', () => {
  /** Every fixture, and pieces that open and close containers, for edits to insert. */
  const docs = readdirSync(fixtures('markdown')).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(fixtures('markdown'), f), 'utf8'));
  const inserts = ['x', '\n', '\n\n', '```\n', '~~~', '- ', '1. ', '3) ', '> ', '<!--', '-->', '<div>\n', '#', '    ', '\t', '[a]: /u\n', '---\n', '|', '| --- |\n', '[^1]: ', '\r\n', '* * *\n', 'text\n\n- item\n'];

  it('equals a fresh split after random edits, chained over many versions', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let checked = 0, partial = 0;
    for (let round = 0; round < 40; round++) {
      // A document of several fixtures, edited 30 times; each split reuses the previous one.
      let text = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => docs[Math.floor(rand() * docs.length)]!).join('\n\n');
      let prev = chunkText(text);
      for (let step = 0; step < 30; step++) {
        const at = Math.floor(rand() * (text.length + 1));
        const del = rand() < 0.3 ? Math.floor(rand() * 40) : 0;
        const ins = rand() < 0.8 ? inserts[Math.floor(rand() * inserts.length)]! : '';
        text = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
        const next = resplitChunks(prev, text);
        assert.deepStrictEqual(next.chunks, splitTopLevelChunks(text), `round ${round} step ${step}: edit at ${at} (-${del} +${JSON.stringify(ins)})`);
        if (next.chunks.length > 2 && next.chunks[0] === prev.chunks[0]) partial++;
        prev = next;
        checked++;
      }
    }
    assert.ok(checked === 1200 && partial > 300, `${partial} of ${checked} splits reused earlier chunks`);
  });

  it('equals a fresh split after edits in the first chunk, where front matter may appear or vanish', () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const head = [...inserts, '---\n', '---\ntitle: x\n---\n', '+++\n', 'title: y\n', '---\n\n# Heading\n\nText.\n\n---\n'];
    let checked = 0;
    for (let round = 0; round < 30; round++) {
      let text = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => docs[Math.floor(rand() * docs.length)]!).join('\n\n');
      if (rand() < 0.5) text = `---\ntitle: t\n---\n\n${text}`;
      let prev = chunkText(text);
      for (let step = 0; step < 20; step++) {
        const at = Math.floor(rand() * Math.min(text.length + 1, 80));
        const del = rand() < 0.3 ? Math.floor(rand() * 12) : 0;
        const ins = rand() < 0.85 ? head[Math.floor(rand() * head.length)]! : '';
        text = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
        const next = resplitChunks(prev, text);
        assert.deepStrictEqual(next.chunks, splitTopLevelChunks(text), `round ${round} step ${step}: edit at ${at} (-${del} +${JSON.stringify(ins)})`);
        prev = next;
        checked++;
      }
    }
    assert.equal(checked, 600);
  });
});

describe('lines that once made the chunker super-linear', () => {
  it('splits them, whatever their markers', () => {
    // 20 copies of '-   ' took 41 s (exponential backtracking); a line of millions of markers
    // overflowed the regex stack.
    for (const line of ['-   '.repeat(40) + 'x', '- '.repeat(2_000_000) + 'x', '> '.repeat(1_000_000) + '[a]: /u', '| - |'.repeat(100_000) + 'x', '<a' + ' b=c'.repeat(500_000) + '>']) {
      const src = 'Intro.\n\n' + line + '\n\nAfter.\n';
      const chunks = splitTopLevelChunks(src);
      assert.equal(chunks[0]!.start, 0);
      assert.equal(chunks[chunks.length - 1]!.end, src.length);
    }
  });
});

