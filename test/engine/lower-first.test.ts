// lowerFirst (server/src/engine/fixes.ts): the first word of a sentence a fix puts after a lead
// ("Early evidence suggests that …") loses its capital unless it is a name, an acronym or "I".
import assert from 'node:assert/strict';
import { lowerFirst } from '../../server/src/engine/fixes.js';

describe('lowerFirst', () => {
  const rows: Array<[string, string]> = [
    ["Ketamine's effect fades.", "ketamine's effect fades."],
    ['The drug works.', 'the drug works.'],
    ['NMDA receptors are blocked.', 'NMDA receptors are blocked.'],
    ['Brain-Derived factor rises.', 'Brain-Derived factor rises.'],
    ['I think it works.', 'I think it works.'],
    ["I'm sure it works.", "I'm sure it works."],
  ];
  for (const [input, expected] of rows) it(`${input} → ${expected}`, () => assert.equal(lowerFirst(input), expected));
});
