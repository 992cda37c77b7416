// Concept recognition details: inflection, phrases, and the regular-expression pre-filter.
import assert from 'node:assert/strict';
import { ConceptIndex } from '../../server/src/engine/concepts.js';
import { containsAny, mayMatch, prepare, requiredLiterals, requirementOf } from '../../server/src/engine/prefilter.js';
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
      ['(?<![\\w.])\\d+ ?%', undefined],
      ['\\b(?:19|20)\\d0s\\b', undefined],
      ['alpha|beta', ['alpha', 'beta']],
      ['alpha|be', undefined],
      ['(?:the )?(?:pill|tablet)s?', ['pill', 'tablet']],
      ['x(?:abc)+y', ['abc']],
      ['(?:abc)*y', undefined],
      ['[(]unbalanced', ['unbalanced']],
      ['(unbalanced', undefined],
    ];
    for (const [source, expected] of table) assert.deepEqual(requiredLiterals(source), expected, source);
  });
  it('checks literals through character pairs, also for a text prepared before another one', () => {
    const lit = (literals?: string[]) => ({ literals, digit: false });
    const a = prepare('patients took temazepam nightly');
    const b = prepare('no sedatives were given');
    assert.equal(mayMatch(b, lit(['azepam', 'azolam'])), false);
    assert.equal(mayMatch(b, lit(['sedative'])), true);
    assert.equal(mayMatch(a, lit(['azolam', 'azepam'])), true); // a is stale: prepared again
    assert.equal(mayMatch(a, lit(['sedative'])), false);
    assert.equal(mayMatch(a, lit()), true);
    assert.equal(containsAny('μ-opioid receptor', lit(['μ-opioid'])), true);
    assert.equal(mayMatch(prepare('μ-opioid receptor'), lit(['μ-opioid', 'zzz'])), true);
  });
  it('knows which patterns need a digit', () => {
    const table: Array<[string, boolean]> = [
      ['\\b(?:19|20)\\d0s\\b', true], ['\\b\\d+(?:\\.\\d+)?\\s*(?:%|percent)', true], ['[0-9]+ mg', true],
      ['\\b\\d?x', false], ['(?:one|\\d+) trials?', false], ['(?=\\d)abc', false], ['alpha', false],
    ];
    for (const [source, digit] of table) assert.equal(requirementOf(source).digit, digit, source);
    assert.equal(mayMatch(prepare('in the sixties'), requirementOf('\\b(?:19|20)\\d0s\\b')), false);
    assert.equal(mayMatch(prepare('in the 1960s'), requirementOf('\\b(?:19|20)\\d0s\\b')), true);
    assert.equal(containsAny('in the sixties', requirementOf('\\b(?:19|20)\\d0s\\b')), false);
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
    let matched = 0;
    for (const p of patterns) {
      const re = new RegExp(p, 'iu');
      const req = requirementOf(p);
      for (const s of sentences) {
        const lower = s.toLowerCase();
        if (re.test(lower)) {
          matched++;
          assert.ok(containsAny(lower, req) && mayMatch(prepare(lower), req), `${p} matches "${s}" but the filter ${JSON.stringify(req)} rejects it`);
        }
      }
    }
    assert.ok(matched >= 8, `only ${matched} pattern/sentence matches: the check is too weak`);
  });
});
