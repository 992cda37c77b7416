import assert from 'node:assert/strict';
import { unifiedDiff } from '../../server/src/cli/diff.js';

/** Applies a unified diff (as produced) to `before`, to check it round-trips. */
function patch(before: string, diff: string): string {
  const a = before.split(/(?<=\n)/);
  const out: string[] = [];
  let pos = 0;
  const lines = diff.split('\n').slice(2, -1);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const m = /^@@ -(\d+),(\d+) \+\d+,\d+ @@$/.exec(l);
    if (m) {
      const start = Number(m[2]) === 0 ? Number(m[1]) : Number(m[1]) - 1;
      while (pos < start) out.push(a[pos++]);
      continue;
    }
    const noEol = lines[i + 1] === '\\ No newline at end of file';
    const text = l.slice(1) + (noEol ? '' : '\n');
    if (l[0] === ' ') { out.push(a[pos++]); }
    else if (l[0] === '-') { pos++; }
    else if (l[0] === '+') { out.push(text); }
    if (noEol) i++;
  }
  while (pos < a.length) out.push(a[pos++]);
  return out.join('');
}

describe('cli: unified diff (--fix-dry-run)', () => {
  it('is empty for equal texts', () => assert.equal(unifiedDiff('a.md', 'x\n', 'x\n'), ''));

  it('shows a one-line change with context', () => {
    const before = 'l1\nl2\nl3\nl4 5 mg/kg\nl5\nl6\nl7\nl8\n';
    const after = before.replace('5 mg/kg', '0.5 mg/kg');
    assert.equal(unifiedDiff('a.md', before, after), '--- a/a.md\n+++ b/a.md\n@@ -1,7 +1,7 @@\n l1\n l2\n l3\n-l4 5 mg/kg\n+l4 0.5 mg/kg\n l5\n l6\n l7\n');
  });

  it('makes separate hunks for distant changes and round-trips', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i}\n`);
    const before = lines.join('');
    const changed = [...lines];
    changed[10] = 'line 10 [@cite]\n';
    changed[150] = 'line 150 changed\n';
    changed.splice(180, 0, 'inserted\n');
    const after = changed.join('');
    const d = unifiedDiff('f.md', before, after);
    assert.equal((d.match(/^@@/gm) ?? []).length, 3);
    assert.equal(patch(before, d), after);
  });

  it('handles a missing final newline', () => {
    const d = unifiedDiff('f.md', 'a\nb', 'a\nb [@x]');
    assert.equal(d, '--- a/f.md\n+++ b/f.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b [@x]\n\\ No newline at end of file\n');
    assert.equal(patch('a\nb', d), 'a\nb [@x]');
  });
});
