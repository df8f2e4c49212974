// Hand-redacted values ("XXX", "***", "<vault>", "...", "[redacted]") stand where a fact was: they
// are not facts, and a fix must show its own placeholder there rather than the user's mask.
const MASKED = /^(?:x+|\*+|\.{2,}|…+|<[^>]*>|\[[^\]]*\]|redacted)$/i;

/** Whether a value read from a message is the author's mask rather than a name or an id. */
export function isMasked(value: string): boolean {
  return MASKED.test(value);
}
