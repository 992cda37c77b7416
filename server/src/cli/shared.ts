// Pieces shared by the commands: I/O, setup errors, per-file configuration with the command line on top.
import { basename, dirname, join, resolve } from 'node:path';
import { resolveConfig, createConfigCache, findConfigFile, formatConfigError, isIgnoredByConfig, unreadConfigNames, CONFIG_FILES, type ConfigError, type ResolvedConfig } from '../config/index.js';
import type { EngineConfig } from '../engine/index.js';
import { formatPackError, type PackError } from '../db/loader.js';
import { UsageError, type LintArgs } from './args.js';
import { displayPath } from './files.js';

/** Where the command reads and writes; tests pass their own. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
}

export const processIO = (): CliIO => ({ cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });

/** A configuration or database problem: exit code 2 after the messages are printed. */
export class SetupError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'SetupError';
  }
}

export function reportFailure(e: unknown, io: CliIO): number {
  if (e instanceof UsageError) {
    io.stderr.write(`claimlint: ${e.message}\n${e.hint ? e.hint + '\n' : ''}`);
  } else if (e instanceof SetupError) {
    io.stderr.write(e.lines.join('\n') + '\n');
  } else {
    const err = e as Error;
    io.stderr.write(`claimlint: ${err?.message ?? String(e)}\n`);
    if (io.env.CLAIMLINT_DEBUG) io.stderr.write(`${err?.stack ?? ''}\n`);
  }
  return 2;
}

/** Prints pack problems on stderr; throws SetupError if any is an error. */
export function checkPackErrors(errors: PackError[], cwd: string, say: (line: string) => void): void;
export function checkPackErrors(errors: PackError[], io: CliIO): void;
export function checkPackErrors(errors: PackError[], where: string | CliIO, say?: (line: string) => void): void {
  if (errors.length === 0) return;
  const cwd = typeof where === 'string' ? where : where.cwd;
  const lines = errors.map((e) => formatPackError({ ...e, file: displayPath(e.file, cwd) }));
  if (errors.some((e) => e.severity === 'error')) {
    throw new SetupError([...lines, 'claimlint: fix the claim pack errors above (or remove the pack from "packs" / --pack).']);
  }
  const print = say ?? ((line: string) => (where as CliIO).stderr.write(line + '\n'));
  lines.forEach(print);
}

export interface Effective {
  engine: EngineConfig;
  packs: string[];
  resolved: ResolvedConfig;
}

export function useColor(args: { color?: boolean }, io: CliIO): boolean {
  if (args.color !== undefined) return args.color;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return !!io.stdout.isTTY;
}

/** Resolves each file's configuration (once per config file) with the command line on top. */
export function createConfigResolver(args: Pick<LintArgs, 'config' | 'packs' | 'rules'>, cwd: string) {
  const cache = createConfigCache();
  const byFile = new Map<string, Effective>();
  const cliPacks = args.packs.map((p) => resolve(cwd, p));
  const errors = new Map<string, ConfigError[]>();
  const forFile = (abs: string): Effective => {
    const resolved = resolveConfig(abs, { cwd, explicitConfig: args.config, cache });
    const key = resolved.key;
    let eff = byFile.get(key);
    if (!eff) {
      if (resolved.errors.length) errors.set(key, resolved.errors);
      eff = {
        engine: { ...resolved.engine, rules: { ...resolved.engine.rules, ...args.rules } },
        packs: [...new Set([...resolved.packs, ...cliPacks])],
        resolved,
      };
      byFile.set(key, eff);
    }
    return eff;
  };
  const isIgnored = (abs: string) => isIgnoredByConfig(forFile(abs).resolved, abs);
  const problems = () => [...errors.values()].flat();
  /** Config-like files claimlint does not read, in the given folders (each reported once). */
  const reported = new Set<string>();
  const notices = (dirs: Iterable<string>): string[] => {
    const out: string[] = [];
    for (const dir of new Set(dirs)) {
      if (args.config) break;
      for (const name of unreadConfigNames(dir, cache)) {
        const file = join(dir, name);
        if (reported.has(file)) continue;
        reported.add(file);
        const used = findConfigFile(dir, cache);
        const why = used && dirname(used) === dir ? `${basename(used)} in the same folder is used instead` : `claimlint reads ${CONFIG_FILES.join(', ')}`;
        out.push(`claimlint: ${displayPath(file, cwd)}: not read as configuration (${why})`);
      }
    }
    return out;
  };
  return { forFile, isIgnored, problems, notices };
}

/** Throws SetupError listing config problems, printed relative to cwd. */
export function failOnConfigErrors(problems: ConfigError[], cwd: string): void {
  if (problems.length === 0) return;
  throw new SetupError([
    ...problems.map((e) => formatConfigError({ ...e, file: displayPath(e.file, cwd) })),
    'claimlint: fix the configuration errors above.',
  ]);
}
