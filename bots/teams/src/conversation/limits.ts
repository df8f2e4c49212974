/**
 * The sizes and times the bot works within. Teams caps a user's message near 28 KB and a bot's at
 * ~100 KB (80 KB advised), and waits ~15 s for a turn, so each limit has a reason beside it.
 */
export interface Limits {
  /** Bytes of pasted text read; more is cut and the reply says so (Teams itself stops near 28 KB). */
  readonly maxPasteBytes: number;
  /** Bytes downloaded for one attached file. */
  readonly maxFileBytes: number;
  /** Bytes unpacked from one .zip in total (a zip bomb stops here). */
  readonly maxUnzippedBytes: number;
  /** Milliseconds one download may take, headers to last byte. */
  readonly downloadTimeoutMs: number;
  /** Milliseconds a live check may take; the invoke must be answered inside Teams' turn limit. */
  readonly liveCheckTimeoutMs: number;
  /**
   * Serialized (UTF-8) bytes of one card. Teams counts a message in UTF-16, about twice this for
   * ASCII, against 100 KB (80 KB advised), and cards posted by Workflows stop at ~28 KB: 28 KB
   * here is safe under both.
   */
  readonly maxCardBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxPasteBytes: 64 * 1024,
  maxFileBytes: 20 * 1024 * 1024,
  maxUnzippedBytes: 64 * 1024 * 1024,
  downloadTimeoutMs: 10_000,
  liveCheckTimeoutMs: 9_000,
  maxCardBytes: 28 * 1024,
};

/** "64 KB", "20 MB": sizes as people read them in a chat reply. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}
