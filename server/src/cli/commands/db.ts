// `claimlint db check [PATHS]` and `claimlint db export --format csl-json|bibtex [--used FILES…]`.
import { resolve } from 'node:path';
import { checkPacks, exportBibliography, formatPackError, type BibliographyFormat, type CheckResult, type Database, type PackError } from '../../db/index.js';
import { analyze } from '../../engine/index.js';
import { parseOptions, UsageError } from '../args.js';
import { DatabaseStore } from '../database.js';
import { discoverFiles, displayPath } from '../files.js';
import { DB_HELP } from '../help.js';
import { readTextFile } from '../read.js';
import { checkPackErrors, createConfigResolver, failOnConfigErrors, SetupError, type CliIO } from '../shared.js';
import { closest } from '../../config/schema.js';
import { writeFileAtomic } from '../../fs/safe-fs.js';
import { listCmd, newCmd, testCmd } from './db-packs.js';

const SUBCOMMANDS = ['check', 'export', 'list', 'new', 'test'];

export async function runDb(argv: string[], io: CliIO): Promise<number> {
  const sub = argv[0];
  if (sub === undefined || sub === '-h' || sub === '--help') {
    io.stdout.write(DB_HELP + '\n');
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'check') return check(argv.slice(1), io);
  if (sub === 'export') return exportCmd(argv.slice(1), io);
  if (sub === 'list') return listCmd(argv.slice(1), io, DB_HELP);
  if (sub === 'new') return newCmd(argv.slice(1), io, DB_HELP);
  if (sub === 'test') return testCmd(argv.slice(1), io, DB_HELP);
  const guess = closest(sub, SUBCOMMANDS);
  throw new UsageError(`unknown db command "${sub}"` + (guess ? ` (did you mean "db ${guess}"?)` : ''), 'Run `claimlint db --help` for usage.');
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function check(argv: string[], io: CliIO): number {
  const { values, positionals } = parseOptions(argv, [
    { name: 'config', kind: 'value', short: 'c' },
    { name: 'help', kind: 'flag', short: 'h' },
  ], 'claimlint db');
  if (values.get('help')) {
    io.stdout.write(DB_HELP + '\n');
    return 0;
  }
  const cwd = io.cwd;
  const results: { what: string; result: CheckResult }[] = [];
  try {
    if (positionals.length) {
      results.push({ what: positionals.join(', '), result: checkPacks(positionals, { cwd }) });
    } else {
      results.push({ what: 'embedded database', result: checkPacks([], { cwd }) });
      const configs = createConfigResolver({ config: values.get('config') as string | undefined, packs: [], rules: {} }, cwd);
      const eff = configs.forFile(resolve(cwd, '_'));
      failOnConfigErrors(configs.problems(), cwd);
      if (eff.packs.length) {
        results.push({ what: `packs from ${displayPath(eff.resolved.file ?? cwd, cwd)}`, result: checkPacks(eff.packs, { cwd }) });
      }
    }
  } catch (e) {
    if (e instanceof SetupError || e instanceof UsageError) throw e;
    // The embedded database could not be loaded at all.
    throw new SetupError([`claimlint: ${(e as Error).message}`]);
  }
  const all: PackError[] = results.flatMap((r) => r.result.errors);
  for (const e of all) io.stdout.write(formatPackError({ ...e, file: displayPath(e.file, cwd) }) + '\n');
  const errors = all.filter((e) => e.severity === 'error').length;
  const warnings = all.length - errors;
  for (const { what, result } of results) {
    const c = result.counts;
    const summary = `${plural(c.files, 'file')}: ${plural(c.sources, 'source')}, ${plural(c.concepts, 'concept')}, ${plural(c.claims, 'claim')}, ${plural(c.cautions, 'caution')}`;
    io.stdout.write(result.ok ? `✔ ${what} is valid (${summary})\n` : `✖ ${what} is invalid (${summary} loaded)\n`);
  }
  if (all.length) io.stdout.write(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
  return results.every((r) => r.result.ok) ? 0 : 2;
}

/** `--used FILES…` taken out of `argv`: it takes every following non-option argument. */
function splitUsed(argv: string[]): { used?: string[]; rest: string[] } {
  const usedAt = argv.indexOf('--used');
  if (usedAt === -1) return { rest: argv };
  const used: string[] = [];
  let j = usedAt + 1;
  while (j < argv.length && !argv[j].startsWith('-')) used.push(argv[j++]);
  if (used.length === 0) throw new UsageError('--used needs one or more Markdown files (or folders/globs)');
  return { used, rest: [...argv.slice(0, usedAt), ...argv.slice(j)] };
}

async function exportCmd(argv: string[], io: CliIO): Promise<number> {
  const { used, rest } = splitUsed(argv);
  const { values, positionals } = parseOptions(rest, [
    { name: 'format', kind: 'value', short: 'f' },
    { name: 'config', kind: 'value', short: 'c' },
    { name: 'pack', kind: 'list' },
    { name: 'output', kind: 'value', short: 'o' },
    { name: 'help', kind: 'flag', short: 'h' },
  ], 'claimlint db');
  if (values.get('help')) {
    io.stdout.write(DB_HELP + '\n');
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (to export only what files use: --used FILES...)`);
  const format = values.get('format') as string | undefined;
  if (format === undefined) throw new UsageError('db export needs --format csl-json or --format bibtex');
  if (format !== 'csl-json' && format !== 'bibtex') {
    throw new UsageError(`unknown bibliography format "${format}"` + (closest(format, ['csl-json', 'bibtex']) ? ` (did you mean "${closest(format, ['csl-json', 'bibtex'])}"?)` : ''), 'The formats are csl-json and bibtex.');
  }
  const cwd = io.cwd;
  const output = values.get('output') as string | undefined;
  // -o FILE replaces the file atomically (a shell redirection empties it first, even on failure).
  const emit = (text: string) => {
    if (output === undefined) return void io.stdout.write(text);
    try {
      writeFileAtomic(resolve(cwd, output), text);
    } catch (e) {
      throw new SetupError([`claimlint: cannot write ${output} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`]);
    }
  };
  const configs = createConfigResolver({ config: values.get('config') as string | undefined, packs: (values.get('pack') as string[] | undefined) ?? [], rules: {} }, cwd);
  const store = new DatabaseStore(cwd);
  let ids: string[] | undefined;
  let db: Database;
  if (!used) {
    const eff = configs.forFile(resolve(cwd, '_'));
    failOnConfigErrors(configs.problems(), cwd);
    const loaded = store.get(eff.packs);
    checkPackErrors(loaded.errors, io);
    db = loaded.db;
  } else {
    const found = discoverFiles(used, { cwd, isConfigIgnored: configs.isIgnored });
    failOnConfigErrors(configs.problems(), cwd);
    if (found.errors.length) throw new UsageError(found.errors.join('\n'));
    for (const w of found.warnings) io.stderr.write(`claimlint: ${w}\n`);
    // Sources cited (and known), backing findings, or backing the claims the files make.
    const wanted = new Set<string>();
    const allPacks = new Set<string>();
    for (const file of found.files) {
      const eff = configs.forFile(file.path);
      eff.packs.forEach((p) => allPacks.add(p));
      const loaded = store.get(eff.packs);
      checkPackErrors(loaded.errors, io);
      const read = readTextFile(file.path);
      if (!read.ok) {
        io.stderr.write(`${file.display}: skipped: ${read.reason}\n`);
        continue;
      }
      const result = analyze(read.text, loaded.db, eff.engine);
      for (const c of result.citations) if (loaded.db.sources.has(c.key)) wanted.add(c.key);
      for (const f of result.findings) f.sources.forEach((s) => loaded.db.sources.has(s) && wanted.add(s));
      for (const m of result.matches) loaded.db.claims.get(m.claimId)?.sources.forEach((s) => wanted.add(s.id));
    }
    db = store.get([...allPacks]).db;
    ids = [...wanted].filter((id) => db.sources.has(id));
    if (ids.length === 0) {
      io.stderr.write('claimlint: the files cite no known source and make no known claim; the bibliography is empty.\n');
      emit(format === 'csl-json' ? '[]\n' : '');
      return 0;
    }
  }
  emit(exportBibliography(db, format as BibliographyFormat, ids));
  return 0;
}
