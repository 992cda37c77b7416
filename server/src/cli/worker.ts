// A lint worker: receives the run's databases once (the main thread's, so every thread uses the
// same records) and lints the batches it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from '../db/schema.js';
import { DatabaseStore } from './database.js';
import { lintText, type LintJob } from './lint.js';

export interface WorkerData { cwd: string; databases: Record<string, Database> }
export type ToWorker = { type: 'lint'; batch: number; jobs: LintJob[] };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; batch: number; outcomes: ReturnType<typeof lintText>[] }
  | { type: 'fatal'; message: string };

const port = parentPort;
if (port) {
  const data = workerData as WorkerData;
  const store = new DatabaseStore(data.cwd);
  try {
    store.adopt(data.databases);
    store.get([]); // the embedded database (loaded here only if the main thread had not)
    port.postMessage({ type: 'ready' } satisfies FromWorker);
  } catch (e) {
    port.postMessage({ type: 'fatal', message: (e as Error).message } satisfies FromWorker);
  }
  port.on('message', (msg: ToWorker) => {
    if (msg.type !== 'lint') return;
    const outcomes = msg.jobs.map((job) => lintText(job, store.get(job.packs).db));
    port.postMessage({ type: 'done', batch: msg.batch, outcomes } satisfies FromWorker);
  });
}
