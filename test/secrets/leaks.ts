import type { Planted } from './planted';

/** A leak is any 16 characters of a secret in a row (the whole secret when it is shorter). */
export const WINDOW = 16;

/** Names of the cases whose secret shows in `output`, whole or in part. */
export function leaks(output: string, cases: readonly Planted[]): string[] {
  const seen = new Set<string>();
  for (let i = 0; i + WINDOW <= output.length; i++) seen.add(output.slice(i, i + WINDOW));
  return cases
    .filter((c) =>
      c.secrets.some((s) => {
        if (s.length <= WINDOW) return output.includes(s);
        for (let i = 0; i + WINDOW <= s.length; i++) if (seen.has(s.slice(i, i + WINDOW))) return true;
        return false;
      }),
    )
    .map((c) => c.name);
}
