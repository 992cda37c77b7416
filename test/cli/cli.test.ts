// End-to-end: the real `claimlint` binary on scratch projects. Findings come from a made-up
// claim pack (test/fixtures/cli/pack), so they do not depend on the embedded database's content.
// Golden outputs: test/fixtures/cli/golden/e2e/ (UPDATE_GOLDEN=1 regenerates them after an
// intended change of wording in the engine).
import assert from 'node:assert/strict';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes } from '../../server/src/engine/apply-fixes.js';
import { runCli, scratch, ZORBAMINE_DRAFT, ZORBAMINE_PACK, type RunResult } from './util.js';
import { checkSarif } from './sarif-check.js';
import { checkXml } from './xml-check.js';
import { golden } from './golden.js';

const PACK = ZORBAMINE_PACK;
const DRAFT = ZORBAMINE_DRAFT;
// The overstated sentence is not cited (its fix is the rewording; a citation would make it look
// sourced); the figure is corrected and its sentence, then right, is cited.
const FIXED = DRAFT
  .replace('at 5 mg/kg', 'at 0.5 mg/kg')
  .replace('mediated the effect.', 'mediated the effect [@tester2020].');

function project(extra: Record<string, string | Buffer> = {}) {
  return scratch({
    '.claimlintrc.yaml': 'packs:\n  - packs/zorbamine.yaml\n',
    'packs/zorbamine.yaml': PACK,
    'docs/draft.md': DRAFT,
    'docs/clean.md': 'Nothing in this file names a concept from the database.\n',
    'notes.txt': 'Zorbamine is proven to be mediated by the flux receptor.\n',
    ...extra,
  });
}

const normalise = (out: string, dir: string) => out.split(dir).join('<ROOT>').replace(/"(semanticVersion|version)": "\d+\.\d+\.\d+[^"]*"/g, '"$1": "<VERSION>"');
const noStack = (r: RunResult) => assert.doesNotMatch(r.stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');

describe('cli: end to end', function () {
  this.timeout(60000);
  let p: ReturnType<typeof project>;
  afterEach(() => p?.cleanup());

  describe('output formats (golden)', () => {
    it('stylish: grouped by file, summary line, exit 1 on an error finding', async () => {
      p = project();
      const r = await runCli([], { cwd: p.dir });
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^docs\/draft\.md$/m);
      assert.match(r.stdout, /✖ \d+ problems \(1 error, \d+ warnings?, \d+ info\)/);
      // eslint-disable-next-line no-control-regex -- terminal escape sequences
      assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour when not a TTY');
      golden('e2e/stylish.txt', normalise(r.stdout, p.dir));
    });

    it('json: one array, 0-based lines, UTF-16 characters', async () => {
      p = project();
      const r = await runCli(['--format', 'json'], { cwd: p.dir });
      assert.equal(r.code, 1);
      const files = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string; range: { start: { line: number; character: number } }; fixes: unknown[] }[] }[];
      assert.deepEqual(files.map((f) => f.file), ['docs/clean.md', 'docs/draft.md']);
      const figure = files[1].diagnostics.find((d) => d.code === 'figure-mismatch')!;
      assert.deepEqual(figure.range.start, { line: 3, character: DRAFT.split('\n')[3].indexOf('5 mg/kg') });
      const overstated = files[1].diagnostics.find((d) => d.code === 'overstated-certainty')!;
      // The emoji before the sentence counts as two UTF-16 code units.
      assert.equal(overstated.range.start.line, 2);
      assert.ok(overstated.range.start.character >= DRAFT.split('\n')[2].indexOf('proven') - 40);
      golden('e2e/report.json', normalise(r.stdout, p.dir));
    });

    it('sarif: valid 2.1.0 with rule metadata', async () => {
      p = project();
      const r = await runCli(['-f', 'sarif'], { cwd: p.dir });
      assert.equal(r.code, 1);
      const log = JSON.parse(r.stdout);
      assert.deepEqual(checkSarif(log), []);
      assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `file://${p.dir}/`);
      assert.ok(log.runs[0].results.some((x: { ruleId: string; fixes?: unknown[] }) => x.ruleId === 'figure-mismatch' && x.fixes?.length));
      golden('e2e/report.sarif', normalise(r.stdout, p.dir));
    });

    it('github: workflow annotations', async () => {
      p = project();
      const r = await runCli(['-f', 'github'], { cwd: p.dir });
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^::error file=docs\/draft\.md,line=4,col=\d+,endLine=4,endColumn=\d+,title=claimlint\(figure-mismatch\)::/m);
      golden('e2e/github.txt', normalise(r.stdout, p.dir));
    });

    it('junit: well-formed, one test case per file with its time', async () => {
      p = project();
      const r = await runCli(['-f', 'junit'], { cwd: p.dir });
      assert.equal(r.code, 1);
      assert.deepEqual(checkXml(r.stdout), []);
      assert.equal((r.stdout.match(/<testcase /g) ?? []).length, 2);
      assert.match(r.stdout, /<testcase classname="claimlint" name="docs\/clean\.md" file="docs\/clean\.md" time="\d+\.\d{3}"\/>/);
      golden('e2e/junit.xml', normalise(r.stdout, p.dir).replace(/time="\d+\.\d{3}"/g, 'time="<T>"'));
    });

    it('colours stylish output when forced (FORCE_COLOR) and not with NO_COLOR', async () => {
      p = project();
      const forced = await runCli(['docs/draft.md'], { cwd: p.dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
      // eslint-disable-next-line no-control-regex -- terminal escape sequences
      assert.match(forced.stdout, /\u001b\[31m/);
      const off = await runCli(['docs/draft.md', '--color', '--no-color'], { cwd: p.dir });
      assert.equal(off.code, 2, 'conflicting options are a usage error');
    });

    it('--quiet reports errors only', async () => {
      p = project();
      const r = await runCli(['-q', '-f', 'json'], { cwd: p.dir });
      const codes = (JSON.parse(r.stdout) as { diagnostics: { severity: string }[] }[]).flatMap((f) => f.diagnostics.map((d) => d.severity));
      assert.deepEqual([...new Set(codes)], ['error']);
    });
  });

  describe('exit codes', () => {
    it('0 when no finding is an error', async () => {
      p = project();
      const r = await runCli(['docs/clean.md'], { cwd: p.dir });
      assert.equal(r.code, 0);
      assert.match(r.stdout, /✔ No problems found in 1 file/);
    });

    it('--rule can turn the error into a warning (exit 0) and --max-warnings makes warnings fail', async () => {
      p = project();
      const relaxed = await runCli(['--rule', 'figure-mismatch=warning'], { cwd: p.dir });
      assert.equal(relaxed.code, 0, relaxed.stdout);
      const strict = await runCli(['--rule', 'figure-mismatch=warning', '--max-warnings', '0'], { cwd: p.dir });
      assert.equal(strict.code, 1);
      assert.match(strict.stderr, /more than --max-warnings 0/);
      const roomy = await runCli(['--rule', 'figure-mismatch=warning', '--max-warnings', '100'], { cwd: p.dir });
      assert.equal(roomy.code, 0);
    });

    it('2 for an unknown option, with a hint and no stack trace', async () => {
      p = project();
      const r = await runCli(['--formatt', 'json'], { cwd: p.dir });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /unknown option --formatt \(did you mean --format\?\)/);
      assert.match(r.stderr, /claimlint --help/);
      noStack(r);
    });

    it('2 for a missing path', async () => {
      p = project();
      const r = await runCli(['nope.md'], { cwd: p.dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /nope\.md: no such file or folder/);
    });

    it('2 for an invalid config, naming file:line:column', async () => {
      p = project({ 'docs/.claimlintrc.json': '{\n  "rules": {\n    "figure-mismatch": "fatal"\n  }\n}\n' });
      const r = await runCli([], { cwd: p.dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^docs\/\.claimlintrc\.json:3:24: error: rules\.figure-mismatch: severity must be one of/m);
      assert.match(r.stderr, /fix the configuration/);
      noStack(r);
    });

    it('2 for a broken --config file', async () => {
      p = project({ 'my.yaml': 'citationStyle: apa\n' });
      const r = await runCli(['--config', 'my.yaml', 'docs/clean.md'], { cwd: p.dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^my\.yaml:1:16: error: citationStyle: must be one of "pandoc", "footnote", "link"/m);
    });

    it('2 for a broken claim pack, naming file:line:column', async () => {
      p = project({ 'packs/zorbamine.yaml': PACK.replace('grade: preliminary', 'grade: tentative') });
      const r = await runCli([], { cwd: p.dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /packs\/zorbamine\.yaml:\d+:\d+: error: .*grade/);
      noStack(r);
    });
  });

  describe('config discovery (end to end)', () => {
    it('nearest config wins per file; packs are relative to their config file', async () => {
      p = project({
        // root: the folder's own config alone (its pack would otherwise load twice with the outer one's).
        'other/.claimlintrc.json': JSON.stringify({ root: true, rules: { 'figure-mismatch': 'off', 'uncited-claim': 'off' }, packs: ['own-packs/zorbamine.yaml'] }),
        'other/own-packs/zorbamine.yaml': PACK,
        'other/draft.md': DRAFT,
      });
      const r = await runCli(['-f', 'json'], { cwd: p.dir });
      const files = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[] }[];
      const codes = (f: string) => files.find((x) => x.file === f)!.diagnostics.map((d) => d.code);
      assert.ok(codes('docs/draft.md').includes('figure-mismatch'));
      assert.ok(!codes('other/draft.md').includes('figure-mismatch'));
      assert.ok(!codes('other/draft.md').includes('uncited-claim'));
      assert.ok(codes('other/draft.md').includes('overstated-certainty'), 'the other folder\'s pack path resolved');
    });

    it('reads the "claimlint" key of package.json', async () => {
      p = project({ 'pkg/package.json': JSON.stringify({ name: 'x', claimlint: { root: true, packs: ['zorbamine.yaml'], rules: { 'overstated-certainty': 'error' } } }), 'pkg/zorbamine.yaml': PACK, 'pkg/draft.md': DRAFT });
      const r = await runCli(['-f', 'json', 'pkg'], { cwd: p.dir });
      const files = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string }[] }[];
      assert.ok(files[0].diagnostics.some((d) => d.code === 'overstated-certainty' && d.severity === 'error'));
    });

    it('honours .gitignore, .claimlintignore and config ignore; --no-ignore lints them', async () => {
      p = project({
        '.gitignore': 'build/\n', 'build/out.md': DRAFT,
        '.claimlintignore': 'vendor/\n', 'vendor/v.md': DRAFT,
        'drafts/.claimlintrc.yaml': 'ignore: ["wip-*.md"]\n', 'drafts/wip-1.md': DRAFT, 'drafts/ready.md': 'Fine.\n',
      });
      const listed = async (args: string[]) => (JSON.parse((await runCli(['-f', 'json', ...args], { cwd: p.dir })).stdout) as { file: string }[]).map((f) => f.file);
      assert.deepEqual(await listed([]), ['docs/clean.md', 'docs/draft.md', 'drafts/ready.md']);
      assert.deepEqual(await listed(['--no-ignore']), ['build/out.md', 'docs/clean.md', 'docs/draft.md', 'drafts/ready.md', 'drafts/wip-1.md', 'vendor/v.md']);
      assert.deepEqual(await listed(['docs/*.md', '!**/clean.md']), ['docs/draft.md']);
    });
  });

  describe('unreadable files', () => {
    it('reports binary and non-UTF-8 files on stderr, skips them and counts them', async () => {
      p = project({ 'docs/image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'docs/latin1.md': Buffer.from('Caf\xe9 zorbamine', 'latin1') });
      const r = await runCli(['docs'], { cwd: p.dir });
      assert.match(r.stderr, /^docs\/image\.md: skipped: not UTF-8 text \(binary: NUL byte at offset 4\)$/m);
      assert.match(r.stderr, /^docs\/latin1\.md: skipped: not UTF-8 text \(invalid byte sequence at offset 3\)$/m);
      assert.match(r.stdout, /2 files skipped/);
      assert.equal(r.code, 1, 'skipping does not hide the findings of the other files');
      const json = await runCli(['docs', '-f', 'json'], { cwd: p.dir });
      assert.deepEqual((JSON.parse(json.stdout) as { file: string }[]).map((f) => f.file), ['docs/clean.md', 'docs/draft.md']);
    });
  });

  describe('large files', () => {
    it('checks a multi-megabyte file to its last line', async () => {
      const filler = 'This paragraph talks about the weather, the garden and nothing in the database.\n\n'.repeat(25000);
      p = project({ 'docs/big.md': filler + 'Zorbamine was given at 5 mg/kg and acts on the flux receptor.\n' });
      const r = await runCli(['-f', 'json', 'docs/big.md'], { cwd: p.dir });
      const [entry] = JSON.parse(r.stdout) as { diagnostics: { code: string; range: { start: { line: number } } }[] }[];
      const fig = entry.diagnostics.find((d) => d.code === 'figure-mismatch');
      assert.ok(fig, r.stdout.slice(0, 500));
      assert.equal(fig.range.start.line, 50000);
    });
  });

  describe('--fix and --fix-dry-run', () => {
    it('--fix-dry-run prints a diff of the safe fixes and writes nothing', async () => {
      p = project();
      const r = await runCli(['--fix-dry-run', 'docs/draft.md'], { cwd: p.dir });
      assert.equal(readFileSync(join(p.dir, 'docs/draft.md'), 'utf8'), DRAFT, 'file untouched');
      assert.match(r.stdout, /^--- a\/docs\/draft\.md\n\+\+\+ b\/docs\/draft\.md\n@@ /m);
      assert.ok(r.stdout.includes('+In the trial, zorbamine was given at 0.5 mg/kg and the flux receptor mediated the effect [@tester2020].'));
      assert.match(r.stdout, /Would apply 2 fixes in 1 file/);
      assert.equal(r.code, 0, 'what remains after the fixes has no error');
    });

    it('--fix-dry-run with json carries the fixed text, changing only the fix edits', async () => {
      p = project();
      const r = await runCli(['--fix-dry-run', '-f', 'json', 'docs/draft.md'], { cwd: p.dir });
      const [entry] = JSON.parse(r.stdout) as { output: string }[];
      assert.equal(entry.output, FIXED);
      assert.equal(readFileSync(join(p.dir, 'docs/draft.md'), 'utf8'), DRAFT);
    });

    it('--fix applies safe fixes only, writes only changed files, and reports what remains', async () => {
      p = project();
      const clean = join(p.dir, 'docs/clean.md');
      utimesSync(clean, new Date(2000, 0, 1), new Date(2000, 0, 1));
      const r = await runCli(['--fix', '-f', 'json'], { cwd: p.dir });
      assert.equal(readFileSync(join(p.dir, 'docs/draft.md'), 'utf8'), FIXED);
      assert.equal(statSync(clean).mtime.getFullYear(), 2000, 'unchanged file not rewritten');
      const files = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string; fixes: { safe: boolean }[] }[] }[];
      const remaining = files.find((f) => f.file === 'docs/draft.md')!.diagnostics;
      assert.ok(remaining.length > 0 && remaining.every((d) => d.code === 'overstated-certainty'), 'unsafe fixes (softening) are left for a person');
      assert.ok(remaining.every((d) => d.fixes.every((x) => !x.safe)));
      assert.equal(r.code, 0);
      // A second --fix has nothing left to do.
      const again = await runCli(['--fix'], { cwd: p.dir });
      assert.doesNotMatch(again.stdout, /Applied/);
      assert.equal(readFileSync(join(p.dir, 'docs/draft.md'), 'utf8'), FIXED);
    });

    it('keeps a byte-order mark and CRLF line endings', async () => {
      p = project({ 'docs/draft.md': '\ufeff' + DRAFT.replace(/\n/g, '\r\n') });
      await runCli(['--fix', 'docs/draft.md'], { cwd: p.dir });
      assert.equal(readFileSync(join(p.dir, 'docs/draft.md'), 'utf8'), '\ufeff' + FIXED.replace(/\n/g, '\r\n'));
    });

    it('agrees with applyFixes on the reported safe fixes', async () => {
      p = project();
      const r = await runCli(['-f', 'json', 'docs/draft.md'], { cwd: p.dir });
      const [entry] = JSON.parse(r.stdout) as { diagnostics: { fixes: { safe: boolean; title: string; kind: string; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }[] }[] }[];
      const lines = DRAFT.split('\n');
      const offset = (pos: { line: number; character: number }) => lines.slice(0, pos.line).reduce((n, l) => n + l.length + 1, 0) + pos.character;
      const fixes = entry.diagnostics.flatMap((d) => d.fixes).map((f) => ({ ...f, kind: f.kind as 'insert-citation', edits: f.edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText })) }));
      // One pass: the figure only (its sentence asks for a citation once it is right, in the next pass).
      assert.equal(applyFixes(DRAFT, fixes).output, DRAFT.replace('at 5 mg/kg', 'at 0.5 mg/kg'));
    });
  });

  describe('--cache', () => {
    it('skips unchanged files on the second run and re-checks changed ones', async () => {
      p = project();
      const first = await runCli(['--cache', '--debug-cache', '-f', 'json'], { cwd: p.dir });
      assert.match(first.stderr, /linted=2 cached=0/);
      assert.ok(statSync(join(p.dir, '.claimlintcache')).isFile());
      const second = await runCli(['--cache', '--debug-cache', '-f', 'json'], { cwd: p.dir });
      assert.match(second.stderr, /linted=0 cached=2/);
      assert.equal(second.stdout, first.stdout);
      assert.equal(second.code, first.code);
      p.write({ 'docs/clean.md': 'Still nothing here.\n' });
      const third = await runCli(['--cache', '--debug-cache'], { cwd: p.dir });
      assert.match(third.stderr, /linted=1 cached=1/);
      const otherConfig = await runCli(['--cache', '--debug-cache', '--rule', 'uncited-claim=off'], { cwd: p.dir });
      assert.match(otherConfig.stderr, /linted=2 cached=0/, 'a different config invalidates');
    });

    it('--cache-location chooses the file', async () => {
      p = project();
      await runCli(['--cache-location', 'tmp/lint.cache'], { cwd: p.dir });
      assert.ok(statSync(join(p.dir, 'tmp/lint.cache')).isFile());
    });
  });

  describe('workers', () => {
    it('give output identical to single-threaded, in the same order', async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < 24; i++) files[`many/f${String(i).padStart(2, '0')}.md`] = i % 3 ? DRAFT.replace('5 mg/kg', `${i} mg/kg`) : 'No concepts here.\n';
      p = project(files);
      const single = await runCli(['-f', 'json', '--workers', '1', '--stats', 'many'], { cwd: p.dir });
      const pooled = await runCli(['-f', 'json', '--workers', '2', '--stats', 'many'], { cwd: p.dir, env: { CLAIMLINT_POOL_MAIN: '0' } });
      assert.match(single.stderr, /threads=1 by-workers=0/);
      assert.match(pooled.stderr, /threads=2 by-workers=24/, `every file linted in a worker thread: ${pooled.stderr}`);
      assert.equal(pooled.stdout, single.stdout);
      assert.equal(pooled.code, single.code);
      const mixed = await runCli(['-f', 'json', '--workers', '2', 'many'], { cwd: p.dir });
      assert.equal(mixed.stdout, single.stdout);
    });
  });

  describe('subcommands', () => {
    it('analyze: one JSON object per sentence from stdin', async () => {
      p = project();
      const r = await runCli(['analyze'], { cwd: p.dir, input: 'Zorbamine may be mediated by the flux receptor.\n\nIt is proven that zorbamine depends on the flux receptor.\n' });
      assert.equal(r.code, 0, r.stderr);
      const rows = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      assert.equal(rows.length, 2);
      for (const key of ['text', 'certainty', 'strength', 'cues', 'negated', 'attributed', 'hypothetical', 'question', 'population', 'claims']) assert.ok(key in rows[0], key);
      assert.ok(rows[1].certainty >= rows[0].certainty, 'the boosted sentence is at least as certain');
      assert.deepEqual(rows[0].claims.map((c: { id: string }) => c.id), ['zorbamine-flux']);
    });

    it('analyze FILE', async () => {
      p = project({ 's.txt': 'Does zorbamine act on the flux receptor?\n' });
      const r = await runCli(['analyze', 's.txt'], { cwd: p.dir });
      assert.equal(JSON.parse(r.stdout).question, true);
      const missing = await runCli(['analyze', 'none.txt'], { cwd: p.dir });
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /none\.txt: no such file/);
    });

    it('db check: the embedded database and configured packs are valid (exit 0)', async () => {
      p = project();
      const r = await runCli(['db', 'check'], { cwd: p.dir });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /✔ embedded database is valid/);
      assert.match(r.stdout, /✔ packs from \.claimlintrc\.yaml is valid \(1 file: 1 source, 2 concepts, 1 claim/);
    });

    it('db check PATHS: an invalid pack exits 2 with file:line:col messages', async () => {
      p = project({ 'bad.yaml': PACK.replace('kind: dose', 'kind: dosage').replace('id: tester2020\n    type', 'id: tester2020\n    typo: x\n    type') });
      const r = await runCli(['db', 'check', 'bad.yaml'], { cwd: p.dir });
      assert.equal(r.code, 2);
      assert.match(r.stdout, /^bad\.yaml:\d+:\d+: error: /m);
      assert.equal((r.stdout.match(/^bad\.yaml:\d+:\d+: error/gm) ?? []).length >= 2, true, r.stdout);
      const ok = await runCli(['db', 'check', 'packs'], { cwd: p.dir });
      assert.equal(ok.code, 0);
    });

    it('db export: CSL-JSON and BibTeX, all sources or only the used ones', async () => {
      p = project();
      const all = await runCli(['db', 'export', '--format', 'csl-json'], { cwd: p.dir });
      assert.equal(all.code, 0, all.stderr);
      const items = JSON.parse(all.stdout) as { id: string }[];
      assert.ok(items.length > 1 && items.some((i) => i.id === 'tester2020'));
      const used = await runCli(['db', 'export', '--format', 'csl-json', '--used', 'docs/draft.md'], { cwd: p.dir });
      assert.deepEqual((JSON.parse(used.stdout) as { id: string }[]).map((i) => i.id), ['tester2020']);
      const bib = await runCli(['db', 'export', '--used', 'docs', '--format', 'bibtex'], { cwd: p.dir });
      assert.match(bib.stdout, /^@article\{tester2020,/m);
      const toFile = await runCli(['db', 'export', '--format', 'bibtex', '--used', 'docs', '-o', 'refs/refs.bib'], { cwd: p.dir });
      assert.equal(toFile.code, 2, 'the folder of -o must exist');
      const written = await runCli(['db', 'export', '--format', 'bibtex', '--used', 'docs', '-o', 'refs.bib'], { cwd: p.dir });
      assert.equal(written.code, 0, written.stderr);
      assert.equal(written.stdout, '');
      assert.equal(readFileSync(join(p.dir, 'refs.bib'), 'utf8'), bib.stdout);
      const bad = await runCli(['db', 'export', '--format', 'ris'], { cwd: p.dir });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /unknown bibliography format "ris"/);
    });

    it('--help and --version', async () => {
      p = project();
      const help = await runCli(['--help'], { cwd: p.dir });
      assert.equal(help.code, 0);
      assert.match(help.stdout, /--max-warnings N/);
      const v = await runCli(['--version'], { cwd: p.dir });
      assert.match(v.stdout, /^\d+\.\d+\.\d+/);
    });
  });
});
