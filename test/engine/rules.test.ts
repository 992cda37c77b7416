// Engine behaviour across rules: suppression directives, configuration, line endings of inserted
// fixes, and documents the engine does not parse. Each rule's own cases (valid and invalid, with
// exact spans, messages and fix outputs) are in test/engine/rules/<code>.test.ts.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/index.js';
import { testDatabase } from './testdb.js';

const db = testDatabase();
const CONTEXT = '# Ketamine notes\n\n';

describe('fixes', () => {
  it('fixes that insert line breaks use the document\'s own line ending (LF, CRLF or CR)', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const src = (CONTEXT + 'Before a ketamine infusion, your doctor can prescribe diazepam.\n\nNext paragraph.\n').replace(/\n/g, nl);
      const caution = analyze(src, db).findings.find((x) => x.code === 'missing-caveat')!.fixes[0]!.edits[0]!;
      assert.ok(caution.newText.startsWith(nl + nl + 'Benzodiazepines'), JSON.stringify(caution.newText));
      // Footnote style appends a definition at the end of the document.
      const f = analyze(src, db, { rules: {}, citationStyle: 'footnote' }).findings.find((x) => x.code === 'missing-caveat')!;
      const def = f.fixes[0]!.edits.find((e) => e.start === src.length)!;
      assert.equal(def.newText.replace(/[^\r\n]/g, ''), nl + nl, JSON.stringify(def.newText));
    }
  });
});

describe('topic carried across sentences', () => {
  it('does not match unrelated prose with a booster', () => {
    const src = '# Exercise\n\nIt is clearly proven that exercise restores energy.\n';
    assert.deepEqual(analyze(src, db).findings, []);
  });
});

describe('directives', () => {
  it('disable-next-line with a reason suppresses the next line only', () => {
    const src = CONTEXT + '<!-- claimlint-disable-next-line figure-mismatch -- quoting an error -->\nThe FDA approved esketamine in 2021.\nThe FDA approved esketamine in 2020.\n';
    const got = analyze(src, db).findings.filter((f) => f.code === 'figure-mismatch');
    assert.deepEqual(got.map((f) => src.slice(f.start, f.end)), ['2020']);
  });
  it('disable … enable covers a range', () => {
    const src = CONTEXT + '<!-- claimlint-disable figure-mismatch -- historical quotes below -->\n\nThe FDA approved esketamine in 2021.\n\n<!-- claimlint-enable figure-mismatch -->\n\nThe FDA approved esketamine in 2020.\n';
    const got = analyze(src, db).findings.filter((f) => f.code === 'figure-mismatch');
    assert.deepEqual(got.map((f) => src.slice(f.start, f.end)), ['2020']);
  });
});

describe('configuration', () => {
  it('turns a rule off and changes severities', () => {
    const src = CONTEXT + 'The FDA approved esketamine in 2021.\n';
    assert.equal(analyze(src, db, { rules: { 'figure-mismatch': 'off' }, citationStyle: 'pandoc' }).findings.filter((f) => f.code === 'figure-mismatch').length, 0);
    const f = analyze(src, db, { rules: { 'figure-mismatch': 'warning' }, citationStyle: 'pandoc' }).findings.find((x) => x.code === 'figure-mismatch')!;
    assert.equal(f.severity, 'warning');
  });
  it('gives each code its default severity', () => {
    const src = CONTEXT + 'A small trial suggests the antidepressant effect may depend on the opioid system.\n';
    assert.equal(analyze(src, db).findings.find((x) => x.code === 'uncited-claim')?.severity, 'hint');
  });
});

describe('documents without database concepts', () => {
  it('are not parsed at all (no sentences examined)', () => {
    const r = analyze('# Build notes\n\nRun make to compile the firmware, then flash the board over USB.\n', db);
    assert.equal(r.sentences, 0);
    assert.deepEqual(r.findings, []);
  });
  it('are parsed when they cite something, so unknown keys are still reported', () => {
    const r = analyze('# Build notes\n\nSee [@nosuchkey2020].\n', db);
    assert.equal(r.findings[0]?.code, 'unknown-citation');
  });
});
