// Writing files: `--fix` (and the cache) replace a file atomically, follow symbolic links, keep
// the mode, and never write over a file that changed since it was checked. A `--fix` killed while
// writing leaves the original or the fully fixed file, never anything else.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileChangedError, sha1, writeFileAtomic } from '../../server/src/fs/safe-fs.js';
import { bin, runCli, scratch, ZORBAMINE_DRAFT, ZORBAMINE_PACK } from './util.js';
import { main } from '../../server/src/cli/main.js';

const PACK = ZORBAMINE_PACK;
const DRAFT = ZORBAMINE_DRAFT;
/** A draft with safe fixes at the top and `mb` megabytes of code block below (cheap to lint, slow to write). */
const bigDraft = (mb: number) => {
  const line = '0123456789 abcdefghij klmnopqrst uvwxyz 0123456789 abcdefghij klmnopqrst uvwxyz\n';
  return `${DRAFT}\n\`\`\`text\n${line.repeat(Math.ceil((mb * 1e6) / line.length))}\`\`\`\n`;
};

describe('cli: writing files', function () {
  this.timeout(180000);
  let s: ReturnType<typeof scratch>;
  afterEach(() => s?.cleanup());

  describe('writeFileAtomic', () => {
    it('replaces the target of a symbolic link, and the link stays a link', () => {
      s = scratch({ 'real/doc.md': 'old' });
      symlinkSync(join(s.dir, 'real/doc.md'), join(s.dir, 'link.md'));
      writeFileAtomic(join(s.dir, 'link.md'), 'new');
      assert.ok(lstatSync(join(s.dir, 'link.md')).isSymbolicLink());
      assert.equal(readlinkSync(join(s.dir, 'link.md')), join(s.dir, 'real/doc.md'));
      assert.equal(readFileSync(join(s.dir, 'real/doc.md'), 'utf8'), 'new');
      assert.deepEqual(readdirSync(join(s.dir, 'real')), ['doc.md'], 'no temporary file left');
    });

    it('keeps the mode of the file it replaces (whatever the umask)', function () {
      if (process.platform === 'win32') this.skip();
      s = scratch({ 'doc.md': 'old' });
      chmodSync(join(s.dir, 'doc.md'), 0o664);
      writeFileAtomic(join(s.dir, 'doc.md'), 'new');
      assert.equal(statSync(join(s.dir, 'doc.md')).mode & 0o777, 0o664);
    });

    it('does not write over a file that no longer holds the expected bytes', () => {
      s = scratch({ 'doc.md': 'edited meanwhile' });
      assert.throws(() => writeFileAtomic(join(s.dir, 'doc.md'), 'fixed', { expectSha1: sha1('as checked') }), FileChangedError);
      assert.equal(readFileSync(join(s.dir, 'doc.md'), 'utf8'), 'edited meanwhile');
      assert.deepEqual(readdirSync(s.dir), ['doc.md'], 'no temporary file left');
      writeFileAtomic(join(s.dir, 'doc.md'), 'fixed', { expectSha1: sha1('edited meanwhile') });
      assert.equal(readFileSync(join(s.dir, 'doc.md'), 'utf8'), 'fixed');
    });
  });

  it('--fix through a symbolic link fixes the target and keeps the link', async () => {
    s = scratch({ 'pack.yaml': PACK, 'real/draft.md': DRAFT });
    symlinkSync(join(s.dir, 'real/draft.md'), join(s.dir, 'draft.md'));
    const r = await runCli(['--pack', 'pack.yaml', '--fix', 'draft.md'], { cwd: s.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(lstatSync(join(s.dir, 'draft.md')).isSymbolicLink());
    assert.match(readFileSync(join(s.dir, 'real/draft.md'), 'utf8'), /mediated the effect \[@tester2020\]\./);
  });

  it('an explicit FIFO path is reported as a FIFO, not as missing', async function () {
    s = scratch();
    try {
      execFileSync('mkfifo', [join(s.dir, 'pipe.md')]);
    } catch {
      this.skip();
    }
    const r = await runCli(['pipe.md'], { cwd: s.dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^claimlint: pipe\.md: is a FIFO \(named pipe\), not a file or folder$/m);
  });

  it('--fix killed while writing leaves the original or the fully fixed file, never anything else', async () => {
    s = scratch({ 'pack.yaml': PACK });
    const original = bigDraft(6);
    s.write({ 'reference.md': original });
    assert.equal((await runCli(['--pack', 'pack.yaml', '--fix', 'reference.md'], { cwd: s.dir })).code, 0);
    const fixed = readFileSync(join(s.dir, 'reference.md'), 'utf8');
    assert.notEqual(fixed, original);
    let killed = 0;
    // Kill at the 1st, 2nd, … change seen in the folder (temporary file or target): every stage of the write.
    for (let nth = 1; nth <= 5; nth++) {
      s.write({ 'big.md': original });
      const ended = await new Promise<NodeJS.Signals | null>((resolve, reject) => {
        const child = spawn(process.execPath, [bin, '--pack', 'pack.yaml', '--fix', 'big.md'], { cwd: s.dir, stdio: 'ignore' });
        let seen = 0;
        const watcher = watch(s.dir, (_event, name) => {
          if (name && (name === 'big.md' || name.startsWith('.big.md.')) && ++seen === nth) child.kill('SIGKILL');
        });
        child.on('error', reject);
        child.on('exit', (_code, signal) => {
          watcher.close();
          resolve(signal);
        });
      });
      if (ended === 'SIGKILL') killed++;
      const now = readFileSync(join(s.dir, 'big.md'), 'utf8');
      assert.ok(now === original || now === fixed, `kill at change ${nth}: big.md has ${now.length} characters, neither the original (${original.length}) nor the fixed file (${fixed.length})`);
    }
    assert.ok(killed > 0, 'at least one run was killed while writing');
  });

  it('--fix skips a file that changed while it was checked (exit 2), keeping the new content', async () => {
    // 51 files make the progress line draw after the first file is checked (stderr claims to be a
    // terminal): that first draw edits draft.md, after it was read and before the fixes are written.
    const files: Record<string, string> = { 'pack.yaml': PACK, 'a-draft.md': DRAFT, 'b-draft.md': DRAFT };
    for (let i = 0; i < 50; i++) files[`c/${String(i).padStart(2, '0')}.md`] = 'Nothing here.\n';
    s = scratch(files);
    const edited = `${DRAFT}An edit made while claimlint was checking.\n`;
    let stderr = '';
    let stdout = '';
    const io = {
      cwd: s.dir,
      env: { NO_COLOR: '1' },
      stdin: process.stdin,
      stdout: { write: (t: string) => (stdout += t) },
      stderr: {
        isTTY: true,
        write(t: string) {
          if (!stderr.includes('files')) writeFileSync(join(s.dir, 'a-draft.md'), edited);
          stderr += t;
          return true;
        },
      },
    };
    const code = await main(['--pack', 'pack.yaml', '--fix', '--workers', '1', '.'], io);
    assert.equal(code, 2, stdout + stderr);
    assert.match(stderr, /a-draft\.md: skipped: changed while claimlint was checking it; not fixed \(run claimlint again\)\n/);
    assert.equal(readFileSync(join(s.dir, 'a-draft.md'), 'utf8'), edited, 'the edit is kept');
    assert.match(readFileSync(join(s.dir, 'b-draft.md'), 'utf8'), /\[@tester2020\]/, 'the other file is fixed');
    assert.match(stdout, /1 file skipped/);
  });
});
