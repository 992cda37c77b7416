// Distributes lint jobs over worker threads plus the main thread, keeping results in job order.
// The main thread lints too (it has the engine loaded already), so `threads` = 2 means one
// worker thread; each worker keeps two batches in flight so it never waits on the main thread.
import { Worker } from 'node:worker_threads';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { DatabaseStore } from './database.js';
import { lintText, type LintJob, type LintOutcome } from './lint.js';
import type { FromWorker, ToWorker, WorkerData } from './worker.js';

export interface PoolOptions {
  /** Executors including the main thread (1 = single-threaded). */
  threads: number;
  cwd: string;
  store: DatabaseStore;
  /** The worker module (worker.js next to the entry point). */
  workerUrl: URL;
  /** Stops the run: pending jobs are dropped, workers terminated, and runJobs rejects with the signal's reason. */
  signal?: AbortSignal;
  onOutcome?: (o: LintOutcome) => void;
}

export interface PoolStats { threads: number; byWorkers: number; byMain: number }

/** Default executor count: single-threaded for small runs, else one per core. Starting a worker
 *  costs a few hundred milliseconds of CPU (loading the engine, compiling the database, warming
 *  up), about what linting half a megabyte takes; below that it would not pay off. */
export const WORKER_THRESHOLD_BYTES = 512 * 1024;
export function defaultThreads(files: number, totalBytes: number, cores: number): number {
  if (cores < 2 || files < 2 || totalBytes < WORKER_THRESHOLD_BYTES) return 1;
  return Math.min(cores, files);
}

export async function runJobs(jobs: LintJob[], opts: PoolOptions): Promise<{ outcomes: LintOutcome[]; stats: PoolStats }> {
  const stats: PoolStats = { threads: Math.max(1, Math.min(opts.threads, jobs.length || 1)), byWorkers: 0, byMain: 0 };
  const outcomes: LintOutcome[] = new Array(jobs.length);
  const indexOf = new Map(jobs.map((j, i) => [j.index, i]));
  const record = (o: LintOutcome, byWorker: boolean) => {
    const pos = indexOf.get(o.index)!;
    outcomes[pos] = o;
    if (byWorker) stats.byWorkers++;
    else stats.byMain++;
    opts.onOutcome?.(o);
  };
  if (stats.threads <= 1) await runOnMainThread(jobs, opts, record);
  else await new WorkerPool(jobs, opts, stats.threads - 1, record).run();
  return { outcomes, stats };
}

type RecordOutcome = (o: LintOutcome, byWorker: boolean) => void;

async function runOnMainThread(jobs: LintJob[], opts: PoolOptions, record: RecordOutcome): Promise<void> {
  const signal = opts.signal;
  for (const job of jobs) {
    signal?.throwIfAborted();
    record(lintText(job, opts.store.get(job.packs).db, signal), false);
    // Lets the progress timer run and an abort arrive.
    if (opts.onOutcome || signal) await yieldToEvents();
  }
  signal?.throwIfAborted();
}

/** Worker threads plus the main thread taking batches of jobs until every job has its outcome. */
class WorkerPool {
  private readonly batchSize: number;
  private next = 0;
  private readonly requeued: LintJob[][] = [];
  private readonly workers: Worker[] = [];
  private batchId = 0;
  private recorded = 0;
  private alive: number;
  private failure: Error | undefined;
  private finishAll: () => void = () => {};
  private failAll: (e: Error) => void = () => {};
  private readonly done: Promise<void>;
  // The main thread takes batches too, yielding between them so worker messages are handled.
  // (CLAIMLINT_POOL_MAIN=0 leaves everything to the workers: a test hook proving they run.)
  private readonly mainHelps = process.env.CLAIMLINT_POOL_MAIN !== '0';
  private mainRunning = false;
  private readonly kickers: (() => void)[] = [];

  constructor(private readonly jobs: LintJob[], private readonly opts: PoolOptions, private readonly workerCount: number, private readonly record: RecordOutcome) {
    // Small batches keep the load even; larger ones cut message overhead on many tiny files.
    this.batchSize = Math.max(1, Math.min(8, Math.floor(jobs.length / ((workerCount + 1) * 6))));
    this.alive = workerCount;
    this.done = new Promise<void>((resolveAll, rejectAll) => {
      this.finishAll = resolveAll;
      this.failAll = (e) => {
        this.failure ??= e;
        rejectAll(this.failure);
      };
    });
  }

  async run(): Promise<void> {
    const signal = this.opts.signal;
    const databases = this.opts.store.snapshot();
    for (let w = 0; w < this.workerCount; w++) this.startWorker(databases);
    const abort = () => this.failAll(signal!.reason as Error);
    signal?.addEventListener('abort', abort, { once: true });
    if (signal?.aborted) abort();
    if (this.mainHelps) void this.runMain().catch((e: Error) => this.failAll(e));
    if (this.jobs.length === 0) this.finishAll();
    try {
      await this.done;
    } finally {
      signal?.removeEventListener('abort', abort);
      await Promise.all(this.workers.map((w) => w.terminate()));
    }
  }

  private take(): LintJob[] {
    const again = this.requeued.shift();
    if (again) return again;
    const batch = this.jobs.slice(this.next, this.next + this.batchSize);
    this.next += batch.length;
    return batch;
  }

  private onRecorded(): void {
    if (++this.recorded === this.jobs.length) this.finishAll();
  }

  private async runMain(): Promise<void> {
    if (this.mainRunning) return;
    this.mainRunning = true;
    try {
      for (;;) {
        if (this.failure || this.recorded === this.jobs.length) return;
        const batch = this.take();
        if (batch.length === 0) return;
        for (const job of batch) {
          this.record(lintText(job, this.opts.store.get(job.packs).db, this.opts.signal), false);
          this.onRecorded();
        }
        await yieldToEvents();
      }
    } finally {
      this.mainRunning = false;
    }
  }

  private startWorker(databases: WorkerData['databases']): void {
    const worker = new Worker(this.opts.workerUrl, { workerData: { cwd: this.opts.cwd, databases } satisfies WorkerData });
    this.workers.push(worker);
    const inFlight = new Map<number, LintJob[]>();
    let dead = false;
    const send = () => {
      if (dead) return;
      const batch = this.take();
      if (batch.length === 0) return;
      const id = this.batchId++;
      inFlight.set(id, batch);
      worker.postMessage({ type: 'lint', batch: id, jobs: batch } satisfies ToWorker);
    };
    this.kickers.push(() => {
      if (inFlight.size < 2) send();
    });
    // A worker that cannot start or dies hands its batches back; the others (and the main
    // thread) finish the run. Only when no thread is left does the run fail.
    const lose = (why: Error) => {
      if (dead) return;
      dead = true;
      this.alive--;
      for (const batch of inFlight.values()) this.requeued.push(batch);
      inFlight.clear();
      if (this.recorded === this.jobs.length) return;
      if (this.alive === 0 && !this.mainHelps) this.failAll(why);
      else {
        this.kickers.forEach((kick) => kick());
        if (this.mainHelps) void this.runMain().catch((e: Error) => this.failAll(e));
      }
    };
    worker.on('message', (msg: FromWorker) => {
      if (msg.type === 'ready') {
        // Two batches in flight, so the worker never waits for the main thread to answer.
        send();
        send();
      } else if (msg.type === 'done') {
        inFlight.delete(msg.batch);
        send();
        for (const o of msg.outcomes) {
          this.record(o, true);
          this.onRecorded();
        }
      } else if (msg.type === 'fatal') {
        lose(new Error(msg.message));
      }
    });
    worker.on('error', (e) => lose(e));
    worker.on('exit', (code) => lose(new Error(`a lint worker stopped (exit code ${code})`)));
  }
}
