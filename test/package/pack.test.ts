// The published package, as a user gets it: `npm pack` (of the build `npm test` just made), then
// `npm install ./claimlint-x.y.z.tgz` into a fresh project with no network, then the three faces:
// `npx claimlint docs/`, `claimlint-server --stdio` (initialize and one diagnostic), and
// `import { lint } from 'claimlint'` (run, and type-checked by tsc against the shipped .d.ts).
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, PublishDiagnosticsNotification, ShutdownRequest, ExitNotification, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../helpers.js';

const DRAFT = '# Ketamine\n\nKetamine has been proven to work through the opioid system.\n';

interface Run { code: number | null; stdout: string; stderr: string }
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Sum of file sizes under a folder. */
function du(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? du(p) : statSync(p).size;
  }
  return n;
}

describe('package: packed, installed offline and used', function () {
  this.timeout(240_000);
  let dir: string;
  let project: string;
  let tarball: string;
  // npm with no network: a private empty cache, offline, no audit.
  const npmEnv = () => ({ npm_config_cache: join(dir, 'npm-cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' });

  before(async () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'claimlint-pack-')));
    // The build is the one `npm test` just made: no second build here.
    const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], repoRoot, npmEnv());
    assert.equal(packed.code, 0, packed.stderr);
    const info = JSON.parse(packed.stdout)[0] as { filename: string; size: number; unpackedSize: number; files: { path: string }[] };
    tarball = join(dir, info.filename);
    const paths = info.files.map((f) => f.path);
    assert.ok(paths.includes('dist/cli/main.js') && paths.includes('dist/server.cjs') && paths.includes('dist/lib/index.js') && paths.includes('claims/schema.json'), paths.join('\n'));
    assert.deepEqual(paths.filter((p) => /\.map$|^(server|client|test|scripts|out)\/|extension\.cjs$/.test(p)), [], 'no sources, source maps, tests or the VS Code extension');
    project = join(dir, 'project');
    mkdirSync(join(project, 'docs'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    writeFileSync(join(project, 'docs', 'draft.md'), DRAFT);
    const installed = await run('npm', ['install', '--no-save', tarball], project, npmEnv());
    assert.equal(installed.code, 0, installed.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('installs without dependencies: the VS Code client and every library are bundled', () => {
    const modules = readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
    assert.deepEqual(modules, ['claimlint']);
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules', 'claimlint', 'package.json'), 'utf8'));
    assert.equal(pkg.dependencies, undefined);
    assert.ok(du(join(project, 'node_modules')) < 10 * 1024 * 1024, 'the install stays under 10 MB');
  });

  it('npx claimlint docs/ lints, with exit codes and --version', async () => {
    const version = await run('npx', ['claimlint', '--version'], project, npmEnv());
    assert.equal(version.code, 0, version.stderr);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
    const r = await run('npx', ['claimlint', 'docs/'], project, npmEnv());
    assert.match(r.stdout, /docs\/draft\.md\n[\s\S]*overstated-certainty/, r.stdout + r.stderr);
    assert.equal(r.code, 0, 'warnings only');
    const typo = await run('npx', ['claimlint', 'dosc/'], project, npmEnv());
    assert.equal(typo.code, 2);
    const help = await run('npx', ['claimlint', 'help', 'overstated-certainty'], project, npmEnv());
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /overstated-certainty/);
  });

  it('claimlint-server --stdio answers initialize and publishes a diagnostic', async () => {
    const proc = spawn(join(project, 'node_modules', '.bin', 'claimlint-server'), ['--stdio'], { cwd: project, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += String(d)));
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => {
      conn.onNotification(PublishDiagnosticsNotification.type, (p) => { if (p.diagnostics.length) resolve(p); });
    });
    conn.listen();
    try {
      const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(project).href, capabilities: {}, workspaceFolders: null });
      assert.ok(init.capabilities.textDocumentSync, 'server capabilities');
      await conn.sendNotification(InitializedNotification.type, {});
      const uri = pathToFileURL(join(project, 'docs', 'draft.md')).href;
      await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: DRAFT } });
      const p = await published;
      assert.equal(p.uri, uri);
      assert.ok(p.diagnostics.some((d) => d.code === 'overstated-certainty'), JSON.stringify(p.diagnostics) + stderr);
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
    } finally {
      conn.dispose();
      proc.kill();
    }
  });

  it('import { lint, analyze, loadDatabase } from "claimlint" works and type-checks', async () => {
    writeFileSync(join(project, 'use.mjs'), [
      "import { lint, analyze, loadDatabase, rules } from 'claimlint';",
      "const r = await lint({ files: ['docs/'] });",
      "const a = await analyze('Ketamine has been proven to work through the opioid system.');",
      "const { db, errors } = await loadDatabase();",
      "console.log(JSON.stringify({ files: r.files.map((f) => f.file), codes: r.files[0].diagnostics.map((d) => d.code), findings: a.findings.length, claims: db.claims.size, errors: errors.length, rules: rules.length }));",
    ].join('\n'));
    const r = await run(process.execPath, ['use.mjs'], project);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files, ['docs/draft.md']);
    assert.ok(out.codes.includes('overstated-certainty'));
    assert.ok(out.findings > 0 && out.claims > 0 && out.rules > 0);
    assert.equal(out.errors, 0);

    writeFileSync(join(project, 'use.ts'), [
      "import { lint, analyze, loadDatabase, type LintResults, type Claim, type Diagnostic } from 'claimlint';",
      "const results: LintResults = await lint({ files: ['docs/'], fix: true, signal: AbortSignal.timeout(60000) });",
      "const first: Diagnostic | undefined = results.files[0]?.diagnostics[0];",
      "const { db } = await loadDatabase({ packs: [] });",
      "const claims: Claim[] = [...db.claims.values()];",
      "const grade: 'established' | 'supported' | 'preliminary' | 'preclinical-only' | 'contested' | undefined = claims[0]?.grade;",
      "const n: number = (await analyze('text', { db })).findings.length;",
      "export { first, grade, n };",
    ].join('\n'));
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [join(repoRoot, 'node_modules', '@types')] },
      files: ['use.ts'],
    }));
    const tsc = await run(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], project);
    assert.equal(tsc.code, 0, tsc.stdout + tsc.stderr);
    assert.ok(existsSync(join(project, 'node_modules', 'claimlint', 'dist', 'types', 'lib', 'index.d.ts')));
  });
});
