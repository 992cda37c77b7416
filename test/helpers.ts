// Paths shared by the test suites. Tests run from out/test/<area>/, compiled by tsc.
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found above ' + from);
    dir = up;
  }
  return dir;
}

/** The repository root (the folder holding package.json). */
export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const fixtures = (...parts: string[]) => resolve(repoRoot, 'test', 'fixtures', ...parts);

/** ../shared beside the checkout (evaluation data, seeds, bench corpus generator), or $CLAIMLINT_SHARED. */
export const sharedRoot = resolve(process.env.CLAIMLINT_SHARED ?? join(repoRoot, '..', 'shared'));

/**
 * The path under ../shared a test needs. When it is missing the test must not pass quietly: under
 * CI (CI=true) this fails the test; elsewhere it prints a SKIPPED line saying what is missing and
 * marks the test pending. Call it from `it`, `before` or `beforeEach` with their `this`.
 */
export function requireShared(ctx: Mocha.Context, ...parts: string[]): string {
  const path = join(sharedRoot, ...parts);
  if (existsSync(path)) return path;
  const what = `${join('shared', ...parts)} not found at ${path} (set CLAIMLINT_SHARED to the shared folder)`;
  if (process.env.CI && process.env.CI !== 'false') throw new Error(`${what}: CI must run this test`);
  console.log(`      SKIPPED: ${ctx.currentTest?.fullTitle() ?? ctx.test?.fullTitle() ?? ''}: ${what}`);
  ctx.skip();
}

/** The project's own drafts as a writer has them (labels removed): the example and every labelled
 *  eval set in test/fixtures, as [name, text]. */
export function projectDrafts(): Array<[string, string]> {
  const unlabel = (s: string) => s.replace(/\{\{[a-z?,-]+\|([\s\S]*?)\}\}/g, '$1');
  return [
    ['examples/ketamine-draft.md', readFileSync(join(repoRoot, 'examples/ketamine-draft.md'), 'utf8')],
    ...['eval-heldout', 'eval-round3', 'eval-round4', 'eval-round5', 'eval-round6', 'eval-round7', 'eval-round8', 'eval-round9', 'eval-round10', 'eval-round11', 'eval-round12', 'eval-round13', 'eval-round14', 'eval-round15', 'eval-round16', 'eval-round17', 'eval-round18', 'eval-round19', 'eval-round20', 'eval-round21'].flatMap((d) => readdirSync(fixtures(d)).filter((f) => /^[a-z0-9].*\.md$/.test(f))
      .map((f): [string, string] => [`${d}/${f}`, unlabel(readFileSync(fixtures(d, f), 'utf8'))])),
  ];
}
