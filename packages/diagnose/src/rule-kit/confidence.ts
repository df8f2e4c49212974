import type { Confidence } from '../report/schema';

const ORDER: Readonly<Record<Confidence, number>> = { low: 0, medium: 1, high: 2 };

/** The higher of two confidences: merged sightings of one error keep the surest reading. */
export function higherConfidence(a: Confidence, b: Confidence): Confidence {
  return ORDER[b] > ORDER[a] ? b : a;
}
