import type { Occurrence } from './rule';

/** Whether two occurrences share a logical line (their message blocks overlap). */
export function overlaps(a: Occurrence, b: Occurrence): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** Several readings of one window as one list in line order; on the same line, earlier lists first. */
export function inLineOrder(...lists: readonly (readonly Occurrence[])[]): Occurrence[] {
  return lists.flat().sort((a, b) => a.anchor - b.anchor);
}

/**
 * Walks occurrences in order and lets `merge` fold each one into the occurrence kept before it:
 * `merge` returns the combined occurrence, or undefined to keep the two apart. One error printed
 * twice (an echo, a restatement, an inner exception) then counts once.
 */
export function foldOccurrences(occurrences: readonly Occurrence[], merge: (prev: Occurrence, occ: Occurrence) => Occurrence | undefined): Occurrence[] {
  const out: Occurrence[] = [];
  for (const occ of occurrences) {
    const prev = out[out.length - 1];
    const merged = prev === undefined ? undefined : merge(prev, occ);
    if (merged === undefined) out.push(occ);
    else out[out.length - 1] = merged;
  }
  return out;
}
