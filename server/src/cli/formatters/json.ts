// `--format json`: exactly one JSON array, one entry per linted file (one per line), LSP-style positions.
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
        if (d.reason !== undefined) o.reason = d.reason;
        return o;
      }),
    };
    if (f.output !== undefined) entry.output = f.output;
    return entry;
  });
  // Compact, one file per line: half the size of indented JSON on large runs, still line-oriented
  // enough to grep or diff by file. `jq .` pretty-prints it.
  return files.length === 0 ? '[]\n' : `[\n${files.map((f) => JSON.stringify(f)).join(',\n')}\n]\n`;
}
