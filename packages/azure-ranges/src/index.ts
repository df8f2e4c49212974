export { azureRanges, loadAzureRanges, INDEX_PATH, SNAPSHOT_PATH } from './load';
export { compileSnapshot, SnapshotMetaSchema, SNAPSHOT_FORMAT, type SnapshotMeta } from './snapshot';
export { compactServiceTags, snapshotText, indexText, type Snapshot, type SnapshotTag, type CompactResult } from './compact';
export { isShipped, SELECTION } from './selection';
