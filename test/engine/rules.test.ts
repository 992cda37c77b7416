// Table-driven rule tests: for each diagnostic code, sentences that must pass and sentences that
// must be flagged (with the flagged text). Written against a small in-memory database.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/engine.js';
import type { Code } from '../../server/src/engine/types.js';
import { testDatabase } from './testdb.js';

const db = testDatabase();
const CONTEXT = '# Ketamine notes\n\n';

interface Case { text: string; flagged?: string }
const table: Record<string, { valid: string[]; invalid: Case[] }> = {
  'overstated-certainty': {
    valid: [
      'A small trial suggests that ketamine may act through the opioid system.',
      'It is not known whether ketamine works through the opioid system.',
      'Does ketamine relieve depression through the opioid system?',
      'If the opioid finding holds, the antidepressant effect of ketamine may depend on opioid receptors.',
      'The authors concluded that the antidepressant effect requires the opioid system.',
      'It is clear that exercise helps many people feel better.',
      'Esketamine was definitely approved for treatment-resistant depression.',
    ],
    invalid: [
      { text: 'Researchers have definitively shown that ketamine relieves depression through the opioid system.', flagged: 'definitively' },
      { text: 'Ketamine works by the opioid system to produce its antidepressant effect.' },
      { text: 'It is proven that the antidepressant effect of ketamine depends on opioid receptors.', flagged: 'proven' },
    ],
  },
  'extrapolated-evidence': {
    valid: [
      'In stressed rats, ketamine restored mature dendritic spines within hours.',
      'In mice, ketamine may rebuild dendritic spines.',
      'Ketamine might rebuild dendritic spines in people, but this has only been seen in animals.',
    ],
    invalid: [
      { text: 'Ketamine rebuilds the mushroom-shaped dendritic spines of depressed patients within hours.' },
      { text: 'Ketamine restores dendritic spines within hours.' },
    ],
  },
  'contradicted-claim': {
    valid: [
      'Naltrexone blocked the antidepressant but not the dissociative effects of ketamine.',
      'Naltrexone did not block the dissociative effects of ketamine.',
      'If naltrexone blocked the dissociative effects of ketamine, the trial would have said so.',
      'Ketamine is not known to be safe for long-term use.',
      'Whether ketamine is safe for long-term use is unknown.',
    ],
    invalid: [
      { text: 'The researchers found that naltrexone also blocked ketamine\'s dissociative effects.' },
      { text: 'Ketamine is completely safe for long-term use.' },
    ],
  },
  'figure-mismatch': {
    valid: [
      'In the naltrexone trial, 7 of 12 participants responded to ketamine given with placebo.',
      'Esketamine was approved in 2019.',
      'Esketamine was approved in the spring of 2019 after two trials.',
    ],
    invalid: [
      { text: 'In the naltrexone trial, 10 of 12 participants responded to ketamine given with placebo.', flagged: '10 of 12' },
      { text: 'The FDA approved esketamine in 2021.', flagged: '2021' },
    ],
  },
  'missing-caveat': {
    valid: [
      'Ketamine is given as an infusion. Lorazepam taken with ketamine may weaken its antidepressant effect.',
      'In the trial, ketamine was compared with midazolam as an active placebo.',
      'Ketamine is given in a clinic. Lorazepam taken alongside it may blunt the antidepressant effect.',
    ],
    invalid: [
      { text: 'Before a ketamine infusion, your doctor can prescribe diazepam to calm you.', flagged: 'diazepam' },
      { text: 'Ketamine clinics sometimes give temazepam afterwards.', flagged: 'temazepam' },
      { text: 'Ketamine infusions are common. Some patients take Xanax for anxiety.', flagged: 'Xanax' },
    ],
  },
};

const SCORED: Code[] = ['overstated-certainty', 'extrapolated-evidence', 'contradicted-claim', 'missing-caveat', 'figure-mismatch'];

describe('rules (table-driven)', () => {
  for (const [code, { valid, invalid }] of Object.entries(table)) {
    describe(code, () => {
      for (const text of valid) {
        it(`passes: ${text}`, () => {
          const src = CONTEXT + text + '\n';
          const got = analyze(src, db).findings.filter((f) => f.code === code);
          assert.deepEqual(got.map((f) => src.slice(f.start, f.end)), []);
        });
      }
      for (const c of invalid) {
        it(`flags: ${c.text}`, () => {
          const src = CONTEXT + c.text + '\n';
          const findings = analyze(src, db).findings.filter((f) => SCORED.includes(f.code));
          const got = findings.filter((f) => f.code === code);
          assert.equal(got.length, 1, `expected one ${code}, got ${JSON.stringify(findings.map((f) => [f.code, src.slice(f.start, f.end)]))}`);
          if (c.flagged) assert.equal(src.slice(got[0]!.start, got[0]!.end), c.flagged);
          assert.ok(got[0]!.message.length > 40, 'message explains the finding');
        });
      }
    });
  }
});

describe('uncited-claim', () => {
  it('reports a matched claim without citation and offers a pandoc citation', () => {
    const src = CONTEXT + 'A small trial suggests the antidepressant effect may depend on the opioid system.\n';
    const f = analyze(src, db).findings.find((x) => x.code === 'uncited-claim');
    assert.ok(f);
    assert.equal(f.severity, 'hint');
    const fix = f.fixes.find((x) => x.kind === 'insert-citation')!;
    const e = fix.edits[0]!;
    const out = src.slice(0, e.start) + e.newText + src.slice(e.end);
    assert.match(out, /opioid system \[@trial2018\]\.\n$/);
  });
  it('accepts a citation anywhere in the paragraph, a footnote, or author–year', () => {
    for (const tail of [' [@trial2018]', '[^1]\n\n[^1]: Smith 2018.', ' (Smith et al., 2018)']) {
      const src = CONTEXT + 'A small trial suggests the antidepressant effect may depend on the opioid system.' + tail + '\n';
      assert.equal(analyze(src, db).findings.filter((x) => x.code === 'uncited-claim').length, 0, tail);
    }
  });
  it('footnote style inserts the reference and its definition at the end', () => {
    const src = CONTEXT + 'A small trial suggests the antidepressant effect may depend on the opioid system.\n';
    const f = analyze(src, db, { rules: {}, citationStyle: 'footnote' }).findings.find((x) => x.code === 'uncited-claim')!;
    const edits = [...f.fixes[0]!.edits].sort((a, b) => b.start - a.start);
    let out = src;
    for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    assert.match(out, /opioid system\[\^trial2018\]\.\n\n\[\^trial2018\]: .*Smith.*\n$/);
  });
});

describe('fixes', () => {
  it('figure correction replaces only the number', () => {
    const src = CONTEXT + 'The FDA approved esketamine in 2021.\n';
    const f = analyze(src, db).findings.find((x) => x.code === 'figure-mismatch')!;
    const fix = f.fixes.find((x) => x.kind === 'correct-figure')!;
    assert.equal(fix.safe, true);
    const e = fix.edits[0]!;
    assert.equal(src.slice(0, e.start) + e.newText + src.slice(e.end), CONTEXT + 'The FDA approved esketamine in 2019.\n');
  });
  it('softening removes a booster adverb with its space', () => {
    const src = CONTEXT + 'Researchers have definitively shown that ketamine relieves depression through the opioid system.\n';
    const f = analyze(src, db).findings.find((x) => x.code === 'overstated-certainty')!;
    const e = f.fixes[0]!.edits[0]!;
    assert.equal(src.slice(0, e.start) + e.newText + src.slice(e.end), CONTEXT + 'Researchers have shown that ketamine relieves depression through the opioid system.\n');
  });
  it('the caution goes after the triggering paragraph with its citation', () => {
    const src = CONTEXT + 'Before a ketamine infusion, your doctor can prescribe diazepam.\n\nNext paragraph.\n';
    const f = analyze(src, db).findings.find((x) => x.code === 'missing-caveat')!;
    const e = f.fixes[0]!.edits[0]!;
    const out = src.slice(0, e.start) + e.newText + src.slice(e.end);
    assert.equal(out, CONTEXT + 'Before a ketamine infusion, your doctor can prescribe diazepam.\n\nBenzodiazepines taken with ketamine may weaken its antidepressant effect; the evidence is limited [@review2021].\n\nNext paragraph.\n');
  });
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

describe('offsets', () => {
  it('keeps exact UTF-16 offsets after emoji, CRLF, tabs and non-ASCII text', () => {
    const prefix = '# Ketamine 🧪 notes\r\n\r\nCafé\tété — μ-opioid 😀 text.\r\n\r\n';
    const src = prefix + 'The FDA approved esketamine in 2021.\r\n';
    const f = analyze(src, db).findings.find((x) => x.code === 'figure-mismatch')!;
    assert.equal(src.slice(f.start, f.end), '2021');
  });
  it('maps through inline markup', () => {
    const src = CONTEXT + 'The **FDA** approved _esketamine_ in `x` 2021.\n';
    const f = analyze(src, db).findings.find((x) => x.code === 'figure-mismatch')!;
    assert.equal(src.slice(f.start, f.end), '2021');
  });
});

describe('topic carried across sentences', () => {
  it('understands "it" after a sentence about ketamine', () => {
    const src = '# Notes\n\nKetamine is an anaesthetic. It rebuilds dendritic spines within hours.\n';
    const got = analyze(src, db).findings.filter((f) => f.code === 'extrapolated-evidence');
    assert.equal(got.length, 1);
    assert.equal(src.slice(got[0]!.start, got[0]!.end), 'It rebuilds dendritic spines within hours.');
  });
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
  it('reports an unknown code and a missing reason', () => {
    const src = CONTEXT + '<!-- claimlint-disable-next-line no-such-rule -->\nText.\n';
    const got = analyze(src, db).findings.filter((f) => f.code === 'invalid-directive');
    assert.equal(got.length, 2);
    assert.match(got.map((g) => g.message).join(' '), /no-such-rule/);
    assert.match(got.map((g) => g.message).join(' '), /reason/);
  });
  it('a placeholder or a reason of a word or two is no reason (the editor inserts TODO reason)', () => {
    for (const reason of ['TODO reason', 'reason', 'todo: fill in later', 'ok', 'see above', '\u2026']) {
      const src = CONTEXT + `<!-- claimlint-disable-next-line figure-mismatch -- ${reason} -->\nThe FDA approved esketamine in 2020.\n`;
      const got = analyze(src, db).findings.filter((f) => f.code === 'invalid-directive');
      assert.equal(got.length, 1, reason);
      assert.match(got[0]!.message, /placeholder/, reason);
    }
    const ok = CONTEXT + '<!-- claimlint-disable-next-line figure-mismatch -- quoting an error -->\nThe FDA approved esketamine in 2020.\n';
    assert.deepEqual(analyze(ok, db).findings.filter((f) => f.code === 'invalid-directive'), []);
  });
});

describe('configuration', () => {
  it('turns a rule off and changes severities', () => {
    const src = CONTEXT + 'The FDA approved esketamine in 2021.\n';
    assert.equal(analyze(src, db, { rules: { 'figure-mismatch': 'off' }, citationStyle: 'pandoc' }).findings.filter((f) => f.code === 'figure-mismatch').length, 0);
    const f = analyze(src, db, { rules: { 'figure-mismatch': 'warning' }, citationStyle: 'pandoc' }).findings.find((x) => x.code === 'figure-mismatch')!;
    assert.equal(f.severity, 'warning');
  });
});

describe('unknown-citation', () => {
  it('reports keys missing from the database and suggests a near one', () => {
    const src = CONTEXT + 'Something happened [@trial2019].\n';
    const f = analyze(src, db).findings.find((x) => x.code === 'unknown-citation')!;
    assert.match(src.slice(f.start, f.end), /^\[?@trial2019\]?$/);
    assert.match(f.message, /trial2018/);
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
