// Packs that survive upgrades: namespaces, `db list`, `db new`, `db test`, packs from npm, and a
// JSON Schema that accepts what `db check` accepts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { embeddedPackFiles, loadEmbeddedDatabase, loadPackPaths, loadPacks, formatPackError } from '../../server/src/db/index.js';
import { runCli, scratch } from '../cli/util.js';
import { repoRoot } from '../helpers.js';

const SOURCE = '  - { id: own2024, type: report, title: Our protocol, kind: regulatory }\n';
const claim = (id: string, concepts: string, extra = '') =>
  `  - id: ${id}\n    statement: S.\n    concepts: ${concepts}\n    relation: r\n    grade: preliminary\n    rationale: R.\n    population: humans\n    supportedWording: may\n    sources: [{ id: own2024 }]\n${extra}`;

/** The worked example of docs/claim-packs.md (the first YAML block). */
const docExample = () => /```yaml\n(# yaml-language-server[\s\S]*?)```/.exec(readFileSync(join(repoRoot, 'docs', 'claim-packs.md'), 'utf8'))![1]!;

describe('db: namespaces', () => {
  const base = () => loadEmbeddedDatabase();

  it('a pack may define an id the embedded database has: it becomes PACK/id, and the pack\'s references use it', () => {
    const text = `pack: { name: ssri }\nsources:\n${SOURCE}concepts:\n  - { id: ketamine, label: ours, variants: [zorbaketamine] }\n  - { id: ssri, label: SSRI, variants: [ssri] }\nclaims:\n${claim('ketamine-claim', '[ketamine, ssri, claimlint/antidepressant-effect]')}`;
    const r = loadPacks([{ file: 'ssri.yaml', text }], { base: base() });
    assert.deepEqual(r.errors.map(formatPackError), []);
    assert.ok(r.db.concepts.has('ssri/ketamine'), 'qualified');
    assert.equal(r.db.concepts.get('ketamine')!.label, base().concepts.get('ketamine')!.label, 'the embedded one is untouched');
    assert.ok(r.db.concepts.has('ssri/ssri'), 'the embedded database has an ssri concept too');
    assert.ok(r.db.claims.has('ketamine-claim'), 'ids nobody else has stay bare');
    assert.deepEqual(r.db.claims.get('ketamine-claim')!.concepts, ['ssri/ketamine', 'ssri/ssri', 'antidepressant-effect']);
  });

  it("a figure's unless list is resolved like the claim's concepts", () => {
    const figure = '    figures:\n      - { id: f, quantity: q, kind: count, value: 1, display: "1", unless: [ketamine, treatment-course] }\n';
    const text = `pack: { name: ssri }\nsources:\n${SOURCE}concepts:\n  - { id: ketamine, label: ours, variants: [zorbaketamine] }\nclaims:\n${claim('figure-claim', '[ketamine]', figure)}`;
    const r = loadPacks([{ file: 'ssri.yaml', text }], { base: base() });
    assert.deepEqual(r.errors.map(formatPackError), []);
    assert.deepEqual(r.db.claims.get('figure-claim')!.figures![0]!.unless, ['ssri/ketamine', 'treatment-course']);
  });

  it('imports let a pack use embedded records by their bare id; other packs are reached as PACK/id', () => {
    const a = `pack: { name: a, imports: [claimlint/antidepressant-effect] }\nsources:\n${SOURCE}concepts:\n  - { id: drug, label: drug, variants: [zorbadrug] }\nclaims:\n${claim('a-claim', '[drug, antidepressant-effect]')}`;
    const b = `pack: { name: b }\nconcepts:\n  - { id: drug, label: other drug, variants: [otherdrug] }\nclaims:\n${claim('b-claim', '[drug, a/drug]')}`;
    const r = loadPacks([{ file: 'a.yaml', text: a }, { file: 'b.yaml', text: b }], { base: base() });
    assert.deepEqual(r.errors.map(formatPackError), []);
    assert.deepEqual(r.db.claims.get('a-claim')!.concepts, ['a/drug', 'antidepressant-effect']);
    assert.deepEqual(r.db.claims.get('b-claim')!.concepts, ['b/drug', 'a/drug']);
  });

  it('a source the embedded database also has is a warning (citation keys are global), not an error', () => {
    const r = loadPacks([{ file: 'p.yaml', text: `sources:\n  - { id: williams2018, type: report, title: T, kind: study }\n` }], { base: base() });
    assert.deepEqual(r.errors.map((e) => e.severity), ['warning']);
    assert.match(r.errors[0]!.message, /also in claimlint's embedded database \(.*\); the embedded record is used/);
  });

  it('the namespace of a pack without pack.name is its file or folder name; an npm package\'s is its name', () => {
    const s = scratch({
      'node_modules/claimlint-pack-ssri/package.json': JSON.stringify({ name: 'claimlint-pack-ssri', claimlintPack: 'packs' }),
      'node_modules/claimlint-pack-ssri/packs/a.yaml': `concepts:\n  - { id: ketamine, label: k, variants: [zorbak] }\n`,
      'node_modules/claimlint-pack-ssri/README.md': 'not a pack',
    });
    try {
      const read = loadPackPaths(['node_modules/claimlint-pack-ssri'], s.dir);
      assert.deepEqual(read.errors, []);
      assert.deepEqual(read.files.map((f) => f.namespace), ['claimlint-pack-ssri']);
      const r = loadPacks(read.files, { base: base() });
      assert.ok(r.db.concepts.has('claimlint-pack-ssri/ketamine'));
    } finally {
      s.cleanup();
    }
  });
});

describe('db: list, new, test (CLI)', function () {
  this.timeout(60000);
  let s: ReturnType<typeof scratch>;
  afterEach(() => s?.cleanup());

  it('db list names every embedded record as claimlint/ID, and user records with their file', async () => {
    s = scratch({ '.claimlintrc.yaml': 'packs: [ssri.claims.yaml]\n', 'ssri.claims.yaml': docExample() });
    const r = await runCli(['db', 'list', '--json'], { cwd: s.dir });
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as { kind: string; id: string; ref: string; builtIn: boolean; file?: string }[];
    const embedded = loadEmbeddedDatabase();
    assert.equal(rows.filter((x) => x.kind === 'concept' && x.builtIn).length, embedded.concepts.size);
    assert.ok(rows.some((x) => x.ref === 'claimlint/ketamine' && x.builtIn));
    assert.ok(rows.some((x) => x.id === 'ssri/ketamine' && !x.builtIn && x.file === 'ssri.claims.yaml'));
    const claims = await runCli(['db', 'list', 'claims'], { cwd: s.dir });
    assert.match(claims.stdout, /^claims \(\d+\)$/m);
    assert.match(claims.stdout, /^ {2}ssri-onset +SSRIs usually take several weeks .*\(ssri\.claims\.yaml:\d+\)$/m);
    assert.equal((await runCli(['db', 'list', 'claim'], { cwd: s.dir })).code, 2);
  });

  it('db new writes a commented skeleton that passes db check and db test, and will not overwrite', async () => {
    s = scratch();
    const created = await runCli(['db', 'new', 'ssri'], { cwd: s.dir });
    assert.equal(created.code, 0, created.stderr);
    const text = readFileSync(join(s.dir, 'ssri.claims.yaml'), 'utf8');
    assert.match(text, /^# yaml-language-server: \$schema=.*claims\/schema\.json$/m);
    assert.match(text, /^ {2}name: ssri /m);
    assert.equal((await runCli(['db', 'check', 'ssri.claims.yaml'], { cwd: s.dir })).code, 0);
    const tested = await runCli(['db', 'test', 'ssri.claims.yaml'], { cwd: s.dir });
    assert.equal(tested.code, 0, tested.stdout);
    assert.match(tested.stdout, /1 passed, 0 failed/);
    assert.equal((await runCli(['db', 'new', 'ssri'], { cwd: s.dir })).code, 2);
  });

  it('the README\'s pack example passes db check and db test', async () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    s = scratch({ 'clinic.claims.yaml': /```yaml\n(# yaml-language-server[^\n]*\npack: \{ name: clinic[\s\S]*?)```/.exec(readme)![1]! });
    assert.equal((await runCli(['db', 'check', 'clinic.claims.yaml'], { cwd: s.dir })).code, 0);
    const r = await runCli(['db', 'test', 'clinic.claims.yaml'], { cwd: s.dir });
    assert.equal(r.code, 0, r.stdout);
  });

  it('db test runs each claim\'s examples: the worked example of docs/claim-packs.md passes, a wrong example fails with its position', async () => {
    s = scratch({ 'ssri.claims.yaml': docExample() });
    const ok = await runCli(['db', 'test', 'ssri.claims.yaml'], { cwd: s.dir });
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /✔ ssri-onset \(2 examples\)/);
    s.write({ 'ssri.claims.yaml': docExample().replace('code: overstated-certainty', 'code: figure-mismatch') });
    const bad = await runCli(['db', 'test', 'ssri.claims.yaml'], { cwd: s.dir });
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /^ {2}ssri\.claims\.yaml:\d+:\d+: error: invalid\[0\] should get figure-mismatch about the claim, got overstated-certainty/m);
  });
});

describe('db: the JSON Schema', () => {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'claims', 'schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it('describes every field', () => {
    const missing: string[] = [];
    const walk = (n: Record<string, unknown> | undefined, path: string) => {
      if (!n || typeof n !== 'object') return;
      for (const [k, v] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (!v.description) missing.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
      if (n.items) walk(n.items as Record<string, unknown>, `${path}[]`);
      for (const k of ['anyOf', 'oneOf', 'allOf']) for (const x of (n[k] as Record<string, unknown>[] | undefined) ?? []) walk(x, path);
    };
    walk(schema, '');
    assert.deepEqual(missing, []);
  });

  it('accepts what db check accepts and rejects what it rejects (field by field)', () => {
    const cases: [string, string][] = [
      ...embeddedPackFiles().map((f) => [f.file, f.text] as [string, string]),
      ['docs example', docExample()],
      ['upper-case ids', 'concepts:\n  - { id: TRD-Concept, label: TRD, variants: [trd] }\n'],
      ['namespaced reference', `sources:\n${SOURCE}claims:\n${claim('c', '[claimlint/ketamine]')}`],
      ['unknown field', 'concepts:\n  - { id: a, label: a, variants: [a], colour: red }\n'],
      ['bad grade', `sources:\n${SOURCE}claims:\n${claim('c', '[claimlint/ketamine]').replace('preliminary', 'strong')}`],
      ['bad id', 'concepts:\n  - { id: "-a", label: a, variants: [a] }\n'],
      ['bad reference', `sources:\n${SOURCE}claims:\n${claim('c', '["a/b/c"]')}`],
      ['examples', `sources:\n${SOURCE}claims:\n${claim('c', '[claimlint/ketamine]', '    examples: { invalid: [x, { text: y, code: overstated-certainty }], valid: [z] }\n')}`],
      ['bad example code', `sources:\n${SOURCE}claims:\n${claim('c', '[claimlint/ketamine]', '    examples: { invalid: [{ text: y, code: bogus }] }\n')}`],
    ];
    for (const [name, text] of cases) {
      const loaded = loadPacks([{ file: name, text }], { base: loadEmbeddedDatabase() });
      // Reference and duplicate checks need the database: only the record shapes are compared.
      const shapeErrors = loaded.errors.filter((e) => e.severity === 'error' && !/refers to unknown|duplicate|also in claimlint/.test(e.message));
      const valid = validate(parseYaml(text));
      assert.equal(valid, shapeErrors.length === 0, `${name}: schema says ${valid}, db check says ${shapeErrors.map((e) => e.message).join('; ') || 'valid'}`);
    }
  });
});
