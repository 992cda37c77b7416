import assert from 'node:assert/strict';
import { applyFixes } from '../../server/src/engine/apply-fixes.js';
import type { Fix } from '../../server/src/engine/types.js';

const fix = (title: string, edits: [number, number, string][], safe = true): Fix => ({
  kind: 'insert-citation', title, safe, edits: edits.map(([start, end, newText]) => ({ start, end, newText })),
});

describe('applyFixes', () => {
  const text = 'Ketamine was given at 5 mg/kg. It works.';
  const end = text.length - 1;

  it('applies non-overlapping edits and changes nothing else', () => {
    const r = applyFixes(text, [fix('cite', [[end, end, ' [@b]']]), fix('figure', [[22, 23, '0.5']])]);
    assert.equal(r.output, 'Ketamine was given at 0.5 mg/kg. It works [@b].');
    assert.deepEqual(r.applied.map((f) => f.title), ['figure', 'cite']);
    assert.deepEqual(r.skipped, []);
  });

  it('applies a multi-edit fix together', () => {
    const r = applyFixes('A claim.[^x]\n', [fix('footnote', [[7, 7, '[^w]'], [13, 13, '\n[^w]: Ref.\n']])]);
    assert.equal(r.output, 'A claim[^w].[^x]\n\n[^w]: Ref.\n');
  });

  it('skips a fix overlapping one already applied, and reports it as remaining', () => {
    const a = fix('first', [[0, 8, 'Esketamine']]);
    const b = fix('second', [[4, 12, 'X']]);
    const r = applyFixes(text, [b, a]);
    assert.equal(r.output, 'Esketamine was given at 5 mg/kg. It works.');
    assert.deepEqual(r.applied, [a]);
    assert.deepEqual(r.skipped, [b]);
  });

  it('treats two insertions at one offset as conflicting', () => {
    const r = applyFixes(text, [fix('a', [[end, end, ' [@a]']]), fix('b', [[end, end, ' [@b]']])]);
    assert.equal(r.output, 'Ketamine was given at 5 mg/kg. It works [@a].');
    assert.equal(r.skipped.length, 1);
  });

  it('lets an insertion touch a replacement (before or after it)', () => {
    const r = applyFixes('x 12 y', [fix('replace', [[2, 4, '14']]), fix('after', [[4, 4, ' [@s]']]), fix('before', [[2, 2, '~']])]);
    assert.equal(r.output, 'x ~14 [@s] y');
    assert.equal(r.skipped.length, 0);
  });

  it('ignores unsafe fixes unless asked', () => {
    const soften = fix('soften', [[0, 8, 'Maybe ketamine']], false);
    assert.equal(applyFixes(text, [soften]).output, text);
    assert.deepEqual(applyFixes(text, [soften]).applied, []);
    assert.equal(applyFixes(text, [soften], { unsafe: true }).output, 'Maybe ketamine was given at 5 mg/kg. It works.');
  });

  it('skips malformed fixes (out of range, reversed, self-overlapping)', () => {
    const bad = [fix('range', [[0, 999, 'x']]), fix('reversed', [[5, 2, 'x']]), fix('self', [[0, 4, 'a'], [2, 6, 'b']])];
    const r = applyFixes(text, bad);
    assert.equal(r.output, text);
    assert.equal(r.skipped.length, 3);
  });

  it('handles UTF-16 offsets (emoji, CRLF)', () => {
    const t = '😀 Dose 5 mg.\r\nNext.';
    const r = applyFixes(t, [fix('figure', [[8, 9, '0.5']])]);
    assert.equal(r.output, '😀 Dose 0.5 mg.\r\nNext.');
  });
});
