// The conventions CI users know from ESLint, markdownlint-cli2 and textlint: unmatched paths exit 2,
// standard input, `help CODE`, the `analyse` spelling, did-you-mean in directives, `--shard`.
import assert from 'node:assert/strict';
import { parseShard, shardOf } from '../../server/src/lib/shard.js';
import { runCli, scratch, ZORBAMINE_DRAFT, ZORBAMINE_PACK } from './util.js';

describe('cli: conventions', function () {
  this.timeout(60000);
  let s: ReturnType<typeof scratch>;
  afterEach(() => s?.cleanup());
  const project = () => scratch({ '.claimlintrc.yaml': 'packs: [z.yaml]\n', 'z.yaml': ZORBAMINE_PACK, 'docs/draft.md': ZORBAMINE_DRAFT, 'notes/readme.txt': 'text\n' });

  it('a glob that matches nothing or a folder without Markdown exits 2, unless --no-error-on-unmatched-pattern', async () => {
    s = project();
    const glob = await runCli(['doc/*.md'], { cwd: s.dir });
    assert.equal(glob.code, 2);
    assert.match(glob.stderr, /no Markdown files match "doc\/\*\.md"/);
    const folder = await runCli(['notes'], { cwd: s.dir });
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /no Markdown files \(\.md, \.markdown\) in "notes"/);
    s.write({ '.claimlintignore': 'docs/\n' });
    const ignored = await runCli(['docs'], { cwd: s.dir });
    assert.equal(ignored.code, 2);
    assert.match(ignored.stderr, /that are not ignored/);
    const relaxed = await runCli(['notes', '--no-error-on-unmatched-pattern'], { cwd: s.dir });
    assert.equal(relaxed.code, 0);
    assert.match(relaxed.stderr, /no Markdown files/);
  });

  it('lints standard input (-), named by --stdin-filename for config and reports', async () => {
    s = project();
    const plain = await runCli(['-'], { cwd: s.dir, input: ZORBAMINE_DRAFT });
    assert.equal(plain.code, 1);
    assert.match(plain.stdout, /^<stdin>$/m);
    assert.match(plain.stdout, /figure-mismatch/);
    const named = await runCli(['--stdin-filename', 'docs/new.md', '-f', 'json'], { cwd: s.dir, input: ZORBAMINE_DRAFT });
    assert.equal(JSON.parse(named.stdout)[0].file, 'docs/new.md');
    // The config of the folder the name points to applies.
    s.write({ 'other/.claimlintrc.yaml': 'root: true\n' });
    const elsewhere = await runCli(['--stdin-filename', 'other/new.md'], { cwd: s.dir, input: ZORBAMINE_DRAFT });
    assert.equal(elsewhere.code, 0, 'no pack there, so no zorbamine findings');
  });

  it('--fix with standard input prints the fixed text and the report on stderr', async () => {
    s = project();
    const r = await runCli(['--fix', '-'], { cwd: s.dir, input: '\ufeff' + ZORBAMINE_DRAFT });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.startsWith('\ufeff# Zorbamine'), 'the byte-order mark is kept');
    assert.match(r.stdout, /at 0\.5 mg\/kg/);
    assert.match(r.stdout, /\[@tester2020\]/);
    assert.match(r.stderr, /<stdin>/);
    const binary = await runCli(['--fix', '-'], { cwd: s.dir, input: 'a\u0000b' });
    assert.equal(binary.stdout, 'a\u0000b', 'unreadable input passes through unchanged');
  });

  it('help CODE prints the rule\'s documentation; analyse is analyze; a misspelt directive code gets a suggestion', async () => {
    s = project();
    const help = await runCli(['help', 'figure-mismatch'], { cwd: s.dir });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^figure-mismatch \(default severity: error\)/);
    assert.match(help.stdout, /The usual dose is 5 mg\/kg/, 'the README section, read from the installed README');
    const unknown = await runCli(['help', 'figure-mismatsh'], { cwd: s.dir });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /did you mean "figure-mismatch"/);
    const usage = await runCli(['--help'], { cwd: s.dir });
    assert.match(usage.stdout, /\.claimlintrc\.yaml/);
    assert.match(usage.stdout, /Documentation: \/.*docs\/cli\.md/);
    const analyse = await runCli(['analyse'], { cwd: s.dir, input: 'Zorbamine is proven to act through the flux receptor.\n' });
    assert.equal(analyse.code, 0);
    assert.equal(JSON.parse(analyse.stdout).claims[0].id, 'zorbamine-flux');
    const directive = await runCli(['-'], { cwd: s.dir, input: '<!-- claimlint-disable-next-line overstated-certanty -- quoting -->\nZorbamine is proven to act through the flux receptor [@tester2020].\n' });
    assert.match(directive.stdout, /Unknown rule 'overstated-certanty' in claimlint directive \(did you mean 'overstated-certainty'\?\)/);
  });

  it('--shard i/n splits the files stably by path, each file in exactly one shard', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`docs/f${i}.md`, 'Fine.\n']));
    s = scratch(files);
    const shards = await Promise.all([1, 2, 3].map((i) => runCli(['--shard', `${i}/3`, '-f', 'json', '--no-error-on-unmatched-pattern'], { cwd: s.dir })));
    const lists = shards.map((r) => (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file));
    assert.deepEqual(lists.flat().sort(), Object.keys(files).sort());
    for (const [i, list] of lists.entries()) for (const f of list) assert.equal(shardOf(f, 3), i + 1);
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    assert.equal(parseShard('5/4'), undefined);
    const bad = await runCli(['--shard', '0/2'], { cwd: s.dir });
    assert.equal(bad.code, 2);
  });
});
