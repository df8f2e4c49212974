import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DiagnoseSettings } from '../diagnose-settings';
import type { InputResult, Source } from '../inputs/result';
import { WorkerReplySchema } from './messages';

/** Set by the bundler (scripts/bundle.cjs): the worker's own bundle, beside the CLI's. */
declare const KVDOCTOR_WORKER_FILE: string | undefined;

// tsc's unbundled output runs worker.js beside this file.
const WORKER_FILE = join(__dirname, typeof KVDOCTOR_WORKER_FILE === 'string' ? KVDOCTOR_WORKER_FILE : 'worker.js');

/** Runs `tasks` on `jobs` worker threads, one task per worker at a time; results keep task order. */
export async function runInWorkers(
  tasks: readonly Source[],
  settings: DiagnoseSettings,
  jobs: number,
  onDone: (results: readonly InputResult[], problem: string | undefined) => void,
): Promise<InputResult[][]> {
  const out: InputResult[][] = tasks.map(() => []);
  let nextTask = 0;
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(WORKER_FILE, { workerData: settings });
      const feed = (): void => {
        const index = nextTask++;
        const source = tasks[index];
        if (source === undefined) {
          void worker.terminate().then(() => resolve(), reject);
          return;
        }
        worker.postMessage({ index, source });
      };
      worker.on('message', (message: unknown) => {
        const reply = WorkerReplySchema.parse(message);
        out[reply.index] = reply.results;
        onDone(reply.results, reply.problem);
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, run));
  return out;
}
