// Claim packs (YAML or JSON text) → a validated Database plus precise errors. Pure: no fs.
//
// Every pack is parsed with `yaml` keeping node ranges, each record is validated on its own with
// the zod schema, and every problem is reported at the file/line/column of the offending node in
// plain words. A broken record is dropped with its error; the rest of the pack still loads. User
// packs are layered on a base database (the embedded one), which they can reference but never break.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import {
  Caution, Claim, Concept, PackFile, Source,
  type Database, type Origin,
} from './schema.js';
import { patternHazard } from './regex-safety.js';

export interface PackInput {
  /** Path or name used in messages and origins. */
  file: string;
  text: string;
  /** The pack's namespace when its files do not name one (`pack.name`): the folder or file name it was loaded by. */
  namespace?: string;
}

/** The embedded database's namespace: user packs refer to its records as `claimlint/ID`. */
export const EMBEDDED_NAMESPACE = 'claimlint';

/** A problem in a pack. `line` and `column` are 0-based; `formatPackError` prints them 1-based. */
export interface PackError {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface LoadResult {
  db: Database;
  errors: PackError[];
}

export interface LoadOptions {
  /** Records already loaded (the embedded database). Packs may reference them; duplicates of their ids are errors. */
  base?: Database;
}

export type RecordKind = 'source' | 'concept' | 'claim' | 'caution';
const KINDS: Array<{ kind: RecordKind; list: 'sources' | 'concepts' | 'claims' | 'cautions'; schema: z.ZodType }> = [
  { kind: 'source', list: 'sources', schema: Source },
  { kind: 'concept', list: 'concepts', schema: Concept },
  { kind: 'claim', list: 'claims', schema: Claim },
  { kind: 'caution', list: 'cautions', schema: Caution },
];
const TOP_LEVEL = ['$schema', 'pack', 'sources', 'concepts', 'claims', 'cautions'];

export function emptyDatabase(): Database {
  return { sources: new Map(), concepts: new Map(), claims: new Map(), cautions: new Map(), origins: new Map() };
}

/** "file:line:col: severity: message", 1-based, the format editors and terminals link. */
export function formatPackError(e: PackError): string {
  return `${e.file}:${e.line + 1}:${e.column + 1}: ${e.severity}: ${e.message}`;
}

export function hasErrors(errors: PackError[]): boolean {
  return errors.some((e) => e.severity === 'error');
}

/** Layers `overlay` on `base` into a new Database; ids already in `base` keep the base record. */
export function mergeDatabases(base: Database, overlay: Database): Database {
  const db = emptyDatabase();
  for (const key of ['sources', 'concepts', 'claims', 'cautions', 'origins'] as const) {
    const into = db[key] as Map<string, unknown>;
    for (const [k, v] of base[key] as Map<string, unknown>) into.set(k, v);
    for (const [k, v] of overlay[key] as Map<string, unknown>) if (!into.has(k)) into.set(k, v);
  }
  // The recogniser knows the base's claims; a pack's claims are recognised by their concepts.
  const recognizer = base.recognizer ?? overlay.recognizer;
  if (recognizer) db.recognizer = recognizer;
  return db;
}

// ---------------------------------------------------------------------------------------------
// Positions

type Path = Array<string | number>;

interface ParsedFile {
  file: string;
  doc: Document;
  lines: LineCounter;
}

function position(pf: ParsedFile, offset: number): { line: number; column: number } {
  const p = pf.lines.linePos(Math.max(0, offset));
  return { line: p.line - 1, column: p.col - 1 };
}

/** The YAML node at `path` (or its nearest existing ancestor). With `key`, the key node of the last segment. */
function nodeAt(pf: ParsedFile, path: Path, key = false): YamlNode | undefined {
  let node: unknown = pf.doc.contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) return node as YamlNode;
      if (last && key && pair.key && typeof pair.key === 'object') return pair.key as YamlNode;
      if (pair.value == null) return (pair.key as YamlNode) ?? (node as YamlNode);
      node = pair.value;
    } else if (isSeq(node)) {
      const item = typeof seg === 'number' ? node.items[seg] : undefined;
      if (item == null) return node as YamlNode;
      node = item;
    } else {
      return node as YamlNode | undefined;
    }
  }
  return node as YamlNode | undefined;
}

function origin(pf: ParsedFile, path: Path, key = false): Origin {
  const n = nodeAt(pf, path, key);
  const at = n?.range ? position(pf, n.range[0]) : { line: 0, column: 0 };
  return { file: pf.file, ...at };
}

// ---------------------------------------------------------------------------------------------
// Plain-words messages for zod issues

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `'${v.length > 40 ? v.slice(0, 37) + '...' : v}'`;
  return String(v);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list',
  object: 'a mapping (key: value pairs)', nan: 'a number',
};

function fieldName(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : String(seg);
  return out;
}

function getIn(value: unknown, path: Path): unknown {
  let v = value;
  for (const seg of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Closest candidate by edit distance, for "did you mean" hints. */
function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

const hint = (word: string, candidates: Iterable<string>) => {
  const c = closest(word, candidates);
  return c && c !== word ? ` (did you mean '${c}'?)` : '';
};

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  errors?: ZodIssueLike[][];
}

/** Allowed keys of the object schema at `path` inside `schema`, for unknown-field hints. */
function allowedKeys(schema: z.ZodType, path: Path): string[] {
  let s: unknown = schema;
  const unwrap = (x: unknown): unknown => {
    for (let i = 0; i < 8 && x && typeof x === 'object'; i++) {
      const def = (x as { def?: { type?: string; innerType?: unknown; element?: unknown; in?: unknown } }).def;
      if (!def) break;
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'readonly') x = def.innerType;
      else if (def.type === 'pipe') x = def.in;
      else break;
    }
    return x;
  };
  for (const seg of path) {
    s = unwrap(s);
    const def = (s as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown> } }).def;
    if (typeof seg === 'number') s = def?.type === 'array' ? def.element : undefined;
    else s = def?.type === 'object' ? def.shape?.[seg] : undefined;
  }
  s = unwrap(s);
  const def = (s as { def?: { type?: string; shape?: Record<string, unknown> } } | undefined)?.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

interface IssueReport { path: Path; key: boolean; message: string }

function explainIssue(issue: ZodIssueLike, record: unknown, schema: z.ZodType): IssueReport[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const field = fieldName(path);
  const actual = getIn(record, path);
  const subject = field || 'the record';
  switch (issue.code) {
    case 'invalid_type': {
      if (actual === undefined) return [{ path, key: false, message: `${subject} is required` }];
      const want = TYPE_WORDS[issue.expected ?? ''] ?? issue.expected ?? 'another type';
      return [{ path, key: false, message: `${subject} must be ${want}, not ${describeValue(actual)}` }];
    }
    case 'invalid_value': {
      const values = (issue.values ?? []).map(String);
      return [{ path, key: false, message: `${subject} must be one of ${values.join(', ')}; found ${describeValue(actual)}${typeof actual === 'string' ? hint(actual, values) : ''}` }];
    }
    case 'too_small': {
      const min = Number(issue.minimum ?? 0);
      if (issue.origin === 'array') return [{ path, key: false, message: min <= 1 ? `${subject} must list at least one item` : `${subject} must list at least ${min} items` }];
      if (issue.origin === 'string') return [{ path, key: false, message: min <= 1 ? `${subject} must not be empty` : `${subject} must be at least ${min} characters long` }];
      return [{ path, key: false, message: `${subject} must be at least ${min}` }];
    }
    case 'too_big': {
      const max = Number(issue.maximum ?? 0);
      if (issue.origin === 'array') return [{ path, key: false, message: `${subject} must list at most ${max} items` }];
      return [{ path, key: false, message: `${subject} must be at most ${max}` }];
    }
    case 'invalid_format': {
      if (issue.format === 'url') return [{ path, key: false, message: `${subject} must be a full URL such as https://example.org/page; found ${describeValue(actual)}` }];
      const custom = issue.message && !/^Invalid/.test(issue.message) ? issue.message : `does not have the expected format`;
      return [{ path, key: false, message: `${subject} ${describeValue(actual)}: ${custom}` }];
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, path);
      return (issue.keys ?? []).map((k) => ({
        path: [...path, k],
        key: true,
        message: `unknown field '${k}'${field ? ` in ${field}` : ''}${hint(k, allowed)}${allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}`,
      }));
    }
    case 'invalid_union': {
      const kinds = new Set<string>();
      for (const branch of issue.errors ?? []) for (const e of branch) if (e.code === 'invalid_type' && e.path.length === 0 && e.expected) kinds.add(TYPE_WORDS[e.expected] ?? e.expected);
      const want = kinds.size ? [...kinds].join(' or ') : 'a valid value';
      return [{ path, key: false, message: `${subject} must be ${want}, not ${describeValue(actual)}` }];
    }
    default:
      return [{ path, key: false, message: field ? `${field}: ${issue.message}` : issue.message }];
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

interface Candidate {
  kind: RecordKind;
  id: string;
  /** The pack (namespace) that defines it; undefined for the embedded database's own packs. */
  ns?: string;
  /** `pack.imports` of its file: bare id → reference. */
  imports?: Map<string, string>;
  record: Record<string, unknown>;
  pf: ParsedFile;
  /** Path of the record inside its file: ['claims', 3]. */
  path: Path;
  at: Origin;
  dropped?: boolean;
}

const KIND_WORD: Record<RecordKind, string> = { source: 'source', concept: 'concept', claim: 'claim', caution: 'caution' };
const where = (o: Origin) => `${o.file}:${o.line + 1}:${o.column + 1}`;

type Report = (o: Origin, message: string, severity?: PackError['severity']) => void;

/**
 * Loads packs. With `options.base`, the result contains the base records plus the packs' records;
 * errors only ever concern the packs passed in, and the base is never altered.
 */
export function loadPacks(files: PackInput[], options: LoadOptions = {}): LoadResult {
  const errors: PackError[] = [];
  const base = options.base;
  const report: Report = (o, message, severity = 'error') =>
    errors.push({ file: o.file, line: o.line, column: o.column, message, severity });

  // 1. Parse and validate each record on its own.
  const candidates: Candidate[] = [];
  for (const input of files) {
    const parsed = parsePackFile(input, report);
    if (!parsed) continue;
    const records = packRecords(parsed.pf, parsed.top, report);
    if (base) assignNamespace(records, parsed.top, input);
    for (const c of records) candidates.push(c);
  }
  // 1b. Namespaces: ids are local to their pack, so a user pack and the embedded database (or two
  // packs) may both define `ssri`. Such ids are qualified as PACK/id; references resolve to the
  // pack's own record first, then its imports, then the embedded database.
  if (base) qualifyIds(candidates, base);
  // 2. Duplicate ids (across packs and against the base). The first definition wins.
  checkDuplicates(candidates, base, report);
  // 3. Record-local checks that need no other record: regular expressions.
  checkPatterns(candidates, report);
  // 4. References, repeated until no record is dropped (a dropped concept can break a claim that uses it).
  checkReferences(candidates, base, report);
  // 5. Cycles through `broader` (lorazepam → benzodiazepine → lorazepam) are reported, not followed.
  reportCycles(candidates, base, report);
  // 6. Assemble.
  const db = assemble(candidates, base);
  const order = new Map(files.map((f, i) => [f.file, i]));
  errors.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line || a.column - b.column);
  return { db, errors };
}

/** One file parsed, with its top-level fields checked; undefined (reported) when it is not a loadable pack. */
function parsePackFile(input: PackInput, report: Report): { pf: ParsedFile; top: Record<string, unknown> } | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(input.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const pf: ParsedFile = { file: input.file, doc, lines };
  // Only a file that is recognisably a pack has its content quoted in messages: a config can name
  // any file, and its errors must not print other files' lines (e.g. /etc/shadow) into a CI log.
  if (!looksLikePack(doc)) {
    reportNotAPack(pf, report);
    return undefined;
  }
  for (const w of doc.warnings) report({ file: input.file, ...position(pf, w.pos[0]) }, `YAML: ${firstLine(w.message)}`, 'warning');
  if (doc.errors.length) {
    for (const e of doc.errors) report({ file: input.file, ...position(pf, e.pos[0]) }, `YAML syntax: ${firstLine(e.message)}; the file was not loaded`);
    return undefined;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    report({ file: input.file, line: 0, column: 0 }, `YAML: ${(e as Error).message}; the file was not loaded`);
    return undefined;
  }
  const top = data as Record<string, unknown>;
  for (const k of Object.keys(top)) {
    if (!TOP_LEVEL.includes(k)) report(origin(pf, [k], true), `unknown top-level field '${k}'${hint(k, TOP_LEVEL)}; a pack has sources, concepts, claims, cautions (and optional pack, $schema)`);
  }
  if (top.pack !== undefined) {
    const r = PackFile.shape.pack.safeParse(top.pack);
    if (!r.success) for (const issue of r.error.issues as unknown as ZodIssueLike[]) {
      for (const x of explainIssue(issue, top.pack, PackFile.shape.pack)) report(origin(pf, ['pack', ...x.path], x.key), `pack: ${x.message}`);
    }
  }
  return { pf, top };
}

/** The file's records that pass the schema, each on its own; the others are reported. */
function packRecords(pf: ParsedFile, top: Record<string, unknown>, report: Report): Candidate[] {
  const candidates: Candidate[] = [];
  for (const { kind, list, schema } of KINDS) {
    const items = top[list];
    if (items === undefined || items === null) continue;
    if (!Array.isArray(items)) {
      report(origin(pf, [list]), `${list} must be a list of ${kind} records, not ${describeValue(items)}`);
      continue;
    }
    items.forEach((item, index) => {
      const path: Path = [list, index];
      const rawId = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined;
      const label = rawId ? `${KIND_WORD[kind]} '${rawId}'` : `${list}[${index}]`;
      const r = schema.safeParse(item);
      if (!r.success) {
        for (const issue of r.error.issues as unknown as ZodIssueLike[]) {
          for (const x of explainIssue(issue, item, schema)) report(origin(pf, [...path, ...x.path], x.key), `${label}: ${x.message}`);
        }
        return;
      }
      const record = r.data as Record<string, unknown>;
      candidates.push({ kind, id: record.id as string, record, pf, path, at: origin(pf, [...path, 'id']) });
    });
  }
  return candidates;
}

/** A user pack's namespace: its pack.name, else the folder or file it was loaded by. */
function assignNamespace(records: Candidate[], top: Record<string, unknown>, input: PackInput): void {
  const meta = top.pack as { name?: unknown; imports?: unknown } | undefined;
  const ns = typeof meta?.name === 'string' && NAMESPACE_RE.test(meta.name) ? meta.name : input.namespace ?? namespaceOf(input.file);
  const imports = new Map<string, string>();
  if (Array.isArray(meta?.imports)) for (const x of meta.imports) if (typeof x === 'string' && x.includes('/')) imports.set(x.slice(x.indexOf('/') + 1), x);
  for (const c of records) Object.assign(c, { ns, imports });
}

function checkDuplicates(candidates: Candidate[], base: Database | undefined, report: Report): void {
  const byKey = new Map<string, Candidate>();
  const contradictionAt = new Map<string, Origin>();
  if (base) for (const c of base.claims.values()) for (const x of c.contradictions ?? []) contradictionAt.set(x.id, base.origins.get(`contradiction:${x.id}`) ?? base.origins.get(`claim:${c.id}`) ?? { file: '(embedded)', line: 0, column: 0 });
  for (const c of candidates) {
    const key = `${c.kind}:${c.id}`;
    const baseHas = base && (base[`${c.kind}s` as 'sources'] as Map<string, unknown>).has(c.id);
    if (baseHas && c.kind === 'source') {
      // Citation keys are global (documents cite them): the embedded record stays. A warning, so that
      // a release adding a source a pack also has does not fail anyone's CI.
      const o = base!.origins.get(key);
      report(c.at, `source '${c.id}' is also in claimlint's embedded database${o ? ` (${where(o)})` : ''}; the embedded record is used`, 'warning');
      c.dropped = true;
      continue;
    }
    if (baseHas) {
      const o = base!.origins.get(key);
      report(c.at, `duplicate ${c.kind} id '${c.id}': already defined${o ? ` at ${where(o)}` : ' in the embedded database'}; this one was not loaded`);
      c.dropped = true;
      continue;
    }
    const prev = byKey.get(key);
    if (prev) {
      report(c.at, `duplicate ${c.kind} id '${c.id}': also defined at ${where(prev.at)}; this one was not loaded`);
      c.dropped = true;
      continue;
    }
    byKey.set(key, c);
    if (c.kind === 'claim') {
      const claim = c.record as Claim;
      const figs = new Map<string, number>();
      (claim.figures ?? []).forEach((f, i) => {
        if (figs.has(f.id)) { report(origin(c.pf, [...c.path, 'figures', i, 'id']), `claim '${c.id}': figure id '${f.id}' is used twice in this claim (also figures[${figs.get(f.id)}])`); c.dropped = true; }
        figs.set(f.id, i);
      });
      (claim.contradictions ?? []).forEach((x, i) => {
        const o = origin(c.pf, [...c.path, 'contradictions', i, 'id']);
        const prevAt = contradictionAt.get(x.id);
        if (prevAt) { report(o, `claim '${c.id}': contradiction id '${x.id}' is already used at ${where(prevAt)}`); c.dropped = true; }
        else contradictionAt.set(x.id, o);
      });
    }
  }
}

function checkPatterns(candidates: Candidate[], report: Report): void {
  for (const c of candidates) {
    if (c.dropped || c.kind !== 'concept') continue;
    const concept = c.record as Concept;
    (concept.patterns ?? []).forEach((p, i) => {
      const o = origin(c.pf, [...c.path, 'patterns', i]);
      let re: RegExp;
      try {
        re = new RegExp(p, 'u');
      } catch (e) {
        report(o, `concept '${c.id}': patterns[${i}] is not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
        c.dropped = true;
        return;
      }
      const hazard = patternHazard(p);
      if (hazard) {
        report(o, `concept '${c.id}': patterns[${i}] ${hazard}`);
        c.dropped = true;
        return;
      }
      if (re.test('')) report(o, `concept '${c.id}': patterns[${i}] matches empty text, so it would match everywhere`, 'warning');
      if (p !== p.toLowerCase() && !/\\[A-Z]/.test(p)) report(o, `concept '${c.id}': patterns[${i}] has upper-case letters but patterns are matched on lower-cased text; use caseSensitive for abbreviations`, 'warning');
    });
  }
}

type IdSets = Record<RecordKind, Set<string>>;

function checkReferences(candidates: Candidate[], base: Database | undefined, report: Report): void {
  const ids = (kind: RecordKind): Set<string> => {
    const s = new Set<string>(base ? (base[`${kind}s` as 'sources'] as Map<string, unknown>).keys() : []);
    for (const c of candidates) if (!c.dropped && c.kind === kind) s.add(c.id);
    return s;
  };
  const everDefined = (kind: RecordKind) => new Set(candidates.filter((c) => c.kind === kind).map((c) => c.id));
  for (let round = 0; round < 10; round++) {
    const live = { source: ids('source'), concept: ids('concept'), claim: ids('claim'), caution: ids('caution') };
    const all = { source: everDefined('source'), concept: everDefined('concept'), claim: everDefined('claim'), caution: everDefined('caution') };
    let droppedAny = false;
    for (const c of candidates) {
      if (c.dropped) continue;
      const label = `${c.kind} '${c.id}'`;
      const problems = referenceProblems(c, live, all);
      for (const p of problems) {
        report(origin(c.pf, [...c.path, ...p.path]), `${label}: ${p.message}`, p.severity ?? 'error');
      }
      if (problems.some((p) => p.severity !== 'warning')) { c.dropped = true; droppedAny = true; }
    }
    if (!droppedAny) break;
  }
}

/** What is wrong with the references of `c`, given the ids still loaded (`live`) and every id defined (`all`). */
function referenceProblems(c: Candidate, live: IdSets, all: IdSets): Array<{ path: Path; message: string; severity?: 'warning' }> {
  const problems: Array<{ path: Path; message: string; severity?: 'warning' }> = [];
  const ref = (kind: RecordKind, value: string | undefined, path: Path) => {
    if (value === undefined || live[kind].has(value)) return;
    const why = all[kind].has(value) ? `, which was not loaded because of the errors reported for it` : hint(value, live[kind]);
    problems.push({ path, message: `${fieldName(path)} refers to unknown ${kind} '${value}'${why}` });
  };
  const refs = (kind: RecordKind, values: string[] | undefined, path: Path) => values?.forEach((v, i) => ref(kind, v, [...path, i]));
  if (c.kind === 'source') {
    const s = c.record as Source;
    refs('source', s.reports, ['reports']);
    if (s.reports?.includes(s.id)) problems.push({ path: ['reports'], message: 'reports lists the source itself' });
  } else if (c.kind === 'concept') {
    const k = c.record as Concept;
    refs('concept', k.broader, ['broader']);
    if (k.broader?.includes(k.id)) problems.push({ path: ['broader'], message: 'broader lists the concept itself' });
  } else if (c.kind === 'claim') {
    const cl = c.record as Claim;
    refs('concept', cl.concepts, ['concepts']);
    refs('concept', cl.anyOf, ['anyOf']);
    refs('concept', cl.topical, ['topical']);
    refs('concept', cl.unless, ['unless']);
    cl.topical?.forEach((t, i) => {
      if (!cl.concepts.includes(t) && !(cl.anyOf ?? []).includes(t)) problems.push({ path: ['topical', i], message: `topical[${i}] '${t}' is not one of the claim's concepts or anyOf, so it has no effect`, severity: 'warning' });
    });
    cl.sources.forEach((s, i) => ref('source', s.id, ['sources', i, 'id']));
    const claimSources = new Set(cl.sources.map((s) => s.id));
    cl.figures?.forEach((f, i) => {
      refs('concept', f.unless, ['figures', i, 'unless']);
      if (!f.source) return;
      ref('source', f.source.id, ['figures', i, 'source', 'id']);
      if (!claimSources.has(f.source.id) && live.source.has(f.source.id)) problems.push({ path: ['figures', i, 'source', 'id'], message: `figures[${i}] cites '${f.source.id}', which is not among the claim's sources`, severity: 'warning' });
    });
    cl.contradictions?.forEach((x, i) => {
      const p: Path = ['contradictions', i];
      refs('concept', x.concepts, [...p, 'concepts']);
      refs('concept', x.anyOf, [...p, 'anyOf']);
      refs('concept', x.unless, [...p, 'unless']);
      refs('concept', x.topical, [...p, 'topical']);
      ref('concept', x.negatedConcept, [...p, 'negatedConcept']);
      if (x.negatedConcept && !x.concepts.includes(x.negatedConcept) && !(x.anyOf ?? []).includes(x.negatedConcept)) {
        problems.push({ path: [...p, 'negatedConcept'], message: `contradiction '${x.id}': negatedConcept '${x.negatedConcept}' must be one of its concepts or anyOf` });
      }
    });
    refs('caution', cl.cautions, ['cautions']);
  } else {
    const ca = c.record as Caution;
    ca.requiredWhen.forEach((w, i) => {
      const p: Path = ['requiredWhen', i];
      refs('concept', w.concepts, [...p, 'concepts']);
      refs('concept', w.anyOf, [...p, 'anyOf']);
      refs('concept', w.unless, [...p, 'unless']);
      refs('concept', w.topical, [...p, 'topical']);
    });
    refs('concept', ca.satisfiedBy.concepts, ['satisfiedBy', 'concepts']);
    refs('concept', ca.satisfiedBy.anyOf, ['satisfiedBy', 'anyOf']);
    ca.sources.forEach((s, i) => ref('source', s.id, ['sources', i, 'id']));
  }
  return problems;
}

function reportCycles(candidates: Candidate[], base: Database | undefined, report: Report): void {
  const conceptBroader = new Map<string, string[]>();
  if (base) for (const k of base.concepts.values()) conceptBroader.set(k.id, k.broader ?? []);
  for (const c of candidates) if (!c.dropped && c.kind === 'concept') conceptBroader.set(c.id, (c.record as Concept).broader ?? []);
  for (const c of candidates) {
    if (c.dropped || c.kind !== 'concept') continue;
    const cycle = findCycle(c.id, conceptBroader);
    if (cycle) report(origin(c.pf, [...c.path, 'broader']), `concept '${c.id}': broader forms a cycle (${cycle.join(' → ')})`, 'warning');
  }
}

function assemble(candidates: Candidate[], base: Database | undefined): Database {
  const db = base ? mergeDatabases(base, emptyDatabase()) : emptyDatabase();
  for (const c of candidates) {
    if (c.dropped) continue;
    const map = db[`${c.kind}s` as 'sources'] as Map<string, unknown>;
    map.set(c.id, c.record);
    db.origins.set(`${c.kind}:${c.id}`, origin(c.pf, c.path));
    if (c.kind === 'claim') {
      const claim = c.record as Claim;
      claim.figures?.forEach((f, i) => db.origins.set(`figure:${claim.id}/${f.id}`, origin(c.pf, [...c.path, 'figures', i])));
      claim.contradictions?.forEach((x, i) => db.origins.set(`contradiction:${x.id}`, origin(c.pf, [...c.path, 'contradictions', i])));
    }
  }
  return db;
}

const NAMESPACE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A namespace from a pack file's name: "packs/ssri.claims.yaml" → "ssri". */
export function namespaceOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.(ya?ml|json)$/i, '').replace(/\.(claims|claimpack|pack)$/i, '');
  const clean = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return clean || 'pack';
}

/** Reference fields of each record kind (paths to lists or single ids). */
function eachReference(c: Candidate, visit: (kind: RecordKind, value: string) => string): void {
  const list = (o: Record<string, unknown>, key: string, kind: RecordKind) => {
    const v = o[key];
    if (Array.isArray(v)) o[key] = v.map((x) => (typeof x === 'string' ? visit(kind, x) : x));
    else if (typeof v === 'string') o[key] = visit(kind, v);
  };
  const r = c.record;
  if (c.kind === 'concept') list(r, 'broader', 'concept');
  else if (c.kind === 'claim') {
    for (const k of ['concepts', 'anyOf', 'topical', 'unless']) list(r, k, 'concept');
    list(r, 'cautions', 'caution');
    for (const f of (r.figures as Record<string, unknown>[] | undefined) ?? []) list(f, 'unless', 'concept');
    for (const x of (r.contradictions as Record<string, unknown>[] | undefined) ?? []) for (const k of ['concepts', 'anyOf', 'topical', 'unless', 'negatedConcept']) list(x, k, 'concept');
  } else if (c.kind === 'caution') {
    for (const w of (r.requiredWhen as Record<string, unknown>[] | undefined) ?? []) for (const k of ['concepts', 'anyOf', 'topical', 'unless']) list(w, k, 'concept');
    const sat = r.satisfiedBy as Record<string, unknown> | undefined;
    if (sat) for (const k of ['concepts', 'anyOf']) list(sat, k, 'concept');
  }
}

/** Qualifies the ids user packs share with the embedded database or with each other, and resolves references. */
function qualifyIds(candidates: Candidate[], base: Database): void {
  const defined = new Map<string, Set<string>>(); // "kind:id" → namespaces defining it
  const contra = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (c.kind === 'source' || c.ns === undefined) continue;
    const k = `${c.kind}:${c.id}`;
    (defined.get(k) ?? defined.set(k, new Set()).get(k)!).add(c.ns);
    if (c.kind === 'claim') for (const x of (c.record.contradictions as { id: string }[] | undefined) ?? []) (contra.get(x.id) ?? contra.set(x.id, new Set()).get(x.id)!).add(c.ns);
  }
  const baseContra = new Set<string>();
  for (const cl of base.claims.values()) for (const x of cl.contradictions ?? []) baseContra.add(x.id);
  const inBase = (kind: RecordKind, id: string) => (base[`${kind}s` as 'concepts'] as Map<string, unknown>).has(id);
  const finalId = (kind: RecordKind, ns: string, id: string) => (inBase(kind, id) || (defined.get(`${kind}:${id}`)?.size ?? 0) > 1 ? `${ns}/${id}` : id);
  const resolveRef = (c: Candidate, kind: RecordKind, value: string, depth = 0): string => {
    const slash = value.indexOf('/');
    if (slash >= 0) {
      const ns = value.slice(0, slash);
      const id = value.slice(slash + 1);
      if (ns === EMBEDDED_NAMESPACE) return inBase(kind, id) ? id : value;
      return defined.get(`${kind}:${id}`)?.has(ns) ? finalId(kind, ns, id) : value;
    }
    if (defined.get(`${kind}:${value}`)?.has(c.ns!)) return finalId(kind, c.ns!, value);
    const imported = c.imports?.get(value);
    return imported && depth === 0 ? resolveRef(c, kind, imported, 1) : value;
  };
  for (const c of candidates) {
    if (c.kind === 'source' || c.ns === undefined) continue;
    eachReference(c, (kind, value) => resolveRef(c, kind, value));
    const id = finalId(c.kind, c.ns, c.id);
    if (id !== c.id) {
      c.id = id;
      c.record.id = id;
    }
    if (c.kind === 'claim') {
      for (const x of (c.record.contradictions as { id: string }[] | undefined) ?? []) {
        if (baseContra.has(x.id) || (contra.get(x.id)?.size ?? 0) > 1) x.id = `${c.ns}/${x.id}`;
      }
    }
  }
}

/** A mapping with at least one pack field at its top level (possibly with syntax errors further on). */
function looksLikePack(doc: Document): boolean {
  const top = doc.contents;
  return isMap(top) && top.items.some((p) => isScalar(p.key) && TOP_LEVEL.includes(String(p.key.value)));
}

/** Says what a file that is not a pack is, quoting nothing from it but near-misses of pack field names. */
function reportNotAPack(pf: ParsedFile, report: (o: Origin, message: string, severity?: PackError['severity']) => void): void {
  const { doc, file } = pf;
  const top = doc.contents;
  if (top == null && doc.errors.length === 0) {
    report({ file, line: 0, column: 0 }, 'the pack is empty', 'warning');
    return;
  }
  // A pack whose only fields are misspelt ("claim:") still gets its did-you-mean.
  let nearMiss = false;
  if (isMap(top)) {
    for (const p of top.items) {
      const k = isScalar(p.key) ? String(p.key.value) : undefined;
      if (k === undefined || !closest(k, TOP_LEVEL)) continue;
      nearMiss = true;
      const at = (p.key as YamlNode).range ? position(pf, (p.key as YamlNode).range![0]) : { line: 0, column: 0 };
      report({ file, ...at }, `unknown top-level field '${k}'${hint(k, TOP_LEVEL)}; a pack has sources, concepts, claims, cautions (and optional pack, $schema)`);
    }
  }
  if (nearMiss) return;
  if (doc.errors.length) {
    report({ file, ...position(pf, doc.errors[0]!.pos[0]) }, 'not a claim pack: not valid YAML or JSON here; it was not loaded');
    return;
  }
  const what = isMap(top) ? 'a mapping without any of them'
    : isSeq(top) ? 'a list'
    : isScalar(top) && typeof top.value === 'string' ? 'text'
    : isScalar(top) && top.value === null ? 'an empty value'
    : isScalar(top) && typeof top.value === 'boolean' ? 'true or false'
    : isScalar(top) ? 'a number'
    : 'something else';
  report({ file, line: 0, column: 0 }, `not a claim pack (a mapping with sources, concepts, claims or cautions): the file is ${what}; it was not loaded`);
}

function findCycle(start: string, broader: Map<string, string[]>): string[] | undefined {
  const stack: Array<{ id: string; path: string[] }> = [{ id: start, path: [start] }];
  const seen = new Set<string>();
  while (stack.length) {
    const { id, path } = stack.pop()!;
    for (const b of broader.get(id) ?? []) {
      if (b === start) return [...path, b];
      if (seen.has(b)) continue;
      seen.add(b);
      stack.push({ id: b, path: [...path, b] });
    }
  }
  return undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
