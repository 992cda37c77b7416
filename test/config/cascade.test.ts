// The config cascade: nested config files merge with their parents, `root: true` stops the walk,
// `extends` (a path or a package) and `overrides` by glob; the extra file names; `--print-config`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { resolveConfig, unreadConfigNames } from '../../server/src/config/index.js';
import { runCli, scratch, ZORBAMINE_PACK } from '../cli/util.js';

describe('config: cascade', function () {
  this.timeout(60000);
  let s: ReturnType<typeof scratch>;
  afterEach(() => s?.cleanup());

  it('a nested config that only turns a rule off keeps the parent\'s packs and rules', () => {
    s = scratch({
      '.claimlintrc.yaml': 'packs: [packs/z.yaml]\nrules:\n  uncited-claim: error\n  figure-mismatch: warning\n',
      'packs/z.yaml': ZORBAMINE_PACK,
      'docs/.claimlintrc.yaml': 'rules:\n  figure-mismatch: off\n',
    });
    const r = resolveConfig(join(s.dir, 'docs/a.md'));
    assert.deepEqual(r.packs, [join(s.dir, 'packs/z.yaml')]);
    assert.deepEqual(r.engine.rules, { 'uncited-claim': 'error', 'figure-mismatch': 'off' });
    assert.equal(r.origins.rules['figure-mismatch']!.file, join(s.dir, 'docs/.claimlintrc.yaml'));
    assert.equal(r.origins.rules['uncited-claim']!.line, 3);
  });

  it('root: true stops the walk; packs accumulate below it', () => {
    s = scratch({
      '.claimlintrc.yaml': 'rules: { uncited-claim: error }\n',
      'proj/.claimlintrc.yaml': 'root: true\npacks: [a.yaml]\n', 'proj/a.yaml': 'concepts: []\n',
      'proj/docs/.claimlintrc.yaml': 'packs: [b.yaml]\n', 'proj/docs/b.yaml': 'concepts: []\n',
    });
    const r = resolveConfig(join(s.dir, 'proj/docs/x.md'));
    assert.deepEqual(r.engine.rules, {});
    assert.deepEqual(r.packs, [join(s.dir, 'proj/a.yaml'), join(s.dir, 'proj/docs/b.yaml')]);
    assert.equal(resolveConfig(join(s.dir, 'y.md')).engine.rules['uncited-claim'], 'error');
  });

  it('extends a path and an npm package; the extending file wins', () => {
    s = scratch({
      'node_modules/@org/claimlint-config/package.json': JSON.stringify({ name: '@org/claimlint-config', claimlint: { citationStyle: 'footnote', rules: { 'missing-caveat': 'error', 'uncited-claim': 'warning' }, packs: ['packs'] } }),
      'node_modules/@org/claimlint-config/packs/p.yaml': 'concepts: []\n',
      'base.yaml': 'rules:\n  uncited-claim: off\n',
      '.claimlintrc.yaml': 'extends: ["@org/claimlint-config", ./base.yaml]\nrules:\n  missing-caveat: hint\n',
    });
    const r = resolveConfig(join(s.dir, 'a.md'));
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.engine, { rules: { 'missing-caveat': 'hint', 'uncited-claim': 'off' }, citationStyle: 'footnote' });
    assert.deepEqual(r.packs, [join(s.dir, 'node_modules/@org/claimlint-config/packs')]);
    assert.deepEqual(r.files, [join(s.dir, 'node_modules/@org/claimlint-config/package.json'), join(s.dir, 'base.yaml'), join(s.dir, '.claimlintrc.yaml')]);
  });

  it('reports a missing, outside or circular extends at its line', () => {
    s = scratch({ 'p/.claimlintrc.yaml': 'extends:\n  - nope.yaml\n  - ../x.yaml\n  - ./self.yaml\n', 'x.yaml': '{}\n', 'p/self.yaml': 'extends: ./.claimlintrc.yaml\n' });
    const r = resolveConfig(join(s.dir, 'p/a.md'));
    const messages = r.errors.map((e) => `${e.line}: ${e.message}`);
    assert.ok(messages.some((m) => /^2: extends\[0\]: "nope\.yaml": no such file/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^3: extends\[1\]: "\.\.\/x\.yaml" is outside/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /extends itself/.test(m)), messages.join('\n'));
  });

  it('overrides apply by glob, relative to their config file', () => {
    s = scratch({ '.claimlintrc.yaml': 'rules: { uncited-claim: warning }\noverrides:\n  - files: ["drafts/**"]\n    rules: { uncited-claim: off }\n  - files: "*.notes.md"\n    citationStyle: link\n' });
    assert.equal(resolveConfig(join(s.dir, 'drafts/a/b.md')).engine.rules['uncited-claim'], 'off');
    assert.equal(resolveConfig(join(s.dir, 'docs/b.md')).engine.rules['uncited-claim'], 'warning');
    const notes = resolveConfig(join(s.dir, 'docs/x.notes.md'));
    assert.equal(notes.engine.citationStyle, 'link');
    assert.equal(notes.origins.citationStyle!.via, 'overrides[1]');
    assert.notEqual(notes.key, resolveConfig(join(s.dir, 'docs/b.md')).key);
  });

  it('reads .claimlintrc (YAML or JSON) and .claimlintrc.jsonc (comments, trailing commas)', () => {
    s = scratch({ 'y/.claimlintrc': 'citationStyle: link\n', 'j/.claimlintrc': '{ "citationStyle": "footnote" }\n', 'c/.claimlintrc.jsonc': '{\n  // house style\n  "citationStyle": "link", /* the DOI */\n  "rules": { "uncited-claim": "off", },\n}\n' });
    assert.equal(resolveConfig(join(s.dir, 'y/a.md')).engine.citationStyle, 'link');
    assert.equal(resolveConfig(join(s.dir, 'j/a.md')).engine.citationStyle, 'footnote');
    const c = resolveConfig(join(s.dir, 'c/a.md'));
    assert.deepEqual(c.errors, []);
    assert.deepEqual(c.engine, { rules: { 'uncited-claim': 'off' }, citationStyle: 'link' });
    assert.deepEqual([c.origins.rules['uncited-claim']!.line, c.origins.rules['uncited-claim']!.column], [4, 31]);
    s.write({ 'c/.claimlintrc.jsonc': '{ "rules": { "uncited-claim": } }\n' });
    assert.match(resolveConfig(join(s.dir, 'c/b.md')).errors[0]!.message, /invalid JSON: a value is expected/);
  });

  it('names the config-like files it does not read, and the ones another file shadows', () => {
    s = scratch({
      '.claimlintrc.toml': '', '.claimlintrc.yml': '', '.claimlintrc.json': '{}', '.claimlintignore': '', 'claimlint.config.js': '', '.claimlint.yaml': '',
      // claimlint's own reports and files are not configs
      'claimlint.sarif': '', 'claimlint.json': '', 'claimlint.html': '', '.claimlintcache': '',
    });
    assert.deepEqual(unreadConfigNames(s.dir), ['.claimlint.yaml', '.claimlintrc.toml', '.claimlintrc.yml', 'claimlint.config.js']);
  });

  it('unknown keys get a did-you-mean, and a missing pack is reported at the line naming it', () => {
    s = scratch({ '.claimlintrc.yaml': 'rules: {}\npack:\n  - x.yaml\n', 'd/.claimlintrc.yaml': 'root: true\npacks:\n  - here.yaml\n  - missing.yaml\n', 'd/here.yaml': 'concepts: []\n' });
    assert.match(resolveConfig(join(s.dir, 'a.md')).errors[0]!.message, /unknown key "pack" \(did you mean "packs"\?\)/);
    const e = resolveConfig(join(s.dir, 'd/a.md')).errors;
    assert.equal(e.length, 1);
    assert.deepEqual([e[0]!.line, e[0]!.column, e[0]!.message], [4, 5, 'packs[1]: "missing.yaml": no such file or folder']);
  });
});

describe('cli: configuration', function () {
  this.timeout(60000);
  let s: ReturnType<typeof scratch>;
  afterEach(() => s?.cleanup());

  it('--print-config shows the merged configuration and where each value comes from', async () => {
    s = scratch({
      '.claimlintrc.yaml': 'packs: [z.yaml]\nrules:\n  uncited-claim: warning\n', 'z.yaml': ZORBAMINE_PACK,
      'docs/.claimlintrc.json': '{ "rules": { "uncited-claim": "off" }, "overrides": [{ "files": "*.draft.md", "citationStyle": "link" }] }',
    });
    const r = await runCli(['--print-config', 'docs/a.draft.md', '--rule', 'missing-caveat=error'], { cwd: s.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /config files, merged in this order \(later wins per key\): \.claimlintrc\.yaml, docs\/\.claimlintrc\.json/);
    assert.match(r.stdout, /^ {2}uncited-claim: off +# docs\/\.claimlintrc\.json:1:31$/m);
    assert.match(r.stdout, /^ {2}missing-caveat: error +# --rule$/m);
    assert.match(r.stdout, /^ {2}figure-mismatch: error +# default$/m);
    assert.match(r.stdout, /^citationStyle: link +# docs\/\.claimlintrc\.json:1:\d+ \(overrides\[0\]\)$/m);
    assert.match(r.stdout, /^ {2}- z\.yaml +# \.claimlintrc\.yaml:1:9$/m);
    const json = JSON.parse((await runCli(['--print-config', 'docs/a.md', '-f', 'json'], { cwd: s.dir })).stdout);
    assert.equal(json.config.rules['uncited-claim'], 'off');
    assert.equal(json.origins['rules.uncited-claim'], 'docs/.claimlintrc.json:1:31');
  });

  it('a missing pack is reported at the config line naming it; an unknown key gets a did-you-mean', async () => {
    s = scratch({ '.claimlintrc.yaml': 'rules: {}\npacks:\n  - packs/ssri.yaml\n', 'a.md': 'Fine.\n' });
    const r = await runCli(['a.md'], { cwd: s.dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^\.claimlintrc\.yaml:3:5: error: packs\[0\]: "packs\/ssri\.yaml": no such file or folder$/m);
    s.write({ '.claimlintrc.yaml': 'rule:\n  uncited-claim: off\n' });
    const key = await runCli(['a.md'], { cwd: s.dir });
    assert.match(key.stderr, /^\.claimlintrc\.yaml:1:1: error: unknown key "rule" \(did you mean "rules"\?\)/m);
  });

  it('a pack published on npm, named in packs, is used', async () => {
    s = scratch({
      '.claimlintrc.yaml': 'packs: [claimlint-pack-zorb]\n',
      'node_modules/claimlint-pack-zorb/package.json': JSON.stringify({ name: 'claimlint-pack-zorb', claimlintPack: 'pack.yaml' }),
      'node_modules/claimlint-pack-zorb/pack.yaml': ZORBAMINE_PACK,
      'docs/a.md': 'In the trial, zorbamine was given at 5 mg/kg and the flux receptor mediated the effect.\n',
    });
    const r = await runCli(['docs', '-f', 'json'], { cwd: s.dir });
    assert.equal(r.code, 1, r.stderr);
    assert.ok(JSON.parse(r.stdout)[0].diagnostics.some((d: { code: string }) => d.code === 'figure-mismatch'));
  });

  it('warns once about a config file it does not read beside the documents', async () => {
    s = scratch({ 'docs/.claimlintrc.toml': 'x = 1\n', 'docs/a.md': 'Fine.\n', 'docs/b.md': 'Fine too.\n' });
    const r = await runCli(['docs'], { cwd: s.dir });
    assert.equal(r.code, 0);
    assert.equal(r.stderr.match(/docs\/\.claimlintrc\.toml: not read as configuration/g)?.length, 1, r.stderr);
  });
});
