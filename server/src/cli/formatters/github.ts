// `--format github`: GitHub Actions workflow commands, which show as annotations on the diff.
import type { RunReport } from '../report.js';
import type { FormatContext } from './index.js';

/** Escaping of a command's message (workflow-commands: %, CR, LF). */
export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escaping of a property value (additionally : and ,). */
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

export function formatGithub(report: RunReport, _ctx: FormatContext): string {
  const out: string[] = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      const { start, end } = d.range;
      const props = [`file=${escapeProperty(f.file)}`, `line=${start.line + 1}`];
      // GitHub accepts col/endColumn only on one-line annotations; endColumn is the last column (inclusive).
      if (end.line === start.line) {
        props.push(`col=${start.character + 1}`, `endLine=${end.line + 1}`, `endColumn=${Math.max(end.character, start.character + 1)}`);
      } else {
        props.push(`endLine=${end.line + 1}`);
      }
      props.push(`title=${escapeProperty(`claimlint(${d.code})`)}`);
      out.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`);
    }
  }
  for (const s of report.skipped) {
    out.push(`::warning file=${escapeProperty(s.file)},title=${escapeProperty('claimlint(skipped)')}::${escapeData(`claimlint skipped this file: ${s.reason}`)}`);
  }
  return out.length ? out.join('\n') + '\n' : '';
}
