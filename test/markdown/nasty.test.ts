// Hostile documents (scripts/lib/nasty.mjs, shared with `npm run bench:nasty`): deep nesting, long
// lines, dense inline markup, many tiny blocks. Each must complete, through the engine with and
// without a cache (the language server and the CLI) and through the CLI itself, and a normal
// paragraph after the nasty part must still get its findings at its own offsets. How long they
// take is the benchmark's business, not the tests'.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { analyze, createAnalysisCache } from '../../server/src/engine/engine.js';
import { tooComplex } from '../../server/src/engine/guard.js';
import type { Finding } from '../../server/src/engine/types.js';
import { runCli, scratch } from '../cli/util.js';
import { repoRoot, requireShared } from '../helpers.js';
import { TestClient } from '../lsp/client.js';

interface NastyLib {
  SHAPES: Record<string, (n: number) => string>;
  TAIL: string;
  nasty(shape: string, bytes: number): string;
}
let lib: NastyLib;
before(async () => {
  lib = (await import(pathToFileURL(join(repoRoot, 'scripts', 'lib', 'nasty.mjs')).href)) as NastyLib;
});

const db = loadEmbeddedDatabase();
/** Size of each generated document: large enough for 10,000-level nesting on one line. */
const SIZE = 48 * 1024;
const brief = (fs: Finding[]) => fs.map((f) => `${f.code}@${f.start}-${f.end}`);

/** The findings of TAIL alone, shifted to where it ends `text`. */
function tailFindings(text: string): string[] {
  const at = text.length - lib.TAIL.length;
  return analyze(lib.TAIL, db).findings.map((f) => `${f.code}@${f.start + at}-${f.end + at}`);
}

describe('hostile documents', function () {
  this.timeout(600000);

  it('every shape completes in the engine, cached and fresh alike, with the findings after it in place', () => {
    for (const shape of Object.keys(lib.SHAPES)) {
      const text = lib.nasty(shape, SIZE);
      const fresh = analyze(text, db);
      const cache = createAnalysisCache();
      const cached = analyze(text, db, undefined, { cache });
      assert.deepEqual(brief(cached.findings), brief(fresh.findings), shape);
      const at = text.length - lib.TAIL.length;
      assert.deepEqual(brief(fresh.findings.filter((f) => f.start >= at)), tailFindings(text), `${shape}: the paragraph after it`);
      // A character typed in the middle of the nasty part, then removed again.
      const mid = Math.floor(at / 2);
      const edited = text.slice(0, mid) + 'x' + text.slice(mid);
      assert.deepEqual(brief(analyze(edited, db, undefined, { cache }).findings), brief(analyze(edited, db).findings), `${shape}: after an edit`);
      assert.deepEqual(brief(analyze(text, db, undefined, { cache }).findings), brief(fresh.findings), `${shape}: after undoing it`);
    }
  });

  it('leaves deep nesting, one line or a staircase, unparsed rather than overflowing the stack', () => {
    // 10,000 levels of lists, quotes and both; 10,000 emphasis markers on each side.
    for (const [shape, bytes] of [['list-one-line', 20000], ['quote-one-line', 20000], ['mixed-one-line', 23334], ['emphasis-stars', 20000], ['list-staircase', 2 * 1000 * 1001]] as const) {
      const text = lib.nasty(shape, bytes);
      assert.ok(tooComplex(text.slice(0, text.length - lib.TAIL.length - 1)), shape);
      const at = text.length - lib.TAIL.length;
      assert.deepEqual(brief(analyze(text, db).findings), tailFindings(text), shape);
      assert.deepEqual(brief(analyze(text, db, undefined, { cache: createAnalysisCache() }).findings.filter((f) => f.start >= at)), tailFindings(text), shape);
    }
  });

  it('parses nesting and dense markup up to the limits as before', () => {
    // Just under the limits: parsed by remark, so the emphasis is markup and the claim is found.
    const quoted = '> '.repeat(30) + 'Ketamine is *proven* to cure depression in every patient.\n';
    assert.ok(!tooComplex(quoted));
    assert.ok(analyze(quoted, db).findings.some((f) => f.code !== 'unknown-citation' && quoted.slice(f.start, f.end).includes('proven')));
    // Past them: the chunk is left unchecked, the next one is not.
    const deeper = '> '.repeat(40) + 'Ketamine is *proven* to cure depression in every patient.\n';
    assert.ok(tooComplex(deeper));
    assert.deepEqual(analyze(deeper, db).findings, []);
  });

  it('keeps a document with link definitions whole unless it must be split to skip a nasty part', () => {
    const text = '[ref]: https://example.org\n\nSee [the review][ref].\n\n' + '> '.repeat(5000) + 'x\n\n' + lib.TAIL;
    const at = text.length - lib.TAIL.length;
    assert.deepEqual(brief(analyze(text, db).findings.filter((f) => f.start >= at)), tailFindings(text));
    assert.deepEqual(brief(analyze(text, db, undefined, { cache: createAnalysisCache() }).findings), brief(analyze(text, db).findings));
  });

  it('completes every shape through the CLI, with the findings after it on the right line and column', async () => {
    const files: Record<string, string> = {};
    for (const shape of Object.keys(lib.SHAPES)) files[`${shape}.md`] = lib.nasty(shape, SIZE);
    const dir = scratch(files);
    try {
      const r = await runCli(['--format', 'json', '--no-ignore', '.'], { cwd: dir.dir });
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr.slice(-2000)}`);
      const out = JSON.parse(r.stdout) as Array<{ file: string; diagnostics: Array<{ code: string; range: { start: { line: number; character: number } } }> }>;
      for (const shape of Object.keys(lib.SHAPES)) {
        const text = files[`${shape}.md`]!;
        const tailLine = text.split(/\r\n|\r|\n/).length - 2;
        const expected = analyze(lib.TAIL, db).findings.map((f) => `${f.code}@${tailLine}:${f.start}`);
        const got = out.find((f) => basename(f.file) === `${shape}.md`)?.diagnostics.filter((d) => d.range.start.line === tailLine).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
        assert.deepEqual(got, expected, shape);
      }
    } finally {
      dir.cleanup();
    }
  });

  describe('a 10 MB draft', () => {
    let dir: ReturnType<typeof scratch>;
    let text: string;
    before(function () {
      const maker = requireShared(this, 'bench', 'make-corpus.mjs');
      dir = scratch();
      execFileSync(process.execPath, [maker, join(dir.dir, 'draft.md'), '--one-file', '--kb', String(10 * 1024)]);
      text = readFileSync(join(dir.dir, 'draft.md'), 'utf8');
    });
    after(() => dir?.cleanup());

    it('completes in the CLI with the engine\'s findings', async () => {
      const r = await runCli(['--format', 'json', '--no-ignore', 'draft.md'], { cwd: dir.dir });
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr.slice(-2000)}`);
      const out = JSON.parse(r.stdout) as Array<{ diagnostics: unknown[] }>;
      assert.equal(out[0]!.diagnostics.length, analyze(text, db).findings.length);
    });

    it('opens in the language server, which publishes its diagnostics', async () => {
      // No cap on published problems: every finding of the 10 MB draft is compared.
      const client = new TestClient({ initializationOptions: { debounceMs: 0, maxProblems: 0 } });
      try {
        await client.initialize();
        const uri = pathToFileURL(join(dir.dir, 'draft.md')).href;
        const published = client.diagnosticsFor(uri, 1, 300000);
        await client.open(uri, text);
        const p = await published;
        assert.equal(p.diagnostics.length, analyze(text, db, undefined, { cache: createAnalysisCache() }).findings.length);
      } finally {
        await client.shutdown();
      }
    });
  });
});
