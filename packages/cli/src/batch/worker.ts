import { parentPort, workerData } from 'node:worker_threads';
import { DiagnoseSettingsSchema, serviceTagsProblem, toDiagnoseOptions } from '../diagnose-settings';
import { readSource } from '../inputs/read-source';
import { WorkerTaskSchema } from './messages';

// A batch worker: reads one file or archive per message and answers with its results.
const port = parentPort;
if (port !== null) {
  const settings = DiagnoseSettingsSchema.parse(workerData);
  const options = toDiagnoseOptions(settings);
  port.on('message', (message: unknown) => {
    const task = WorkerTaskSchema.parse(message);
    void readSource(task.source, options).then((results) =>
      port.postMessage({ index: task.index, results, problem: serviceTagsProblem(settings, options) }),
    );
  });
}
