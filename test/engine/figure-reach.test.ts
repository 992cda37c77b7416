// figure-mismatch extracts a sentence's numbers only when a claim that states figures is in reach
// (figureClaimInReach): that test must never be false when the sentence's claims, concept claims or
// topic claims include such a claim, or a misquoted figure would go unflagged.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { compile } from '../../server/src/engine/compiled.js';
import { RuleContext, Level } from '../../server/src/engine/context.js';
import { buildModel } from '../../server/src/engine/document.js';
import { figureClaimInReach } from '../../server/src/engine/pipeline/recognition.js';
import { fixtures, repoRoot } from '../helpers.js';

const db = loadEmbeddedDatabase();
const compiled = compile(db);
const docs = [
  ...readdirSync(join(repoRoot, 'examples')).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(repoRoot, 'examples', f), 'utf8')),
  ...readdirSync(fixtures('eval-heldout')).filter((f) => f.endsWith('.md')).map((f) => readFileSync(fixtures('eval-heldout', f), 'utf8').replace(/\{\{[a-z?,-]+\|([\s\S]*?)\}\}/g, '$1')),
];

describe('figureClaimInReach', () => {
  it('the figure index gives the claim index\'s candidates that state figures', () => {
    const all = [...db.concepts.keys()];
    // Every concept alone, and sliding windows of several.
    const sets = [...all.map((c) => [c]), ...all.map((_, i) => all.slice(i, i + 5))];
    for (const s of sets) {
      const concepts = new Set(s);
      assert.deepEqual(compiled.figureClaimsByConcept.candidates(concepts), compiled.claimsByConcept.candidates(concepts).filter((c) => c.figures?.length), s.join(','));
    }
    assert.ok(compiled.figureClaims.length > 0);
  });

  it('is true wherever a claim figure-mismatch reads states figures', () => {
    let reached = 0, sentences = 0;
    for (const text of docs) {
      const ctx = new RuleContext(buildModel(text, compiled), compiled, { rules: {}, citationStyle: 'pandoc' });
      for (const pb of ctx.model.blocks) {
        for (const ref of ctx.refsOf(pb)) {
          if (ref.sentence.concepts.size === 0) continue;
          sentences++;
          const hits = [...ctx.claims(ref, Level.Document), ...ctx.conceptClaims(ref, Level.Document), ...ctx.topicClaims(ref)];
          const needed = hits.some((h) => h.claim.figures?.length);
          if (needed) reached++;
          if (needed) assert.ok(figureClaimInReach(ctx, ref), ref.sentence.text);
        }
      }
    }
    // The drafts do tie sentences to figure claims, and most sentences to none.
    assert.ok(reached > 20 && reached < sentences / 2, `${reached} of ${sentences}`);
  });
});
