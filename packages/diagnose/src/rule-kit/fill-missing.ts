/** A copy of `first` with the fields it lacks taken from `second`: the first sighting's values win. */
export function fillMissing<T extends object>(first: T, second: T): T {
  const out: T = { ...first };
  for (const key of Object.keys(second) as (keyof T)[]) {
    if (second[key] !== undefined && out[key] === undefined) out[key] = second[key];
  }
  return out;
}
