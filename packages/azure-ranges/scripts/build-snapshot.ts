// Rebuilds data/snapshot.json (the selected tags' prefixes) and data/index.json (their compiled
// index, what the CLI and bot load) from Microsoft's weekly ServiceTags_Public_YYYYMMDD.json
// (https://www.microsoft.com/en-us/download/details.aspx?id=56519), and prints what it kept and the
// files' sizes (raw and gzip, as they ship).
//   npx --yes pnpm@10.34.0 --filter @kvdoctor/azure-ranges snapshot ~/Downloads/ServiceTags_Public_20260504.json
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { compactServiceTags, compileSnapshot, INDEX_PATH, indexText, SNAPSHOT_PATH, snapshotText } from '../src/index';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: build-snapshot <ServiceTags_Public_YYYYMMDD.json>\n');
  process.exit(2);
}
const compacted = compactServiceTags(JSON.parse(readFileSync(file, 'utf8')), basename(file));
if (!compacted.ok) {
  process.stderr.write(`${compacted.message}\n`);
  process.exit(2);
}
const snapshot = snapshotText(compacted.value);
// Compiled from the written text, so the index is exactly what data/snapshot.json says.
const compiled = compileSnapshot(JSON.parse(snapshot));
if (!compiled.ok) throw new Error(`the snapshot does not compile: ${compiled.error.message}`);
const index = indexText(compiled.value);

const write = (path: string, text: string): void => {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
};
write(SNAPSHOT_PATH, snapshot);
write(INDEX_PATH, index);

const { tags, asOf, changeNumber } = compiled.value;
const v4 = tags.reduce((n, t) => n + t.ipv4Prefixes, 0);
const v6 = tags.reduce((n, t) => n + t.ipv6Prefixes, 0);
const size = (text: string): string => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB (${(gzipSync(text).length / 1024).toFixed(1)} KB gzip)`;
process.stdout.write(`Azure ranges as of ${asOf} (change ${changeNumber}): ${tags.length} tags, ${v4} IPv4 and ${v6} IPv6 prefixes\n`);
process.stdout.write(`  ${SNAPSHOT_PATH}: ${size(snapshot)}\n  ${INDEX_PATH}: ${size(index)}\n`);
