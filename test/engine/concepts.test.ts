// Concept recognition details: inflection, phrases, and the regular-expression pre-filter.
import assert from 'node:assert/strict';
import { ConceptIndex, mandatoryLiteral } from '../../server/src/engine/concepts.js';
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
  it('derives the literal every match of a pattern must contain, or none when unsure', () => {
    assert.equal(mandatoryLiteral('\\bglutamate (?:levels? )?(?:first|earlier)\\b'), 'glutamate');
    assert.equal(mandatoryLiteral('\\bnon-?responders? to\\b'), 'responder');
    assert.equal(mandatoryLiteral('\\b(?:how|why) works?'), 'work');
    assert.equal(mandatoryLiteral('\\b[a-z]+(?:azepam|azolam)\\b'), undefined);
    assert.equal(mandatoryLiteral('alpha|beta'), undefined);
    assert.equal(mandatoryLiteral('\\b(?:19|20)\\d0s\\b'), undefined);
  });
});
