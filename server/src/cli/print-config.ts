// `claimlint --print-config FILE`: the configuration that applies to FILE, as JSON.
import { resolve } from 'node:path';
import type { LintArgs } from './args.js';
import { createConfigResolver, failOnConfigErrors, type CliIO } from './shared.js';

export function printConfig(args: LintArgs, io: CliIO): number {
  const configs = createConfigResolver(args, io.cwd);
  const eff = configs.forFile(resolve(io.cwd, args.printConfig!));
  failOnConfigErrors(configs.problems(), io.cwd);
  io.stdout.write(JSON.stringify({ rules: eff.engine.rules, citationStyle: eff.engine.citationStyle, packs: eff.packs }, null, 2) + '\n');
  return 0;
}
