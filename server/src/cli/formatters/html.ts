// `--format html`: one self-contained page for CI artifacts: totals, findings per evidence grade
// (with a small bar chart), findings grouped by claim and by file, skipped files. No scripts, no
// external resources; everything is escaped.
import type { Diagnostic, RunReport } from '../report.js';
import type { FormatContext } from './index.js';

const GRADES = ['established', 'supported', 'preliminary', 'preclinical-only', 'contested'] as const;
const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
const COLOR: Record<string, string> = { error: '#c62828', warning: '#b26a00', information: '#1565c0', hint: '#607d8b' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export function formatHtml(report: RunReport, ctx: FormatContext): string {
  const all: { file: string; d: Diagnostic }[] = report.files.flatMap((f) => f.diagnostics.map((d) => ({ file: f.file, d })));
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, all.filter((x) => x.d.severity === s).length])) as Record<string, number>;
  const claimOf = (id: string | undefined) => (id ? ctx.claim?.(id) : undefined);
  const byGrade = new Map<string, number>(GRADES.map((g) => [g, 0]));
  for (const x of all) {
    const grade = claimOf(x.d.claimId)?.grade;
    if (grade) byGrade.set(grade, (byGrade.get(grade) ?? 0) + 1);
  }
  const max = Math.max(1, ...byGrade.values());
  const bars = GRADES.map((g, i) => {
    const n = byGrade.get(g) ?? 0;
    const w = Math.round((n / max) * 240);
    return `<text x="0" y="${i * 22 + 15}">${g}</text><rect x="120" y="${i * 22 + 3}" width="${w}" height="16" fill="#5c6bc0"/><text x="${128 + w}" y="${i * 22 + 15}">${n}</text>`;
  }).join('');
  const chart = `<svg role="img" aria-label="findings per evidence grade" width="420" height="${GRADES.length * 22 + 4}" font-size="12" font-family="sans-serif">${bars}</svg>`;

  const loc = (file: string, d: Diagnostic) => `${esc(file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
  const sev = (d: Diagnostic) => `<span class="sev" style="color:${COLOR[d.severity]}">${d.severity}</span>`;

  // By claim: findings about a claim, most first; the others (citations, directives) last.
  const groups = new Map<string, { file: string; d: Diagnostic }[]>();
  for (const x of all) {
    const key = x.d.claimId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  const claimSections = [...groups].sort(([a, x], [b, y]) => (a === '' ? 1 : b === '' ? -1 : y.length - x.length || a.localeCompare(b))).map(([id, xs]) => {
    const c = claimOf(id);
    const title = id ? `<code>${esc(id)}</code>${c ? ` <span class="grade">${esc(c.grade)}</span> ${esc(c.statement)}` : ''}` : 'Not about a claim (citations, cautions, directives)';
    const rows = xs.map(({ file, d }) => `<tr><td>${loc(file, d)}</td><td>${sev(d)}</td><td><code>${d.code}</code></td><td>${esc(d.message)}</td></tr>`).join('');
    return `<details open=""><summary>${title} — ${plural(xs.length, 'finding')}</summary><table>${rows}</table></details>`;
  }).join('\n');

  const fileSections = report.files.map((f) => {
    if (f.diagnostics.length === 0) return `<li>${esc(f.file)} — no findings</li>`;
    const rows = f.diagnostics.map((d) => `<tr><td>${d.range.start.line + 1}:${d.range.start.character + 1}</td><td>${sev(d)}</td><td><code>${d.code}</code></td><td>${esc(d.message)}</td></tr>`).join('');
    return `<li><details><summary>${esc(f.file)} — ${plural(f.diagnostics.length, 'finding')}</summary><table>${rows}</table></details></li>`;
  }).join('\n');
  const skipped = report.skipped.length
    ? `<h2>Skipped files</h2><ul>${report.skipped.map((s) => `<li>${esc(s.file)}: ${esc(s.reason)}</li>`).join('')}</ul>`
    : '';

  const totals = SEVERITIES.map((s) => `<span class="pill" style="border-color:${COLOR[s]}">${bySeverity[s]} ${s === 'information' ? 'info' : plural(bySeverity[s]!, s).replace(/^\d+ /, '')}</span>`).join(' ');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimlint report</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem;color:#222}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}td{border-top:1px solid #ddd;padding:.25rem .5rem;vertical-align:top;font-size:.9rem}
td:first-child{font-family:monospace;word-break:break-all;width:22%}td:nth-child(2),td:nth-child(3){white-space:nowrap}summary{cursor:pointer;margin:.3rem 0}
.pill{border:2px solid;border-radius:1rem;padding:.1rem .6rem;margin-right:.3rem}.grade{background:#e8eaf6;border-radius:.3rem;padding:0 .3rem;font-size:.85rem}
.sev{font-weight:600}ul{padding-left:1.2rem}
</style></head>
<body>
<h1>claimlint report</h1>
<p>${plural(report.files.length, 'file')} checked${report.skipped.length ? `, ${report.skipped.length} skipped` : ''}; ${plural(all.length, 'finding')}: ${totals}</p>
<h2>Findings per evidence grade</h2>
${chart}
<h2>By claim</h2>
${claimSections || '<p>No findings.</p>'}
<h2>By file</h2>
<ul>
${fileSections}
</ul>
${skipped}
<p><small>claimlint ${esc(ctx.version ?? '')}</small></p>
</body></html>
`;
}
