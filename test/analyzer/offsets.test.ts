import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSentence, FEATURE_NAMES } from '../../server/src/engine/analyzer/index.js';
import { CERTAINTY_MODEL } from '../../server/src/engine/analyzer/weights.js';
import { repoRoot } from '../helpers.js';

const SENTENCES = [
  'Ketamine acts on μ-opioid receptors 🧪 and may reduce suicidal thoughts, researchers said.',
  '🙂🙂 It is not known whether the μ-opioid effect lasts — but patients in Zürich improved.',
  'Naltrexone blocked the antidepressant but not the dissociative effects (n = 12) 👍.',
  '“The spray changed my life,” one patient said; it is proven to work in every patient.',
  'Ketamine’s effect in rats doesn’t prove it works in humans.',
  'Tab\tseparated\tand\r\nCRLF text may still be analysed.',
  'Résumé: la kétamine may help — αβ-agonists might not.',
];

describe('analyzer: offsets', () => {
  for (const s of SENTENCES) {
    it(`indexes every cue exactly in ${JSON.stringify(s)}`, () => {
      const a = analyzeSentence(s);
      assert.ok(a.cues.length > 0);
      for (const c of [...a.cues, ...a.population.cues]) {
        assert.equal(s.slice(c.start, c.end), c.text, `${c.kind}/${c.group}`);
        assert.ok(c.start >= 0 && c.end <= s.length && c.start < c.end);
      }
      for (const sc of a.negationScopes) assert.ok(sc.start >= 0 && sc.end <= s.length && sc.start < sc.end);
    });
  }

  it('keeps offsets in UTF-16 code units after astral characters', () => {
    const s = '🧪🧪 Ketamine may reduce pain.';
    const may = analyzeSentence(s).cues.find((c) => c.text === 'may');
    assert.ok(may);
    assert.equal(may.start, s.indexOf('may'));
    assert.equal(may.start, 14); // each emoji is two code units
  });

  it('treats a hyphenated word as one phrase ("well-established", "μ-opioid")', () => {
    const s = 'It is well-established that μ-opioid signalling matters.';
    const c = analyzeSentence(s).cues.find((x) => x.group === 'booster-strong');
    assert.ok(c);
    assert.equal(c.text, 'well-established');
  });

  it('lists cues in text order', () => {
    const a = analyzeSentence('Researchers said the drug may not always help, if ever.');
    const starts = a.cues.map((c) => c.start);
    assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
  });
});

describe('analyzer: module hygiene', () => {
  const dir = join(repoRoot, 'server/src/engine/analyzer');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('is pure: no fs, process, vscode or node: imports in the engine', () => {
    for (const f of files) {
      const src = readFileSync(join(dir, f), 'utf8');
      assert.doesNotMatch(src, /from ['"](node:|fs|path|vscode|child_process)/, f);
      assert.doesNotMatch(src, /\bprocess\./, f);
    }
  });

  it('ships weights under 1 MB that match the feature extractor', () => {
    assert.ok(statSync(join(dir, 'weights.ts')).size < 1024 * 1024);
    const names = new Set(FEATURE_NAMES);
    for (const n of Object.keys(CERTAINTY_MODEL.features)) assert.ok(names.has(n), `stale weight for ${n}: run npm run train`);
    assert.ok(Object.keys(CERTAINTY_MODEL.features).length > 20);
  });
});
