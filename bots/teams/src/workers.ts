import cluster from 'node:cluster';
import { defaultStorage } from './adapter';
import type { StoreLike } from './dedupe';
import type { Logger } from './logger';
import { serveStore, storeClient } from './shared-store';

/**
 * Several processes on one host (KVDOCTOR_WORKERS): Node's cluster primary accepts connections
 * and hands them round-robin to the workers, so every core answers turns. The primary only
 * supervises and keeps the shared store; it handles no activity itself.
 */
export function runPrimary(workers: number, logger: Logger): void {
  const store = defaultStorage();
  let stopping = false;
  const fork = () => {
    const worker = cluster.fork();
    serveStore(store, worker);
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker only dies of a bug; replace it so the host keeps its capacity.
    logger.error('worker.exited', { pid: worker.process.pid, code: code ?? undefined, signal: signal ?? undefined });
    fork();
  });
  process.once('SIGTERM', () => {
    stopping = true;
    logger.info('server.draining', { workers });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  });
}

/** The store this process should use for dedupe: the primary's when it is a cluster worker. */
export function processStore(): StoreLike {
  if (!cluster.isWorker || process.send === undefined) return defaultStorage();
  return storeClient({ send: (message) => process.send?.(message), on: (event, listener) => process.on(event, listener) });
}

export function isPrimaryOf(workers: number): boolean {
  return workers > 1 && cluster.isPrimary;
}
