// Config discovery shared by the CLI and the language server. A file's configuration is the
// cascade of the config files in its folder and every folder above it (up to one with
// `root: true`, or the filesystem root), merged per key with the nearest winning; each file's
// `extends` come before it and its matching `overrides` after it. Packs and ignore patterns
// accumulate. One config file per folder: .claimlintrc.json, .claimlintrc.jsonc,
// .claimlintrc.yaml, .claimlintrc.yml, .claimlintrc (YAML or JSON), or package.json's "claimlint".
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';
import { createScanner, parse as parseJsonc, SyntaxKind, type ParseError } from 'jsonc-parser';
import { parseDocument, LineCounter, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { CODES, DEFAULT_CONFIG, type CitationStyle, type Code, type EngineConfig, type SeveritySetting } from '../engine/index.js';
import { ConfigSchema, CONFIG_KEYS, OVERRIDE_KEYS, SEVERITY_SETTINGS, closest, type ConfigFile } from './schema.js';
import { readRegularFile } from '../fs/safe-fs.js';

/** Config file names, in order of precedence within one folder. */
export const CONFIG_FILES = ['.claimlintrc.json', '.claimlintrc.jsonc', '.claimlintrc.yaml', '.claimlintrc.yml', '.claimlintrc', 'package.json'] as const;

/** A problem in a config file. `line` and `column` are 1-based, as printed (file:line:column).
 *  (The pack loader's PackError is 0-based; the language server converts each accordingly.) */
export interface ConfigError {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Where a value of the effective configuration was set (1-based), `via` naming an override. */
export interface ValueOrigin { file: string; line: number; column: number; via?: string }

/** Ignore patterns and the folder they are relative to. */
export interface IgnoreSet { base: string; patterns: string[] }

export interface ResolvedConfig {
  engine: EngineConfig;
  /** Extra claim packs, absolute paths. */
  packs: string[];
  /** .gitignore-style patterns with the folder each set is relative to (its config file's). */
  ignores: IgnoreSet[];
  /** The nearest config file (absolute), if any. */
  file?: string;
  /** Every config file that contributed, in merge order (extended files before those extending them). */
  files: string[];
  /** Identifies the effective configuration (files and matched overrides): equal keys, equal configs. */
  key: string;
  /** Where each value came from (for --print-config): rules by code, citationStyle, packs and ignores by index. */
  origins: { rules: Partial<Record<Code, ValueOrigin>>; citationStyle?: ValueOrigin; packs: ValueOrigin[]; ignore: ValueOrigin[] };
  errors: ConfigError[];
}

interface LoadedConfig {
  config: ConfigFile;
  errors: ConfigError[];
  /** 1-based positions of values, by path ("rules.uncited-claim", "packs.0", "overrides.1.files"). */
  positions: Map<string, [number, number]>;
}

type CacheEntry =
  | { kind: 'dir'; chain: string[] }
  | { kind: 'file'; loaded: LoadedConfig | null }
  | { kind: 'unread'; names: string[] };
/** Per-folder discovery cache. Clear it (or drop it) when a config file changes. */
export type ConfigCache = Map<string, CacheEntry>;
export const createConfigCache = (): ConfigCache => new Map();

export interface ResolveOptions {
  /** Base for a relative `filePath` and `explicitConfig`, and the ignore base without a config file. */
  cwd?: string;
  /** Use this config file for every file instead of discovery (`--config`). */
  explicitConfig?: string;
  cache?: ConfigCache;
}

/** How deep `extends` may nest. */
const MAX_EXTENDS_DEPTH = 16;

/** One config file in merge order, with the folder its ignore patterns and override globs are relative to. */
interface Layer { file: string; anchor: string; loaded: LoadedConfig }

/** The configuration that applies to `filePath` (a file; need not exist). */
export function resolveConfig(filePath: string, opts: ResolveOptions = {}): ResolvedConfig {
  const cwd = opts.cwd ?? process.cwd();
  const cache = opts.cache ?? createConfigCache();
  const target = resolve(cwd, filePath);
  let chain: string[];
  if (opts.explicitConfig !== undefined) chain = [resolve(cwd, opts.explicitConfig)];
  else chain = configChain(dirname(target), cache);
  const errors: ConfigError[] = [];
  const layers: Layer[] = [];
  for (const file of chain) {
    const loaded = loadCached(file, cache, opts.explicitConfig !== undefined);
    if (!loaded) continue;
    expandExtends(file, loaded, dirname(file), cache, layers, errors, [file]);
  }
  return build(target, layers, errors, cwd, chain[chain.length - 1]);
}

/** The cascade's files for a folder, outermost first. Caches every folder it visits. */
function configChain(dir: string, cache: ConfigCache): string[] {
  const hit = cache.get('dir:' + dir);
  if (hit && hit.kind === 'dir') return hit.chain;
  // Walk up to a cached folder or the root, then build the chains back down (no recursion).
  const pending: string[] = [];
  let above: string[] = [];
  for (let d = resolve(dir); ; ) {
    const h = cache.get('dir:' + d);
    if (h && h.kind === 'dir') { above = h.chain; break; }
    pending.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (let i = pending.length - 1; i >= 0; i--) {
    const d = pending[i]!;
    const own = configIn(d, cache);
    if (own) {
      const loaded = loadCached(own, cache, false);
      above = loaded?.config.root === true ? [own] : [...above, own];
    }
    cache.set('dir:' + d, { kind: 'dir', chain: above });
  }
  return above;
}

/** Appends the layers of `file` (its extends first, depth-first) to `layers`. */
function expandExtends(file: string, loaded: LoadedConfig, anchor: string, cache: ConfigCache, layers: Layer[], errors: ConfigError[], stack: string[]): void {
  errors.push(...loaded.errors);
  const list = loaded.config.extends === undefined ? [] : Array.isArray(loaded.config.extends) ? loaded.config.extends : [loaded.config.extends];
  list.forEach((entry, i) => {
    const [line, column] = loaded.positions.get(Array.isArray(loaded.config.extends) ? `extends.${i}` : 'extends') ?? [1, 1];
    const fail = (message: string) => errors.push({ file, line, column, message: `extends${Array.isArray(loaded.config.extends) ? `[${i}]` : ''}: ${message}`, severity: 'error' });
    const target = resolveExtends(dirname(file), entry);
    if ('error' in target) return void fail(target.error);
    if (stack.includes(target.file) || stack.length > MAX_EXTENDS_DEPTH) return void fail(`"${entry}" extends itself (${[...stack, target.file].map((f) => basename(f)).join(' → ')})`);
    const sub = loadCached(target.file, cache, true);
    if (sub) expandExtends(target.file, sub, anchor, cache, layers, errors, [...stack, target.file]);
  });
  layers.push({ file, anchor, loaded });
}

/** An `extends` entry as a config file: a path in the config's folder tree, or a package in node_modules. */
function resolveExtends(base: string, entry: string): { file: string } | { error: string } {
  const local = resolve(base, entry);
  const looksLikePackage = !entry.startsWith('.') && !isAbsolute(entry) && /^(@[\w.-]+\/)?[\w.-]+(\/.*)?$/.test(entry);
  if (existsSync(local) && !(looksLikePackage && statSync(local).isDirectory())) {
    if (!isPlaceAllowed(local, base)) return { error: `"${entry}" is outside this config file's folder; a config can extend files only in its own folder tree or in node_modules` };
    return statSync(local).isDirectory() ? configInPackage(local, entry) : { file: local };
  }
  if (!looksLikePackage) return { error: `"${entry}": no such file` };
  const pkg = resolvePackPath(base, entry);
  if (!existsSync(pkg)) return { error: `"${entry}": no such file, and no package of that name in node_modules` };
  return statSync(pkg).isDirectory() ? configInPackage(pkg, entry) : { file: pkg };
}

/** The config a package (or folder) provides: its package.json's "claimlint" key, or a .claimlintrc* in it. */
function configInPackage(dir: string, entry: string): { file: string } | { error: string } {
  for (const name of CONFIG_FILES) {
    const f = join(dir, name);
    if (pathKind(f) !== 'file') continue;
    if (name !== 'package.json' || loadConfigFile(f, false)) return { file: f };
  }
  return { error: `"${entry}" has no config: neither a "claimlint" key in its package.json nor a .claimlintrc file` };
}

function build(target: string, layers: Layer[], errors: ConfigError[], cwd: string, nearest: string | undefined): ResolvedConfig {
  const rules: Partial<Record<Code, SeveritySetting>> = {};
  const origins: ResolvedConfig['origins'] = { rules: {}, packs: [], ignore: [] };
  let citationStyle: CitationStyle = DEFAULT_CONFIG.citationStyle;
  const packs: string[] = [];
  const ignores: IgnoreSet[] = [];
  const keyParts: string[] = [];
  for (const { file, anchor, loaded } of layers) {
    const c = loaded.config;
    const at = (path: string, via?: string): ValueOrigin => {
      const [line, column] = loaded.positions.get(path) ?? [1, 1];
      return via ? { file, line, column, via } : { file, line, column };
    };
    const apply = (part: Pick<ConfigFile, 'rules' | 'citationStyle' | 'packs'>, prefix: string, via?: string) => {
      for (const [code, sev] of Object.entries(part.rules ?? {})) {
        rules[code as Code] = sev as SeveritySetting;
        origins.rules[code as Code] = at(`${prefix}rules.${code}`, via);
      }
      if (part.citationStyle) {
        citationStyle = part.citationStyle;
        origins.citationStyle = at(`${prefix}citationStyle`, via);
      }
      (part.packs ?? []).forEach((p, i) => {
        const abs = resolvePackPath(dirname(file), p);
        if (packs.includes(abs)) return;
        packs.push(abs);
        origins.packs.push(at(`${prefix}packs.${i}`, via));
      });
    };
    keyParts.push(file);
    apply(c, '');
    if (c.ignore?.length) {
      ignores.push({ base: anchor, patterns: [...c.ignore] });
      c.ignore.forEach((_, i) => origins.ignore.push(at(`ignore.${i}`)));
    }
    (c.overrides ?? []).forEach((o, i) => {
      if (!matchesGlobs(target, anchor, typeof o.files === 'string' ? [o.files] : o.files)) return;
      keyParts.push(`#${i}`);
      apply(o, `overrides.${i}.`, `overrides[${i}]`);
    });
  }
  return {
    engine: { rules, citationStyle },
    packs,
    ignores,
    file: nearest,
    files: layers.map((l) => l.file),
    key: keyParts.join('\0'),
    origins,
    errors: dedupe(errors),
  };
}

function dedupe(errors: ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.file}:${e.line}:${e.column}:${e.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** Whether `file` matches one of `globs` (relative to `anchor`; a glob without "/" matches the file name anywhere). */
function matchesGlobs(file: string, anchor: string, globs: readonly string[]): boolean {
  const rel = relative(anchor, file);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
  const posix = rel.split(sep).join('/');
  return globs.some((g) => minimatch(posix, g.replace(/^\.\//, ''), { dot: true, matchBase: !g.includes('/') }));
}

/** The nearest config file at or above `dir`, or null. */
export function findConfigFile(dir: string, cache: ConfigCache = createConfigCache()): string | null {
  const chain = configChain(dir, cache);
  return chain[chain.length - 1] ?? null;
}

function configIn(dir: string, cache: ConfigCache): string | null {
  for (const name of CONFIG_FILES) {
    const f = join(dir, name);
    const kind = pathKind(f);
    if (kind === 'missing') continue;
    // A .claimlintrc.json that is a folder or a FIFO wins too, and is reported: skipping it would
    // silently lint with the wrong (outer or default) configuration.
    if (name !== 'package.json') return f;
    if (kind !== 'file') continue;
    // A package.json counts only when it has a "claimlint" key (or is too broken to tell).
    if (loadCached(f, cache, false)) return f;
  }
  return null;
}

/**
 * Names in `dir` that look like claimlint config files but are not read: other spellings
 * (.claimlintrc.toml, claimlint.config.js, .claimlint.yaml) and config files shadowed by another
 * one in the same folder. For a warning, so that a misnamed config does not silently do nothing.
 */
export function unreadConfigNames(dir: string, cache: ConfigCache = createConfigCache()): string[] {
  const key = 'unread:' + dir;
  const hit = cache.get(key);
  if (hit && hit.kind === 'unread') return hit.names;
  let names: string[] = [];
  try {
    const used = configIn(dir, cache);
    // Config spellings only: not claimlint's reports (claimlint.sarif, claimlint.json) or its other dotfiles.
    names = readdirSync(dir)
      .filter((n) => /^\.claimlintrc(?:\..+)?$/i.test(n) || /^\.claimlint\.(?:jsonc?|ya?ml|toml|[cm]?[jt]s)$/i.test(n) || /^\.?claimlint\.config\.[a-z]+$/i.test(n))
      .filter((n) => n !== (used && basename(used)))
      .sort();
  } catch {
    names = [];
  }
  cache.set(key, { kind: 'unread', names });
  return names;
}

function pathKind(p: string): 'file' | 'other' | 'missing' {
  try {
    return statSync(p).isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

function loadCached(file: string, cache: ConfigCache, explicit: boolean): LoadedConfig | null {
  const key = 'file:' + file;
  const hit = cache.get(key);
  if (hit && hit.kind === 'file') return hit.loaded;
  const loaded = loadConfigFile(file, explicit);
  cache.set(key, { kind: 'file', loaded });
  return loaded;
}

/**
 * Reads and validates one config file. Returns null for a package.json without a "claimlint"
 * key (unless `explicit`, when the missing key is an error).
 */
export function loadConfigFile(file: string, explicit = false): LoadedConfig | null {
  // Non-blocking and capped: a FIFO or device named like a config must not hang the run.
  const read = readRegularFile(file, MAX_CONFIG_BYTES);
  if (!read.ok) {
    const why = read.code === 'ENOENT' ? 'config file not found'
      : read.code === 'EISDIR' ? 'config path is a folder, not a file'
      : read.code === 'ENOTFILE' || read.code === 'EFBIG' ? `config path ${read.reason}`
      : `cannot read config file (${read.code})`;
    return { config: {}, errors: [{ file, line: 1, column: 1, message: why, severity: 'error' }], positions: new Map() };
  }
  return parseConfigText(read.data.toString('utf8'), file, explicit);
}

/** Parses config text (exported for the language server, which may hold unsaved text). */
export function parseConfigText(text: string, file: string, explicit = false): LoadedConfig | null {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const isPackage = basename(file) === 'package.json';
  const ext = extname(file).toLowerCase();
  // .claimlintrc without an extension is JSON when it starts like JSON, else YAML.
  const isJsonc = ext === '.jsonc';
  const isJson = ext === '.json' || (basename(file) === '.claimlintrc' && /^\s*\{/.test(text));
  const errors: ConfigError[] = [];
  const positions = new Map<string, [number, number]>();
  const err = (offset: number, message: string): ConfigError => ({ file, ...lineCol(text, offset), message, severity: 'error' });
  // A broken file still ends the cascade if it says `root: true` (its parents must not slip in).
  let isRoot = false;
  const failed = (list: ConfigError[]): LoadedConfig => ({ config: isRoot ? { root: true } : {}, errors: list, positions });

  // JSON first through JSON.parse (its errors read like JSON, not YAML), JSON with comments through
  // jsonc-parser; then through `yaml` (comments blanked out) for the node positions of values.
  let yamlText = text;
  if (isJson) {
    try {
      JSON.parse(text);
    } catch (e) {
      if (isPackage && !/"claimlint"\s*:/.test(text)) return null;
      const { offset, message } = jsonError(e as Error, text);
      return failed([err(offset, `invalid JSON: ${message}`)]);
    }
  } else if (isJsonc) {
    const problems: ParseError[] = [];
    parseJsonc(text, problems, { allowTrailingComma: true, disallowComments: false });
    if (problems.length) return failed(problems.map((p) => err(p.offset, `invalid JSON: ${JSONC_ERRORS[p.error] ?? 'syntax error'}`)));
    yamlText = blankComments(text).replace(/,(\s*[}\]])/g, ' $1');
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) errors.push(err(e.pos[0], `invalid ${isJson || isJsonc ? 'JSON' : 'YAML'}: ${firstLine(e.message)}`));
    return failed(errors);
  }
  let root: unknown = doc.toJS({ maxAliasCount: 100 });
  const prefix: (string | number)[] = [];
  if (isPackage) {
    if (!root || typeof root !== 'object' || !('claimlint' in root)) {
      if (!explicit) return null;
      return failed([err(0, 'package.json has no "claimlint" key')]);
    }
    root = (root as Record<string, unknown>).claimlint;
    prefix.push('claimlint');
  }
  // An empty YAML file is a valid, empty config; an explicit null (`null` in .claimlintrc.json) is a mistake.
  if (root === undefined || (root === null && doc.contents === null && !isPackage)) return { config: {}, errors, positions };
  if (root === null) {
    const at = prefix.length ? doc.getIn(prefix, true) as YamlNode | undefined : doc.contents as YamlNode | null;
    const where = prefix.length ? `${formatPath(prefix)}: ` : '';
    return failed([err(at?.range?.[0] ?? 0, `${where}the configuration must be a mapping (object), not null`)]);
  }
  isRoot = typeof root === 'object' && (root as { root?: unknown }).root === true;
  const top = prefix.length ? doc.getIn(prefix, true) : doc.contents;
  collectPositions(top as YamlNode | null, '', positions, (offset) => {
    const lc = lineCol(text, offset);
    return [lc.line, lc.column];
  });
  const parsed = ConfigSchema.safeParse(root);
  if (parsed.success) {
    errors.push(...packPlaceErrors(parsed.data, file, (path) => nodeOffset(doc, [...prefix, ...path])).map((e) => err(e.offset, e.message)));
    return errors.length ? failed(errors) : { config: parsed.data, errors, positions };
  }
  for (const issue of parsed.error.issues) {
    const { offset, path } = locateIssue(doc, prefix, issue);
    const where = path.length ? `${formatPath(path)}: ` : '';
    errors.push(err(offset, where + issueMessage(issue)));
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return failed(errors);
}

/** JSON-with-comments text with every comment replaced by spaces (line breaks kept): offsets stay valid. */
function blankComments(text: string): string {
  const scanner = createScanner(text, false);
  let out = '';
  let last = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.LineCommentTrivia && kind !== SyntaxKind.BlockCommentTrivia) continue;
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    out += text.slice(last, start) + text.slice(start, end).replace(/[^\n]/g, ' ');
    last = end;
  }
  return out + text.slice(last);
}

const JSONC_ERRORS: Record<number, string> = {
  1: 'invalid symbol', 2: 'invalid number format', 3: 'a property name is expected', 4: 'a value is expected',
  5: 'a colon is expected', 6: 'a comma is expected', 7: 'a closing brace is expected', 8: 'a closing bracket is expected',
  9: 'end of file expected', 10: 'invalid comment token', 11: 'unexpected end of comment', 12: 'unexpected end of string',
  13: 'unexpected end of number', 14: 'invalid unicode', 15: 'invalid escape character', 16: 'invalid character',
};

/** 1-based positions of every value in a config mapping, by dotted path. */
function collectPositions(node: YamlNode | null, path: string, out: Map<string, [number, number]>, at: (offset: number) => [number, number]): void {
  if (!node) return;
  if (node.range && path) out.set(path, at(node.range[0]));
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = `${path ? path + '.' : ''}${String(pair.key.value)}`;
      if (pair.value && (pair.value as YamlNode).range) collectPositions(pair.value as YamlNode, key, out, at);
      else if (pair.key.range) out.set(key, at(pair.key.range[0]));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => collectPositions(item as YamlNode, `${path}.${i}`, out, at));
  }
}

/** Largest config file read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * A `packs` entry as a path: relative to the config file's folder, or, when nothing is there and it
 * reads like a package name ("@org/claims", "claims-pack/packs"), the first node_modules/NAME found
 * walking up from that folder (as Node resolves packages).
 */
export function resolvePackPath(base: string, entry: string): string {
  const local = resolve(base, entry);
  if (existsSync(local) || !/^(@[\w.-]+\/)?[\w.-]+(\/[^\\]*)?$/.test(entry) || entry.startsWith('.')) return local;
  for (let d = base; ; ) {
    const candidate = join(d, 'node_modules', entry);
    if (existsSync(candidate)) return candidate;
    const up = dirname(d);
    if (up === d) return local;
    d = up;
  }
}

const realOrSelf = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};
const isInside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Config files may name packs only inside their own folder tree or in node_modules (a folder's own
 * or an ancestor's): a repository's config must not make claimlint read arbitrary files of the
 * machine it runs on. Links are followed before the check. `--pack` on the command line is not
 * limited. A pack that does not exist is reported here too, at the line that names it.
 */
function packPlaceErrors(config: ConfigFile, file: string, offsetOf: (path: (string | number)[]) => number): { offset: number; message: string }[] {
  const base = dirname(resolve(file));
  const out: { offset: number; message: string }[] = [];
  const check = (entries: readonly string[] | undefined, path: (string | number)[], label: string) => (entries ?? []).forEach((entry, i) => {
    const resolved = resolvePackPath(base, entry);
    const at = offsetOf([...path, i]);
    if (!isPlaceAllowed(resolved, base)) {
      out.push({ offset: at, message: `${label}[${i}]: "${entry}" is outside this config file's folder; a config file can name packs only in its own folder tree or in node_modules (load others with --pack on the command line)` });
    } else if (!existsSync(resolved)) {
      out.push({ offset: at, message: `${label}[${i}]: "${entry}": no such file or folder${/^[@\w]/.test(entry) && !entry.includes('.') ? ' (nor a package of that name in node_modules)' : ''}` });
    }
  });
  check(config.packs, ['packs'], 'packs');
  (config.overrides ?? []).forEach((o, i) => check(o.packs, ['overrides', i, 'packs'], `overrides[${i}].packs`));
  return out;
}

/** Whether a config in `base` may read `target`: inside `base`'s tree, or in a node_modules of it or an ancestor. */
function isPlaceAllowed(target: string, base: string): boolean {
  const real = realOrSelf(target);
  const realBase = realOrSelf(base);
  if (isInside(real, realBase)) return true;
  for (let d = realBase; ; ) {
    if (isInside(real, join(d, 'node_modules'))) return true;
    const up = dirname(d);
    if (up === d) return false;
    d = up;
  }
}

/** Offset of the node at `path`, or of its nearest ancestor that has one. */
function nodeOffset(doc: Document, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const at = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as YamlNode | null | undefined;
    if (at && at.range) return at.range[0];
  }
  return 0;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const allowed = issue.path.includes('overrides') ? OVERRIDE_KEYS : CONFIG_KEYS.filter((k) => k !== '$schema');
    const keys = issue.keys.map((k) => {
      const guess = closest(k, allowed);
      return `"${k}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
    }).join(', ');
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}; the keys are ${allowed.map((k) => `"${k}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_type') {
    const expected = issue.expected === 'record' ? 'object' : issue.expected;
    return `expected ${expected === 'array' ? 'a list' : expected === 'object' ? 'a mapping (object)' : `a ${expected}`}`;
  }
  return issue.message;
}

const formatPath = (path: (string | number | symbol)[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : (i ? '.' : '') + String(p))).join('');

/** Offset of the YAML node an issue is about: the offending key for unknown keys, else the value. */
function locateIssue(doc: Document, prefix: (string | number)[], issue: z.core.$ZodIssue): { offset: number; path: (string | number)[] } {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let keyName: string | undefined;
  if (issue.code === 'unrecognized_keys') keyName = issue.keys[0];
  else if (issue.code === 'custom' && (issue as { params?: { claimlintKey?: boolean } }).params?.claimlintKey) keyName = String(path[path.length - 1]);
  const containerPath = keyName !== undefined && issue.code !== 'unrecognized_keys' ? path.slice(0, -1) : path;
  const full = [...prefix, ...containerPath];
  const node = doc.getIn(full, true) as YamlNode | undefined;
  if (keyName !== undefined && isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === keyName && pair.key.range) {
        return { offset: pair.key.range[0], path };
      }
    }
  }
  return { offset: nodeOffset(doc, full), path };
}

/** "file:line:col: severity: message", 1-based. */
export function formatConfigError(e: ConfigError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.severity}: ${e.message}`;
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) { line++; lineStart = i + 1; }
  }
  return { line, column: Math.min(offset, text.length) - lineStart + 1 };
}

/** Position and wording of a JSON.parse error, across V8's message formats. */
function jsonError(e: Error, text: string): { offset: number; message: string } {
  const msg = e.message;
  let offset = text.length;
  const pos = /at position (\d+)/.exec(msg);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (pos) offset = Number(pos[1]);
  else if (lc) {
    const lines = text.split('\n');
    offset = lines.slice(0, Number(lc[1]) - 1).reduce((n, l) => n + l.length + 1, 0) + Number(lc[2]) - 1;
  }
  const clean = msg.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  return { offset, message: firstLine(clean) || 'syntax error' };
}

const firstLine = (s: string) => s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();

const ignorers = new WeakMap<IgnoreSet, Ignore>();

/** Whether the config's `ignore` patterns exclude `absPath` (a file). Each config file's patterns
 *  apply only to files in its own folder tree. */
export function isIgnoredByConfig(resolved: Pick<ResolvedConfig, 'ignores'>, absPath: string): boolean {
  for (const set of resolved.ignores) {
    const rel = relative(set.base, absPath);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) continue;
    let ig = ignorers.get(set);
    if (!ig) {
      ig = ignore().add(set.patterns);
      ignorers.set(set, ig);
    }
    if (ig.ignores(rel.split(sep).join('/'))) return true;
  }
  return false;
}

/** Editor settings the language server reads (all optional). */
export interface EditorSettings {
  rules?: Partial<Record<string, SeveritySetting>>;
  citationStyle?: CitationStyle;
  packs?: string[];
  ignore?: string[];
}

/**
 * Merges editor settings under a resolved config. The config file is the project's shared
 * choice, so it wins: per rule, a rule the file sets keeps the file's severity and editor
 * settings fill in the others; the file's citationStyle wins when it sets one; packs and
 * ignore patterns from both apply (editor pack paths must be absolute or relative to `base`).
 */
export function mergeEditorSettings(resolved: ResolvedConfig, settings: EditorSettings | undefined, base?: string): ResolvedConfig {
  if (!settings) return resolved;
  const rules: Partial<Record<Code, SeveritySetting>> = {};
  for (const [code, sev] of Object.entries(settings.rules ?? {})) {
    if (sev !== undefined && (CODES as readonly string[]).includes(code) && (SEVERITY_SETTINGS as readonly string[]).includes(sev)) {
      rules[code as Code] = sev;
    }
  }
  Object.assign(rules, resolved.engine.rules);
  const citationStyle = resolved.origins.citationStyle ? resolved.engine.citationStyle : settings.citationStyle ?? resolved.engine.citationStyle;
  const packBase = base ?? (resolved.file ? dirname(resolved.file) : process.cwd());
  const packs = [...resolved.packs];
  for (const p of settings.packs ?? []) {
    const abs = isAbsolute(p) ? p : resolve(packBase, p);
    if (!packs.includes(abs)) packs.push(abs);
  }
  return {
    ...resolved,
    engine: { rules, citationStyle },
    packs,
    ignores: settings.ignore?.length ? [...resolved.ignores, { base: packBase, patterns: [...settings.ignore] }] : resolved.ignores,
  };
}
