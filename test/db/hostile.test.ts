// Hostile claim packs: patterns that would make matching super-linear (ReDoS), paths that are not
// regular files (FIFOs, devices, folders), and files that are not packs at all (whose content must
// never be quoted). Each must end promptly with a clear error naming the file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { checkPacks, embeddedPackFiles, formatPackError, loadPackPaths, loadPacks, loadEmbeddedDatabase } from '../../server/src/db/index.js';
import { patternHazard } from '../../server/src/db/regex-safety.js';
import { runCli, scratch } from '../cli/util.js';

const conceptPack = (patterns: string[]) =>
  `concepts:\n  - id: hostile\n    label: hostile\n    variants: [hostile]\n    patterns:\n${patterns.map((p) => `      - '${p.replace(/'/g, "''")}'`).join('\n')}\n`;

/** Patterns known to backtrack super-linearly in V8, by the shape that makes them slow. */
const SLOW = [
  '(a+)+$', // nested quantifiers (the issue's reproduction)
  '(a|a)*$', // alternatives matching the same text
  '(a|aa)+$',
  '(\\w+\\s?)+$',
  '^(\\d+)*\\.',
  '(x+x+)+y',
  '\\w*\\w*\\w*y', // adjacent quantifiers trading characters (polynomial)
  'a+$', // retried from every position (polynomial)
  '(?:a{1,30}){1,30}$', // bounded repeats nested: as slow as (a+)+ on short lines
  '(?:ab|abab)*$', // a multi-character run matched two ways
  '(?:ab(?:ab)*)*$',
  '(?:x|y|xy)*$',
  '(?=(a+)+$)x', // inside a lookahead
  '(a)\\1*\\1*$', // backreferences
];

const FAST = [
  '\\b[a-z]+(?:azepam|azolam)\\b',
  '\\b(?:did not|never) (?:\\w+ ){0,3}improve\\b',
  '\\b\\d+(?:\\.\\d+)?\\s*(?:%|percent)',
  '\\bas (?:[\\w-]+ )?effective as\\b',
  '\\bbefore (?:other |any |usual )*(?:drugs|treatments)\\b',
];

const mkfifo = (path: string): boolean => {
  try {
    execFileSync('mkfifo', [path]);
    return true;
  } catch {
    return false;
  }
};

describe('db: hostile packs', () => {
  let s: ReturnType<typeof scratch>;
  afterEach(() => s?.cleanup());

  describe('patterns that could make matching super-linear', () => {
    for (const p of SLOW) {
      it(`rejects ${p}`, () => {
        assert.ok(patternHazard(p), `${p} should be rejected`);
      });
    }
    for (const p of FAST) {
      it(`accepts ${p}`, () => {
        assert.equal(patternHazard(p), undefined);
      });
    }

    it('every pattern of the embedded database passes the same check', () => {
      const files = embeddedPackFiles();
      const { db, errors } = loadPacks(files);
      assert.deepEqual(errors.filter((e) => e.severity === 'error').map(formatPackError), []);
      let n = 0;
      for (const c of db.concepts.values()) for (const p of c.patterns ?? []) {
        n++;
        assert.equal(patternHazard(p), undefined, `embedded concept '${c.id}': ${p}`);
      }
      assert.ok(n >= 30, `checked ${n} patterns`);
      // The compiled database the CLI and the server load holds the same patterns.
      const compiled = [...loadEmbeddedDatabase().concepts.values()].flatMap((c) => c.patterns ?? []);
      assert.deepEqual(compiled.filter((p) => patternHazard(p)), []);
    });

    it('reports a rejected pattern at file:line:column and drops the concept and what uses it', () => {
      const text = conceptPack(['\\bfine\\b', '(a+)+$']) + '  - { id: narrower, label: n, variants: [n], broader: [hostile] }\n';
      const r = loadPacks([{ file: 'evil.yaml', text }], { base: loadEmbeddedDatabase() });
      const errors = r.errors.filter((e) => e.severity === 'error').map(formatPackError);
      assert.match(errors[0]!, /^evil\.yaml:7:9: error: concept 'hostile': patterns\[1\] can take exponential time: `a\+` repeats inside `\(a\+\)\+`/);
      assert.match(errors[1]!, /concept 'narrower': broader\[0\] refers to unknown concept 'hostile', which was not loaded/);
      assert.ok(!r.db.concepts.has('hostile'));
    });

    it('db check fails on it (exit 2) within a bounded time, and lint stops before matching', async () => {
      s = scratch({ 'evil.yaml': conceptPack(['(a+)+$']), 'doc.md': `${'a'.repeat(40)}!\n` });
      const check = await runCli(['db', 'check', 'evil.yaml'], { cwd: s.dir });
      assert.equal(check.code, 2);
      assert.match(check.stdout, /^evil\.yaml:6:9: error: concept 'hostile': patterns\[0\] can take exponential time/m);
      const lint = await runCli(['--pack', 'evil.yaml', 'doc.md'], { cwd: s.dir });
      assert.equal(lint.code, 2);
      assert.match(lint.stderr, /evil\.yaml:6:9: error: .*exponential time/);
    });
  });

  describe('paths that are not regular files', () => {
    it('a FIFO named like a pack, alone or inside a pack folder, is an error naming it (no hang)', function () {
      s = scratch({ 'packs/ok.yaml': 'concepts: []\n' });
      if (!mkfifo(join(s.dir, 'x.yaml')) || !mkfifo(join(s.dir, 'packs', 'y.yaml'))) this.skip();
      const r = loadPackPaths(['x.yaml', 'packs'], s.dir);
      assert.deepEqual(r.errors.map((e) => [e.file, e.message]), [
        [join(s.dir, 'x.yaml'), 'is a FIFO (named pipe), not a file; claim packs are read only from regular files'],
        [join(s.dir, 'packs', 'y.yaml'), 'is a FIFO (named pipe), not a file; claim packs are read only from regular files'],
      ]);
      assert.deepEqual(r.files.map((f) => f.file), [join(s.dir, 'packs', 'ok.yaml')]);
    });

    it('a device (/dev/zero) is an error naming it (no endless read)', function () {
      if (!existsSync('/dev/zero')) this.skip();
      const r = checkPacks(['/dev/zero']);
      assert.equal(r.ok, false);
      assert.deepEqual(r.errors.map(formatPackError), ['/dev/zero:1:1: error: is a character device, not a file; claim packs are read only from regular files']);
    });

    it('a link to a folder inside a pack folder is not followed (no cycles)', () => {
      s = scratch({ 'packs/a.yaml': 'concepts: []\n' });
      symlinkSync(join(s.dir, 'packs'), join(s.dir, 'packs', 'loop.yaml'));
      const r = loadPackPaths(['packs'], s.dir);
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.files.map((f) => f.file), [join(s.dir, 'packs', 'a.yaml')]);
    });

    it('the CLI ends with exit 2 for --pack /dev/zero and a FIFO pack, and for both named in a config', async function () {
      s = scratch({ 'doc.md': 'Text.\n' });
      if (!mkfifo(join(s.dir, 'x.yaml'))) this.skip();
      for (const args of [['--pack', '/dev/zero', 'doc.md'], ['--pack', 'x.yaml', 'doc.md']]) {
        const r = await runCli(args, { cwd: s.dir });
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.stderr, /: error: is a (character device|FIFO \(named pipe\)), not a file/);
      }
      s.write({ '.claimlintrc.json': JSON.stringify({ packs: ['x.yaml'] }) });
      const viaConfig = await runCli(['doc.md'], { cwd: s.dir });
      assert.equal(viaConfig.code, 2);
      assert.match(viaConfig.stderr, /^x\.yaml:1:1: error: is a FIFO \(named pipe\), not a file/m);
      s.write({ '.claimlintrc.json': JSON.stringify({ packs: ['/dev/zero'] }) });
      const device = await runCli(['doc.md'], { cwd: s.dir });
      assert.equal(device.code, 2);
      assert.match(device.stderr, /"\/dev\/zero" is outside this config file's folder/);
    });
  });

  describe('files that are not packs: nothing of their content is printed', () => {
    const SECRET = 'hunter2-AKIAIOSFODNN7EXAMPLE';
    const NOT_PACKS: Record<string, string> = {
      'shadow': `root:$6$${SECRET}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n`,
      'env.yaml': `AWS_SECRET_ACCESS_KEY=${SECRET}\nPASSWORD=${SECRET}\n`,
      'key.yaml': `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET}\n-----END OPENSSH PRIVATE KEY-----\n`,
      'creds.yaml': `password: ${SECRET}\ntoken: ${SECRET}\n`,
      'broken.yaml': `password: "${SECRET}\nkey: [${SECRET}\n`,
      'tags.yaml': `%TAG !${SECRET}! tag:x\n--- !${SECRET}!x\nuser: *${SECRET}\n`,
      'list.json': `["${SECRET}"]`,
      'binary.yaml': `${SECRET}\u0000\u0001`,
    };

    it('says what each file is not, without quoting it', () => {
      s = scratch(NOT_PACKS);
      const r = checkPacks(Object.keys(NOT_PACKS), { cwd: s.dir });
      assert.equal(r.ok, false);
      const printed = r.errors.map(formatPackError).join('\n');
      assert.ok(!printed.includes(SECRET.slice(0, 7)), printed);
      assert.ok(!/root|PASSWORD|password|BEGIN|token/.test(printed), printed);
      for (const name of Object.keys(NOT_PACKS)) assert.match(printed, new RegExp(`${name.replace('.', '\\.')}:\\d+:\\d+: error: not a claim pack`), name);
    });

    it('a config naming /etc/shadow is refused without reading it', async () => {
      s = scratch({ '.claimlintrc.yaml': 'packs: [/etc/shadow]\n', 'doc.md': 'Text.\n' });
      const r = await runCli(['doc.md'], { cwd: s.dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^\.claimlintrc\.yaml:1:9: error: packs\[0\]: "\/etc\/shadow" is outside this config file's folder/m);
      assert.doesNotMatch(r.stderr, /root:/);
    });

    it('--pack of a non-pack file is loaded (explicit), and still quotes nothing from it', async () => {
      s = scratch({ 'secrets.txt': NOT_PACKS.shadow!, 'doc.md': 'Text.\n' });
      const r = await runCli(['--pack', 'secrets.txt', 'doc.md'], { cwd: s.dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /secrets\.txt:1:1: error: not a claim pack/);
      assert.ok(!r.stderr.includes(SECRET.slice(0, 7)) && !r.stderr.includes('root'), r.stderr);
    });

    it('a misspelt pack field still gets its did-you-mean', () => {
      const r = loadPacks([{ file: 't.yaml', text: 'claim:\n  - id: x\n' }]);
      assert.deepEqual(r.errors.map((e) => e.message), [
        "unknown top-level field 'claim' (did you mean 'claims'?); a pack has sources, concepts, claims, cautions (and optional pack, $schema)",
      ]);
    });
  });
});
