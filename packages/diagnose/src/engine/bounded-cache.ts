/**
 * A map that forgets everything once it holds `capacity` entries: memory stays bounded on a log of
 * any size, and the repeats it exists for (a retry loop, the same noise line in every step) come
 * back within a few entries, so a rare full reset costs little.
 */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();

  constructor(
    private readonly capacity: number,
    /** Keys longer than this are not kept: a huge message is rarely repeated and would hold memory. */
    private readonly maxKeyLength: number,
  ) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    if (key.length > this.maxKeyLength) return;
    if (this.map.size >= this.capacity) this.map.clear();
    this.map.set(detached(key), value);
  }
}

/**
 * A deep copy of `value` (plain JSON data: a string, facts) that shares no memory with the strings
 * it was cut from. V8 keeps a substring as a view of its parent, so a short key or fact cut from a
 * 1 MB region would keep the whole region alive for as long as a cache holds it. JSON's round trip
 * always builds new strings.
 */
export function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
