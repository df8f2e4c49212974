import { higherConfidence } from './confidence';
import { fillMissing } from './fill-missing';
import { foldOccurrences } from './occurrence-lists';
import type { Occurrence } from './rule';
import type { Window } from './window';

// Wrappers print the service sentence twice: az "(Forbidden) X" then "Message: X", the JS RestError
// "RestError: X" then "message": "X", .NET "X" then Content {"error":{…"message":"X"}}. A line
// that only restates the body's message belongs to the occurrence just before it.
const RESTATEMENT = /^(?:"?message"?\s?[:=]\s?"?|Message="|\{"error":\{"code":"[A-Za-z]{1,60}","message":")/i;

/**
 * Folds an occurrence whose anchor line restates the message of the occurrence before it (within
 * `within` logical lines) into that occurrence, so one error printed twice counts once. Lines that
 * repeat the whole error (a retry loop) are not restatements and stay separate.
 */
export function mergeRestatements(window: Window, occurrences: readonly Occurrence[], within = 40): Occurrence[] {
  return foldOccurrences(occurrences, (prev, occ) =>
    occ.anchor - prev.anchor <= within && RESTATEMENT.test(window.lineText(occ.anchor))
      ? {
          anchor: prev.anchor,
          from: prev.from,
          to: Math.max(prev.to, occ.to),
          facts: fillMissing(prev.facts, occ.facts),
          details: fillMissing(prev.details, occ.details),
          confidence: higherConfidence(prev.confidence, occ.confidence),
        }
      : undefined,
  );
}
