import type { Deadline } from '../deadline';
import type { Read } from '../outcome';
import { classify, type ReadTarget } from './errors';

/** Runs one read against the deadline; what the SDK throws becomes a failure value. */
export async function attempt<T>(target: ReadTarget, deadline: Deadline, work: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await deadline.race(work()) };
  } catch (error) {
    return { ok: false, failure: classify(error, target, deadline.ms) };
  }
}
