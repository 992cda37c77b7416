import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/engine/lines.js';

describe('LineIndex', () => {
  it('converts offsets with \\n, \\r\\n and \\r line endings', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const idx = new LineIndex(text);
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(idx.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(5), { line: 1, character: 2 }); // at '\r'
    assert.deepEqual(idx.positionAt(6), { line: 1, character: 2 }); // between '\r' and '\n'
    assert.deepEqual(idx.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(idx.positionAt(10), { line: 3, character: 0 });
    assert.deepEqual(idx.positionAt(12), { line: 3, character: 2 });
    assert.equal(idx.offsetAt({ line: 1, character: 1 }), 4);
    assert.equal(idx.offsetAt({ line: 3, character: 1 }), 11);
  });

  it('counts UTF-16 code units (emoji are two characters)', () => {
    const text = '🧪x\n😀';
    const idx = new LineIndex(text);
    assert.deepEqual(idx.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(idx.positionAt(text.length), { line: 1, character: 2 });
    assert.equal(idx.offsetAt({ line: 1, character: 2 }), text.length);
  });

  it('clamps out-of-range input', () => {
    const idx = new LineIndex('ab\r\ncd');
    assert.deepEqual(idx.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(99), { line: 1, character: 2 });
    assert.equal(idx.offsetAt({ line: -1, character: 3 }), 0);
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 2); // end of line 0, before the CRLF
    assert.equal(idx.offsetAt({ line: 0, character: -3 }), 0);
    assert.equal(idx.offsetAt({ line: 7, character: 0 }), 6);
    const empty = new LineIndex('');
    assert.deepEqual(empty.positionAt(3), { line: 0, character: 0 });
    assert.equal(empty.offsetAt({ line: 2, character: 2 }), 0);
  });

  it('agrees with vscode-languageserver-textdocument on random texts', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pieces = ['a', 'b', ' ', '\n', '\r\n', '\r', '🧪', 'é', '\t'];
    for (let round = 0; round < 200; round++) {
      let text = '';
      const n = Math.floor(rand() * 30);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(rand() * pieces.length)];
      const idx = new LineIndex(text);
      const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
      assert.equal(idx.lineCount, doc.lineCount, JSON.stringify(text));
      for (let o = -1; o <= text.length + 1; o++) assert.deepEqual(idx.positionAt(o), doc.positionAt(o), `${JSON.stringify(text)} @${o}`);
      for (let line = -1; line <= doc.lineCount; line++) {
        for (let ch = -1; ch < 8; ch++) assert.equal(idx.offsetAt({ line, character: ch }), doc.offsetAt({ line, character: ch }), `${JSON.stringify(text)} ${line}:${ch}`);
      }
    }
  });
});
