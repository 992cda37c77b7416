// Offset-map invariants shared by the markdown suites.
import assert from 'node:assert/strict';
import { INLINE_CODE, sourceSpan, type ProseDocument } from '../../server/src/engine/markdown.js';

const CHARREF = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{0,31});/;

/**
 * Every prose character maps to the source character it came from:
 * - plain characters: source[map[i]] === text[i];
 * - a line break shown as a space: source[map[i]] is '\r' or '\n';
 * - inline code: U+FFFC at the opening backtick;
 * - a backslash escape: '\' followed by the character;
 * - a character reference: '&…;' (all code units of its decoded text map to the '&').
 * Maps are non-decreasing, stay inside the block, and end just after the last character.
 */
export function assertOffsetMap(source: string, doc: ProseDocument, where = ''): void {
  for (const [bi, b] of doc.blocks.entries()) {
    const at = `${where} block ${bi} (${b.kind} ${JSON.stringify(b.text.slice(0, 40))})`;
    assert.equal(b.map.length, b.text.length + 1, `${at}: map length`);
    for (let i = 0; i < b.text.length; i++) {
      const c = b.text[i];
      const o = b.map[i];
      const s = source[o];
      assert.ok(o >= b.start && o < b.end, `${at}: map[${i}]=${o} outside [${b.start}, ${b.end})`);
      if (i > 0) assert.ok(o >= b.map[i - 1], `${at}: map decreases at ${i}`);
      if (i > 0 && o === b.map[i - 1]) {
        // Only the code units of one decoded character reference share an offset.
        assert.equal(s, '&', `${at}: text[${i - 1}..${i}] share offset ${o}`);
        continue;
      }
      if (s === c) continue;
      if (c === ' ' && (s === '\n' || s === '\r')) continue;
      // The object character stands for inline code (at its backtick) or an autolink (at its '<' or its address).
      if (c === INLINE_CODE) { assert.match(source.slice(o, o + 8), /^(?:`|<|https?:|www\.|[\w.+-]+@)/i, `${at}: inline code or autolink placeholder at ${o}`); continue; }
      if (s === '\\') { assert.equal(source[o + 1], c, `${at}: escape at ${o}`); continue; }
      if (s === '&') { assert.match(source.slice(o, o + 40), CHARREF, `${at}: char ref at ${o}`); continue; }
      assert.fail(`${at}: text[${i}]=${JSON.stringify(c)} maps to source[${o}]=${JSON.stringify(s)}`);
    }
    const n = b.text.length;
    if (n > 0) {
      assert.equal(b.map[n], sourceSpan(b, n - 1, n, source).end, `${at}: map[end] is just after the last character`);
      assert.ok(b.map[n] <= b.end, `${at}: map[end] within block`);
    }
  }
  for (const c of doc.citations) {
    const raw = source.slice(c.start, c.end);
    if (c.kind === 'pandoc') assert.equal(raw.replace(/\\/g, ''), '@' + c.key, `${where} pandoc citation range`);
    if (c.kind === 'footnote') assert.equal(raw, `[^${c.key}]`, `${where} footnote citation range`);
    if (c.kind === 'link') assert.match(raw, /^[<[]|^\S/, `${where} link range`);
  }
  for (const d of doc.directives) assert.equal(source.slice(d.start, d.end), d.raw, `${where} directive range`);
  for (let i = 1; i < doc.citations.length; i++) assert.ok(doc.citations[i].start >= doc.citations[i - 1].start, `${where} citations in order`);
}
