// `claimlint --print-config FILE`: the configuration that applies to FILE and where each value
// comes from (a config file's line, an override, the command line, or the default). `--format json`
// prints it as one JSON object.
import { resolve } from 'node:path';
import { CODES, DEFAULT_SEVERITY } from '../engine/index.js';
import type { ValueOrigin } from '../config/index.js';
import type { LintArgs } from './args.js';
import { displayPath } from './files.js';
import { createConfigResolver, failOnConfigErrors, type CliIO } from './shared.js';

export function printConfig(args: LintArgs, io: CliIO): number {
  const { cwd } = io;
  const configs = createConfigResolver(args, cwd);
  const target = resolve(cwd, args.printConfig!);
  const eff = configs.forFile(target);
  failOnConfigErrors(configs.problems(), cwd);
  const r = eff.resolved;
  const show = (p: string) => displayPath(p, cwd);
  const where = (o: ValueOrigin | undefined, fallback: string) => (o ? `${show(o.file)}:${o.line}:${o.column}${o.via ? ` (${o.via})` : ''}` : fallback);

  const rules = CODES.map((code) => ({
    code,
    severity: eff.engine.rules[code] ?? DEFAULT_SEVERITY[code],
    from: args.rules[code] !== undefined ? '--rule' : where(r.origins.rules[code], 'default'),
  }));
  const packs = eff.packs.map((p) => {
    const i = r.packs.indexOf(p);
    return { path: show(p), from: i === -1 ? '--pack' : where(r.origins.packs[i], '?') };
  });
  let k = 0;
  const ignore = r.ignores.flatMap((set) => set.patterns.map((pattern) => ({ pattern, relativeTo: show(set.base) || '.', from: where(r.origins.ignore[k++], '?') })));
  const citation = { value: eff.engine.citationStyle, from: where(r.origins.citationStyle, 'default') };

  if (args.format === 'json') {
    io.stdout.write(JSON.stringify({
      file: show(target),
      configFiles: r.files.map(show),
      config: { rules: Object.fromEntries(rules.map((x) => [x.code, x.severity])), citationStyle: citation.value, packs: packs.map((p) => p.path), ignore: ignore.map((i) => i.pattern) },
      origins: {
        ...Object.fromEntries(rules.map((x) => [`rules.${x.code}`, x.from])),
        citationStyle: citation.from,
        ...Object.fromEntries(packs.map((p, i) => [`packs.${i}`, p.from])),
        ...Object.fromEntries(ignore.map((x, i) => [`ignore.${i}`, `${x.from} (relative to ${x.relativeTo})`])),
      },
    }, null, 2) + '\n');
    return 0;
  }
  const rows: [string, string][] = [];
  rows.push(['rules:', '']);
  for (const x of rules) rows.push([`  ${x.code}: ${x.severity}`, x.from]);
  rows.push([`citationStyle: ${citation.value}`, citation.from]);
  rows.push([packs.length ? 'packs:' : 'packs: []', '']);
  for (const p of packs) rows.push([`  - ${p.path}`, p.from]);
  rows.push([ignore.length ? 'ignore:' : 'ignore: []', '']);
  for (const x of ignore) rows.push([`  - ${x.pattern}`, `${x.from}, relative to ${x.relativeTo}`]);
  const width = Math.max(...rows.map(([a]) => a.length)) + 2;
  const files = r.files.length ? r.files.map(show).join(', ') : 'none (defaults)';
  const lines = [
    `# claimlint configuration for ${show(target)}`,
    `# config files, merged in this order (later wins per key): ${files}`,
    '# after each value: where it was set',
    ...rows.map(([a, b]) => (b ? `${a.padEnd(width)}# ${b}` : a)),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}
