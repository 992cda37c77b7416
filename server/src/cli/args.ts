// Command-line parsing: a small table-driven parser with messages that say what to fix.
import { CODES, type Code, type SeveritySetting } from '../engine/index.js';
import { SEVERITY_SETTINGS, closest } from '../config/schema.js';
import { FORMAT_NAMES, type FormatName } from './formatters/index.js';
import { parseShard, type Shard } from '../lib/shard.js';

/** A mistake on the command line: printed with a hint, exit code 2, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string, readonly hint = 'Run `claimlint --help` for usage.') {
    super(message);
    this.name = 'UsageError';
  }
}

type Kind = 'flag' | 'value' | 'list';
interface OptSpec { name: string; kind: Kind; short?: string; hidden?: boolean }

export function parseOptions(argv: readonly string[], specs: OptSpec[], command = 'claimlint') {
  const values = new Map<string, string | boolean | string[]>();
  const positionals: string[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      const s = byShort.get(arg.slice(1, 2));
      if (!s) throw unknownOption(arg, specs, command);
      name = s.name;
      inline = arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined;
    }
    const spec = byName.get(name);
    if (!spec) throw unknownOption(arg, specs, command);
    if (spec.kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`option --${name} takes no value`);
      values.set(name, true);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length || (argv[i + 1].startsWith('--') && argv[i + 1].length > 2)) {
        throw new UsageError(`option --${name} needs a value`);
      }
      value = argv[++i];
    }
    if (spec.kind === 'value') values.set(name, value);
    else values.set(name, [...((values.get(name) as string[] | undefined) ?? []), value]);
  }
  return { values, positionals };
}

function unknownOption(arg: string, specs: OptSpec[], command: string): UsageError {
  const bare = arg.replace(/^-+/, '').replace(/=.*$/, '');
  const guess = closest(bare, specs.filter((s) => !s.hidden).map((s) => s.name));
  return new UsageError(
    `unknown option ${arg.replace(/=.*$/, '')}` + (guess ? ` (did you mean --${guess}?)` : ''),
    `Run \`${command} --help\` for the options.`,
  );
}

export interface LintArgs {
  files: string[];
  format: FormatName;
  maxWarnings?: number;
  fix: false | 'fix' | 'dry-run';
  config?: string;
  packs: string[];
  rules: Partial<Record<Code, SeveritySetting>>;
  noIgnore: boolean;
  /** A path or glob without Markdown files is an error (exit 2); --no-error-on-unmatched-pattern: a warning. */
  errorOnUnmatchedPattern: boolean;
  /** Lint standard input (`-` among the paths, or --stdin-filename). */
  stdin: boolean;
  /** --stdin-filename: where the text on standard input would live (config lookup, reports). */
  stdinFilename?: string;
  /** --print-config FILE: print the configuration that applies to FILE and exit. */
  printConfig?: string;
  shard?: Shard;
  cache: boolean;
  cacheLocation: string;
  /** undefined = automatic. */
  workers?: number;
  quiet: boolean;
  color?: boolean;
  stats: boolean;
  help: boolean;
  version: boolean;
}

export const LINT_OPTIONS: OptSpec[] = [
  { name: 'format', kind: 'value', short: 'f' },
  { name: 'max-warnings', kind: 'value' },
  { name: 'fix', kind: 'flag' },
  { name: 'fix-dry-run', kind: 'flag' },
  { name: 'config', kind: 'value', short: 'c' },
  { name: 'pack', kind: 'list' },
  { name: 'rule', kind: 'list' },
  { name: 'no-ignore', kind: 'flag' },
  { name: 'no-error-on-unmatched-pattern', kind: 'flag' },
  { name: 'stdin-filename', kind: 'value' },
  { name: 'print-config', kind: 'value' },
  { name: 'shard', kind: 'value' },
  { name: 'cache', kind: 'flag' },
  { name: 'cache-location', kind: 'value' },
  { name: 'workers', kind: 'value' },
  { name: 'quiet', kind: 'flag', short: 'q' },
  { name: 'color', kind: 'flag' },
  { name: 'no-color', kind: 'flag' },
  { name: 'stats', kind: 'flag', hidden: true },
  { name: 'debug-cache', kind: 'flag', hidden: true },
  { name: 'help', kind: 'flag', short: 'h' },
  { name: 'version', kind: 'flag', short: 'v' },
];

function integer(name: string, raw: string, min: number): number {
  if (!/^-?\d+$/.test(raw.trim()) || Number(raw) < min) {
    throw new UsageError(`--${name} needs a whole number${min > 0 ? ` of at least ${min}` : min === 0 ? ' (0 or more)' : ''}, not "${raw}"`);
  }
  return Number(raw);
}

/** `code=severity` pairs (comma-separated or repeated). */
export function parseRuleOptions(items: readonly string[]): Partial<Record<Code, SeveritySetting>> {
  const rules: Partial<Record<Code, SeveritySetting>> = {};
  for (const item of items.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^=:]+)[=:](.*)$/.exec(item);
    if (!m) throw new UsageError(`--rule needs code=severity (e.g. --rule uncited-claim=off), not "${item}"`);
    const code = m[1].trim();
    const sev = m[2].trim();
    if (!(CODES as readonly string[]).includes(code)) {
      const guess = closest(code, CODES);
      throw new UsageError(`--rule: unknown rule "${code}"` + (guess ? ` (did you mean "${guess}"?)` : ''), `The rules are: ${CODES.join(', ')}.`);
    }
    if (!(SEVERITY_SETTINGS as readonly string[]).includes(sev)) {
      throw new UsageError(`--rule ${code}: severity must be one of ${SEVERITY_SETTINGS.join(', ')}, not "${sev}"`);
    }
    rules[code as Code] = sev as SeveritySetting;
  }
  return rules;
}

export function parseLintArgs(argv: readonly string[]): LintArgs {
  const { values, positionals } = parseOptions(argv, LINT_OPTIONS);
  const str = (n: string) => values.get(n) as string | undefined;
  const list = (n: string) => (values.get(n) as string[] | undefined) ?? [];
  const flag = (n: string) => values.get(n) === true;
  const format = str('format') ?? 'stylish';
  if (!(FORMAT_NAMES as string[]).includes(format)) {
    const guess = closest(format, FORMAT_NAMES);
    throw new UsageError(`unknown format "${format}"` + (guess ? ` (did you mean "${guess}"?)` : ''), `The formats are: ${FORMAT_NAMES.join(', ')}.`);
  }
  if (flag('fix') && flag('fix-dry-run')) throw new UsageError('use either --fix or --fix-dry-run, not both');
  if (flag('color') && flag('no-color')) throw new UsageError('use either --color or --no-color, not both');
  const maxRaw = str('max-warnings');
  const workersRaw = str('workers');
  const shardRaw = str('shard');
  const shard = shardRaw === undefined ? undefined : parseShard(shardRaw);
  if (shardRaw !== undefined && !shard) throw new UsageError(`--shard needs INDEX/COUNT with 1 ≤ INDEX ≤ COUNT (e.g. --shard 2/4), not "${shardRaw}"`);
  const stdin = positionals.includes('-') || str('stdin-filename') !== undefined;
  if (stdin && flag('fix') && positionals.filter((p) => p !== '-').length) {
    throw new UsageError('--fix with standard input prints the fixed text; lint files in a separate run');
  }
  return {
    files: positionals.filter((p) => p !== '-'),
    format: format as FormatName,
    maxWarnings: maxRaw === undefined ? undefined : integer('max-warnings', maxRaw, -1),
    fix: flag('fix') ? 'fix' : flag('fix-dry-run') ? 'dry-run' : false,
    config: str('config'),
    packs: list('pack'),
    rules: parseRuleOptions(list('rule')),
    noIgnore: flag('no-ignore'),
    errorOnUnmatchedPattern: !flag('no-error-on-unmatched-pattern'),
    stdin,
    stdinFilename: str('stdin-filename'),
    printConfig: str('print-config'),
    shard,
    cache: flag('cache') || str('cache-location') !== undefined,
    cacheLocation: str('cache-location') ?? '.claimlintcache',
    workers: workersRaw === undefined || workersRaw === 'auto' ? undefined : integer('workers', workersRaw, 1),
    quiet: flag('quiet'),
    color: flag('color') ? true : flag('no-color') ? false : undefined,
    stats: flag('stats') || flag('debug-cache'),
    help: flag('help'),
    version: flag('version'),
  };
}
