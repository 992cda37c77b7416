import assert from 'node:assert/strict';
import { parseLintArgs, parseRuleOptions, UsageError } from '../../server/src/cli/args.js';

const usage = (fn: () => unknown, message: RegExp) => assert.throws(fn, (e: unknown) => e instanceof UsageError && message.test(e.message));

describe('cli: argument parsing', () => {
  it('has the documented defaults', () => {
    const a = parseLintArgs([]);
    assert.deepEqual(
      { files: a.files, format: a.format, fix: a.fix, cache: a.cache, cacheLocation: a.cacheLocation, workers: a.workers, quiet: a.quiet, noIgnore: a.noIgnore },
      { files: [], format: 'stylish', fix: false, cache: false, cacheLocation: '.claimlintcache', workers: undefined, quiet: false, noIgnore: false },
    );
  });

  it('reads values, repeated options, = syntax and short names', () => {
    const a = parseLintArgs(['-f', 'json', 'docs', '--pack', 'a.yaml', '--pack=b', '--rule', 'uncited-claim=off', '--rule=figure-mismatch=warning',
      '--max-warnings', '3', '--workers=2', '-q', '--no-ignore', '--cache-location', 'tmp/', '--', '--odd-file.md']);
    assert.equal(a.format, 'json');
    assert.deepEqual(a.files, ['docs', '--odd-file.md']);
    assert.deepEqual(a.packs, ['a.yaml', 'b']);
    assert.deepEqual(a.rules, { 'uncited-claim': 'off', 'figure-mismatch': 'warning' });
    assert.equal(a.maxWarnings, 3);
    assert.equal(a.workers, 2);
    assert.equal(a.quiet, true);
    assert.equal(a.noIgnore, true);
    assert.equal(a.cache, true, '--cache-location implies --cache');
    assert.equal(a.cacheLocation, 'tmp/');
  });

  it('rejects unknown options with a suggestion', () => {
    usage(() => parseLintArgs(['--formt', 'json']), /unknown option --formt \(did you mean --format\?\)/);
    usage(() => parseLintArgs(['-x']), /unknown option -x/);
  });

  it('rejects bad values with what to do', () => {
    usage(() => parseLintArgs(['--format', 'xml']), /unknown format "xml"/);
    usage(() => parseLintArgs(['--format', 'sarf']), /did you mean "sarif"/);
    usage(() => parseLintArgs(['--max-warnings', 'many']), /--max-warnings needs a whole number/);
    usage(() => parseLintArgs(['--workers', '0']), /--workers needs a whole number of at least 1/);
    usage(() => parseLintArgs(['--format']), /--format needs a value/);
    usage(() => parseLintArgs(['--fix', '--fix-dry-run']), /either --fix or --fix-dry-run/);
    usage(() => parseLintArgs(['--fix=yes']), /takes no value/);
  });

  it('validates --rule codes and severities', () => {
    assert.deepEqual(parseRuleOptions(['uncited-claim=off,missing-caveat=error']), { 'uncited-claim': 'off', 'missing-caveat': 'error' });
    usage(() => parseRuleOptions(['uncited=off']), /unknown rule "uncited" \(did you mean "uncited-claim"\?\)/);
    usage(() => parseRuleOptions(['uncited-claim=warn']), /severity must be one of/);
    usage(() => parseRuleOptions(['uncited-claim']), /needs code=severity/);
  });
});

describe('cli: default thread count', () => {
  it('stays single-threaded for small runs and uses every core for large ones', async () => {
    const { defaultThreads, WORKER_THRESHOLD_BYTES } = await import('../../server/src/cli/pool.js');
    assert.equal(defaultThreads(1000, 100 * 1024, 2), 1, 'little text: a worker would not pay off');
    assert.equal(defaultThreads(1, 50 * 1024 * 1024, 8), 1, 'one file cannot be split');
    assert.equal(defaultThreads(1000, 10 * 1024 * 1024, 1), 1);
    assert.equal(defaultThreads(1000, 10 * 1024 * 1024, 2), 2);
    assert.equal(defaultThreads(3, WORKER_THRESHOLD_BYTES, 8), 3);
  });
});
