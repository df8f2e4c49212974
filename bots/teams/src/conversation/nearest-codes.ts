/**
 * The known codes closest to what was typed, for "explain <unknown code>": three suggestions
 * read better than a list of ~70. Distance is Levenshtein on lower case, ties in list order.
 */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function nearestCodes(typed: string, known: readonly string[], count = 3): string[] {
  const wanted = typed.trim().toLowerCase();
  return [...new Set(known)]
    .map((code, order) => ({ code, order, d: distance(wanted, code.toLowerCase()) }))
    .sort((x, y) => x.d - y.d || x.order - y.order)
    .slice(0, count)
    .map((c) => c.code);
}
