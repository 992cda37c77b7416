// Which files to lint: explicit files, folders (walked for .md/.markdown) and globs, minus what
// .gitignore, .claimlintignore and the config's `ignore` patterns exclude. node_modules and .git
// are never walked into.
import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import { describeKind, readRegularFile } from '../fs/safe-fs.js';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git']);
const IGNORE_FILES = ['.gitignore', '.claimlintignore'];

export interface DiscoveredFile {
  /** Absolute path. */
  path: string;
  /** As shown in reports: relative to cwd when inside it (with /), else absolute. */
  display: string;
  /** Named explicitly on the command line. */
  explicit: boolean;
}

export interface DiscoveryOptions {
  cwd: string;
  /** --no-ignore: disregard ignore files and config ignore patterns. */
  noIgnore?: boolean;
  /** Config `ignore` patterns that apply to a file: decides whether it is excluded. */
  isConfigIgnored?: (absPath: string) => boolean;
  /** A folder or glob without a Markdown file to lint is an error, not a warning (ESLint's behaviour:
   *  a typo in a path must not turn CI green). */
  unmatchedIsError?: boolean;
}

export interface DiscoveryResult {
  files: DiscoveredFile[];
  /** Notes for stderr (e.g. a glob that matched nothing, an explicit file that is ignored). */
  warnings: string[];
  /** Usage errors (a path that does not exist): exit 2. */
  errors: string[];
}

export const isMarkdown = (p: string) => MARKDOWN_EXTENSIONS.some((e) => p.toLowerCase().endsWith(e));
const hasGlobChars = (s: string) => /[*?[\]{}]/.test(s) || s.startsWith('!');
const toPosix = (p: string) => p.split(sep).join('/');

export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? toPosix(rel) : abs;
}

/**
 * .gitignore / .claimlintignore rules, per folder. A path's fate is decided by the ignore files
 * of every folder from the repository root (the nearest folder with .git, else the filesystem
 * root) down to the path's own folder; deeper files can re-include (!pattern) what higher ones exclude.
 */
export class IgnoreFiles {
  private perDir = new Map<string, Ignore | null>();
  private roots = new Map<string, string>();

  private rulesOf(dir: string): Ignore | null {
    let ig = this.perDir.get(dir);
    if (ig !== undefined) return ig;
    ig = null;
    for (const name of IGNORE_FILES) {
      const f = join(dir, name);
      // Only a regular file: a FIFO named .gitignore must not block the run.
      const read = readRegularFile(f);
      if (!read.ok) continue;
      ig ??= ignore();
      ig.add(read.data.toString('utf8'));
    }
    this.perDir.set(dir, ig);
    return ig;
  }

  private rootOf(dir: string): string {
    const hit = this.roots.get(dir);
    if (hit) return hit;
    let root: string;
    if (existsSync(join(dir, '.git'))) root = dir;
    else {
      const up = dirname(dir);
      root = up === dir ? dir : this.rootOf(up);
    }
    this.roots.set(dir, root);
    return root;
  }

  isIgnored(abs: string, isDir: boolean): boolean {
    const parent = dirname(abs);
    const root = this.rootOf(parent);
    const chain: string[] = [];
    for (let d = parent; ; d = dirname(d)) {
      chain.push(d);
      if (d === root || dirname(d) === d) break;
    }
    let ignored = false;
    for (const dir of chain.reverse()) {
      const ig = this.rulesOf(dir);
      if (!ig) continue;
      const rel = toPosix(relative(dir, abs)) + (isDir ? '/' : '');
      const r = ig.test(rel);
      if (r.ignored) ignored = true;
      else if (r.unignored) ignored = false;
    }
    return ignored;
  }
}

/** Static folder prefix of a glob ("docs/**\/*.md" → "docs"). */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (hasGlobChars(p)) break;
    fixed.push(p);
  }
  if (fixed.length === parts.length) fixed.pop();
  return fixed.join('/') || '.';
}

/** Markdown files under `dir`, sorted, walking only folders that are not excluded; folders that
 *  cannot be read go to `unreadable`. */
function walkMarkdown(dir: string, accept: (abs: string) => boolean, excluded: (abs: string, isDir: boolean) => boolean, out: string[], unreadable: (dir: string, e: unknown) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    unreadable(dir, e);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      // Follow links to files; never links to folders (cycles).
      try {
        const st = statSync(abs);
        isFile = st.isFile();
        isDir = false;
      } catch {
        continue;
      }
    }
    if (isDir) {
      if (ALWAYS_SKIPPED_DIRS.has(e.name) || excluded(abs, true)) continue;
      walkMarkdown(abs, accept, excluded, out, unreadable);
    } else if (isFile && isMarkdown(e.name) && !excluded(abs, false) && accept(abs)) {
      out.push(abs);
    }
  }
}

export function discoverFiles(inputs: readonly string[], opts: DiscoveryOptions): DiscoveryResult {
  const { cwd } = opts;
  const ignoreFiles = opts.noIgnore ? null : new IgnoreFiles();
  /** Whether the current input's walk passed over something ignored (for the unmatched message). */
  let passedIgnored = false;
  const excluded = (abs: string, isDir: boolean) => {
    const out = !!ignoreFiles && (ignoreFiles.isIgnored(abs, isDir) || (!isDir && !!opts.isConfigIgnored?.(abs)));
    if (out && (isDir || isMarkdown(abs))) passedIgnored = true;
    return out;
  };
  const unmatched = (what: string) => {
    const note = passedIgnored ? ' that are not ignored (.gitignore, .claimlintignore or the config\'s "ignore"; --no-ignore lints them)' : '';
    (opts.unmatchedIsError ? errors : warnings).push(`${what}${note}` + (opts.unmatchedIsError ? ' (--no-error-on-unmatched-pattern makes this a warning)' : ''));
  };
  const seen = new Set<string>();
  const files: DiscoveredFile[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  const add = (abs: string, explicit: boolean) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push({ path: abs, display: displayPath(abs, cwd), explicit });
  };

  const unreadable = (dir: string, e: unknown) =>
    warnings.push(`${displayPath(dir, cwd)}: cannot read folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  const walk = (dir: string, accept: (abs: string) => boolean, out: string[]) => walkMarkdown(dir, accept, excluded, out, unreadable);

  const positives = inputs.filter((i) => !i.startsWith('!'));
  const negatives = inputs.filter((i) => i.startsWith('!')).map((i) => i.slice(1));
  const negated = (abs: string) => negatives.some((n) => minimatch(displayPath(abs, cwd), toPosix(n), { dot: true }) || minimatch(toPosix(abs), toPosix(resolve(cwd, n)), { dot: true }));

  for (const input of positives.length ? positives : ['.']) {
    const abs = resolve(cwd, input);
    passedIgnored = false;
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isFile()) {
      if (negated(abs)) continue;
      if (excluded(abs, false)) {
        warnings.push(`${displayPath(abs, cwd)}: ignored by an ignore file or the config's "ignore" (use --no-ignore to lint it)`);
        continue;
      }
      add(abs, true);
    } else if (st?.isDirectory()) {
      const found: string[] = [];
      walk(abs, (f) => !negated(f), found);
      if (found.length === 0) unmatched(`no Markdown files (.md, .markdown) in "${input}"`);
      found.forEach((f) => add(f, false));
    } else if (hasGlobChars(input)) {
      const pattern = toPosix(input).replace(/^\.\//, '');
      const base = resolve(cwd, globBase(pattern));
      const absPattern = toPosix(resolve(cwd, pattern));
      const found: string[] = [];
      if (existsSync(base)) {
        walk(base, (f) => minimatch(toPosix(f), absPattern, { dot: true }) && !negated(f), found);
      }
      if (found.length === 0) unmatched(`no Markdown files match "${input}"`);
      found.forEach((f) => add(f, false));
    } else if (st) {
      errors.push(`${input}: is ${describeKind(st)}, not a file or folder`);
    } else {
      errors.push(`${input}: no such file or folder`);
    }
  }
  return { files, warnings, errors };
}
