import { ipv4NetworkOf, ipv4ToString, parseAddress } from './parse-address';
import { type CompiledServiceTags, NO_TAG, type ServiceTagInfo, type ServiceTagsError, type ServiceTagsResult } from './service-tags';

export interface ServiceTagHit {
  /** The most specific tag holding the address (`AzureCloud.eastus`, `AzureKeyVault.EastUS`). */
  readonly tag: ServiceTagInfo;
  /** The published prefix of that tag that holds the address (`20.42.0.0/17`). */
  readonly range: string;
  /** Region of the most specific regional tag holding the address; '' when only global tags do. */
  readonly region: string;
  readonly source: string;
  readonly asOf: string;
}

export type ServiceTagStatus = 'not-loaded' | 'loaded' | 'failed';

/**
 * A service-tag index built or loaded on first use only: a log with no public address never pays
 * for it (nor for the caller's file read, which happens inside `load`). Lookups are a binary search
 * over uint32 interval starts: microseconds against the ~57,000 IPv4 prefixes of a weekly file.
 */
export class ServiceTagIndex {
  private data: CompiledServiceTags | undefined;
  private failure: ServiceTagsError | undefined;
  private byName: Map<string, ServiceTagInfo> | undefined;
  private load: (() => ServiceTagsResult) | undefined;

  private constructor(load: () => ServiceTagsResult) {
    this.load = load;
  }

  /** `load` runs at most once, on the first lookup (it may read a file, compile a download, …). */
  static lazy(load: () => ServiceTagsResult): ServiceTagIndex {
    return new ServiceTagIndex(load);
  }

  static of(compiled: CompiledServiceTags): ServiceTagIndex {
    return new ServiceTagIndex(() => ({ ok: true, value: compiled }));
  }

  get status(): ServiceTagStatus {
    return this.data !== undefined ? 'loaded' : this.failure !== undefined ? 'failed' : 'not-loaded';
  }

  /** Why loading failed (a bad cache file, say); the index then answers nothing. */
  get error(): ServiceTagsError | undefined {
    return this.failure;
  }

  /** The loaded data, loading it now if needed; undefined when loading failed. */
  compiled(): CompiledServiceTags | undefined {
    if (this.load !== undefined) {
      const result = this.load();
      this.load = undefined;
      if (result.ok) this.data = result.value;
      else this.failure = result.error;
    }
    return this.data;
  }

  /** The tag data for an IPv4 address (dotted text or uint32); undefined when no tag holds it. */
  lookup(address: string | number): ServiceTagHit | undefined {
    const value = typeof address === 'number' ? address : parseAddress(address);
    if (value === undefined || (typeof value !== 'number' && value.version !== 4)) return undefined;
    const n = typeof value === 'number' ? value : value.value;
    const d = this.compiled();
    if (d === undefined) return undefined;
    const { starts } = d;
    let lo = 0;
    let hi = starts.length - 1;
    // Last interval starting at or before n.
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] ?? 0) <= n) lo = mid + 1;
      else hi = mid - 1;
    }
    if (hi < 0 || n > (d.ends[hi] ?? -1)) return undefined;
    const tag = d.tags[d.tagIds[hi] ?? NO_TAG];
    if (tag === undefined) return undefined;
    const prefix = d.prefixes[hi] ?? 32;
    const regionTag = d.tags[d.regionTagIds[hi] ?? NO_TAG];
    return { tag, range: `${ipv4ToString(ipv4NetworkOf(n, prefix))}/${prefix}`, region: tag.region || (regionTag?.region ?? ''), source: d.source, asOf: d.asOf };
  }

  /** A tag by name (case-insensitive, as Azure treats them), e.g. to count `AzureCloud.eastus` prefixes. */
  tag(name: string): ServiceTagInfo | undefined {
    const d = this.compiled();
    if (d === undefined) return undefined;
    this.byName ??= new Map(d.tags.map((t) => [t.name.toLowerCase(), t]));
    return this.byName.get(name.toLowerCase());
  }
}
