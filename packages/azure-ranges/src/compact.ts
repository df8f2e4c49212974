import { asOfFromFileName, type CompiledServiceTags, SERVICE_TAGS_SOURCE, serialiseServiceTags, ServiceTagsFileSchema } from '@kvdoctor/diagnose';
import { isShipped, SELECTION } from './selection';
import { SNAPSHOT_FORMAT, type SnapshotMeta } from './snapshot';

export interface SnapshotTag {
  readonly name: string;
  readonly properties: { readonly region: string; readonly systemService: string; readonly addressPrefixes: readonly string[] };
}

export type Snapshot = SnapshotMeta & { readonly changeNumber: number; readonly cloud: string; readonly values: readonly SnapshotTag[] };

export type CompactResult = { readonly ok: true; readonly value: Snapshot } | { readonly ok: false; readonly message: string };

/**
 * Microsoft's weekly ServiceTags_Public_YYYYMMDD.json → the shipped snapshot: the selected tags
 * with their IPv4 and IPv6 prefixes, and none of the per-tag fields kvdoctor does not read. The
 * date comes from the download's name, the only place Microsoft states it.
 */
export function compactServiceTags(data: unknown, fileName: string): CompactResult {
  const asOf = asOfFromFileName(fileName);
  if (asOf === undefined) return { ok: false, message: `${fileName}: name the file as downloaded (ServiceTags_Public_YYYYMMDD.json): its date is the snapshot's date` };
  const parsed = ServiceTagsFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, message: `${fileName}: not a ServiceTags_Public.json: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  const values = parsed.data.values
    .filter((v) => isShipped(v.name))
    .map((v) => ({ name: v.name, properties: { region: v.properties.region, systemService: v.properties.systemService, addressPrefixes: v.properties.addressPrefixes } }));
  if (!values.some((v) => v.name.startsWith('AzureCloud.'))) return { ok: false, message: `${fileName}: holds no regional AzureCloud tag` };
  const value: Snapshot = {
    format: SNAPSHOT_FORMAT,
    asOf,
    file: fileName,
    source: SERVICE_TAGS_SOURCE,
    selection: SELECTION,
    changeNumber: parsed.data.changeNumber,
    cloud: parsed.data.cloud,
    values,
  };
  return { ok: true, value };
}

/** One tag per line: a weekly refresh diffs by tag, and the file stays as small as compact JSON. */
export function snapshotText(snapshot: Snapshot): string {
  const { values, ...head } = snapshot;
  const tags = values.map((v) => JSON.stringify(v)).join(',\n');
  return `${JSON.stringify(head).slice(0, -1)},"values":[\n${tags}\n]}\n`;
}

/** The compiled index as the CLI and bot load it (base64 columns: a few milliseconds to read back). */
export function indexText(compiled: CompiledServiceTags): string {
  return `${JSON.stringify(serialiseServiceTags(compiled))}\n`;
}
