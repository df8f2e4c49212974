import { cardBytes, type AdaptiveCard } from './adaptive';

/**
 * Builds a card at the richest detail level that fits `maxBytes` (Teams rejects a bot message near
 * 100 KB and advises 80 KB). The last level is returned even when it is too big: its builder must
 * be small by construction.
 */
export function fitCard(levels: readonly (() => AdaptiveCard)[], maxBytes: number): AdaptiveCard {
  let last: AdaptiveCard | undefined;
  for (const build of levels) {
    last = build();
    if (cardBytes(last) <= maxBytes) return last;
  }
  if (last === undefined) throw new RangeError('fitCard needs at least one level');
  return last;
}
