// checkPacks (claimlint db check [PATHS]) and loadPackPaths.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, repoRoot } from '../helpers.js';
import { checkPacks, loadPackPaths, loadPacks, loadEmbeddedDatabase, formatPackError } from '../../server/src/db/index.js';

describe('db check', () => {
  it('passes on the embedded database (no paths)', () => {
    const r = checkPacks();
    assert.deepEqual(r.errors.map(formatPackError), []);
    assert.equal(r.ok, true);
    assert.ok(r.counts.claims >= 40 && r.counts.concepts >= 60 && r.counts.sources >= 10 && r.counts.cautions >= 2, JSON.stringify(r.counts));
  });

  it('validates a folder of user packs layered on the embedded database', () => {
    const r = checkPacks([fixtures('db', 'valid')]);
    assert.deepEqual(r.errors.map(formatPackError), []);
    assert.equal(r.ok, true);
    assert.deepEqual(r.counts, { files: 2, sources: 1, concepts: 2, claims: 1, cautions: 1 });
  });

  it('reports a broken pack with file:line:col and fails (exit 2), keeping its valid records', () => {
    const file = fixtures('db', 'broken', 'broken.yaml');
    const r = checkPacks([file]);
    assert.equal(r.ok, false);
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('no-such-concept'));
    assert.deepEqual(r.errors.map(formatPackError), [
      `${file}:${line + 1}:${text.split('\n')[line]!.indexOf('no-such-concept') + 1}: error: claim 'bad-claim': concepts[1] refers to unknown concept 'no-such-concept'`,
    ]);
    assert.equal(r.counts.claims, 1, 'good-claim still loads');
  });

  it('reports a missing path', () => {
    const r = checkPacks(['does/not/exist.yaml'], { cwd: repoRoot });
    assert.equal(r.ok, false);
    assert.deepEqual(r.errors.map((e) => [e.file, e.message]), [['does/not/exist.yaml', 'no such file or folder']]);
  });

  it('loadPackPaths reads files and folders (recursively, skipping schema.json)', () => {
    const { files, errors } = loadPackPaths(['test/fixtures/db/valid', 'claims'], repoRoot);
    assert.deepEqual(errors, []);
    const names = files.map((f) => f.file.slice(repoRoot.length + 1).split('\\').join('/'));
    assert.ok(names.includes('test/fixtures/db/valid/user-pack.yaml'));
    assert.ok(names.includes('test/fixtures/db/valid/extra.json'));
    assert.ok(names.includes('claims/concepts.yaml'));
    assert.ok(!names.includes('claims/schema.json'));
  });

  it('the example user pack in docs/claim-packs.md is valid', () => {
    const md = readFileSync(join(repoRoot, 'docs', 'claim-packs.md'), 'utf8');
    const block = /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(md);
    assert.ok(block, 'the doc has a yaml example');
    const r = loadPacks([{ file: 'example.yaml', text: block[1]! }], { base: loadEmbeddedDatabase() });
    assert.deepEqual(r.errors.map(formatPackError), []);
  });
});
