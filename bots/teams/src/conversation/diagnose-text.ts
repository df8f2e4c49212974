import { diagnose, redact, type Report, type ServiceTagIndex } from '@kvdoctor/diagnose';

/** One text diagnosed: a paste (no name) or a file / zip entry (its name). */
export interface Diagnosed {
  readonly name: string | undefined;
  readonly report: Report;
  /** Secrets the input held (masked in every reply). */
  readonly secrets: number;
  /** Set when a paste was cut to the cap: the bytes that were read. */
  readonly cutAt: number | undefined;
}

/** The first `maxBytes` bytes of `text`, never splitting a character. */
function cutUtf8(text: string, maxBytes: number): { text: string; cut: boolean } {
  // Three bytes per UTF-16 unit is the worst case, so short texts skip the encoding work.
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text, 'utf8') <= maxBytes) return { text, cut: false };
  const head = Buffer.from(text, 'utf8').subarray(0, maxBytes).toString('utf8');
  return { text: head.endsWith('\ufffd') ? head.slice(0, -1) : head, cut: true };
}

export function diagnoseText(name: string | undefined, text: string, maxBytes: number | undefined, serviceTags: ServiceTagIndex | undefined): Diagnosed {
  const input = maxBytes === undefined ? { text, cut: false } : cutUtf8(text, maxBytes);
  return {
    name,
    report: diagnose(input.text, serviceTags === undefined ? {} : { serviceTags }),
    secrets: redact(input.text).count,
    cutAt: input.cut ? maxBytes : undefined,
  };
}
