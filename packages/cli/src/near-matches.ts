/** Edit distance, case-insensitive: typos in error codes are one or two characters off. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Known names close to `wanted`: a small edit away, or sharing a long prefix (AADSTS7002 → AADSTS70021). */
export function nearMatches(wanted: string, known: readonly string[], limit = 5): string[] {
  const w = wanted.trim().toLowerCase();
  const scored = [...new Set(known)].flatMap((name) => {
    const k = name.toLowerCase();
    const d = distance(w, k);
    const close = d <= Math.max(2, Math.floor(w.length / 4));
    const related = w.length >= 4 && (k.startsWith(w) || w.startsWith(k));
    return close || related ? [{ name, d }] : [];
  });
  return scored
    .sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.name);
}
