import type { Confidence } from '../report/schema';
import type { Occurrence } from './rule';
import { fillMissing } from './fill-missing';
import type { Window } from './window';

// Wrappers print the service sentence twice: az "(Forbidden) X" then "Message: X", the JS RestError
// "RestError: X" then "message": "X", .NET "X" then Content {"error":{…"message":"X"}}. A line
// that only restates the body's message belongs to the occurrence just before it.
const RESTATEMENT = /^(?:"?message"?\s?[:=]\s?"?|Message="|\{"error":\{"code":"[A-Za-z]{1,60}","message":")/i;

const ORDER: Readonly<Record<Confidence, number>> = { low: 0, medium: 1, high: 2 };


/**
 * Folds an occurrence whose anchor line restates the message of the occurrence before it (within
 * `within` logical lines) into that occurrence, so one error printed twice counts once. Lines that
 * repeat the whole error (a retry loop) are not restatements and stay separate.
 */
export function mergeRestatements(window: Window, occurrences: readonly Occurrence[], within = 40): Occurrence[] {
  const out: Occurrence[] = [];
  for (const occ of occurrences) {
    const prev = out[out.length - 1];
    const text = window.lines[occ.anchor]?.text ?? '';
    if (prev && occ.anchor - prev.anchor <= within && RESTATEMENT.test(text)) {
      out[out.length - 1] = {
        anchor: prev.anchor,
        from: prev.from,
        to: Math.max(prev.to, occ.to),
        facts: fillMissing(prev.facts, occ.facts),
        details: fillMissing(prev.details, occ.details),
        confidence: ORDER[occ.confidence] > ORDER[prev.confidence] ? occ.confidence : prev.confidence,
      };
    } else {
      out.push(occ);
    }
  }
  return out;
}
