// Human-readable report: findings grouped by file, aligned columns, a summary line.
import { countDiagnostics, type RunReport } from '../report.js';
import type { FormatContext } from './index.js';

const SGR = { reset: 0, bold: 1, dim: 2, underline: 4, red: 31, yellow: 33, blue: 34, cyan: 36, green: 32 } as const;
type Style = keyof typeof SGR;

export function paint(on: boolean) {
  return (text: string, ...styles: Style[]) =>
    on && styles.length ? styles.map((s) => `\u001b[${SGR[s]}m`).join('') + text + '\u001b[0m' : text;
}

const LABEL = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' } as const;
const COLOUR: Record<keyof typeof LABEL, Style> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'dim' };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : /(s|x|sh|ch)$/.test(word) ? 'es' : 's'}`;

export function formatStylish(report: RunReport, ctx: FormatContext): string {
  const c = paint(ctx.color);
  const out: string[] = [];
  for (const f of report.files) {
    if (f.diagnostics.length === 0) continue;
    out.push(c(f.file, 'underline'));
    const rows = f.diagnostics.map((d) => ({
      pos: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      sev: LABEL[d.severity],
      colour: COLOUR[d.severity],
      msg: d.message.replace(/\s*\n\s*/g, ' '),
      code: d.code,
    }));
    const posW = Math.max(...rows.map((r) => r.pos.length));
    const sevW = Math.max(...rows.map((r) => r.sev.length));
    for (const r of rows) {
      out.push(`  ${c(r.pos.padEnd(posW), 'dim')}  ${c(r.sev.padEnd(sevW), r.colour)}  ${r.msg}  ${c(r.code, 'dim')}`);
    }
    out.push('');
  }
  const n = countDiagnostics(report.files);
  const total = n.errors + n.warnings + n.infos + n.hints;
  const skipped = (report.skipped.length ? `, ${plural(report.skipped.length, 'file')} skipped (see above)` : '') +
    (ctx.hidden ? `, ${ctx.hidden} warnings/info hidden by --quiet` : '');
  if (total > 0) {
    // Hints (uncited notes by default) are counted as such: "info" would call them something else.
    const line = `✖ ${plural(total, 'problem')} (${plural(n.errors, 'error')}, ${plural(n.warnings, 'warning')}, ${n.infos} info${n.hints ? `, ${plural(n.hints, 'hint')}` : ''})`;
    out.push(c(line, 'bold', n.errors > 0 ? 'red' : n.warnings > 0 ? 'yellow' : 'blue') + skipped);
    if (n.fixable > 0 && !ctx.fixing) out.push(c(`  ${plural(n.fixable, 'problem')} fixable with the \`--fix\` option.`, n.errors > 0 ? 'red' : 'yellow'));
  } else {
    out.push(c(ctx.hidden ? `✔ No errors in ${plural(report.files.length, 'file')}` : `✔ No problems found in ${plural(report.files.length, 'file')}`, 'green') + skipped);
  }
  const fixed = report.files.reduce((s, f) => s + (f.fixesApplied ?? 0), 0);
  if (fixed > 0) out.push(`${ctx.fixing === 'dry-run' ? 'Would apply' : 'Applied'} ${plural(fixed, 'fix')} in ${plural(report.files.filter((f) => f.fixesApplied).length, 'file')}.`);
  return out.join('\n') + '\n';
}
