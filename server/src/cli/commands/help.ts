// `claimlint help [CODE]`: usage, or one rule's documentation, offline: the rule registry's
// description and details plus the rule's section of the README installed with claimlint.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, docsUrl, ruleFor } from '../../engine/index.js';
import { closest } from '../../config/schema.js';
import { UsageError } from '../args.js';
import { lintHelp } from '../help.js';
import { packageRoot } from '../version.js';
import type { CliIO } from '../shared.js';

export function runHelp(argv: string[], io: CliIO): number {
  const code = argv[0];
  if (code === undefined || code === '-h' || code === '--help') {
    io.stdout.write(lintHelp() + '\n');
    return 0;
  }
  const rule = ruleFor(code);
  if (!rule) {
    const guess = closest(code, CODES);
    throw new UsageError(`unknown rule "${code}"` + (guess ? ` (did you mean "${guess}"?)` : ''), `The rules are: ${CODES.join(', ')}.`);
  }
  const lines = [
    `${rule.code} (default severity: ${rule.defaultSeverity})`,
    '',
    rule.description,
    '',
    rule.details,
  ];
  const section = readmeSection(rule.docsAnchor);
  if (section) lines.push('', section);
  lines.push('', `Turn it off or change its severity in .claimlintrc.yaml (rules: { ${rule.code}: off }), with --rule ${rule.code}=off,`,
    `or for one line: <!-- claimlint-disable-next-line ${rule.code} -- reason -->.`, `Online: ${docsUrl(rule)}`);
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}

/** The body of the README's `### NAME` section, from the README installed with claimlint. */
export function readmeSection(anchor: string): string | undefined {
  const root = packageRoot();
  const file = root && join(root, 'README.md');
  if (!file || !existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(`\n### ${anchor}\n`);
  if (start === -1) return undefined;
  const body = text.slice(start + anchor.length + 6);
  const end = body.search(/\n#{1,3} /);
  return (end === -1 ? body : body.slice(0, end)).trim();
}
