// What the peers lack: `claimlint impact` (which documents a change in the evidence affects),
// sharded runs whose SARIF merges into one log, and the self-contained HTML report.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, scratch, ZORBAMINE_DRAFT, ZORBAMINE_PACK } from './util.js';
import { checkSarif } from './sarif-check.js';
import { checkXml } from './xml-check.js';

describe('cli: beyond the peers', function () {
  this.timeout(120000);
  let s: ReturnType<typeof scratch>;
  afterEach(() => s?.cleanup());
  const project = () => scratch({ '.claimlintrc.yaml': 'packs: [packs/zorbamine.yaml]\n', 'packs/zorbamine.yaml': ZORBAMINE_PACK, 'docs/draft.md': ZORBAMINE_DRAFT, 'docs/other.md': 'Nothing here.\n' });
  const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { encoding: 'utf8' });

  it('impact --base REF lists the findings a regraded claim and a corrected figure change', async () => {
    s = project();
    git(s.dir, 'init', '-q');
    git(s.dir, 'add', '.');
    git(s.dir, 'commit', '-qm', 'evidence as it was');
    // The claim is regraded to established and the figure corrected to 5 mg/kg.
    s.write({ 'packs/zorbamine.yaml': ZORBAMINE_PACK.replace('grade: preliminary', 'grade: established').replace('value: 0.5', 'value: 5').replace('display: 0.5 mg/kg', 'display: 5 mg/kg') });
    const r = await runCli(['impact', '--base', 'HEAD'], { cwd: s.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^docs\/draft\.md$/m);
    assert.match(r.stdout, /^ {2}- 4:\d+ +error +'5 mg\/kg' does not match the source.*figure-mismatch$/m);
    assert.match(r.stdout, /^ {2}- 3:\d+ +warning .*overstated-certainty$/m);
    assert.doesNotMatch(r.stdout, /other\.md/);
    const md = await runCli(['impact', '--base', 'HEAD', '--format', 'markdown', 'docs'], { cwd: s.dir });
    assert.match(md.stdout, /^\*\*claimlint impact\*\*: \d+ findings change in 1 of 2 documents/m);
    assert.match(md.stdout, /^\| docs\/draft\.md:4:\d+ \| ➖ gone \| `figure-mismatch` \|/m);
    const json = JSON.parse((await runCli(['impact', '--base', 'HEAD', '-f', 'json'], { cwd: s.dir })).stdout);
    assert.equal(json[0].file, 'docs/draft.md');
    assert.ok(json[0].removed.some((d: { code: string }) => d.code === 'figure-mismatch'));
    git(s.dir, 'commit', '-qam', 'regraded');
    assert.match((await runCli(['impact', '--base', 'HEAD'], { cwd: s.dir })).stdout, /No finding changes in 2 documents/);
    assert.equal((await runCli(['impact', '--base', 'no-such-ref'], { cwd: s.dir })).code, 2);
  });

  it('impact --from OLD --to NEW compares two pack folders', async () => {
    s = scratch({ 'old/z.yaml': ZORBAMINE_PACK, 'new/z.yaml': ZORBAMINE_PACK.replace('grade: preliminary', 'grade: established'), 'docs/draft.md': ZORBAMINE_DRAFT });
    const r = await runCli(['impact', '--from', 'old', '--to', 'new', 'docs'], { cwd: s.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /- 3:\d+ +warning .*overstated-certainty/);
    assert.equal((await runCli(['impact', '--from', 'old'], { cwd: s.dir })).code, 2);
  });

  it('--shard runs merge into one valid SARIF log with every result (merge-sarif)', async () => {
    s = project();
    s.write(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`docs/more${i}.md`, ZORBAMINE_DRAFT])));
    const whole = JSON.parse((await runCli(['-f', 'sarif'], { cwd: s.dir })).stdout);
    const files: string[] = [];
    for (const i of [1, 2, 3]) {
      const r = await runCli(['-f', 'sarif', '--shard', `${i}/3`, '--no-error-on-unmatched-pattern'], { cwd: s.dir });
      writeFileSync(join(s.dir, `shard-${i}.sarif`), r.stdout);
      files.push(`shard-${i}.sarif`);
    }
    const merged = await runCli(['merge-sarif', ...files], { cwd: s.dir });
    assert.equal(merged.code, 0, merged.stderr);
    const log = JSON.parse(merged.stdout);
    assert.deepEqual(checkSarif(log), []);
    assert.equal(log.runs.length, 1);
    const key = (x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) =>
      `${x.locations[0]!.physicalLocation.artifactLocation.uri}:${x.locations[0]!.physicalLocation.region.startLine}:${x.ruleId}`;
    assert.deepEqual(log.runs[0].results.map(key).sort(), whole.runs[0].results.map(key).sort());
    assert.equal((await runCli(['merge-sarif', 'nope.sarif'], { cwd: s.dir })).code, 2);
  });

  it('--format html writes one self-contained page: by claim (with its grade), by file, a chart', async () => {
    s = project();
    s.write({ 'docs/bin.md': Buffer.from([0, 1, 2]) });
    const r = await runCli(['-f', 'html'], { cwd: s.dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<!DOCTYPE html>/);
    assert.doesNotMatch(r.stdout, /<script|<link |src="http/, 'no scripts or external resources');
    assert.match(r.stdout, /<summary><code>zorbamine-flux<\/code> <span class="grade">preliminary<\/span> Zorbamine&#39;s effect may depend/);
    assert.match(r.stdout, /<svg role="img" aria-label="findings per evidence grade"/);
    assert.match(r.stdout, /<li>docs\/other\.md — no findings<\/li>/);
    assert.match(r.stdout, /Skipped files<\/h2><ul><li>docs\/bin\.md: not UTF-8 text/);
    // Well-formed enough for an XML parser once the doctype and void elements are set aside.
    assert.deepEqual(checkXml(r.stdout.replace(/^<!DOCTYPE html>\n/, '').replace(/<meta [^>]*>/g, '')), []);
  });
});
