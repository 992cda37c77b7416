// Concept recognition details: inflection, phrases, and the regular-expression pre-filter.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ConceptIndex } from '../../server/src/engine/concepts.js';
import { LiteralScanner, requiredLiterals, requirementOf, type Requirement } from '../../server/src/engine/prefilter.js';
import { inflections } from '../../server/src/engine/lexicon.js';

describe('concept recognition', () => {
  const index = new ConceptIndex([
    { id: 'block', label: 'block', variants: ['block', 'cancel out', 'depend on'] },
    { id: 'naltrexone', label: 'naltrexone', variants: ['naltrexone'], broader: ['antagonist'] },
    { id: 'antagonist', label: 'antagonist', variants: ['opioid antagonist'] },
    { id: 'trial', label: 'the trial', variants: ['naltrexone trial'] },
    { id: 'benzo', label: 'benzodiazepine', variants: ['benzodiazepine'], patterns: ['\\b[a-z]+(?:azepam|azolam)\\b', '\\bsleeping (?:pill|tablet)s?\\b'] },
    { id: 'trd', label: 'TRD', variants: ['treatment-resistant depression'], caseSensitive: ['TRD'] },
    { id: 'mu', label: 'mu-opioid', variants: ['mu-opioid receptor'] },
  ]);
  const names = (t: string) => index.find(t).map((h) => `${h.concept}:${t.slice(h.start, h.end)}`).sort();
  it('matches inflected forms of single words and of the ends of phrases', () => {
    assert.deepEqual(names('It blocked, it cancels out, it depended on.'), ['block:blocked', 'block:cancels out', 'block:depended on']);
  });
  it('reports every phrase along a walk and the broader concepts a hit implies', () => {
    assert.deepEqual(names('The naltrexone trial'), ['antagonist:naltrexone', 'naltrexone:naltrexone', 'trial:naltrexone trial']);
  });
  it('normalises hyphens, case and Greek letters', () => {
    assert.deepEqual(names('Treatment resistant depression and μ-opioid receptors'), ['mu:μ-opioid receptors', 'trd:Treatment resistant depression']);
  });
  it('uses patterns and case-sensitive abbreviations, not lower-case look-alikes', () => {
    assert.deepEqual(names('Temazepam, sleeping pills, TRD and trd'), ['benzo:Temazepam', 'benzo:sleeping pills', 'trd:TRD']);
  });
  it('inflects regular nouns and verbs', () => {
    assert.deepEqual(inflections('block').sort(), ['block', 'blocked', 'blocking', 'blocks']);
    assert.ok(inflections('reduce').includes('reduced') && inflections('study').includes('studies') && inflections('stop').includes('stopped'));
  });
  it('derives literals one of which every match of a pattern must contain, or none when unsure', () => {
    const table: Array<[string, string[] | undefined]> = [
      ['\\bglutamate (?:levels? )?(?:first|earlier)\\b', ['glutamate ']],
      ['\\bnon-?responders? to\\b', ['responder']],
      ['\\b(?:how|why) works?', [' work']],
      ['\\b[a-z]+(?:azepam|azolam)\\b', ['azepam', 'azolam']],
      ['\\b(?:relie(?:ve|f)|alleviat\\w*) (?:\\w+ ){0,3}(?:depression|low mood)\\b', ['depression', 'low mood']],
      ['(?<![\\w.])\\d+ ?%', ['%']],
      ['\\b(?:19|20)\\d0s\\b', ['0s']],
      ['\\d+ ?(?:%|percent)', ['%', 'percent']],
      ['\\d+ ?%?', undefined],
      ['alpha|beta', ['alpha', 'beta']],
      ['alpha|be', ['alpha', 'be']],
      ['alpha|\\w+', undefined],
      ['(?:the )?(?:pill|tablet)s?', ['pill', 'tablet']],
      ['x(?:abc)+y', ['abc']],
      ['(?:abc)*y', ['y']],
      ['(?:abc)*', undefined],
      ['[(]unbalanced', ['unbalanced']],
      ['(unbalanced', undefined],
    ];
    for (const [source, expected] of table) assert.deepEqual(requiredLiterals(source), expected, source);
  });
  /** Indices of the requirements a scanner lets through for `text`. */
  const through = (reqs: Requirement[], text: string) => {
    const bits = new LiteralScanner(reqs).scan(text.toLowerCase());
    return reqs.map((_, p) => p).filter((p) => bits[p >>> 5]! & (1 << (p & 31)));
  };
  it('scans once for every pattern\'s literals: overlapping, repeated, non-ASCII, none', () => {
    const lit = (...literals: string[]): Requirement => ({ literals, digit: false });
    const reqs = [lit('azepam', 'azolam'), lit('less'), lit('lessen'), lit('sen'), lit('μ-opioid'), { digit: false }, lit('as the'), lit('zzz')];
    assert.deepEqual(through(reqs, 'Patients took Temazepam'), [0, 5]);
    assert.deepEqual(through(reqs, 'it may lessen the effect'), [1, 2, 3, 5]); // 'less' and 'sen' inside 'lessen'
    assert.deepEqual(through(reqs, 'μ-opioid receptors, as the authors say'), [4, 5, 6]);
    assert.deepEqual(through(reqs, ''), [5]);
    // More than 32 patterns: the bit set spans words.
    const many = Array.from({ length: 70 }, (_, i) => lit(`word${i}x`));
    assert.deepEqual(through(many, 'a word69x and a word3x and word33x'), [3, 33, 69]);
  });
  it('requires one literal of each set a sequence needs, not only of the best', () => {
    assert.deepEqual(requirementOf('\\b(?:reduc|lower)\\w* (?:\\w+ ){0,3}(?:effect|benefit)s?\\b').all, [['reduc', 'lower'], [' '], ['effect', 'benefit']]);
    assert.deepEqual(requirementOf('x(?:ab(?:c|d)e)+y').all, [['x'], ['ab'], ['c', 'd'], ['e'], ['y']]);
    assert.deepEqual(requirementOf('alpha|beta gamma').all, [['alpha', 'beta gamma']]);
    const reqs = [requirementOf('\\b(?:reduc|lower)\\w* (?:\\w+ ){0,3}(?:effect|benefit)s?\\b')];
    assert.deepEqual(through(reqs, 'It lowered the benefit'), [0]);
    assert.deepEqual(through(reqs, 'It lowered the dose'), []);
    assert.deepEqual(through(reqs, 'The benefit was clear'), []);
  });
  it('lets through every random sentence a database pattern matches (seeded)', async () => {
    const { loadEmbeddedDatabase } = await import('../../server/src/db/embedded.js');
    const patterns = [...loadEmbeddedDatabase().concepts.values()].flatMap((c) => c.patterns ?? []);
    const reqs = patterns.map(requirementOf);
    const res = patterns.map((p) => new RegExp(p, 'iu'));
    // Words and pieces of the patterns themselves, so that random sentences match some of them.
    const pieces = ['reduced', 'lower', 'the', 'effect', 'benefits', 'oral', 'ketamine', 'is', 'better', 'absorbed', 'bioavailability', '1960s', '45%',
      '12 percent', 'glutamate', 'first', 'gaba', 'then', 'before', 'trying', 'other', 'antidepressants', 'did', 'not', "didn't", 'respond', 'to',
      'two', 'treatments', 'how', 'it', 'works', 'for', 'depression', 'as', 'effective', 'a', 'pill', 'calm', 'you', 'down', 'temazepam', '2020',
      'post', 'them', 'home', 'adequate', 'trial', 'stop', 'from', 'working', 'alone', 'explains', 'gives', 'rapid', 'relief', 'sixties', ',', '.'];
    let matched = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (ws) => {
      const lower = ws.join(' ').toLowerCase();
      const passed = through(reqs, lower);
      res.forEach((re, i) => {
        if (!re.test(lower)) return;
        matched++;
        assert.ok(passed.includes(i), `${patterns[i]} matches "${lower}" but the scanner rejects it`);
      });
    }), { seed: 31, numRuns: 3000 });
    assert.ok(matched > 300, `only ${matched} matches: the check is too weak`);
  });
  it('knows which patterns need a digit', () => {
    const table: Array<[string, boolean]> = [
      ['\\b(?:19|20)\\d0s\\b', true], ['\\b\\d+(?:\\.\\d+)?\\s*(?:%|percent)', true], ['[0-9]+ mg', true],
      ['\\b\\d?x', false], ['(?:one|\\d+) trials?', false], ['(?=\\d)abc', false], ['alpha', false],
    ];
    for (const [source, digit] of table) assert.equal(requirementOf(source).digit, digit, source);
    const decade = [requirementOf('\\b(?:19|20)\\d0s\\b')];
    assert.deepEqual(through(decade, 'in the sixties'), []);
    assert.deepEqual(through(decade, 'in the 1960s'), [0]);
  });
  it('never filters out a sentence that one of the database patterns matches', async () => {
    const { loadEmbeddedDatabase } = await import('../../server/src/db/embedded.js');
    const db = loadEmbeddedDatabase();
    const patterns = [...db.concepts.values()].flatMap((c) => c.patterns ?? []);
    assert.ok(patterns.length > 10);
    // Sentences built from each pattern's own alternatives, plus ordinary prose.
    const sentences = [
      'Patients took temazepam and alprazolam.', 'It did not respond to two antidepressants.',
      'They post it to the patient at home.', 'Offered as the first treatment for depression.',
      'It relieves depression within hours.', 'Oral ketamine is less bioavailable than IV.',
      'It was as effective as ECT.', 'In the 1960s, 45% of people.', 'After two adequate trials of treatment.',
      'Smaller and weaker antidepressant response with benzodiazepines.', 'A pill to help you sleep.',
    ];
    // …and every line of the repository's own drafts.
    const { readdirSync, readFileSync } = await import('node:fs');
    const { fixtures, repoRoot } = await import('../helpers.js');
    const { join } = await import('node:path');
    for (const dir of [fixtures('eval-heldout'), join(repoRoot, 'examples')]) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) sentences.push(...readFileSync(join(dir, f), 'utf8').split('\n'));
    }
    let matched = 0;
    const reqs = patterns.map(requirementOf);
    patterns.forEach((p, i) => {
      const re = new RegExp(p, 'iu');
      for (const s of sentences) {
        const lower = s.toLowerCase();
        if (re.test(lower)) {
          matched++;
          assert.ok(through(reqs, lower).includes(i), `${p} matches "${s}" but the scanner rejects it (${JSON.stringify(reqs[i])})`);
        }
      }
    });
    assert.ok(matched >= 8, `only ${matched} pattern/sentence matches: the check is too weak`);
  });
});
