// `--format json`: exactly one JSON array, one entry per linted file, LSP-style positions.
import type { RunReport } from '../report.js';
import type { FormatContext } from './index.js';

export function formatJson(report: RunReport, _ctx: FormatContext): string {
  const files = report.files.map((f) => {
    const entry: Record<string, unknown> = {
      file: f.file,
      diagnostics: f.diagnostics.map((d) => {
        const o: Record<string, unknown> = {
          code: d.code,
          severity: d.severity,
          message: d.message,
          range: d.range,
          claimId: d.claimId ?? null,
          sources: d.sources,
          fixes: d.fixes.map((x) => ({ title: x.title, kind: x.kind, safe: x.safe, edits: x.edits })),
        };
        if (d.cautionId !== undefined) o.cautionId = d.cautionId;
        return o;
      }),
    };
    if (f.output !== undefined) entry.output = f.output;
    return entry;
  });
  return JSON.stringify(files, null, 2) + '\n';
}
