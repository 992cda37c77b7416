// The library API (server/src/lib/index.ts): what `import { lint, analyze, loadDatabase } from
// 'claimlint'` gives. Each call starts from scratch; calls are cancellable.
import assert from 'node:assert/strict';
import { analyze, format, lint, loadDatabase, rules, SetupError, UsageError } from '../../server/src/lib/index.js';
import { scratch, ZORBAMINE_DRAFT, ZORBAMINE_PACK } from '../cli/util.js';

describe('lib: lint, analyze, loadDatabase', function () {
  this.timeout(60000);
  let s: ReturnType<typeof scratch>;
  afterEach(() => s?.cleanup());

  const project = () => scratch({
    '.claimlintrc.yaml': 'packs:\n  - packs/zorbamine.yaml\n',
    'packs/zorbamine.yaml': ZORBAMINE_PACK,
    'docs/draft.md': ZORBAMINE_DRAFT,
  });

  it('lints files and strings as the command does, with fixes as output (nothing written)', async () => {
    s = project();
    const r = await lint({ cwd: s.dir, files: ['docs/'], strings: { 'notes/inline.md': 'Zorbamine is proven to act through the flux receptor.\n' }, fix: true });
    assert.deepEqual(r.files.map((f) => f.file), ['notes/inline.md', 'docs/draft.md']);
    const draft = r.files[1]!;
    assert.ok(draft.output?.includes('0.5 mg/kg'), 'the fixed text');
    assert.ok(r.files[0]!.diagnostics.some((d) => d.code === 'overstated-certainty'));
    assert.equal(r.errorCount, 0, 'the figure was fixed');
    const again = await lint({ cwd: s.dir, files: ['docs/'] });
    assert.equal(again.errorCount, 1, 'the file on disk is unchanged');
    assert.match(format(again, 'json', { cwd: s.dir }), /"file":"docs\/draft\.md"/);
  });

  it('keeps nothing between calls: a pack or config changed in between is read again', async () => {
    s = project();
    const first = await lint({ cwd: s.dir, files: ['docs/draft.md'] });
    assert.ok(first.files[0]!.diagnostics.some((d) => d.code === 'figure-mismatch'));
    s.write({ 'packs/zorbamine.yaml': ZORBAMINE_PACK.replace('value: 0.5', 'value: 5').replace('display: 0.5 mg/kg', 'display: 5 mg/kg') });
    const second = await lint({ cwd: s.dir, files: ['docs/draft.md'] });
    assert.ok(!second.files[0]!.diagnostics.some((d) => d.code === 'figure-mismatch'), 'the corrected pack is used');
    s.write({ '.claimlintrc.yaml': 'packs:\n  - packs/zorbamine.yaml\nrules:\n  overstated-certainty: off\n' });
    const third = await lint({ cwd: s.dir, files: ['docs/draft.md'] });
    assert.ok(!third.files[0]!.diagnostics.some((d) => d.code === 'overstated-certainty'), 'the new config is used');
  });

  it('gives the same results on worker threads', async () => {
    s = scratch(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`docs/${i}.md`, 'Ketamine is proven to work through the opioid system.\n'])));
    const strip = (r: Awaited<ReturnType<typeof lint>>) => r.files.map((f) => ({ ...f, ms: 0 }));
    assert.deepEqual(strip(await lint({ cwd: s.dir, workers: 2 })), strip(await lint({ cwd: s.dir })));
  });

  it('rejects with UsageError, SetupError or the abort reason', async () => {
    s = project();
    await assert.rejects(lint({ cwd: s.dir, files: ['nope/'] }), UsageError);
    s.write({ '.claimlintrc.yaml': 'rules:\n  overstated-certainty: fatal\n' });
    await assert.rejects(lint({ cwd: s.dir, files: ['docs/'] }), (e: unknown) => e instanceof SetupError && /fatal/.test(e.message));
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await assert.rejects(lint({ cwd: s.dir, files: ['docs/'], signal: controller.signal }), /stop/);
    await assert.rejects(analyze('text', { signal: controller.signal }), /stop/);
  });

  it('stops a run between files when aborted', async () => {
    s = scratch(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`docs/${String(i).padStart(2, '0')}.md`, 'Ketamine is proven to work through the opioid system.\n'])));
    const controller = new AbortController();
    const run = lint({ cwd: s.dir, signal: controller.signal });
    controller.abort(new Error('enough'));
    await assert.rejects(run, /enough/);
  });

  it('analyze and loadDatabase: the embedded database, or packs layered on it', async () => {
    s = project();
    const plain = await analyze('Ketamine is proven to work through the opioid system.');
    assert.ok(plain.findings.some((f) => f.code === 'overstated-certainty'));
    const { db, errors } = await loadDatabase({ cwd: s.dir, packs: ['packs/zorbamine.yaml'] });
    assert.deepEqual(errors, []);
    assert.ok(db.claims.has('zorbamine-flux') && db.claims.has('opioid-mediation'));
    const withPack = await analyze(ZORBAMINE_DRAFT, { db, config: { rules: { 'uncited-claim': 'off' } } });
    assert.ok(withPack.findings.some((f) => f.code === 'figure-mismatch'));
    assert.ok(!withPack.findings.some((f) => f.code === 'uncited-claim'));
    assert.equal(rules.length, 8);
    assert.ok(rules.every((r) => r.description && r.docsUrl.startsWith('https://')));
  });
});
