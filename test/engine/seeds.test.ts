// The evidence base checked against itself: the five seed documents (converted to Markdown at run
// time, never copied into the project) must not be found contradicting or misquoting their own
// findings. Overstatement findings on them are expected and defensible (e.g. the forum article).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { analyze } from '../../server/src/engine/engine.js';
import { repoRoot, requireShared } from '../helpers.js';

describe('the seed documents', function () {
  it('contain no contradicted-claim or figure-mismatch finding', async function () {
    const seeds = requireShared(this, 'seeds');
    const { seedsAsMarkdown } = await import(pathToFileURL(join(repoRoot, 'scripts', 'seeds-report.mjs')).href);
    const dir: string = seedsAsMarkdown(seeds);
    const db = loadEmbeddedDatabase();
    const bad: string[] = [];
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const d of analyze(text, db).findings) {
        if (d.code === 'contradicted-claim' || d.code === 'figure-mismatch') bad.push(`${f}: ${d.code}: ${text.slice(d.start, d.end).slice(0, 80)}`);
      }
    }
    assert.deepEqual(bad, []);
  });
});
