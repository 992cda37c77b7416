// reportsResult (server/src/engine/rules/shared.ts): is a sentence a past-tense report of what
// happened in one setting, rather than a general statement? Rules read such reports as observations.
import assert from 'node:assert/strict';
import { reportsResult } from '../../../server/src/engine/rules/shared.js';

describe('reportsResult: a past-tense report or a general statement', () => {
  const table: Array<[string, boolean]> = [
    ['Seven of twelve patients responded within a day.', true],
    ['There were no adverse events.', true],
    ['Patients improved, and most stayed well for a week.', true],
    // an -ed word at the start that is a label, not a participle phrase
    ['Enhanced synaptic plasticity.', true],
    // present tense: a general statement
    ['Ketamine works within hours.', false],
    ['Sublingual tablets get as much drug into the blood as a drip.', false],
    // a participle opening the sentence, its phrase closed by a comma
    ['Dissolved under the tongue, the tablets reach the blood as well as an infusion.', false],
    ['**Given** weekly, infusions keep most patients well.', false],
    // an -ed word after a present form of be describes a state now (round 15)
    ["If you're worried about addiction, don't be: there is no abuse potential.", false],
    ['Spravato is approved for adults and feels rushed to nobody.', false],
    // …but not after "was" or "had"
    ['The patients were relieved and had improved by the next day.', true],
  ];
  for (const [text, expected] of table) it(`${expected ? 'reports' : 'generalises'}: ${text}`, () => assert.equal(reportsResult(text), expected));
});
