// Who may import what under server/src, read from the import specifiers of the source files:
//   engine/  pure: no Node built-ins, no vscode, no `process`/`require`; nothing from the adapters;
//            from db/ only its pure modules (never db/io/, nor db/index.ts or db/embedded.ts,
//            which re-export it).
//   db/      (outside db/io/) pure: no file system, no `process`; db/io/ reads the files.
//   cli/, lsp/, lib/, db/, config/, fs/, ignored/ reach the engine only through engine/index.ts.
//   lsp/     imports nothing from cli/ (shared helpers live in a neutral module).
//   client/  (the VS Code extension) imports from server/src only the protocol (lsp/protocol.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './helpers.js';

const SRC = join(repoRoot, 'server', 'src');
const CLIENT = join(repoRoot, 'client', 'src');

interface Use { file: string; line: number; what: string }
interface SourceFacts { imports: Array<Use & { specifier: string; target?: string }>; globals: Use[]; onlyReExports: boolean }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Path of `file` from server/src, with '/' separators ("engine/rules/x.ts", "../../client/src/x.ts"). */
const rel = (file: string) => relative(SRC, file).split(sep).join('/');
const toRepo = (fromSrc: string) => relative(repoRoot, join(SRC, fromSrc)).split(sep).join('/');
const NODE_GLOBALS = new Set(['process', 'require', '__filename', '__dirname', 'Buffer']);

/** Every import/export/dynamic-import/require specifier of a file, and the Node globals it reads. */
function factsOf(file: string, text: string): SourceFacts {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const onlyReExports = sf.statements.every((st) => ts.isExportDeclaration(st) && st.moduleSpecifier !== undefined);
  const facts: SourceFacts = { imports: [], globals: [], onlyReExports };
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const addImport = (lit: ts.Node) => {
    if (!ts.isStringLiteralLike(lit)) return;
    const specifier = lit.text;
    const target = specifier.startsWith('.') ? rel(resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))) : undefined;
    facts.imports.push({ file: rel(file), line: at(lit), what: `imports '${specifier}'`, specifier, target });
  };
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier) addImport(n.moduleSpecifier);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) addImport(n.argument.literal);
    else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require')) && n.arguments[0]) addImport(n.arguments[0]);
    if (ts.isIdentifier(n) && NODE_GLOBALS.has(n.text) && isFreeReference(n)) facts.globals.push({ file: rel(file), line: at(n), what: `uses ${n.text}` });
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return facts;
}

/** An identifier read as a variable: not a property name, a declaration's name or an object key. */
function isFreeReference(n: ts.Identifier): boolean {
  const p = n.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === n) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p)) && p.name === n) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p)) && p.name === n) return false;
  if (ts.isQualifiedName(p) && p.right === n) return false;
  return true;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNodeBuiltin = (s: string) => s.startsWith('node:') || NODE_BUILTINS.has(s) || NODE_BUILTINS.has(s.split('/')[0]!);
const isEditorApi = (s: string) => s === 'vscode' || s.startsWith('vscode-languageserver') || s.startsWith('vscode-languageclient');
const under = (path: string | undefined, folder: string) => path !== undefined && (path === folder || path.startsWith(folder + '/'));
const ADAPTERS = ['cli', 'lsp', 'lib', 'config', 'fs', 'ignored'];
/** Files of db/ that re-export both parts (db/embedded.ts only for existing imports of its old path). */
const DB_FACADES = ['db/index.ts', 'db/embedded.ts'];
const isPureDb = (path: string) => under(path, 'db') && !under(path, 'db/io') && !DB_FACADES.includes(path);

/** Every violation of the layering, as "file:line: what (why)". */
function layeringViolations(sources: Array<{ file: string; text: string }>): string[] {
  const out: string[] = [];
  const flag = (u: Use, why: string) => out.push(`${toRepo(u.file)}:${u.line}: ${u.what} (${why})`);
  for (const { file, text } of sources) {
    const facts = factsOf(file, text);
    const me = rel(file);
    const engine = under(me, 'engine');
    const pureDb = isPureDb(me);
    if (DB_FACADES.includes(me) && !facts.onlyReExports) out.push(`${toRepo(me)}: holds code (db/index.ts and db/embedded.ts only re-export)`);
    for (const u of facts.imports) {
      const { specifier: s, target } = u;
      if (engine) {
        if (isNodeBuiltin(s)) flag(u, 'the engine is pure: no Node built-ins');
        if (isEditorApi(s)) flag(u, 'the engine is pure: no editor API');
        if (target && !under(target, 'engine') && !isPureDb(target)) flag(u, 'the engine imports only itself and the pure part of db/');
      } else if (target && under(target, 'engine') && target !== 'engine/index.ts') {
        flag(u, 'adapters reach the engine only through engine/index.ts');
      }
      if (pureDb) {
        if (s === 'fs' || s.startsWith('fs/') || s.startsWith('node:fs') || s === 'node:child_process') flag(u, 'db/ outside db/io/ does not touch the file system');
        if (target && (under(target, 'db/io') || under(target, 'fs') || ADAPTERS.some((a) => under(target, a)))) flag(u, 'db/ outside db/io/ imports only pure modules');
      }
      if (under(me, 'lsp') && under(target, 'cli')) flag(u, 'the language server does not import the CLI');
      if (me.startsWith('../') && target !== undefined && !target.startsWith('../') && target !== 'lsp/protocol.ts') flag(u, 'the extension imports from the server only lsp/protocol.ts');
    }
    for (const g of facts.globals) {
      if (engine) flag(g, 'the engine is pure: no Node globals');
      else if (pureDb && g.what !== 'uses Buffer') flag(g, 'db/ outside db/io/ reads no process state');
    }
  }
  return out;
}

describe('layering', () => {
  it('finds the source tree', () => {
    const files = sourceFiles(SRC).map(rel);
    for (const f of ['engine/index.ts', 'cli/main.ts', 'lsp/server.ts', 'lib/index.ts', 'db/schema.ts']) assert.ok(files.includes(f), f);
    assert.ok(sourceFiles(CLIENT).map(rel).includes('../../client/src/extension.ts'));
  });

  it('keeps the engine pure and the adapters behind engine/index.ts', () => {
    const sources = [...sourceFiles(SRC), ...sourceFiles(CLIENT)].map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    assert.deepEqual(layeringViolations(sources), []);
  });

  it('reports each kind of violation', () => {
    // The checker itself, on sources that break each rule (parsed, never compiled).
    const cases: Array<[string, string, RegExp]> = [
      ['engine/x.ts', `import { readFileSync } from 'node:fs';`, /no Node built-ins/],
      ['engine/x.ts', `import * as fs from 'fs';`, /no Node built-ins/],
      ['engine/x.ts', `import type * as vscode from 'vscode';`, /no editor API/],
      ['engine/x.ts', `export const dir = process.cwd();`, /no Node globals/],
      ['engine/x.ts', `import { run } from '../cli/main.js';`, /imports only itself/],
      ['engine/x.ts', `import { loadEmbeddedDatabase } from '../db/index.js';`, /imports only itself/],
      ['lsp/x.ts', `import { version } from '../cli/version.js';`, /does not import the CLI/],
      ['cli/x.ts', `import { commonPrefix } from '../engine/chunks.js';`, /only through engine\/index.ts/],
      ['lib/x.ts', `export { analyze } from '../engine/engine.js';`, /only through engine\/index.ts/],
      ['db/x.ts', `import { readFileSync } from 'node:fs';`, /does not touch the file system/],
      ['db/x.ts', `const cwd = process.cwd();`, /reads no process state/],
      ['../../client/src/x.ts', `import { analyze } from '../../server/src/engine/index.js';`, /only lsp\/protocol.ts/],
      ['db/index.ts', `export * from './schema.js';\nexport const x = 1;`, /only re-export/],
    ];
    for (const [path, text, why] of cases) {
      const found = layeringViolations([{ file: join(SRC, path), text }]);
      assert.ok(found.some((v) => why.test(v)), `${path}: ${text} → ${JSON.stringify(found)}`);
    }
    assert.deepEqual(layeringViolations([{ file: join(SRC, 'cli/x.ts'), text: `import { analyze } from '../engine/index.js';` }]), []);
  });
});
