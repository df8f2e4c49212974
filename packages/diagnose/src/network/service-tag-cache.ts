import * as z from 'zod/mini';
import { type CompiledServiceTags, fail, issuesText, NO_TAG, type ServiceTagInfo, type ServiceTagsResult } from './service-tags';
import { base64ToBytes, bytesToBase64 } from './base64';
import { ensureEnglishMessages } from '../zod-messages';

ensureEnglishMessages();

/**
 * The compiled index as JSON text: plain number arrays (readable, diffable) or base64 of
 * little-endian typed arrays (about half the size and several times faster to load). The cache is
 * the user's own file, so it is validated as outside data on the way back in.
 */
const CACHE_FORMAT = 'kvdoctor-service-tags';
const CACHE_VERSION = 1;
export type CacheEncoding = 'json' | 'base64';

const WIDTH = { starts: 4, ends: 4, tagIds: 2, prefixes: 1, regionTagIds: 2 } as const;
type Column = keyof typeof WIDTH;
const COLUMNS: readonly Column[] = ['starts', 'ends', 'tagIds', 'prefixes', 'regionTagIds'];

// Base64 is checked by decoded length, numbers by range, in `column` (a regex over ~1 MB runs interpreted the first time: ~25 ms).
const columnSchema = z.union([z.array(z.unknown()), z.string()]);

const CacheSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  version: z.literal(CACHE_VERSION),
  source: z.string().check(z.minLength(1)),
  asOf: z.string().check(z.minLength(1)),
  changeNumber: z.int().check(z.nonnegative()),
  cloud: z.string().check(z.minLength(1)),
  // One line per tag, tab-separated (name, region, systemService, IPv4 and IPv6 prefix counts): a
  // single string validates in microseconds where thousands of zod-checked elements cost ~15 ms.
  tags: z.string(),
  starts: columnSchema,
  ends: columnSchema,
  tagIds: columnSchema,
  prefixes: columnSchema,
  regionTagIds: columnSchema,
});

function encode(column: Column, values: Uint32Array | Uint16Array | Uint8Array): string {
  const width = WIDTH[column];
  const view = new DataView(new ArrayBuffer(values.length * width));
  values.forEach((v, i) => {
    if (width === 4) view.setUint32(i * 4, v, true);
    else if (width === 2) view.setUint16(i * 2, v, true);
    else view.setUint8(i, v);
  });
  return bytesToBase64(new Uint8Array(view.buffer));
}

type Typed = Uint32Array | Uint16Array | Uint8Array;

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** One column, straight into its typed array (no intermediate number[]: load time matters). */
function column<T extends Typed>(name: Column, raw: readonly unknown[] | string, make: (n: number) => T): T | string {
  const width = WIDTH[name];
  if (typeof raw !== 'string') {
    // Checked here, not per element in zod: 200,000 zod-checked numbers cost tens of milliseconds.
    const max = 2 ** (8 * width);
    const out = make(raw.length);
    for (let i = 0; i < raw.length; i += 1) {
      const v = raw[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= max) return `${name}[${i}] is ${JSON.stringify(v)}, not a whole number that fits ${width} byte${width > 1 ? 's' : ''}`;
      out[i] = v;
    }
    return out;
  }
  const bytes = base64ToBytes(raw);
  // atob skips whitespace and tolerates missing padding: the decoded length catches those too.
  const padding = raw.endsWith('==') ? 2 : raw.endsWith('=') ? 1 : 0;
  if (bytes === undefined || raw.length % 4 !== 0 || bytes.length !== (raw.length / 4) * 3 - padding) return `${name}: not base64`;
  if (bytes.length % width !== 0) return `${name}: ${bytes.length} bytes is not a whole number of ${width}-byte values`;
  const out = make(bytes.length / width);
  if (LITTLE_ENDIAN) {
    // Same byte order as the file: one copy, no per-value work.
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < out.length; i += 1) out[i] = width === 4 ? view.getUint32(i * 4, true) : width === 2 ? view.getUint16(i * 2, true) : view.getUint8(i);
  return out;
}

const COUNT = /^\d{1,9}$/;

/** The tag table back from its lines; a message naming the line when one is damaged. */
function parseTags(text: string): ServiceTagInfo[] | string {
  if (text === '') return [];
  const tags: ServiceTagInfo[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    const [name, region, systemService, v4, v6, extra] = line.split('\t');
    if (name === undefined || name === '' || region === undefined || systemService === undefined || v4 === undefined || v6 === undefined || extra !== undefined) {
      return `tags line ${i + 1}: expected 5 tab-separated fields (name, region, systemService, ipv4Prefixes, ipv6Prefixes)`;
    }
    if (!COUNT.test(v4) || !COUNT.test(v6)) return `tags line ${i + 1} (${name}): prefix counts must be whole numbers`;
    tags.push({ name, region, systemService, ipv4Prefixes: Number(v4), ipv6Prefixes: Number(v6) });
  }
  return tags;
}

/** The compiled index as a JSON-ready object; `JSON.stringify` it to write the cache file. */
export function serialiseServiceTags(c: CompiledServiceTags, encoding: CacheEncoding = 'base64'): z.input<typeof CacheSchema> {
  const col = (name: Column): number[] | string => (encoding === 'json' ? Array.from(c[name]) : encode(name, c[name]));
  return {
    format: CACHE_FORMAT,
    version: CACHE_VERSION,
    source: c.source,
    asOf: c.asOf,
    changeNumber: c.changeNumber,
    cloud: c.cloud,
    tags: c.tags.map((t) => [t.name, t.region, t.systemService, t.ipv4Prefixes, t.ipv6Prefixes].join('\t')).join('\n'),
    starts: col('starts'),
    ends: col('ends'),
    tagIds: col('tagIds'),
    prefixes: col('prefixes'),
    regionTagIds: col('regionTagIds'),
  };
}

/** Checks what the typed arrays cannot: lengths agree, intervals sorted and disjoint, ids in range. */
function consistencyProblem(c: CompiledServiceTags): string | undefined {
  const n = c.starts.length;
  for (const name of COLUMNS) if (c[name].length !== n) return `${name} has ${c[name].length} values, starts has ${n}`;
  for (let i = 0; i < n; i += 1) {
    const start = c.starts[i] ?? 0;
    const end = c.ends[i] ?? 0;
    if (end < start) return `interval ${i} ends before it starts`;
    if (i > 0 && start <= (c.ends[i - 1] ?? 0)) return `interval ${i} is not after interval ${i - 1} (the index must be sorted and disjoint)`;
    if ((c.tagIds[i] ?? NO_TAG) >= c.tags.length) return `interval ${i} names tag ${c.tagIds[i]}, but there are ${c.tags.length} tags`;
    const region = c.regionTagIds[i] ?? NO_TAG;
    if (region !== NO_TAG && region >= c.tags.length) return `interval ${i} names region tag ${region}, but there are ${c.tags.length} tags`;
    if ((c.prefixes[i] ?? 33) > 32) return `interval ${i} has prefix length ${c.prefixes[i]}`;
  }
  return undefined;
}

/** Loads a cache written by `serialiseServiceTags` (either encoding); a bad file is a value, naming the problem. */
export function deserialiseServiceTags(data: unknown): ServiceTagsResult {
  const parsed = CacheSchema.safeParse(data);
  if (!parsed.success) return fail(`not a kvdoctor service-tag cache: ${issuesText(parsed.error)}`);
  const d = parsed.data;
  const tags = parseTags(d.tags);
  if (typeof tags === 'string') return fail(`service-tag cache: ${tags}`);
  const starts = column('starts', d.starts, (n) => new Uint32Array(n));
  const ends = column('ends', d.ends, (n) => new Uint32Array(n));
  const tagIds = column('tagIds', d.tagIds, (n) => new Uint16Array(n));
  const prefixes = column('prefixes', d.prefixes, (n) => new Uint8Array(n));
  const regionTagIds = column('regionTagIds', d.regionTagIds, (n) => new Uint16Array(n));
  if (typeof starts === 'string' || typeof ends === 'string' || typeof tagIds === 'string' || typeof prefixes === 'string' || typeof regionTagIds === 'string') {
    const problem = [starts, ends, tagIds, prefixes, regionTagIds].find((c) => typeof c === 'string');
    return fail(`service-tag cache: ${String(problem)}`);
  }
  const compiled: CompiledServiceTags = {
    source: d.source,
    asOf: d.asOf,
    changeNumber: d.changeNumber,
    cloud: d.cloud,
    tags,
    starts,
    ends,
    tagIds,
    prefixes,
    regionTagIds,
  };
  const problem = consistencyProblem(compiled);
  return problem === undefined ? { ok: true, value: compiled } : fail(`service-tag cache: ${problem}`);
}

/** Cache file text → index, with JSON syntax errors returned as values too. */
export function parseServiceTagCache(text: string): ServiceTagsResult {
  try {
    return deserialiseServiceTags(JSON.parse(text));
  } catch (e) {
    return fail(`service-tag cache is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}
