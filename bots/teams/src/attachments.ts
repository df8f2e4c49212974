import { z } from 'zod';
import { formatBytes, type Limits } from './conversation/limits';
import type { DownloadOutcome, IncomingAttachment } from './conversation/types';

/**
 * Teams delivers a file sent in a 1:1 chat as an attachment of this type whose `downloadUrl` is a
 * short-lived, pre-authorised link. The link is a credential: it is never logged, never echoed, and
 * no error message built here contains it.
 */
const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

const FileDownloadInfoSchema = z.object({
  contentType: z.literal(FILE_DOWNLOAD_INFO),
  name: z.string().min(1).max(512),
  content: z.object({ downloadUrl: z.string().url(), fileType: z.string().max(32).optional() }),
});

const AnyAttachmentSchema = z.object({ contentType: z.string().max(256), name: z.string().max(512).optional() });

/**
 * Teams copies every formatted message into a text/html attachment; that copy is the message
 * itself, not something the user attached.
 */
const ECHOES = new Set(['text/html']);

export function readAttachments(raw: unknown): IncomingAttachment[] {
  if (!Array.isArray(raw)) return [];
  const out: IncomingAttachment[] = [];
  for (const item of raw) {
    const file = FileDownloadInfoSchema.safeParse(item);
    if (file.success) {
      out.push({ kind: 'file', name: file.data.name, downloadUrl: file.data.content.downloadUrl, fileType: file.data.content.fileType });
      continue;
    }
    const other = AnyAttachmentSchema.safeParse(item);
    if (other.success && ECHOES.has(other.data.contentType)) continue;
    out.push({ kind: 'other', name: other.success ? other.data.name : undefined, contentType: other.success ? other.data.contentType : 'unknown' });
  }
  return out;
}

export interface DownloadOptions {
  /** Plain http is refused unless allowed (local mode, where tests serve files on loopback). */
  readonly allowHttp: boolean;
}

async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<Buffer | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, size);
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

function failure(code: Exclude<DownloadOutcome, { ok: true }>['error']['code'], message: string): DownloadOutcome {
  return { ok: false, error: { code, message } };
}

/** Downloads with a size cap and a deadline covering headers and body; failures are values. */
export function createDownloader(options: DownloadOptions) {
  return async (url: string, limits: Limits): Promise<DownloadOutcome> => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return failure('insecure-url', 'the file link is not a valid URL');
    }
    if (parsed.protocol !== 'https:' && !(options.allowHttp && parsed.protocol === 'http:')) {
      return failure('insecure-url', 'the file link is not https, so it was not opened');
    }
    const signal = AbortSignal.timeout(limits.downloadTimeoutMs);
    try {
      const res = await fetch(parsed, { signal, redirect: 'follow' });
      if (!res.ok || res.body === null) {
        await res.body?.cancel();
        return failure('http-status', `the download failed with HTTP ${res.status} (Teams file links expire after a while: send the file again)`);
      }
      const declared = Number(res.headers.get('content-length') ?? '0');
      if (declared > limits.maxFileBytes) {
        await res.body.cancel();
        return failure('too-large', `the file is ${formatBytes(declared)}; at most ${formatBytes(limits.maxFileBytes)} is read`);
      }
      const bytes = await readCapped(res.body, limits.maxFileBytes);
      return bytes === undefined ? failure('too-large', `the file is larger than ${formatBytes(limits.maxFileBytes)}, the most that is read`) : { ok: true, bytes };
    } catch {
      // The error may quote the URL, so only its kind is kept.
      return signal.aborted
        ? failure('timeout', `the download took longer than ${Math.round(limits.downloadTimeoutMs / 100) / 10} s`)
        : failure('network', 'the file could not be downloaded (network error)');
    }
  };
}
