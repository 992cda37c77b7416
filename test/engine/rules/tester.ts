// A textlint-tester-style runner: each rule's test file is a table of documents that must pass
// (`valid`) and documents that must be flagged (`invalid`), the latter with every finding of the
// rule pinned exactly: where it starts (1-based line and column), the text it covers, its message,
// and the document after applying its fixes (through the engine's public applyFixes).
import assert from 'node:assert/strict';
import { analyze, applyFixes, DEFAULT_CONFIG, type Code, type EngineConfig, type Finding } from '../../../server/src/engine/index.js';
import { loadDatabase } from '../../../server/src/lib/index.js';
import { testDatabase, type Extra } from '../testdb.js';

type Database = Parameters<typeof analyze>[1];

/** The heading most cases sit under: it names ketamine, the topic of the test database's claims. */
export const HEADING = '# Ketamine notes\n\n';
/** A document of one paragraph under HEADING: its text starts on line 3, column 1. */
export const note = (paragraph: string): string => `${HEADING}${paragraph}\n`;

export interface ExpectedFinding {
  /** 1-based line and column of the finding's start. */
  line: number;
  column: number;
  /** The text the finding covers (pins its end). */
  text: string;
  message: string;
  /** The document after applying the finding's fixes (unsafe ones too); null when it offers none. */
  output: string | null;
  /** Whether its first fix is safe (applied by `claimlint --fix`); omitted when it offers none. */
  safe?: boolean;
  /** Pinned when given: the finding's severity, and what its reason says tied a number to a figure. */
  severity?: Finding['severity'];
  identity?: string;
}

export interface ValidCase {
  /** What the case is about (defaults to the text). */
  name?: string;
  text: string;
  config?: Partial<EngineConfig>;
}

export interface InvalidCase extends ValidCase {
  /** Every finding of the rule in the document, in document order. */
  errors: ExpectedFinding[];
}

export interface RuleTable {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

export interface TesterOptions {
  /** `test` (default): the small in-memory database of test/engine/testdb.ts; `embedded`: the shipped
   *  one, with its learned recogniser, for branches only the recogniser reaches. */
  database?: 'test' | 'embedded';
  /** Records added to the test database for this rule's branches. */
  extra?: Extra;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** The finding as the table states it. */
export function describeFinding(text: string, f: Finding): ExpectedFinding {
  const out: ExpectedFinding = { ...position(text, f.start), text: text.slice(f.start, f.end), message: f.message, output: null };
  if (f.fixes.length) {
    out.output = applyFixes(text, f.fixes, { unsafe: true }).output;
    out.safe = f.fixes[0]!.safe;
  }
  return out;
}

/** A case's title: its name, or its text without the usual heading. */
const label = (c: ValidCase) => c.name ?? JSON.stringify(c.text.startsWith(HEADING) ? c.text.slice(HEADING.length).trimEnd() : c.text).slice(1, -1);

export function ruleTester(code: Code, table: RuleTable, options: TesterOptions = {}): void {
  describe(`rule ${code}${options.database === 'embedded' ? ' (embedded database)' : ''}`, () => {
    let db: Database;
    before(async () => {
      db = options.database === 'embedded' ? (await loadDatabase()).db : testDatabase(options.extra);
    });
    const findings = (c: ValidCase) => {
      const config: EngineConfig = { ...DEFAULT_CONFIG, ...c.config };
      return analyze(c.text, db, config).findings.filter((f) => f.code === code);
    };
    describe('valid', () => {
      for (const entry of table.valid) {
        const c = typeof entry === 'string' ? { text: entry } : entry;
        it(label(c), () => {
          assert.deepEqual(findings(c).map((f) => describeFinding(c.text, f)), []);
        });
      }
    });
    describe('invalid', () => {
      for (const c of table.invalid) {
        it(label(c), () => {
          const got = findings(c).map((f, i) => ({
            ...describeFinding(c.text, f),
            ...(c.errors[i]?.severity ? { severity: f.severity } : {}),
            ...(c.errors[i]?.identity ? { identity: f.reason?.identity } : {}),
          }));
          assert.deepEqual(got, c.errors);
        });
      }
    });
  });
}
