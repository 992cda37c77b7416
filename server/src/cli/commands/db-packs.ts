// `claimlint db list`, `db new NAME` and `db test`: what a pack author needs next to `db check`.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { EMBEDDED_NAMESPACE, formatPackError, loadEmbeddedDatabase, type Database, type Origin } from '../../db/index.js';
import { analyze, DEFAULT_CONFIG } from '../../engine/index.js';
import { writeFileAtomic } from '../../fs/safe-fs.js';
import { parseOptions, UsageError } from '../args.js';
import { DatabaseStore } from '../database.js';
import { displayPath } from '../files.js';
import { checkPackErrors, createConfigResolver, failOnConfigErrors, SetupError, type CliIO } from '../shared.js';
import { packageRoot } from '../version.js';
import { closest } from '../../config/schema.js';

const KINDS = ['concepts', 'claims', 'sources', 'cautions'] as const;
type Kind = (typeof KINDS)[number];

/** The database of the current folder's configuration plus --pack / PATHS, with its pack problems checked. */
function databaseFor(io: CliIO, config: string | undefined, extra: string[]): { db: Database; userPacks: string[] } {
  const cwd = io.cwd;
  const configs = createConfigResolver({ config, packs: extra, rules: {} }, cwd);
  const eff = configs.forFile(resolve(cwd, '_'));
  failOnConfigErrors(configs.problems(), cwd);
  let loaded;
  try {
    loaded = new DatabaseStore(cwd).get(eff.packs);
  } catch (e) {
    throw new SetupError([`claimlint: ${(e as Error).message}`]);
  }
  checkPackErrors(loaded.errors, io);
  return { db: loaded.db, userPacks: eff.packs };
}

const PACK_OPTIONS = [
  { name: 'config', kind: 'value' as const, short: 'c' },
  { name: 'pack', kind: 'list' as const },
  { name: 'json', kind: 'flag' as const },
  { name: 'help', kind: 'flag' as const, short: 'h' },
];

/** `db list [concepts|claims|sources|cautions] [--json]`: every record, with the id to refer to it by. */
export function listCmd(argv: string[], io: CliIO, help: string): number {
  const { values, positionals } = parseOptions(argv, PACK_OPTIONS, 'claimlint db');
  if (values.get('help')) return void io.stdout.write(help + '\n'), 0;
  const wanted = positionals.length ? positionals : [...KINDS];
  for (const k of wanted) {
    if (!(KINDS as readonly string[]).includes(k)) {
      const guess = closest(k, KINDS);
      throw new UsageError(`db list: unknown kind "${k}"` + (guess ? ` (did you mean "${guess}"?)` : ''), `The kinds are ${KINDS.join(', ')}.`);
    }
  }
  const { db } = databaseFor(io, values.get('config') as string | undefined, (values.get('pack') as string[] | undefined) ?? []);
  const embedded = loadEmbeddedDatabase();
  const rows: { kind: string; id: string; ref: string; name: string; builtIn: boolean; file?: string; line?: number }[] = [];
  for (const kind of wanted as Kind[]) {
    const map = db[kind] as Map<string, { id: string; label?: string; statement?: string; title?: string; text?: string }>;
    const singular = kind.slice(0, -1);
    for (const [id, r] of [...map].sort(([a], [b]) => a.localeCompare(b))) {
      const builtIn = (embedded[kind] as Map<string, unknown>).get(id) === r;
      const o: Origin | undefined = db.origins.get(`${singular}:${id}`);
      // Citation keys are global; other built-in records are referred to as claimlint/ID from user packs.
      const ref = builtIn && kind !== 'sources' ? `${EMBEDDED_NAMESPACE}/${id}` : id;
      rows.push({ kind: singular, id, ref, name: r.label ?? r.statement ?? r.title ?? r.text ?? '', builtIn, ...(o ? { file: displayPath(o.file, io.cwd), line: o.line + 1 } : {}) });
    }
  }
  if (values.get('json')) {
    io.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  for (const kind of wanted) {
    const some = rows.filter((r) => r.kind === kind.slice(0, -1));
    io.stdout.write(`${kind} (${some.length})\n`);
    const width = Math.min(48, Math.max(0, ...some.map((r) => r.ref.length)));
    for (const r of some) io.stdout.write(`  ${r.ref.padEnd(width)}  ${r.name.length > 80 ? r.name.slice(0, 77) + '...' : r.name}${r.builtIn ? '' : `  (${r.file}:${r.line})`}\n`);
  }
  return 0;
}

/** `db new NAME`: a commented pack skeleton that passes `db check` and `db test`. */
export function newCmd(argv: string[], io: CliIO, help: string): number {
  const { values, positionals } = parseOptions(argv, [{ name: 'help', kind: 'flag', short: 'h' }], 'claimlint db');
  if (values.get('help')) return void io.stdout.write(help + '\n'), 0;
  const name = positionals[0];
  if (!name || positionals.length > 1) throw new UsageError('db new needs one NAME (letters, digits, dot, dash, underscore): claimlint db new ssri');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw new UsageError(`db new: "${name}" is not a pack name (letters, digits, dot, dash, underscore)`);
  const file = resolve(io.cwd, `${name}.claims.yaml`);
  if (existsSync(file)) throw new UsageError(`db new: ${displayPath(file, io.cwd)} already exists`);
  const root = packageRoot();
  const schema = root ? relative(dirname(file), join(root, 'claims', 'schema.json')).split('\\').join('/') : 'claims/schema.json';
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, skeleton(name, schema.startsWith('.') ? schema : `./${schema}`));
  const shown = displayPath(file, io.cwd);
  io.stdout.write(`Created ${shown}. Next:\n  claimlint db check ${shown}\n  claimlint db test ${shown}\n` +
    `and name it in .claimlintrc.yaml:  packs: [${shown}]\n`);
  return 0;
}

function skeleton(name: string, schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# A claimlint claim pack. Reference: docs/claim-packs.md (installed with claimlint).
# Check it:  claimlint db check ${name}.claims.yaml    Test its examples:  claimlint db test ${name}.claims.yaml

pack:
  name: ${name}                 # the namespace: other packs refer to these records as ${name}/ID
  version: 0.1.0
  description: What this pack covers.
  # Records of the embedded database used below by their bare id (or write claimlint/ID in place):
  imports: [claimlint/antidepressant-effect]

# Sources: CSL-JSON items; the id is the citation key documents cite as [@id].
sources:
  - id: ${name}-source-2024
    type: article-journal
    title: Replace with the title of the study or review
    author: [{ family: Author, given: Ann }]
    issued: { date-parts: [[2024]] }
    container-title: Journal Name
    kind: trial-report          # peer-reviewed-review, trial-report, study, expert-commentary, …

# Concepts: the words that name an idea (matched ignoring case, with regular inflections).
concepts:
  - id: ${name}-drug
    label: ${name} drug
    variants: [examplamine]     # replace with the drug's names, brand names, abbreviations

# Claims: what the evidence says, how strongly (grade), and the wording it supports.
claims:
  - id: ${name}-effect
    statement: Examplamine may have an antidepressant effect.
    concepts: [${name}-drug, antidepressant-effect]
    relation: examplamine's antidepressant effect
    grade: preliminary          # established, supported, preliminary, preclinical-only, contested
    rationale: One small open-label trial.
    population: humans
    supportedWording: a small open-label trial suggests
    sources: [{ id: ${name}-source-2024, locator: abstract }]
    # \`claimlint db test\` checks these: each invalid text must be reported about this claim,
    # each valid one must not be.
    examples:
      invalid:
        - text: Examplamine has been proven to have an antidepressant effect.
          code: overstated-certainty
      valid:
        - A small open-label trial suggests examplamine may have an antidepressant effect [@${name}-source-2024].

# Cautions: caveats a document must contain when it discusses something (optional).
cautions: []
`;
}

/** `db test [PATHS]`: runs the example tables of every claim in the given (or configured) packs. */
export function testCmd(argv: string[], io: CliIO, help: string): number {
  const { values, positionals } = parseOptions(argv, PACK_OPTIONS, 'claimlint db');
  if (values.get('help')) return void io.stdout.write(help + '\n'), 0;
  const extra = [...positionals, ...((values.get('pack') as string[] | undefined) ?? [])];
  const { db } = databaseFor(io, positionals.length ? undefined : (values.get('config') as string | undefined), extra);
  const embedded = loadEmbeddedDatabase();
  const config = { ...DEFAULT_CONFIG, rules: { 'uncited-claim': 'off' as const } };
  let failed = 0;
  let passed = 0;
  let withoutExamples = 0;
  const results: { claim: string; failures: string[]; count: number }[] = [];
  for (const claim of db.claims.values()) {
    if (embedded.claims.get(claim.id) === claim) continue; // the embedded database is tested by its own suite
    const ex = claim.examples;
    const invalid = (ex?.invalid ?? []).map((x) => (typeof x === 'string' ? { text: x, code: undefined } : x));
    const valid = ex?.valid ?? [];
    if (!invalid.length && !valid.length) { withoutExamples++; continue; }
    const failures: string[] = [];
    const about = (text: string) => analyze(text, db, config).findings.filter((f) => f.claimId === claim.id);
    invalid.forEach((x, i) => {
      const found = about(x.text);
      const ok = x.code ? found.some((f) => f.code === x.code) : found.length > 0;
      if (!ok) failures.push(`invalid[${i}] should get ${x.code ?? 'a finding'} about the claim, got ${found.length ? found.map((f) => f.code).join(', ') : 'none'}: "${x.text}"`);
    });
    valid.forEach((text, i) => {
      const found = about(text);
      if (found.length) failures.push(`valid[${i}] should get no finding about the claim, got ${found.map((f) => `${f.code} (${f.message.slice(0, 80)})`).join('; ')}: "${text}"`);
    });
    results.push({ claim: claim.id, failures, count: invalid.length + valid.length });
    if (failures.length) failed++;
    else passed++;
  }
  for (const r of results) {
    if (!r.failures.length) { io.stdout.write(`✔ ${r.claim} (${r.count} example${r.count === 1 ? '' : 's'})\n`); continue; }
    const o = db.origins.get(`claim:${r.claim}`);
    io.stdout.write(`✖ ${r.claim}\n`);
    for (const f of r.failures) io.stdout.write(`  ${o ? formatPackError({ file: displayPath(o.file, io.cwd), line: o.line, column: o.column, message: f, severity: 'error' }) : f}\n`);
  }
  const note = withoutExamples ? `; ${withoutExamples} claim${withoutExamples === 1 ? ' has' : 's have'} no examples` : '';
  io.stdout.write(`${passed} passed, ${failed} failed${note}\n`);
  if (results.length === 0 && !withoutExamples) io.stderr.write('claimlint: no user pack claims to test (name packs as PATHS, with --pack, or in the configuration)\n');
  return failed ? 1 : 0;
}
