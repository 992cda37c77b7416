import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync, symlinkSync } from 'node:fs';
import { discoverFiles } from '../../server/src/cli/files.js';
import { decodeText, readTextFile } from '../../server/src/cli/read.js';
import { createConfigResolver } from '../../server/src/cli/shared.js';
import { scratch } from './util.js';

describe('cli: file discovery', () => {
  let s: ReturnType<typeof scratch>;
  afterEach(() => s?.cleanup());
  const list = (inputs: string[], opts: { noIgnore?: boolean; config?: boolean } = {}) => {
    const configs = createConfigResolver({ packs: [], rules: {} }, s.dir);
    const r = discoverFiles(inputs, { cwd: s.dir, noIgnore: opts.noIgnore, isConfigIgnored: configs.isIgnored });
    return { ...r, names: r.files.map((f) => f.display) };
  };

  it('walks the current folder for .md and .markdown files, sorted, skipping other files, node_modules and .git', () => {
    s = scratch({
      'b.md': '', 'a.markdown': '', 'UPPER.MD': '', 'notes.txt': '', 'img.png': '',
      'sub/c.md': '', 'node_modules/pkg/readme.md': '', '.git/x.md': '', 'sub/node_modules/y.md': '',
    });
    assert.deepEqual(list([]).names, ['UPPER.MD', 'a.markdown', 'b.md', 'sub/c.md']);
  });

  it('honours .gitignore and .claimlintignore, nested ones and negations', () => {
    s = scratch({
      '.gitignore': 'build/\n*.draft.md\n',
      '.claimlintignore': 'vendor/**\n!vendor/keep.md\nsecret.md\n',
      'build/out.md': '', 'a.draft.md': '', 'a.md': '', 'secret.md': '',
      'vendor/x.md': '', 'vendor/keep.md': '',
      'sub/.gitignore': 'local.md\n!keep.draft.md\n', 'sub/local.md': '', 'sub/keep.draft.md': '', 'sub/other.draft.md': '', 'sub/ok.md': '',
    });
    assert.deepEqual(list(['.']).names, ['a.md', 'sub/keep.draft.md', 'sub/ok.md', 'vendor/keep.md']);
  });

  it('--no-ignore lints ignored files (but still never enters node_modules)', () => {
    s = scratch({ '.gitignore': 'build/\n', 'build/out.md': '', 'a.md': '', 'node_modules/n.md': '' });
    assert.deepEqual(list([], { noIgnore: true }).names, ['a.md', 'build/out.md']);
  });

  it('applies the config\'s ignore patterns relative to the config file', () => {
    s = scratch({
      'docs/.claimlintrc.yaml': 'ignore:\n  - drafts/\n  - "*.tmp.md"\n',
      'docs/drafts/d.md': '', 'docs/a.md': '', 'docs/x.tmp.md': '', 'drafts/top.md': '', 'y.tmp.md': '',
    });
    assert.deepEqual(list([]).names, ['docs/a.md', 'drafts/top.md', 'y.tmp.md']);
  });

  it('accepts globs (quoted), negated globs, explicit files and folders, without duplicates', () => {
    s = scratch({ 'docs/a.md': '', 'docs/deep/b.md': '', 'docs/deep/c.md': '', 'other/d.md': '', 'e.md': '' });
    assert.deepEqual(list(['docs/**/*.md', '!docs/deep/c.md', 'e.md', 'docs/a.md']).names, ['docs/a.md', 'docs/deep/b.md', 'e.md']);
    assert.deepEqual(list(['other', 'docs/*.md']).names, ['other/d.md', 'docs/a.md']);
  });

  it('lints an explicit file whatever its extension; warns when an explicit file is ignored', () => {
    s = scratch({ 'notes.txt': '', '.claimlintignore': 'skip.md\n', 'skip.md': '' });
    const r = list(['notes.txt', 'skip.md']);
    assert.deepEqual(r.names, ['notes.txt']);
    assert.match(r.warnings.join('\n'), /skip\.md: ignored .*--no-ignore/);
  });

  it('reports a missing path as an error and a glob that matches nothing as a warning', () => {
    s = scratch({ 'a.md': '' });
    const r = list(['missing.md', 'nothing/**/*.md']);
    assert.deepEqual(r.errors, ['missing.md: no such file or folder']);
    assert.deepEqual(r.warnings, ['no Markdown files match "nothing/**/*.md"']);
  });

  it('shows files outside the working folder by absolute path', () => {
    s = scratch({ 'in/a.md': '', 'out/b.md': '' });
    const r = discoverFiles([join(s.dir, 'out')], { cwd: join(s.dir, 'in') });
    assert.deepEqual(r.files.map((f) => f.display), [join(s.dir, 'out/b.md')]);
  });

  it('does not follow symlinked folders (no cycles)', () => {
    s = scratch({ 'real/a.md': '' });
    mkdirSync(join(s.dir, 'loop'));
    symlinkSync(join(s.dir), join(s.dir, 'loop', 'back'));
    assert.deepEqual(list([]).names, ['real/a.md']);
  });
});

describe('cli: reading files', () => {
  it('decodes UTF-8, strips and remembers a BOM', () => {
    const r = decodeText(Buffer.from('\ufeffHello é', 'utf8'));
    assert.ok(r.ok);
    assert.equal(r.ok && r.text, 'Hello é');
    assert.equal(r.ok && r.bom, true);
  });

  it('rejects binary files (NUL bytes) and invalid UTF-8, saying where', () => {
    const bin = decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    assert.deepEqual(bin, { ok: false, reason: 'not UTF-8 text (binary: NUL byte at offset 4)' });
    const latin1 = decodeText(Buffer.from('Caf\xe9 au lait', 'latin1'));
    assert.deepEqual(latin1, { ok: false, reason: 'not UTF-8 text (invalid byte sequence at offset 3)' });
    const utf16 = decodeText(Buffer.from('\ufeffhi', 'utf16le'));
    assert.equal(utf16.ok, false);
  });

  it('reads very large files whole', () => {
    const s = scratch({ 'big.md': 'x'.repeat(5 * 1024 * 1024) + ' end' });
    try {
      const r = readTextFile(join(s.dir, 'big.md'));
      assert.equal(r.ok && r.text.length, 5 * 1024 * 1024 + 4);
    } finally {
      s.cleanup();
    }
  });
});
