/**
 * Runs reports off the event loop: in up to `size` worker threads (report-worker.ts), each
 * with its own read-only connection, never the pool ingest uses. A report still running at
 * its time limit is cancelled (its worker terminated; on PostgreSQL the server also cancels
 * the statement at that limit) and rejects with `ReportTimeout`.
 */
import { Worker } from 'node:worker_threads';

/** A report cancelled at its time limit. */
export class ReportTimeout extends Error {}

interface Job {
  name: 'page' | 'overview';
  args: unknown[];
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * @param options `location` as
 *   for openDatabase; `timeout` in ms, counted from the request (waiting included)
 */
export function reportRunner({ location, timeout, size = 2 }: { location: string; timeout: number; size?: number; }) {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  /** every live worker and its job */
  const live: Map<Worker, Job | undefined> = new Map();

  /** Forgets a worker that stopped, failing its job. */
  function retire(worker: Worker, error: Error) {
    if (!live.has(worker)) return;
    const job = live.get(worker);
    live.delete(worker);
    if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
    if (job) finish(job).reject(error);
    dispatch();
  }

  function spawn() {
    const worker = new Worker(new URL('./report-worker.js', import.meta.url), { workerData: { location, timeout } });
    worker.unref(); // an idle worker keeps no process alive
    live.set(worker, undefined);
    worker.on('message', ({ result, error }: { result?: unknown; error?: string; }) => {
      const job = live.get(worker);
      if (!job) return; // cancelled meanwhile
      live.set(worker, undefined);
      idle.push(worker);
      if (error === undefined) finish(job).resolve(result);
      else finish(job).reject(new Error(error));
      dispatch();
    });
    worker.on('error', (error) => retire(worker, (error as Error)));
    worker.on('exit', () => retire(worker, new Error('the report worker stopped')));
    return worker;
  }

  function finish(job: Job) {
    clearTimeout(job.timer);
    return job;
  }

  function dispatch() {
    while (queue.length > 0 && (idle.length > 0 || live.size < size)) {
      const worker = idle.pop() ?? spawn();
      const job = (queue.shift() as Job);
      live.set(worker, job);
      worker.postMessage({ name: job.name, args: job.args });
    }
  }

  function expire(job: Job) {
    if (queue.includes(job)) queue.splice(queue.indexOf(job), 1);
    for (const [worker, running] of live) {
      if (running !== job) continue;
      live.delete(worker); // forgotten first, so that its exit fails nothing
      worker.terminate();
    }
    job.reject(new ReportTimeout(`the report took longer than ${timeout} ms`));
    dispatch();
  }

  return {
    timeout,
    /** @param args after the source: the range, and options */
    run: (name: 'page' | 'overview', ...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const job: Job = { name, args, resolve, reject, timer: setTimeout(() => expire(job), timeout) };
        queue.push(job);
        dispatch();
      }),
    /** Stops every worker and fails the reports still waiting. */
    async close() {
      for (const job of queue.splice(0)) finish(job).reject(new Error('the collector is shutting down'));
      await Promise.all([...live.keys()].map((worker) => worker.terminate()));
    },
  };
}
