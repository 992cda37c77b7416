// Messages are one line saying what is wrong, short enough for the Problems panel and a terminal
// (the evidence is in the hover): checked on every finding of the project's drafts.
import assert from 'node:assert/strict';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { analyze } from '../../server/src/engine/index.js';
import { projectDrafts } from '../helpers.js';

const LIMIT = 110;
const db = loadEmbeddedDatabase();

describe('messages: one short line', () => {
  const drafts = projectDrafts();
  it(`every finding's message is one line of at most ${LIMIT} characters`, () => {
    const codes = new Set<string>();
    for (const [name, text] of drafts) {
      for (const f of analyze(text, db).findings) {
        codes.add(f.code);
        assert.ok(!f.message.includes('\n'), `${name}: ${f.message}`);
        assert.ok(f.message.length <= LIMIT, `${name}: ${f.message.length} characters: ${f.message}`);
      }
    }
    // The drafts exercise the claim codes and uncited-claim: the check is not vacuous.
    for (const code of ['overstated-certainty', 'extrapolated-evidence', 'contradicted-claim', 'missing-caveat', 'figure-mismatch', 'uncited-claim']) assert.ok(codes.has(code), code);
  });
});
