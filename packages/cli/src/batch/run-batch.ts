import { availableParallelism } from 'node:os';
import { type DiagnoseSettings, serviceTagsProblem, toDiagnoseOptions } from '../diagnose-settings';
import { readSource } from '../inputs/read-source';
import type { InputResult, PlanItem, Source } from '../inputs/result';
import { runInWorkers } from './pool';
import { startProgress } from './progress';

/** Below these, starting threads costs more than it saves. */
const WORKERS_FROM_FILES = 8;
const WORKERS_FROM_BYTES = 64 * 1024 * 1024;
const MAX_AUTO_JOBS = 4;
/** A batch this long shows a progress bar (on a terminal). */
export const PROGRESS_FROM_INPUTS = 10;

export interface BatchOptions {
  readonly settings: DiagnoseSettings;
  /** Worker threads; undefined chooses from the batch's size and the machine's cores. */
  readonly jobs: number | undefined;
  /** Called for each unreadable input as soon as it is known (after the progress bar ends, if any). */
  readonly onError: (result: InputResult) => void;
  /** Called once if the service-tag data failed to load (the run goes on without it). */
  readonly onProblem: (message: string) => void;
  readonly stderr: NodeJS.WriteStream;
}

function chooseJobs(sources: readonly Source[], jobs: number | undefined): number {
  const files = sources.filter((s) => s.kind !== 'stdin');
  if (files.length < 2) return 1;
  if (jobs !== undefined) return Math.min(jobs, files.length);
  const bytes = files.reduce((n, s) => n + s.size, 0);
  if (files.length < WORKERS_FROM_FILES && bytes < WORKERS_FROM_BYTES) return 1;
  return Math.min(availableParallelism(), MAX_AUTO_JOBS, files.length);
}

/** Reads every planned source (in workers when the batch is large) and returns results in plan order. */
export async function runBatch(items: readonly PlanItem[], options: BatchOptions): Promise<InputResult[]> {
  const sources = items.flatMap((item) => ('source' in item ? [item.source] : []));
  const progress = items.length >= PROGRESS_FROM_INPUTS ? await startProgress(items.length, options.stderr) : undefined;
  const deferred: InputResult[] = [];
  let problem: string | undefined;
  const done = (results: readonly InputResult[], failure?: string): void => {
    problem ??= failure;
    progress?.tick();
    for (const r of results) {
      if (r.ok) continue;
      if (progress) deferred.push(r);
      else options.onError(r);
    }
  };
  for (const item of items) if ('result' in item) done([item.result]);

  const jobs = chooseJobs(sources, options.jobs);
  const bySource = new Map<Source, InputResult[]>();
  const stdin = sources.filter((s) => s.kind === 'stdin');
  const files = sources.filter((s) => s.kind !== 'stdin');
  const diagnoseOptions = toDiagnoseOptions(options.settings);
  for (const source of stdin) {
    const results = await readSource(source, diagnoseOptions);
    bySource.set(source, results);
    done(results);
  }
  if (jobs > 1) {
    const perTask = await runInWorkers(files, options.settings, jobs, done);
    files.forEach((source, i) => bySource.set(source, perTask[i] ?? []));
  } else {
    for (const source of files) {
      const results = await readSource(source, diagnoseOptions);
      bySource.set(source, results);
      done(results);
    }
  }
  progress?.stop();
  for (const r of deferred) options.onError(r);
  problem ??= serviceTagsProblem(options.settings, diagnoseOptions);
  if (problem !== undefined) options.onProblem(problem);
  return items.flatMap((item) => ('result' in item ? [item.result] : (bySource.get(item.source) ?? [])));
}
