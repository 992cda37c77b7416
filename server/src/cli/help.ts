// Usage texts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILES } from '../config/index.js';
import { packageRoot } from './version.js';

/** Where the documentation is: the copy installed with claimlint (works offline), and online. */
export function docsLocation(page: string): string {
  const root = packageRoot();
  const local = root ? join(root, 'docs', page) : undefined;
  const online = `https://github.com/claimlint/claimlint/blob/main/docs/${page}`;
  return local && existsSync(local) ? `${local}\n               online: ${online}` : online;
}

export function lintHelp(): string {
  return `Usage: claimlint [options] [files | folders | globs... | -]
       claimlint help [CODE]                  this help, or a rule's documentation (offline)
       claimlint analyze [FILE]               sentence analysis, one JSON object per line (also: analyse)
       claimlint db check|list|new|test       validate, list, start and test claim packs
       claimlint db export --format csl-json|bibtex [--used FILES...]
       claimlint impact --base REF [paths...]  which findings a change in the evidence alters
       claimlint merge-sarif FILES...          one SARIF log from the shards of a CI matrix

Checks Markdown medical writing (.md, .markdown) against the evidence-graded claims database.
With no paths, lints the current folder. Honours .gitignore, .claimlintignore and the config's
"ignore" patterns; never enters node_modules or .git. A path or glob without Markdown files is
an error (exit 2). "-" reads the text from standard input.

Output:
  -f, --format NAME        stylish (default) | json | sarif | github | junit | html
  -q, --quiet              report errors only
      --max-warnings N     exit 1 when there are more than N warnings
      --color, --no-color  force colours on or off (default: on for a terminal, off with NO_COLOR)

Fixing:
      --fix                apply safe fixes (citations, figure corrections) and write the files;
                           with standard input, print the fixed text (the report goes to stderr)
      --fix-dry-run        show the safe fixes as a diff (json: an "output" field); write nothing

Configuration (files, nearest last, merged per key: ${CONFIG_FILES.map((f) => (f === 'package.json' ? 'package.json "claimlint"' : f)).join(', ')}):
  -c, --config PATH        use this config file for every file (no .claimlintrc discovery)
      --print-config FILE  print the configuration that applies to FILE, and where each value comes from
      --pack PATH          an extra claim pack file or folder (repeatable)
      --rule CODE=SEVERITY set a rule's severity: error | warning | information | hint | off (repeatable)
      --no-ignore          lint files that .gitignore, .claimlintignore or "ignore" exclude
      --stdin-filename P   the path standard input stands for (configuration, reports)
      --no-error-on-unmatched-pattern   a path or glob without Markdown files is a warning, not an error

Speed:
      --cache              only re-check files that changed since the last run
      --cache-location P   cache file or folder (default: .claimlintcache in the current folder)
      --workers N          threads to use, 1 = single-threaded (default: automatic)
      --shard I/N          lint only the I-th of N shares of the files (stable by path; for CI matrices)

  -h, --help               show this help
  -v, --version            print the version

Exit codes: 0 no error-severity findings; 1 error findings (or more warnings than --max-warnings);
2 a usage, configuration or database error.
Documentation: ${docsLocation('cli.md')}`;
}

export const EXPLAIN_HELP = `Usage: claimlint explain FILE:LINE[:COLUMN] [--format stylish|json] [--config PATH] [--pack PATH]

Says why the sentences at a position were, or were not, flagged: the concepts they name (and the
words), the claims the concept matcher and the learned recogniser proposed and how they were
weighed, how each sentence commits (the analyzer's cues, the recogniser's wording and whether it
reads the sentence as contradicting a claim), its numbers, and its findings with their reasons.
LINE and COLUMN are 1-based, as in the stylish output; without COLUMN, every sentence on the line.`;

export const ANALYZE_HELP = `Usage: claimlint analyze [FILE] [--config PATH] [--pack PATH]

Reads sentences, one per line, from FILE (or standard input when FILE is missing or "-") and
prints one JSON object per sentence: text, certainty (1-6, higher = more certain), strength
(0 none, 1 correlational, 2 conditional causal, 3 direct causal), cues, the negated /
attributed / hypothetical / question / hedged / boosted / generalised flags, population, and
the claims the sentence matches with their scores. Empty lines are skipped.`;

export const DB_HELP = `Usage: claimlint db check [PATHS...] [--config PATH]
       claimlint db list [concepts|claims|sources|cautions] [--json] [--pack PATH] [--config PATH]
       claimlint db new NAME
       claimlint db test [PATHS...] [--pack PATH] [--config PATH]
       claimlint db export --format csl-json|bibtex [--used FILES...] [-o FILE] [--config PATH] [--pack PATH]

db check    Validates claim packs (files or folders). Without PATHS: the embedded database and
            the packs named in the configuration of the current folder. Errors are printed as
            file:line:column: message. Exit 0 when valid, 2 when not.
db list     Lists every concept, claim, source and caution (or one kind) with the id to refer to it
            by (claimlint/ID for the embedded database) and where user records are defined.
db new      Writes NAME.claims.yaml: a commented pack skeleton that passes db check and db test.
db test     Runs the example tables of each claim in the packs (PATHS, --pack or the configured
            ones): every invalid example must be reported about its claim, every valid one must
            not be. Exit 0 when all pass, 1 when one fails, 2 on pack errors.
db export   Prints the bibliography of every source in the database, or with --used only of the
            sources the given Markdown files cite or whose claims they make. -o FILE writes it to
            FILE (replaced atomically) instead of standard output.`;
