// In-process tests of the language server's pure helpers: the interval index behind hover, the
// "disable for this line" edit, citation completion contexts, and settings parsing.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IntervalIndex } from '../../server/src/lsp/interval-index.js';
import type { TextDocumentEdit, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { disableLineEdit, nearestKey } from '../../server/src/lsp/code-actions.js';
import { fixPreviewMd, shortTitle } from '../../server/src/lsp/fix-titles.js';
import { citationContext } from '../../server/src/lsp/completion.js';
import { readSettings, DEFAULT_SETTINGS } from '../../server/src/lsp/settings.js';
import { mostSevere } from '../../server/src/lsp/publisher.js';
import type { Finding } from '../../server/src/engine/types.js';
import fc from 'fast-check';

const doc = (text: string) => TextDocument.create('file:///t.md', 'markdown', 1, text);

describe('lsp: IntervalIndex', () => {
  const spans = [
    { start: 0, end: 10, id: 'a' }, { start: 3, end: 5, id: 'b' }, { start: 12, end: 20, id: 'c' },
    { start: 15, end: 40, id: 'd' }, { start: 30, end: 32, id: 'e' },
  ];
  const index = new IntervalIndex(spans);
  const brute = (o: number) => spans.filter((s) => s.start <= o && o <= s.end).map((s) => s.id).sort();

  it('finds every span containing an offset (end-inclusive), like a linear scan', () => {
    for (let o = -1; o <= 42; o++) assert.deepEqual(index.at(o).map((s) => s.id).sort(), brute(o), `offset ${o}`);
  });

  it('finds spans overlapping a range', () => {
    assert.deepEqual(index.overlapping(11, 14).map((s) => s.id), ['c']);
    assert.deepEqual(index.overlapping(31, 31).map((s) => s.id).sort(), ['d', 'e']);
    assert.deepEqual(new IntervalIndex([]).at(3), []);
  });

  it('answers 10 000 lookups over 20 000 spans quickly', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ start: i * 50, end: i * 50 + 40 }));
    const big = new IntervalIndex(many);
    const t = performance.now();
    for (let i = 0; i < 10_000; i++) big.at((i * 7919) % 1_000_000);
    assert.ok(performance.now() - t < 200, 'logarithmic lookups');
  });
});

describe('lsp: disable-for-this-line edit', () => {
  it('inserts the directive with a reason placeholder on its own line above, keeping indentation and quote markers', () => {
    const cases: [string, number, string][] = [
      ['# T\n\nA claim. Another claim.\n', 14, '# T\n\n<!-- claimlint-disable-next-line overstated-certainty -- TODO reason -->\nA claim. Another claim.\n'],
      ['> quoted claim\n', 4, '> <!-- claimlint-disable-next-line overstated-certainty -- TODO reason -->\n> quoted claim\n'],
      ['- item\n\n  continued claim\n', 12, '- item\n\n  <!-- claimlint-disable-next-line overstated-certainty -- TODO reason -->\n  continued claim\n'],
      ['Line one\r\nclaim two\r\n', 12, 'Line one\r\n<!-- claimlint-disable-next-line overstated-certainty -- TODO reason -->\r\nclaim two\r\n'],
    ];
    for (const [text, offset, want] of cases) {
      const d = doc(text);
      const e = disableLineEdit(d, 'overstated-certainty', offset, { documentChanges: false });
      assert.ok(e?.changes);
      assert.equal(TextDocument.applyEdits(d, e.changes['file:///t.md']!), want);
    }
  });

  it('is a snippet with the reason placeholder for clients that take snippet edits', () => {
    const e = disableLineEdit(doc('> quoted $claim\n'), 'overstated-certainty', 4, { documentChanges: true, snippets: true });
    const edit = (e!.documentChanges![0] as TextDocumentEdit).edits[0] as LspTextEdit & { snippet?: { kind: string; value: string } };
    assert.deepEqual(edit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.deepEqual(edit.snippet, { kind: 'snippet', value: '> <!-- claimlint-disable-next-line overstated-certainty -- ${1:TODO reason} -->\n' });
  });

  it('is not offered inside a table (a comment line would end it)', () => {
    assert.equal(disableLineEdit(doc('| a | b |\n| - | - |\n| claim | x |\n'), 'uncited-claim', 22, { documentChanges: false }), undefined);
  });
});

describe('lsp: quick-fix titles and did you mean', () => {
  it('keeps titles short; the hover shows what a shortened fix writes', () => {
    const caution = { kind: 'insert-caution' as const, title: 'Add the caution: Zorbital taken with alcohol may cause marked drowsiness', safe: false, edits: [{ start: 0, end: 0, newText: '\n\nZorbital taken with alcohol may cause marked drowsiness [@garcia2021].' }] };
    assert.equal(shortTitle(caution), 'Add the caution');
    assert.equal(shortTitle({ kind: 'soften', title: "Soften 'proven' to 'suggested'" }), "Soften 'proven' to 'suggested'");
    const long = 'Replace the whole sentence with what the evidence supports, namely that a small pilot trial suggests it';
    assert.equal(shortTitle({ kind: 'soften', title: long }), 'Soften the wording');
    assert.ok(shortTitle({ kind: 'other' as never, title: long }).length <= 48);
    assert.equal(fixPreviewMd([caution]), '- *Add the caution* (quick fix): \u201cZorbital taken with alcohol may cause marked drowsiness \\[@garcia2021\\].\u201d');
    assert.equal(fixPreviewMd([{ kind: 'soften', title: "Soften 'proven' to 'suggested'", safe: false, edits: [{ start: 0, end: 6, newText: 'suggested' }] }]), undefined);
  });

  it('suggests the nearest database key for a mistyped one', () => {
    const keys = ['williams2018', 'handzel2022', 'smith2020'];
    assert.equal(nearestKey('wiliams2018', keys), 'williams2018');
    assert.equal(nearestKey('Willaims2018', keys), 'williams2018');
    assert.equal(nearestKey('smith2021', keys), 'smith2020');
    assert.equal(nearestKey('jones2019', keys), undefined);
    assert.equal(nearestKey('ab', ['ac']), undefined, 'too short to guess');
  });
});

describe('lsp: citation completion context', () => {
  const at = (text: string) => citationContext(doc(text), doc(text).positionAt(text.length));
  it('recognises [@, [see @…; @ and [^ with the typed prefix', () => {
    assert.deepEqual(at('Text [@'), { kind: 'pandoc', start: 7, prefix: '' });
    assert.deepEqual(at('Text [@wil'), { kind: 'pandoc', start: 7, prefix: 'wil' });
    assert.deepEqual(at('Text [see @a; @wi'), { kind: 'pandoc', start: 15, prefix: 'wi' });
    assert.deepEqual(at('Text [-@wi'), { kind: 'pandoc', start: 8, prefix: 'wi' });
    assert.deepEqual(at('Text[^smi'), { kind: 'footnote', start: 6, prefix: 'smi' });
  });
  it('ignores e-mail addresses, closed brackets and plain text', () => {
    assert.equal(at('mail me@exa'), undefined);
    assert.equal(at('[@done] and @x'), undefined);
    assert.equal(at('plain'), undefined);
  });
});

describe('lsp: settings', () => {
  it('reads valid values, ignores invalid ones with a warning', () => {
    const { settings, warnings } = readSettings({
      debounceMs: 0, run: 'onSave', citationStyle: 'footnote', packs: ['p.yaml'],
      rules: { 'uncited-claim': 'off', 'figure-mismatch': 'loud', 'no-such-rule': 'error' },
    });
    assert.deepEqual(settings, { debounceMs: 0, run: 'onSave', citationStyle: 'footnote', packs: ['p.yaml'], rules: { 'uncited-claim': 'off' }, maxProblems: 1000 });
    assert.equal(readSettings({ maxProblems: 0 }).settings.maxProblems, 0);
    assert.equal(readSettings({ maxProblems: 2.5 }).warnings.length, 1);
    assert.equal(warnings.length, 2);
    assert.deepEqual(readSettings(null).settings, DEFAULT_SETTINGS);
    const bad = readSettings({ debounceMs: -5, run: 'sometimes', citationStyle: 'apa', packs: 'x' });
    assert.deepEqual(bad.settings, DEFAULT_SETTINGS);
    assert.equal(bad.warnings.length, 4);
  });
});

describe('lsp: the maxProblems cap', () => {
  const RANK = { error: 0, warning: 1, information: 2, hint: 3 } as const;
  it('keeps min(max, n) findings in document order, none less severe than one it drops', () => {
    const severity = fc.constantFrom('error', 'warning', 'information', 'hint') as fc.Arbitrary<Finding['severity']>;
    fc.assert(fc.property(fc.array(severity, { maxLength: 60 }), fc.nat(70), (sevs, max) => {
      const findings = sevs.map((s, i) => ({ code: 'uncited-claim', severity: s, message: '', start: i, end: i + 1, sources: [], fixes: [] }) as Finding);
      const kept = mostSevere(findings, max);
      assert.equal(kept.length, max === 0 ? findings.length : Math.min(max, findings.length));
      assert.deepEqual([...kept].sort((a, b) => a.start - b.start), kept, 'document order');
      const dropped = findings.filter((f) => !kept.includes(f));
      const worstKept = Math.max(-1, ...kept.map((f) => RANK[f.severity]));
      for (const d of dropped) assert.ok(RANK[d.severity] >= worstKept, 'a dropped finding is never more severe than a kept one');
    }));
  });
});
