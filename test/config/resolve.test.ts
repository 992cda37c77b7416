import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  resolveConfig, createConfigCache, mergeEditorSettings, configJsonSchema, configReference, formatConfigError, findConfigFile,
} from '../../server/src/config/index.js';
import { CODES } from '../../server/src/engine/rules/index.js';
import { fixtures, repoRoot } from '../helpers.js';
import { scratch } from '../cli/util.js';

describe('config: resolveConfig', () => {
  let s: ReturnType<typeof scratch>;
  afterEach(() => s?.cleanup());

  it('returns the defaults when no config file exists up to the filesystem root', () => {
    s = scratch({ 'a/b/doc.md': '' });
    const r = resolveConfig(join(s.dir, 'a/b/doc.md'));
    assert.equal(r.file, undefined);
    assert.deepEqual(r.engine, { rules: {}, citationStyle: 'pandoc' });
    assert.deepEqual(r.packs, []);
    assert.deepEqual(r.errors, []);
  });

  it('uses the nearest config file, walking up from the file\'s folder', () => {
    s = scratch({
      '.claimlintrc.json': JSON.stringify({ rules: { 'uncited-claim': 'off' }, citationStyle: 'footnote' }),
      'docs/.claimlintrc.yaml': 'rules:\n  figure-mismatch: warning\n',
      'docs/deep/er/doc.md': '',
    });
    const top = resolveConfig(join(s.dir, 'x.md'));
    assert.equal(top.file, join(s.dir, '.claimlintrc.json'));
    assert.deepEqual(top.engine, { rules: { 'uncited-claim': 'off' }, citationStyle: 'footnote' });
    const deep = resolveConfig(join(s.dir, 'docs/deep/er/doc.md'));
    assert.equal(deep.file, join(s.dir, 'docs/.claimlintrc.yaml'));
    // Merged with the outer file, the nearest winning per key.
    assert.deepEqual(deep.engine, { rules: { 'uncited-claim': 'off', 'figure-mismatch': 'warning' }, citationStyle: 'footnote' });
    assert.deepEqual(deep.files, [join(s.dir, '.claimlintrc.json'), join(s.dir, 'docs/.claimlintrc.yaml')]);
  });

  it('reads the "claimlint" key of package.json, and skips a package.json without it', () => {
    s = scratch({
      'package.json': JSON.stringify({ name: 'outer', claimlint: { rules: { 'missing-caveat': 'error' } } }),
      'pkg/package.json': JSON.stringify({ name: 'inner' }),
      'pkg/doc.md': '',
    });
    const r = resolveConfig(join(s.dir, 'pkg/doc.md'));
    assert.equal(r.file, join(s.dir, 'package.json'));
    assert.deepEqual(r.engine.rules, { 'missing-caveat': 'error' });
  });

  it('prefers .claimlintrc.json, then .yaml, then .yml, then package.json within one folder', () => {
    s = scratch({
      '.claimlintrc.yml': 'citationStyle: link\n',
      '.claimlintrc.yaml': 'citationStyle: footnote\n',
      'package.json': JSON.stringify({ claimlint: { citationStyle: 'pandoc' } }),
    });
    assert.equal(resolveConfig(join(s.dir, 'a.md')).engine.citationStyle, 'footnote');
    rmSync(join(s.dir, '.claimlintrc.yaml'));
    assert.equal(resolveConfig(join(s.dir, 'a.md')).engine.citationStyle, 'link');
    rmSync(join(s.dir, '.claimlintrc.yml'));
    assert.equal(resolveConfig(join(s.dir, 'a.md')).file, join(s.dir, 'package.json'));
  });

  it('resolves packs (in its folder tree or node_modules) and keeps ignore patterns relative to the config file', () => {
    s = scratch({
      'proj/.claimlintrc.yaml': 'packs:\n  - packs/extra.yaml\n  - "@org/claims/packs"\nignore:\n  - drafts/\n',
      'proj/packs/extra.yaml': 'concepts: []\n',
      'proj/docs/a.md': '',
      'node_modules/@org/claims/packs/a.yaml': 'concepts: []\n',
    });
    const r = resolveConfig(join(s.dir, 'proj/docs/a.md'));
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.packs, [join(s.dir, 'proj/packs/extra.yaml'), join(s.dir, 'node_modules/@org/claims/packs')]);
    assert.deepEqual(r.ignores, [{ base: join(s.dir, 'proj'), patterns: ['drafts/'] }]);
  });

  it('resolves a relative file path against cwd', () => {
    s = scratch({ 'sub/.claimlintrc.json': '{"citationStyle": "link"}' });
    assert.equal(resolveConfig('sub/doc.md', { cwd: s.dir }).engine.citationStyle, 'link');
  });

  it('caches per folder: a shared cache answers without reading again', () => {
    s = scratch({ '.claimlintrc.json': '{"citationStyle": "link"}', 'a/b/doc.md': '' });
    const cache = createConfigCache();
    assert.equal(resolveConfig(join(s.dir, 'a/b/doc.md'), { cache }).engine.citationStyle, 'link');
    assert.equal(findConfigFile(join(s.dir, 'a'), cache), join(s.dir, '.claimlintrc.json'));
    writeFileSync(join(s.dir, '.claimlintrc.json'), '{"citationStyle": "footnote"}');
    writeFileSync(join(s.dir, 'a/.claimlintrc.json'), '{}');
    // Same cache: the folders visited and the file read before are remembered.
    assert.equal(resolveConfig(join(s.dir, 'a/b/doc.md'), { cache }).engine.citationStyle, 'link');
    // A fresh cache sees the new files.
    const fresh = resolveConfig(join(s.dir, 'a/b/doc.md'), { cache: createConfigCache() });
    assert.equal(fresh.file, join(s.dir, 'a/.claimlintrc.json'));
  });

  it('uses an explicit config file for every file, wherever it is', () => {
    s = scratch({ 'conf/my.yaml': 'citationStyle: link\n', 'docs/.claimlintrc.json': '{"citationStyle": "footnote"}' });
    const r = resolveConfig(join(s.dir, 'docs/a.md'), { cwd: s.dir, explicitConfig: 'conf/my.yaml' });
    assert.equal(r.file, join(s.dir, 'conf/my.yaml'));
    assert.equal(r.engine.citationStyle, 'link');
  });

  it('reports a missing explicit config file', () => {
    s = scratch();
    const r = resolveConfig(join(s.dir, 'a.md'), { cwd: s.dir, explicitConfig: 'nope.json' });
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].message, /config file not found/);
  });

  it('reports an explicit package.json without a "claimlint" key', () => {
    s = scratch({ 'package.json': '{"name": "x"}' });
    const r = resolveConfig(join(s.dir, 'a.md'), { cwd: s.dir, explicitConfig: 'package.json' });
    assert.match(r.errors[0]?.message ?? '', /no "claimlint" key/);
  });

  it('reports a folder named .claimlintrc.json instead of skipping it', () => {
    s = scratch({ '.claimlintrc.json/inner.txt': 'x', '.claimlintrc.yaml': 'citationStyle: link\n' });
    const r = resolveConfig(join(s.dir, 'a.md'));
    assert.equal(r.file, join(s.dir, '.claimlintrc.json'));
    assert.deepEqual(r.errors.map((e) => [e.line, e.column, e.message]), [[1, 1, 'config path is a folder, not a file']]);
  });

  it('reports a FIFO named .claimlintrc.json, or given as --config, without waiting on it', function () {
    s = scratch();
    try {
      execFileSync('mkfifo', [join(s.dir, '.claimlintrc.json')]);
    } catch {
      this.skip();
    }
    const found = resolveConfig(join(s.dir, 'a.md'));
    assert.deepEqual(found.errors.map((e) => e.message), ['config path is a FIFO (named pipe), not a file']);
    const explicit = resolveConfig(join(s.dir, 'a.md'), { cwd: s.dir, explicitConfig: '.claimlintrc.json' });
    assert.deepEqual(explicit.errors.map((e) => e.message), ['config path is a FIFO (named pipe), not a file']);
  });

  it('a pack reached through a link is checked where the link leads', () => {
    s = scratch({ 'proj/.claimlintrc.yaml': 'packs: [linked.yaml]\n', 'outside.yaml': 'concepts: []\n' });
    symlinkSync(join(s.dir, 'outside.yaml'), join(s.dir, 'proj', 'linked.yaml'));
    const r = resolveConfig(join(s.dir, 'proj', 'a.md'));
    assert.match(r.errors[0]?.message ?? '', /packs\[0\]: "linked\.yaml" is outside this config file's folder/);
  });

  it('treats an empty YAML file as an empty config', () => {
    s = scratch({ '.claimlintrc.yaml': '# nothing yet\n' });
    const r = resolveConfig(join(s.dir, 'a.md'));
    assert.deepEqual(r.errors, []);
    assert.equal(r.file, join(s.dir, '.claimlintrc.yaml'));
  });
});

describe('config: validation errors carry file, line and column', () => {
  // line/column below are 0-based offsets into `text`; ConfigError reports them 1-based.
  const cases: { name: string; file: string; text: string; line: number; column: number; message: RegExp }[] = [
    { name: 'unknown rule code (at the key, with a suggestion)', file: '.claimlintrc.yaml', text: 'rules:\n  overstated-certainty: error\n  uncited-claims: off\n', line: 2, column: 2, message: /rules\.uncited-claims: unknown rule "uncited-claims" \(did you mean "uncited-claim"\?\)/ },
    { name: 'bad severity (at the value, with a suggestion)', file: '.claimlintrc.yaml', text: 'rules:\n  figure-mismatch: warn\n', line: 1, column: 19, message: /rules\.figure-mismatch: severity must be one of .* \(did you mean "warning"\?\)/ },
    { name: 'unknown top-level key', file: '.claimlintrc.json', text: '{\n  "rules": {},\n  "pack": ["x"]\n}\n', line: 2, column: 2, message: /unknown key "pack"/ },
    { name: 'bad citation style', file: '.claimlintrc.json', text: '{"citationStyle": "apa"}', line: 0, column: 18, message: /citationStyle: must be one of "pandoc", "footnote", "link"/ },
    { name: 'packs not a list', file: '.claimlintrc.yml', text: 'packs: extra.yaml\n', line: 0, column: 7, message: /packs: expected a list/ },
    { name: 'invalid JSON (trailing comma)', file: '.claimlintrc.json', text: '{\n  "rules": {},\n}\n', line: 2, column: 0, message: /invalid JSON/ },
    { name: 'invalid YAML', file: '.claimlintrc.yaml', text: 'rules:\n  a: [1, 2\n', line: 2, column: 0, message: /invalid YAML/ },
    { name: 'duplicate key', file: '.claimlintrc.yaml', text: 'citationStyle: link\ncitationStyle: footnote\n', line: 1, column: 0, message: /invalid YAML: Map keys must be unique/ },
    { name: 'null in .claimlintrc.json (not "no config")', file: '.claimlintrc.json', text: '\n  null\n', line: 1, column: 2, message: /the configuration must be a mapping \(object\), not null/ },
    { name: 'null in .claimlintrc.yaml', file: '.claimlintrc.yaml', text: '# x\n~\n', line: 1, column: 0, message: /the configuration must be a mapping \(object\), not null/ },
    { name: '"claimlint": null in package.json', file: 'package.json', text: '{ "name": "x", "claimlint": null }', line: 0, column: 28, message: /^claimlint: the configuration must be a mapping \(object\), not null/ },
    { name: 'a pack outside the config\'s folder tree', file: '.claimlintrc.yaml', text: 'packs:\n  - ok.yaml\n  - ../elsewhere/x.yaml\n', line: 2, column: 4, message: /packs\[1\]: "\.\.\/elsewhere\/x\.yaml" is outside this config file's folder; .*--pack/ },
    { name: 'an absolute pack path outside the tree', file: '.claimlintrc.json', text: '{"packs": ["/etc/shadow"]}', line: 0, column: 11, message: /packs\[0\]: "\/etc\/shadow" is outside/ },
    { name: 'inside package.json', file: 'package.json', text: '{\n  "name": "x",\n  "claimlint": {\n    "rules": { "nope": "off" }\n  }\n}\n', line: 3, column: 15, message: /unknown rule "nope"/ },
  ];
  let s: ReturnType<typeof scratch>;
  afterEach(() => s?.cleanup());
  for (const c of cases) {
    it(c.name, () => {
      s = scratch({ [c.file]: c.text, 'ok.yaml': 'concepts: []\n' });
      const r = resolveConfig(join(s.dir, 'doc.md'));
      assert.equal(r.errors.length >= 1, true, 'expected an error');
      const e = r.errors[0];
      assert.equal(e.file, join(s.dir, c.file));
      assert.match(e.message, c.message);
      assert.deepEqual([e.line - 1, e.column - 1], [c.line, c.column], `position of: ${e.message}`);
      assert.equal(formatConfigError(e), `${e.file}:${c.line + 1}:${c.column + 1}: error: ${e.message}`);
    });
  }

  it('reports every problem of a broken config file (fixture, used via explicitConfig so that it is never discovered in the repository)', () => {
    const r = resolveConfig(fixtures('config', 'doc.md'), { explicitConfig: fixtures('config', 'broken.claimlintrc.yaml') });
    assert.deepEqual(r.errors.map((e) => `${e.line}:${e.column} ${e.message}`), [
      '3:3 rules.overstated-certanty: unknown rule "overstated-certanty" (did you mean "overstated-certainty"?)',
      '4:18 rules.uncited-claim: severity must be one of "error", "warning", "information", "hint", "off" (did you mean "information"?)',
      '5:16 citationStyle: must be one of "pandoc", "footnote", "link"',
    ]);
  });
});

describe('config: mergeEditorSettings (the config file wins)', () => {
  let s: ReturnType<typeof scratch>;
  afterEach(() => s?.cleanup());

  it('keeps the file\'s rules and citation style; editor settings fill the rest; packs and ignores add up', () => {
    s = scratch({ '.claimlintrc.yaml': 'rules:\n  uncited-claim: off\ncitationStyle: footnote\npacks: [p.yaml]\n', 'p.yaml': 'concepts: []\n' });
    const r = resolveConfig(join(s.dir, 'a.md'));
    const m = mergeEditorSettings(r, {
      rules: { 'uncited-claim': 'error', 'figure-mismatch': 'warning', 'bogus': 'error' },
      citationStyle: 'link',
      packs: ['/abs/editor-pack.yaml', 'rel.yaml'],
      ignore: ['tmp/'],
    });
    assert.deepEqual(m.engine.rules, { 'uncited-claim': 'off', 'figure-mismatch': 'warning' });
    assert.equal(m.engine.citationStyle, 'footnote');
    assert.deepEqual(m.packs, [join(s.dir, 'p.yaml'), '/abs/editor-pack.yaml', join(s.dir, 'rel.yaml')]);
    assert.deepEqual(m.ignores, [{ base: s.dir, patterns: ['tmp/'] }]);
  });

  it('lets editor settings decide what no config file sets', () => {
    s = scratch();
    const m = mergeEditorSettings(resolveConfig(join(s.dir, 'a.md')), { citationStyle: 'link', rules: { 'missing-caveat': 'hint' } });
    assert.equal(m.engine.citationStyle, 'link');
    assert.deepEqual(m.engine.rules, { 'missing-caveat': 'hint' });
  });
});

describe('config: schema outputs', () => {
  it('emits a JSON Schema that lists every rule code and severity', () => {
    const schema = configJsonSchema() as { properties: Record<string, { properties?: Record<string, { enum: string[] }> }>; additionalProperties?: boolean };
    assert.deepEqual(Object.keys(schema.properties.rules.properties!), [...CODES]);
    assert.deepEqual(schema.properties.rules.properties!['figure-mismatch'].enum, ['error', 'warning', 'information', 'hint', 'off']);
    assert.equal(schema.additionalProperties, false);
  });

  it('generates a reference table naming each key and rule', () => {
    const md = configReference();
    for (const k of ['rules', 'packs', 'citationStyle', 'ignore', ...CODES]) assert.ok(md.includes('`' + k + '`'), k);
  });

  it('docs/config.md carries the generated reference (regenerate it when the schema changes)', () => {
    const doc = readFileSync(join(repoRoot, 'docs', 'config.md'), 'utf8');
    assert.ok(doc.includes(configReference()), 'docs/config.md is out of date: paste configReference() between the config-reference markers');
  });
});
