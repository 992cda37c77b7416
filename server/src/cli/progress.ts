// A progress line on stderr for long runs, only when stderr is a terminal: shown from the start
// for many files, or once a run has taken a second; erased when the run ends.
export class Progress {
  private done = 0;
  private shown = false;
  private lastDraw = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly stream: NodeJS.WriteStream, private readonly total: number, opts: { manyFiles?: number; afterMs?: number } = {}) {
    if (!stream.isTTY || total === 0) return;
    if (total > (opts.manyFiles ?? 50)) this.shown = true;
    else {
      this.timer = setTimeout(() => {
        this.shown = true;
        this.draw(true);
      }, opts.afterMs ?? 1000);
      this.timer.unref();
    }
  }

  tick(): void {
    this.done++;
    if (this.shown) this.draw(false);
  }

  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 80 && this.done < this.total) return;
    this.lastDraw = now;
    this.stream.write(`\r\u001b[2Kclaimlint: ${this.done}/${this.total} files`);
  }

  end(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.shown && this.stream.isTTY) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
