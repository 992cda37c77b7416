// Fixes must be right: applied alone to real drafts, each fix (other than "disable") leaves a text in
// which its sentence no longer gets the finding it fixed, gets no new warning or error, and nothing
// outside its edits changed. Run over every finding of the project's drafts and the example.
import assert from 'node:assert/strict';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { applyFixes } from '../../server/src/engine/apply-fixes.js';
import { analyze } from '../../server/src/engine/engine.js';
import type { Finding, Fix } from '../../server/src/engine/types.js';
import { projectDrafts } from '../helpers.js';

const db = loadEmbeddedDatabase();
const drafts = projectDrafts();

/** Where [start, end) of the old text lies after the fix's edits. */
function mapRange(fix: Fix, start: number, end: number): [number, number] {
  let ds = 0, de = 0;
  for (const e of fix.edits) {
    const delta = e.newText.length - (e.end - e.start);
    if (e.end <= start) ds += delta;
    if (e.start < end || (e.start === end && e.end === end)) de += delta;
  }
  return [start + ds, end + de];
}

const serious = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

describe('fixes are right (applied alone to the drafts)', () => {
  let checked = 0;
  for (const [name, text] of drafts) {
    it(name, () => {
      const before = analyze(text, db);
      for (const f of before.findings) {
        for (const fix of f.fixes) {
          if (fix.kind === 'disable-line') continue;
          const { output, applied } = applyFixes(text, [fix], { unsafe: true });
          assert.equal(applied.length, 1, `${name}: ${fix.title} applies`);
          // Nothing outside the edits changed.
          const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
          let at = 0, out = 0;
          for (const e of sorted) {
            assert.equal(output.slice(out, out + (e.start - at)), text.slice(at, e.start));
            out += e.start - at + e.newText.length;
            at = e.end;
          }
          assert.equal(output.slice(out), text.slice(at));
          // The finding's sentence: gone, and nothing serious new on it.
          const after = analyze(output, db);
          const [s, e] = mapRange(fix, f.start, f.end);
          const there = after.findings.filter((g) => g.start < e + 1 && g.end > s - 1);
          const what = `${name}: "${fix.title}" on ${f.code} at "${text.slice(f.start, f.end).slice(0, 80)}"`;
          if (f.code === 'missing-caveat') assert.ok(!after.findings.some((g) => g.code === 'missing-caveat' && g.cautionId === f.cautionId), `${what}: the caution is still missing`);
          else assert.ok(!there.some((g) => g.code === f.code && g.claimId === f.claimId), `${what}: still reported`);
          // A finding the fixed one hid (a sentence gets one of the exclusive codes) was there before.
          const latent = analyze(text, db, { rules: { [f.code]: 'off' }, citationStyle: 'pandoc' }).findings;
          const known = [...before.findings, ...latent];
          const fresh = there.filter((g) => serious(g) && !known.some((b) => b.code === g.code && b.claimId === g.claimId && b.cautionId === g.cautionId));
          assert.deepEqual(fresh.map((g) => g.code), [], `${what}: new findings ${fresh.map((g) => g.message).join(' | ')}`);
          checked++;
        }
      }
    });
  }
  it('checked many fixes', () => assert.ok(checked > 30, `only ${checked} fixes`));
});
