import * as z from 'zod/mini';
import { ipv6CidrProblem, parseCidr } from './parse-address';
import { ensureEnglishMessages } from '../zod-messages';

ensureEnglishMessages();

/**
 * Microsoft's weekly ServiceTags_Public.json (and the same shape from ARM's service-tags API),
 * compiled into a sorted, non-overlapping interval index over IPv4 numbers. No I/O: the CLI, bot or
 * live check reads the file and passes the parsed object in. IPv6 prefixes are counted per tag but
 * not indexed (a Key Vault firewall rule is IPv4 only).
 */
export const ServiceTagsFileSchema = z.object({
  changeNumber: z.int().check(z.nonnegative()),
  cloud: z.string().check(z.minLength(1)),
  values: z.array(
    z.object({
      // No tabs or line breaks: the compact cache stores one tag per tab-separated line.
      name: z.string().check(z.regex(/^[^\t\r\n]+$/, 'a tag name must be one line without tabs')),
      properties: z.object({
        region: z._default(z.string().check(z.regex(/^[^\t\r\n]*$/, 'a region must be one line without tabs')), ''),
        systemService: z._default(z.string().check(z.regex(/^[^\t\r\n]*$/, 'a service name must be one line without tabs')), ''),
        addressPrefixes: z.array(z.string()),
      }),
    }),
  ).check(z.minLength(1)),
});

export interface ServiceTagInfo {
  readonly name: string;
  /** Lower-case Azure region (`eastus`), or '' for a tag that spans regions (`AzureCloud`). */
  readonly region: string;
  readonly systemService: string;
  readonly ipv4Prefixes: number;
  readonly ipv6Prefixes: number;
}

/** The compact form: parallel typed arrays, one element per disjoint interval, sorted by start. */
export interface CompiledServiceTags {
  readonly source: string;
  readonly asOf: string;
  readonly changeNumber: number;
  readonly cloud: string;
  readonly tags: readonly ServiceTagInfo[];
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** The most specific tag covering the interval (longest prefix; a regional, named service on ties). */
  readonly tagIds: Uint16Array;
  /** That tag's prefix length: the published range of an address is its network of this length. */
  readonly prefixes: Uint8Array;
  /** The most specific tag with a region, for a region when the best tag spans regions; NO_TAG if none. */
  readonly regionTagIds: Uint16Array;
}

export const NO_TAG = 0xffff;

export type ServiceTagsError = { readonly code: 'invalid-service-tags'; readonly message: string };
export type ServiceTagsResult = { readonly ok: true; readonly value: CompiledServiceTags } | { readonly ok: false; readonly error: ServiceTagsError };

export const SERVICE_TAGS_SOURCE = 'https://www.microsoft.com/en-us/download/details.aspx?id=56519';

/** The file's date from Microsoft's download name `ServiceTags_Public_20240506.json` (the JSON has none). */
export function asOfFromFileName(name: string): string | undefined {
  const m = /_(\d{4})(\d{2})(\d{2})\.json$/i.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

export function fail(message: string): ServiceTagsResult {
  return { ok: false, error: { code: 'invalid-service-tags', message } };
}

export function issuesText(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(root)'}: ${i.message}`)
    .join('; ');
}

interface Entry {
  readonly start: number;
  readonly end: number;
  readonly prefix: number;
  readonly tag: number;
}

/** Lower is better among identical ranges: a regional tag, then a named service over AzureCloud. */
function tieRank(t: ServiceTagInfo): number {
  return (t.region === '' ? 2 : 0) + (t.systemService === '' ? 1 : 0);
}

/**
 * Compiles a parsed ServiceTags_Public.json. CIDR blocks are laminar (two are nested or disjoint),
 * so one sweep with a stack labels every elementary interval with its most specific tag.
 */
export function compileServiceTags(data: unknown, meta: { readonly asOf: string; readonly source?: string }): ServiceTagsResult {
  const parsed = ServiceTagsFileSchema.safeParse(data);
  if (!parsed.success) return fail(`not a ServiceTags_Public.json: ${issuesText(parsed.error)}`);
  const { values } = parsed.data;
  if (values.length >= NO_TAG) return fail(`too many service tags (${values.length}); at most ${NO_TAG - 1} fit the index`);
  const tags: ServiceTagInfo[] = [];
  const entries: Entry[] = [];
  for (const [i, v] of values.entries()) {
    let ipv4 = 0;
    let ipv6 = 0;
    for (const [j, p] of v.properties.addressPrefixes.entries()) {
      const where = `values[${i}] (${v.name}).properties.addressPrefixes[${j}]`;
      if (p.includes(':')) {
        const problem = ipv6CidrProblem(p);
        if (problem !== undefined) return fail(`${where}: ${problem}`);
        ipv6 += 1;
        continue;
      }
      const r = parseCidr(p);
      if (!r.ok) return fail(`${where}: ${r.message}`);
      if (r.range.version === 6) return fail(`${where}: "${p}" is not an IPv4 range`);
      ipv4 += 1;
      entries.push({ start: r.range.start, end: r.range.end, prefix: r.range.prefix, tag: i });
    }
    tags.push({ name: v.name, region: v.properties.region.toLowerCase(), systemService: v.properties.systemService, ipv4Prefixes: ipv4, ipv6Prefixes: ipv6 });
  }
  const ranks = tags.map(tieRank);
  const rank = (e: Entry): number => ranks[e.tag] ?? 0;
  // Outer blocks before inner ones; among identical blocks the preferred tag last (top of the stack).
  entries.sort((a, b) => a.start - b.start || a.prefix - b.prefix || rank(b) - rank(a) || b.tag - a.tag);
  const out: Record<'starts' | 'ends' | 'tags' | 'prefixes' | 'regions', number[]> = { starts: [], ends: [], tags: [], prefixes: [], regions: [] };
  const stack: Entry[] = [];
  const emit = (from: number, to: number): void => {
    const top = stack[stack.length - 1];
    if (top === undefined || from > to) return;
    let regional = NO_TAG;
    for (let k = stack.length - 1; k >= 0 && regional === NO_TAG; k -= 1) {
      const e = stack[k];
      if (e !== undefined && tags[e.tag]?.region !== '') regional = e.tag;
    }
    const n = out.starts.length - 1;
    const last = n >= 0 && out.ends[n] === from - 1 && out.tags[n] === top.tag && out.prefixes[n] === top.prefix && out.regions[n] === regional;
    if (last) out.ends[n] = to;
    else {
      out.starts.push(from);
      out.ends.push(to);
      out.tags.push(top.tag);
      out.prefixes.push(top.prefix);
      out.regions.push(regional);
    }
  };
  let cursor = 0;
  const popTo = (limit: number): void => {
    // Close every block that ends before `limit`, labelling the stretch each leaves behind.
    for (let top = stack[stack.length - 1]; top !== undefined && top.end < limit; top = stack[stack.length - 1]) {
      emit(cursor, top.end);
      cursor = Math.max(cursor, top.end + 1);
      stack.pop();
    }
  };
  for (const e of entries) {
    popTo(e.start);
    emit(cursor, e.start - 1);
    cursor = e.start;
    stack.push(e);
  }
  popTo(2 ** 32);
  return {
    ok: true,
    value: {
      source: meta.source ?? SERVICE_TAGS_SOURCE,
      asOf: meta.asOf,
      changeNumber: parsed.data.changeNumber,
      cloud: parsed.data.cloud,
      tags,
      starts: Uint32Array.from(out.starts),
      ends: Uint32Array.from(out.ends),
      tagIds: Uint16Array.from(out.tags),
      prefixes: Uint8Array.from(out.prefixes),
      regionTagIds: Uint16Array.from(out.regions),
    },
  };
}
