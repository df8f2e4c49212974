/** One overall time limit for every request of a check; each read races it. */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly ms: number;
  /** Settles with the promise, or rejects with an AbortError once the deadline passes. */
  race<T>(work: Promise<T>): Promise<T>;
  dispose(): void;
}

class DeadlineExceeded extends Error {
  override readonly name = 'AbortError';
}

export function startDeadline(ms: number): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DeadlineExceeded(`deadline of ${ms} ms passed`)), ms);
  return {
    signal: controller.signal,
    ms,
    // Not every credential honours the abort signal, so the race guarantees the limit.
    race<T>(work: Promise<T>): Promise<T> {
      if (controller.signal.aborted) return Promise.reject(new DeadlineExceeded(`deadline of ${ms} ms passed`));
      return new Promise<T>((resolve, reject) => {
        const onAbort = (): void => reject(new DeadlineExceeded(`deadline of ${ms} ms passed`));
        controller.signal.addEventListener('abort', onAbort, { once: true });
        work.then(
          (v) => {
            controller.signal.removeEventListener('abort', onAbort);
            resolve(v);
          },
          (e: unknown) => {
            controller.signal.removeEventListener('abort', onAbort);
            reject(e);
          },
        );
      });
    },
    dispose(): void {
      clearTimeout(timer);
    },
  };
}
