// Config discovery shared by the CLI and the language server: for each file, the nearest
// `.claimlintrc.json` / `.claimlintrc.yaml` / `.claimlintrc.yml` / package.json with a "claimlint"
// key, walking up from the file's folder to the filesystem root. Nearest wins; files are not merged.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { parseDocument, LineCounter, isMap, isPair, isScalar, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { CODES } from '../engine/rules/index.js';
import { DEFAULT_CONFIG, type CitationStyle, type Code, type EngineConfig, type SeveritySetting } from '../engine/types.js';
import { ConfigSchema, SEVERITY_SETTINGS, type ConfigFile } from './schema.js';
import { readRegularFile } from '../fs/safe-fs.js';

/** Config file names, in order of precedence within one folder. */
export const CONFIG_FILES = ['.claimlintrc.json', '.claimlintrc.yaml', '.claimlintrc.yml', 'package.json'] as const;

/** A problem in a config file. `line` and `column` are 1-based, as printed (file:line:column).
 *  (The pack loader's PackError is 0-based; the language server converts each accordingly.) */
export interface ConfigError {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ResolvedConfig {
  engine: EngineConfig;
  /** Extra claim packs, absolute paths. */
  packs: string[];
  /** .gitignore-style patterns, relative to `ignoreBase`. */
  ignore: string[];
  /** The folder `ignore` patterns are relative to (the config file's folder, or cwd without one). */
  ignoreBase: string;
  /** The config file used (absolute), if any. */
  file?: string;
  /** What the config file itself set (validated), `{}` without one. */
  raw: ConfigFile;
  errors: ConfigError[];
}

interface LoadedConfig {
  config: ConfigFile;
  errors: ConfigError[];
}

type CacheEntry = { kind: 'dir'; file: string | null } | { kind: 'file'; loaded: LoadedConfig | null };
/** Per-directory discovery cache. Clear it (or drop it) when a config file changes. */
export type ConfigCache = Map<string, CacheEntry>;
export const createConfigCache = (): ConfigCache => new Map();

export interface ResolveOptions {
  /** Base for a relative `filePath` and `explicitConfig`, and the ignore base without a config file. */
  cwd?: string;
  /** Use this config file for every file instead of discovery (`--config`). */
  explicitConfig?: string;
  cache?: ConfigCache;
}

/** The configuration that applies to `filePath` (a file; need not exist). */
export function resolveConfig(filePath: string, opts: ResolveOptions = {}): ResolvedConfig {
  const cwd = opts.cwd ?? process.cwd();
  const cache = opts.cache ?? createConfigCache();
  let file: string | null;
  if (opts.explicitConfig !== undefined) {
    file = resolve(cwd, opts.explicitConfig);
    const loaded = loadCached(file, cache, true);
    return build(file, loaded, cwd);
  }
  file = findConfigFile(dirname(resolve(cwd, filePath)), cache);
  return build(file, file ? loadCached(file, cache, false) : null, cwd);
}

function build(file: string | null, loaded: LoadedConfig | null, cwd: string): ResolvedConfig {
  if (!file || !loaded) {
    return { engine: { ...DEFAULT_CONFIG, rules: {} }, packs: [], ignore: [], ignoreBase: cwd, raw: {}, errors: [] };
  }
  const base = dirname(file);
  const c = loaded.config;
  return {
    engine: {
      rules: { ...(c.rules as Partial<Record<Code, SeveritySetting>> | undefined) },
      citationStyle: c.citationStyle ?? DEFAULT_CONFIG.citationStyle,
    },
    packs: (c.packs ?? []).map((p) => resolvePackPath(base, p)),
    ignore: [...(c.ignore ?? [])],
    ignoreBase: base,
    file,
    raw: c,
    errors: loaded.errors,
  };
}

/** The nearest config file at or above `dir`, or null. Caches every folder it visits. */
export function findConfigFile(dir: string, cache: ConfigCache = createConfigCache()): string | null {
  const visited: string[] = [];
  let found: string | null = null;
  for (let d = resolve(dir); ; ) {
    const hit = cache.get('dir:' + d);
    if (hit && hit.kind === 'dir') { found = hit.file; break; }
    visited.push(d);
    const f = configIn(d, cache);
    if (f) { found = f; break; }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const d of visited) cache.set('dir:' + d, { kind: 'dir', file: found });
  return found;
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
    return { config: {}, errors: [{ file, line: 1, column: 1, message: why, severity: 'error' }] };
  }
  return parseConfigText(read.data.toString('utf8'), file, explicit);
}

/** Parses config text (exported for the language server, which may hold unsaved text). */
export function parseConfigText(text: string, file: string, explicit = false): LoadedConfig | null {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const isPackage = basename(file) === 'package.json';
  const ext = extname(file).toLowerCase();
  const isJson = ext === '.json';
  const errors: ConfigError[] = [];
  const err = (offset: number, message: string): ConfigError => ({ file, ...lineCol(text, offset), message, severity: 'error' });

  // JSON first through JSON.parse (its errors read like JSON, not YAML), then through `yaml`
  // for the node positions used in validation messages.
  if (isJson) {
    try {
      JSON.parse(text);
    } catch (e) {
      if (isPackage && !/"claimlint"\s*:/.test(text)) return null;
      const { offset, message } = jsonError(e as Error, text);
      return { config: {}, errors: [err(offset, `invalid JSON: ${message}`)] };
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) errors.push(err(e.pos[0], `invalid ${isJson ? 'JSON' : 'YAML'}: ${firstLine(e.message)}`));
    return { config: {}, errors };
  }
  let root: unknown = doc.toJS({ maxAliasCount: 100 });
  const prefix: (string | number)[] = [];
  if (isPackage) {
    if (!root || typeof root !== 'object' || !('claimlint' in root)) {
      if (!explicit) return null;
      return { config: {}, errors: [err(0, 'package.json has no "claimlint" key')] };
    }
    root = (root as Record<string, unknown>).claimlint;
    prefix.push('claimlint');
  }
  // An empty YAML file is a valid, empty config; an explicit null (`null` in .claimlintrc.json) is a mistake.
  if (root === undefined || (root === null && doc.contents === null && !isPackage)) return { config: {}, errors };
  if (root === null) {
    const at = prefix.length ? doc.getIn(prefix, true) as YamlNode | undefined : doc.contents as YamlNode | null;
    const where = prefix.length ? `${formatPath(prefix)}: ` : '';
    return { config: {}, errors: [err(at?.range?.[0] ?? 0, `${where}the configuration must be a mapping (object), not null`)] };
  }
  const parsed = ConfigSchema.safeParse(root);
  if (parsed.success) {
    errors.push(...packPlaceErrors(parsed.data, file, (i) => nodeOffset(doc, [...prefix, 'packs', i])).map((e) => err(e.offset, e.message)));
    return errors.length ? { config: {}, errors } : { config: parsed.data, errors };
  }
  for (const issue of parsed.error.issues) {
    const { offset, path } = locateIssue(doc, prefix, issue);
    const where = path.length ? `${formatPath(path)}: ` : '';
    errors.push(err(offset, where + issueMessage(issue)));
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { config: {}, errors };
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
 * machine it runs on. Links are followed before the check. `--pack` on the command line is not limited.
 */
function packPlaceErrors(config: ConfigFile, file: string, offsetOf: (index: number) => number): { offset: number; message: string }[] {
  const base = dirname(resolve(file));
  const realBase = realOrSelf(base);
  const out: { offset: number; message: string }[] = [];
  (config.packs ?? []).forEach((entry, i) => {
    const real = realOrSelf(resolvePackPath(base, entry));
    if (isInside(real, realBase)) return;
    for (let d = realBase; ; ) {
      if (isInside(real, join(d, 'node_modules'))) return;
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
    out.push({
      offset: offsetOf(i),
      message: `packs[${i}]: "${entry}" is outside this config file's folder; a config file can name packs only in its own folder tree or in node_modules (load others with --pack on the command line)`,
    });
  });
  return out;
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
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}; the keys are "rules", "packs", "citationStyle", "ignore"`;
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

const ignorers = new WeakMap<ResolvedConfig, Ignore>();

/** Whether the config's `ignore` patterns exclude `absPath` (a file). Files outside the config
 *  file's folder are never excluded by it. */
export function isIgnoredByConfig(resolved: ResolvedConfig, absPath: string): boolean {
  if (resolved.ignore.length === 0) return false;
  const rel = relative(resolved.ignoreBase, absPath);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
  let ig = ignorers.get(resolved);
  if (!ig) {
    ig = ignore().add(resolved.ignore);
    ignorers.set(resolved, ig);
  }
  return ig.ignores(rel.split(sep).join('/'));
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
  const citationStyle = resolved.raw.citationStyle ?? settings.citationStyle ?? resolved.engine.citationStyle;
  const packBase = base ?? resolved.ignoreBase;
  const packs = [...resolved.packs];
  for (const p of settings.packs ?? []) {
    const abs = isAbsolute(p) ? p : resolve(packBase, p);
    if (!packs.includes(abs)) packs.push(abs);
  }
  return {
    ...resolved,
    engine: { rules, citationStyle },
    packs,
    ignore: [...resolved.ignore, ...(settings.ignore ?? []).filter((g) => !resolved.ignore.includes(g))],
  };
}
