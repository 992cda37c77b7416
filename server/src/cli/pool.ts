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
  const outcomes: LintOutcome[] = new Array(jobs.length);
  const stats: PoolStats = { threads: Math.max(1, Math.min(opts.threads, jobs.length || 1)), byWorkers: 0, byMain: 0 };
  const record = (o: LintOutcome, byWorker: boolean) => {
    const pos = indexOf.get(o.index)!;
    outcomes[pos] = o;
    if (byWorker) stats.byWorkers++;
    else stats.byMain++;
    opts.onOutcome?.(o);
  };
  const indexOf = new Map(jobs.map((j, i) => [j.index, i]));
  const signal = opts.signal;
  if (stats.threads <= 1) {
    for (const job of jobs) {
      signal?.throwIfAborted();
      record(lintText(job, opts.store.get(job.packs).db, signal), false);
      // Lets the progress timer run and an abort arrive.
      if (opts.onOutcome || signal) await yieldToEvents();
    }
    signal?.throwIfAborted();
    return { outcomes, stats };
  }

  // Small batches keep the load even; larger ones cut message overhead on many tiny files.
  const batchSize = Math.max(1, Math.min(8, Math.floor(jobs.length / (stats.threads * 6))));
  let next = 0;
  const requeued: LintJob[][] = [];
  const take = (): LintJob[] => {
    const again = requeued.shift();
    if (again) return again;
    const batch = jobs.slice(next, next + batchSize);
    next += batch.length;
    return batch;
  };

  const databases = opts.store.snapshot();
  const workers: Worker[] = [];
  let batchId = 0;
  let recorded = 0;
  let alive = stats.threads - 1;
  let failure: Error | undefined;
  let finishAll: () => void = () => {};
  let failAll: (e: Error) => void = () => {};
  const done = new Promise<void>((resolveAll, rejectAll) => {
    finishAll = resolveAll;
    failAll = (e) => {
      failure ??= e;
      rejectAll(failure);
    };
  });
  const onRecorded = () => {
    if (++recorded === jobs.length) finishAll();
  };

  // The main thread takes batches too, yielding between them so worker messages are handled.
  // (CLAIMLINT_POOL_MAIN=0 leaves everything to the workers: a test hook proving they run.)
  const mainHelps = process.env.CLAIMLINT_POOL_MAIN !== '0';
  let mainRunning = false;
  const runMain = async () => {
    if (mainRunning) return;
    mainRunning = true;
    try {
      for (;;) {
        if (failure || recorded === jobs.length) return;
        const batch = take();
        if (batch.length === 0) return;
        for (const job of batch) {
          record(lintText(job, opts.store.get(job.packs).db, signal), false);
          onRecorded();
        }
        await yieldToEvents();
      }
    } finally {
      mainRunning = false;
    }
  };

  const kickers: (() => void)[] = [];
  for (let w = 0; w < stats.threads - 1; w++) {
    const worker = new Worker(opts.workerUrl, { workerData: { cwd: opts.cwd, databases } satisfies WorkerData });
    workers.push(worker);
    const inFlight = new Map<number, LintJob[]>();
    let dead = false;
    const send = () => {
      if (dead) return;
      const batch = take();
      if (batch.length === 0) return;
      const id = batchId++;
      inFlight.set(id, batch);
      worker.postMessage({ type: 'lint', batch: id, jobs: batch } satisfies ToWorker);
    };
    kickers.push(() => {
      if (inFlight.size < 2) send();
    });
    // A worker that cannot start or dies hands its batches back; the others (and the main
    // thread) finish the run. Only when no thread is left does the run fail.
    const lose = (why: Error) => {
      if (dead) return;
      dead = true;
      alive--;
      for (const batch of inFlight.values()) requeued.push(batch);
      inFlight.clear();
      if (recorded === jobs.length) return;
      if (alive === 0 && !mainHelps) failAll(why);
      else {
        kickers.forEach((kick) => kick());
        if (mainHelps) void runMain().catch((e: Error) => failAll(e));
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
          record(o, true);
          onRecorded();
        }
      } else if (msg.type === 'fatal') {
        lose(new Error(msg.message));
      }
    });
    worker.on('error', (e) => lose(e));
    worker.on('exit', (code) => lose(new Error(`a lint worker stopped (exit code ${code})`)));
  }
  const abort = () => failAll(signal!.reason as Error);
  signal?.addEventListener('abort', abort, { once: true });
  if (signal?.aborted) abort();
  if (mainHelps) void runMain().catch((e: Error) => failAll(e));
  if (jobs.length === 0) finishAll();
  try {
    await done;
  } finally {
    signal?.removeEventListener('abort', abort);
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { outcomes, stats };
}
