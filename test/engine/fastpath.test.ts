// The plain-paragraph fast path must yield exactly what remark yields for the same chunk.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitTopLevelChunks } from '../../server/src/engine/chunks.js';
import { plainParagraph } from '../../server/src/engine/fastpath.js';
import { extractProse } from '../../server/src/engine/markdown.js';
import { fixtures, repoRoot } from '../helpers.js';

function docs(): string[] {
  const out: string[] = [];
  const maker = join(repoRoot, '..', 'shared', 'bench', 'make-corpus.mjs');
  if (existsSync(maker)) {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-fastpath-'));
    execFileSync(process.execPath, [maker, dir, '--files', '40', '--kb', '6', '--seed', '7'], { stdio: 'ignore' });
    const walk = (d: string): void => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.md') && out.push(readFileSync(join(d, e.name), 'utf8'))));
    walk(dir);
  }
  for (const folder of ['markdown', 'eval-heldout', 'editor']) {
    const dir = fixtures(folder);
    if (!existsSync(dir)) continue;
    const walk = (d: string): void => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.md') && out.push(readFileSync(join(d, e.name), 'utf8'))));
    walk(dir);
  }
  return out;
}

const plain = (b: ReturnType<typeof extractProse>) => JSON.parse(JSON.stringify(b, (_k, v) => (v instanceof Int32Array ? Array.from(v) : v)));

describe('plain-paragraph fast path', () => {
  const cases = [
    'Ketamine is an NMDA receptor antagonist.',
    'First line of a paragraph\nand its second line.\n',
    'Numbers like 0.5 mg/kg, 7 of 12 and 85% stay as they are (n = 12).\n\n',
    'Unicode: μ-opioid receptors, café, 😀 emoji.',
  ];
  for (const src of cases) {
    it(`matches remark for ${JSON.stringify(src.slice(0, 30))}`, () => {
      const fast = plainParagraph(src, 0);
      assert.ok(fast, 'taken by the fast path');
      assert.deepEqual(plain(fast), plain(extractProse(src, 0)));
    });
  }
  for (const src of ['*emphasis* here.', 'A [link](http://x.org).', '# Heading', '- item', '1. item', 'Text with `code`.', 'A &amp; B.', 'Line one  \nhard break.', '  indented start.', 'Setext\n===', 'Cite [@key].', 'Tab\there.', 'www.example.com is a link.', 'Table | cell']) {
    it(`leaves syntax to remark: ${JSON.stringify(src)}`, () => assert.equal(plainParagraph(src, 0), undefined));
  }
  it('agrees with remark on every plain chunk of a generated corpus and the fixtures', () => {
    let checked = 0;
    for (const doc of docs()) {
      for (const ch of splitTopLevelChunks(doc)) {
        const src = doc.slice(ch.start, ch.end);
        const fast = plainParagraph(src, ch.start);
        if (!fast) continue;
        checked++;
        assert.deepEqual(plain(fast), plain(extractProse(src, ch.start)), src);
      }
    }
    assert.ok(checked > 20, `only ${checked} plain chunks checked`);
  });
});
