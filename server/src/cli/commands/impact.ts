// `claimlint impact`: which documents and lines change findings when the evidence changes. The
// database at a git ref (--base REF: the configured packs, and the embedded claims when they are in
// the repository, as committed there) or a pack folder (--from OLD --to NEW) is compared with the
// working one, on the documents as they are now: only the database differs between the two runs.
import { execFileSync } from 'node:child_process';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import {
  embeddedLocations, loadEmbeddedDatabase, loadPackPaths, loadPacks, PACK_EXTENSIONS, type Database, type PackInput,
} from '../../db/index.js';
import { analyze } from '../../engine/index.js';
import { parseOptions, UsageError } from '../args.js';
import { DatabaseStore } from '../database.js';
import { discoverFiles } from '../files.js';
import { readTextFile } from '../read.js';
import { toDiagnostics, type Diagnostic } from '../report.js';
import { checkPackErrors, createConfigResolver, failOnConfigErrors, type CliIO } from '../shared.js';
import { closest } from '../../config/schema.js';

export const IMPACT_HELP = `Usage: claimlint impact --base REF [paths...] [--format stylish|json|markdown]
       claimlint impact --from OLD-PACKS --to NEW-PACKS [paths...]

Lists the documents and lines whose findings change when the claims database changes: a claim
regraded, a figure corrected, a caution added. --base REF compares the database as committed at
the git ref REF (the configured packs, and claimlint's own claims when they are in the repository)
with the working one; --from/--to compare two pack files or folders (on top of the configured
packs). The documents are read as they are now, so only the evidence differs. Output: stylish
(default), json, or markdown (for a pull-request comment). Exit 0; 2 on a usage or database error.`;

const FORMATS = ['stylish', 'json', 'markdown'] as const;

interface Change { file: string; added: Diagnostic[]; removed: Diagnostic[] }

export async function runImpact(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, [
    { name: 'base', kind: 'value' }, { name: 'from', kind: 'value' }, { name: 'to', kind: 'value' },
    { name: 'format', kind: 'value', short: 'f' }, { name: 'config', kind: 'value', short: 'c' }, { name: 'pack', kind: 'list' },
    { name: 'help', kind: 'flag', short: 'h' },
  ], 'claimlint impact');
  if (values.get('help')) return void io.stdout.write(IMPACT_HELP + '\n'), 0;
  const format = (values.get('format') as string | undefined) ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) {
    const guess = closest(format, FORMATS);
    throw new UsageError(`impact: unknown format "${format}"` + (guess ? ` (did you mean "${guess}"?)` : ''), `The formats are ${FORMATS.join(', ')}.`);
  }
  const base = values.get('base') as string | undefined;
  const from = values.get('from') as string | undefined;
  const to = values.get('to') as string | undefined;
  if (!base === !(from || to) || (!!from !== !!to)) throw new UsageError('impact needs either --base REF or both --from OLD and --to NEW', IMPACT_HELP);
  const { cwd } = io;
  const configs = createConfigResolver({ config: values.get('config') as string | undefined, packs: (values.get('pack') as string[] | undefined) ?? [], rules: {} }, cwd);
  const found = discoverFiles(positionals, { cwd, isConfigIgnored: configs.isIgnored, unmatchedIsError: true });
  failOnConfigErrors(configs.problems(), cwd);
  if (found.errors.length) throw new UsageError(found.errors.join('\n'));

  const store = new DatabaseStore(cwd);
  const git = base ? gitAt(cwd, base) : undefined;
  const oldDbs = new Map<string, Database>();
  const newDbs = new Map<string, Database>();
  const changes: Change[] = [];
  for (const file of found.files) {
    const eff = configs.forFile(file.path);
    const read = readTextFile(file.path);
    if (!read.ok) { io.stderr.write(`${file.display}: skipped: ${read.reason}\n`); continue; }
    const key = eff.packs.join('\0');
    let before = oldDbs.get(key);
    let after = newDbs.get(key);
    if (!before || !after) {
      if (git) {
        const current = store.get(eff.packs);
        checkPackErrors(current.errors, io);
        after = current.db;
        before = loadPacks(eff.packs.flatMap((p) => git.packFiles(p)), { base: git.embedded() }).db;
      } else {
        const toAbs = resolve(cwd, to!);
        const fromAbs = resolve(cwd, from!);
        const others = eff.packs.filter((p) => p !== toAbs);
        const now = store.get([...others, toAbs]);
        checkPackErrors(now.errors, io);
        const then = store.get([...others, fromAbs]);
        checkPackErrors(then.errors, io);
        after = now.db;
        before = then.db;
      }
      oldDbs.set(key, before);
      newDbs.set(key, after);
    }
    const diag = (db: Database) => toDiagnostics(read.text, analyze(read.text, db, eff.engine).findings);
    const was = diag(before);
    const is = diag(after);
    const id = (d: Diagnostic) => `${d.code}\0${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}\0${d.message}`;
    const wasIds = new Set(was.map(id));
    const isIds = new Set(is.map(id));
    const added = is.filter((d) => !wasIds.has(id(d)));
    const removed = was.filter((d) => !isIds.has(id(d)));
    if (added.length || removed.length) changes.push({ file: file.display, added, removed });
  }
  io.stdout.write(render(changes, format as (typeof FORMATS)[number], found.files.length, base ? `at ${base}` : `in ${from}`));
  return 0;
}

const pos = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}`;

function render(changes: Change[], format: (typeof FORMATS)[number], checked: number, then: string): string {
  const total = changes.reduce((n, c) => n + c.added.length + c.removed.length, 0);
  if (format === 'json') {
    return JSON.stringify(changes.map((c) => ({ file: c.file, added: c.added.map(slim), removed: c.removed.map(slim) })), null, 2) + '\n';
  }
  if (format === 'markdown') {
    if (!changes.length) return `**claimlint impact**: the database change alters no finding in ${checked} documents.\n`;
    const rows = changes.flatMap((c) => [
      ...c.removed.map((d) => `| ${c.file}:${pos(d)} | ➖ gone | \`${d.code}\` | ${cell(d.message)} |`),
      ...c.added.map((d) => `| ${c.file}:${pos(d)} | ➕ new | \`${d.code}\` | ${cell(d.message)} |`),
    ]);
    return `**claimlint impact**: ${total} finding${total === 1 ? '' : 's'} change in ${changes.length} of ${checked} documents (database ${then} → now).\n\n` +
      '| where | change | code | message |\n| --- | --- | --- | --- |\n' + rows.join('\n') + '\n';
  }
  if (!changes.length) return `✔ No finding changes in ${checked} document${checked === 1 ? '' : 's'}.\n`;
  const out: string[] = [];
  for (const c of changes) {
    out.push(c.file);
    for (const d of c.removed) out.push(`  - ${pos(d).padEnd(7)} ${d.severity.padEnd(11)} ${d.message}  ${d.code}`);
    for (const d of c.added) out.push(`  + ${pos(d).padEnd(7)} ${d.severity.padEnd(11)} ${d.message}  ${d.code}`);
    out.push('');
  }
  out.push(`${total} finding${total === 1 ? '' : 's'} change in ${changes.length} of ${checked} documents (- gone with the database ${then}, + new with the current one).`);
  return out.join('\n') + '\n';
}

const slim = (d: Diagnostic) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range, claimId: d.claimId ?? null });
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Pack files and the embedded claims as committed at a git ref. */
function gitAt(cwd: string, ref: string) {
  const run = (args: string[]) => execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  let top: string;
  try {
    top = run(['rev-parse', '--show-toplevel']).trim();
    run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch (e) {
    const why = String((e as { stderr?: string }).stderr ?? (e as Error).message).trim().split('\n')[0];
    throw new UsageError(`impact --base ${ref}: not a commit of a git repository here${why ? ` (${why})` : ''}`);
  }
  const inRepo = (abs: string) => {
    const rel = relative(top, abs);
    return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel.split('\\').join('/');
  };
  /** Files under `rel` (a file or folder) at the ref, with their text. */
  const filesAt = (rel: string): PackInput[] => {
    const names = run(['ls-tree', '-r', '--name-only', ref, '--', rel]).split('\n').filter((n) => n && PACK_EXTENSIONS.includes(extname(n).toLowerCase()) && !/(^|\/)(schema\.json|[^/]*\.schema\.json|package(-lock)?\.json)$/.test(n));
    return names.map((n) => ({ file: join(top, n), text: run(['show', `${ref}:${n}`]) }));
  };
  return {
    packFiles(abs: string): PackInput[] {
      const rel = inRepo(abs);
      if (rel === undefined) return loadPackPaths([abs]).files; // outside the repository: as it is now
      const files = filesAt(rel);
      // A folder pack's namespace is its folder's name, as loadPackPaths gives it.
      const isFolder = files.length > 1 || (files.length === 1 && files[0]!.file !== join(top, rel));
      return isFolder ? files.map((f) => ({ ...f, namespace: basename(abs) })) : files;
    },
    embedded(): Database {
      const dir = embeddedLocations().claimsDir;
      const rel = dir && inRepo(dir);
      if (rel === undefined || rel === '') return loadEmbeddedDatabase();
      return loadPacks(filesAt(rel)).db;
    },
  };
}
