// `claimlint merge-sarif FILES...`: the SARIF logs of the jobs of a sharded CI matrix (--shard i/n)
// as one log with one run, for one upload to code scanning. The runs must come from claimlint.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseOptions, UsageError } from '../args.js';
import type { CliIO } from '../shared.js';

interface SarifRun {
  tool: { driver: { name: string } };
  results?: unknown[];
  invocations?: { executionSuccessful?: boolean; toolExecutionNotifications?: unknown[] }[];
  [key: string]: unknown;
}

export const MERGE_HELP = `Usage: claimlint merge-sarif FILES...

Merges the SARIF logs of several claimlint runs (the shards of a CI matrix, --shard i/n) into one
log with one run: results and notifications concatenated, in the order of the files.`;

export function runMergeSarif(argv: string[], io: CliIO): number {
  const { values, positionals } = parseOptions(argv, [{ name: 'help', kind: 'flag', short: 'h' }], 'claimlint merge-sarif');
  if (values.get('help')) return void io.stdout.write(MERGE_HELP + '\n'), 0;
  if (positionals.length === 0) throw new UsageError('merge-sarif needs the SARIF files to merge', MERGE_HELP);
  let merged: { runs: SarifRun[]; [key: string]: unknown } | undefined;
  for (const file of positionals) {
    let log: { runs?: SarifRun[] };
    try {
      log = JSON.parse(readFileSync(resolve(io.cwd, file), 'utf8'));
    } catch (e) {
      throw new UsageError(`${file}: not a readable SARIF file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const runs = Array.isArray(log.runs) ? log.runs : [];
    if (runs.some((r) => r?.tool?.driver?.name !== 'claimlint')) throw new UsageError(`${file}: holds a run of another tool; merge-sarif merges claimlint's runs`);
    for (const run of runs) {
      if (!merged) {
        merged = { ...log, runs: [{ ...run, results: [...(run.results ?? [])], invocations: [{ ...(run.invocations?.[0] ?? {}), toolExecutionNotifications: [...(run.invocations?.[0]?.toolExecutionNotifications ?? [])] }] }] };
        continue;
      }
      const into = merged.runs[0]!;
      into.results!.push(...(run.results ?? []));
      const inv = into.invocations![0]!;
      inv.toolExecutionNotifications!.push(...(run.invocations?.[0]?.toolExecutionNotifications ?? []));
      inv.executionSuccessful = inv.executionSuccessful !== false && run.invocations?.[0]?.executionSuccessful !== false;
    }
  }
  if (!merged) throw new UsageError('the files hold no SARIF run');
  io.stdout.write(JSON.stringify(merged, null, 2) + '\n');
  return 0;
}
