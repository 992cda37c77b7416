// `.claimlint/ignored.yaml` ("Ignore this finding here"): the fingerprint survives edits elsewhere
// and lapses when the sentence changes; the file is created, appended to and read back; the CLI
// hides the findings it lists (and does not --fix them).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryFor, fingerprint, sentenceAround, withoutIgnored } from '../../server/src/ignored/fingerprint.js';
import { addIgnored, IgnoredFindings, readIgnoreFile } from '../../server/src/ignored/store.js';
import { runCli, scratch, ZORBAMINE_DRAFT, ZORBAMINE_PACK } from './util.js';

const TEXT = '# Notes\n\nFirst sentence here. Ketamine is proven to work, e.g. in trials (Smith et al. 2018). Last one.\n\nAnother paragraph.\n';
const at = (needle: string) => ({ code: 'overstated-certainty', claimId: 'c1', start: TEXT.indexOf(needle), end: TEXT.indexOf(needle) + needle.length });

describe('ignored findings: fingerprints', () => {
  it('finds the sentence around a finding (abbreviations and "et al. 2018" do not end it)', () => {
    const f = at('proven');
    const s = sentenceAround(TEXT, f.start, f.end);
    assert.equal(TEXT.slice(s.start, s.end), 'Ketamine is proven to work, e.g. in trials (Smith et al. 2018).');
  });

  it('survives edits elsewhere (even in the same paragraph) and lapses when the sentence changes', () => {
    const f = at('proven');
    const entry = entryFor(TEXT, f, 'notes.md');
    assert.equal(entry.sentence, 'Ketamine is proven to work, e.g. in trials (Smith et al. 2018).');
    const edited = TEXT.replace('# Notes', '# Notes on ketamine\n\nAn intro.').replace('Last one.', 'The last one, longer.');
    const moved = { ...f, start: edited.indexOf('proven'), end: edited.indexOf('proven') + 6 };
    assert.equal(fingerprint(edited, moved), entry.fingerprint);
    assert.deepEqual(withoutIgnored(edited, [moved], [entry]), []);
    // Citing the sentence keeps it hidden.
    const cited = TEXT.replace('2018).', '2018) [@smith2018].');
    assert.equal(fingerprint(cited, f), entry.fingerprint);
    const reworded = TEXT.replace('proven to work', 'proven to work well');
    const there = { ...f, start: reworded.indexOf('proven'), end: reworded.indexOf('proven') + 6 };
    assert.deepEqual(withoutIgnored(reworded, [there], [entry]), [there]);
    // Another code or claim on the same words is not hidden.
    assert.equal(withoutIgnored(TEXT, [{ ...f, code: 'uncited-claim' }, { ...f, claimId: 'c2' }], [entry]).length, 2);
  });

  it('creates the file with a header, appends without duplicates, keeps comments, reads back', () => {
    const s = scratch();
    try {
      const file = join(s.dir, '.claimlint', 'ignored.yaml');
      const entry = entryFor(TEXT, at('proven'), 'docs/notes.md');
      assert.deepEqual(addIgnored(file, entry), { added: true });
      assert.deepEqual(addIgnored(file, entry), { added: false });
      const text = readFileSync(file, 'utf8');
      assert.match(text, /^# Findings hidden with claimlint's "Ignore this finding here"/);
      s.write({ '.claimlint/ignored.yaml': text + '# reviewed by the editor\n' });
      const other = { ...entry, code: 'uncited-claim' };
      addIgnored(file, other);
      assert.match(readFileSync(file, 'utf8'), /# reviewed by the editor/);
      const back = readIgnoreFile(file);
      assert.equal(back.error, undefined);
      assert.deepEqual(back.entries, [entry, other]);
      // Found upwards from a document's folder, only its own entries.
      assert.deepEqual(new IgnoredFindings().forFile(join(s.dir, 'docs', 'notes.md')).entries.length, 2);
      assert.deepEqual(new IgnoredFindings().forFile(join(s.dir, 'docs', 'other.md')).entries, []);
      // A broken file is reported, not half-used.
      s.write({ '.claimlint/ignored.yaml': 'ignored:\n  - file: x.md\n    fingerprint: nothex\n' });
      const warnings: string[] = [];
      assert.deepEqual(new IgnoredFindings((w) => warnings.push(w)).forFile(join(s.dir, 'x.md')).entries, []);
      assert.match(warnings.join(''), /ignored\.0\.(code|fingerprint)/);
    } finally {
      s.cleanup();
    }
  });
});

describe('ignored findings: the CLI', function () {
  this.timeout(60_000);
  it('does not report (or --fix) a finding listed in .claimlint/ignored.yaml', async () => {
    const s = scratch({ '.claimlintrc.yaml': 'packs:\n  - packs/zorbamine.yaml\n', 'packs/zorbamine.yaml': ZORBAMINE_PACK, 'docs/draft.md': ZORBAMINE_DRAFT });
    try {
      const report = async () => (JSON.parse((await runCli(['-f', 'json', 'docs/draft.md'], { cwd: s.dir })).stdout) as { diagnostics: { code: string }[] }[])[0]!;
      const before = await report();
      const figure = before.diagnostics.find((d) => d.code === 'figure-mismatch');
      assert.ok(figure, JSON.stringify(before));
      const start = ZORBAMINE_DRAFT.indexOf('5 mg/kg');
      addIgnored(join(s.dir, '.claimlint', 'ignored.yaml'), entryFor(ZORBAMINE_DRAFT, { code: 'figure-mismatch', claimId: 'zorbamine-flux', start, end: start + 7 }, 'docs/draft.md'));
      const after = await report();
      assert.deepEqual(after.diagnostics.map((d) => d.code).sort(), before.diagnostics.map((d) => d.code).filter((c) => c !== 'figure-mismatch').sort());
      const fixed = await runCli(['--fix', 'docs/draft.md'], { cwd: s.dir });
      assert.ok(fixed.code !== null);
      assert.match(readFileSync(join(s.dir, 'docs', 'draft.md'), 'utf8'), /at 5 mg\/kg/, 'the ignored figure is not corrected');
    } finally {
      s.cleanup();
    }
  });
});
