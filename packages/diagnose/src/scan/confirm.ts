import { escapeRegex } from '../rule-kit/patterns';
import { logicalTexts, plainLogical, unprefix } from '../normalise/normalise-line';

/**
 * Whether a trigger hit is worth a region: some rule's whole marker is in the hit's line or its
 * neighbours, read as the engine reads them (prefix and colour stripped, a wrapped sentence joined,
 * escapes and entities undone). A trigger is only a piece of a marker, and a log full of words
 * like "403 Forbidden" (npm, proxies, registries) would otherwise put every line in a region.
 */
export type ConfirmHit = (hitLine: string, before: string | undefined, after: string | undefined) => boolean;

export function markerConfirmer(markers: Iterable<string>): ConfirmHit {
  const unique = [...new Set(markers)].filter((m) => m.length > 0);
  if (unique.length === 0) return () => false;
  const any = new RegExp(unique.map(escapeRegex).join('|'));
  return (hitLine, before, after) => {
    const own = unprefix(hitLine).text.trim();
    // Most real hits hold their marker on their own line: one test.
    if (any.test(own)) return true;
    // Joined with a space, as a wrapped sentence is; a marker never ends in one.
    const around = (l: string | undefined): string[] => (l === undefined ? [] : [unprefix(l).text.trim()]);
    const text = [...around(before), own, ...around(after)].join(' ');
    if (any.test(text)) return true;
    return plainLogical(text) === undefined && any.test(logicalTexts(text).map((p) => p.text).join(' '));
  };
}
