/**
 * A progress bar on stderr: done/total, rate per second and ETA. On a terminal it redraws one
 * line; otherwise (CI, pipes) it prints a line at most every few seconds.
 */
export class Progress {
  private readonly started = performance.now();
  private lastDraw = 0;
  private done = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = 'rows',
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    this.done = done;
    const now = performance.now();
    if (now - this.lastDraw < (this.stream.isTTY ? 100 : 3_000) && done < this.total) return;
    this.lastDraw = now;
    this.draw(now);
  }

  private draw(now: number): void {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = this.done / seconds;
    const share = this.total > 0 ? Math.min(this.done / this.total, 1) : 1;
    const eta = rate > 0 ? Math.max(0, (this.total - this.done) / rate) : 0;
    const width = 24;
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
    const line = `${this.label} [${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${this.done}/${this.total} ${this.unit}, ${Math.round(rate)} ${this.unit}/s, ETA ${eta.toFixed(0)} s`;
    this.stream.write(this.stream.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
  }

  finish(): void {
    this.draw(performance.now());
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
