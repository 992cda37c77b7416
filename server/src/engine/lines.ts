// Offset ↔ position conversion with LSP conventions: 0-based lines, UTF-16 characters; "\r\n",
// "\n" and "\r" end a line. Out-of-range input is clamped.

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the start of `line` (clamped). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line];
  }

  /** Offset of the end of `line`, before its line ending (clamped). */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    const starts = this.starts;
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    // An offset between '\r' and '\n' is the end of the line the CRLF ends (as vscode-languageserver-textdocument).
    if (offset > starts[lo] && this.text.charCodeAt(offset - 1) === 13) offset--;
    return { line: lo, character: offset - starts[lo] };
  }

  offsetAt(position: Position): number {
    const { line, character } = position;
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const start = this.starts[line];
    const end = this.lineEnd(line);
    // A character beyond the line's end clamps to the end of the line's content.
    return Math.max(start, Math.min(start + Math.max(0, character), end));
  }
}
