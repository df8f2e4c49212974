/**
 * Structured, content-free logging: events carry kinds, sizes, outcomes and timings, never the
 * pasted text, a file's link or a token. One JSON line per event on stderr, which App Service and
 * Container Apps collect as is.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export function jsonLogger(write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const emit = (level: string, event: string, fields: LogFields = {}) => write(`${JSON.stringify({ time: new Date().toISOString(), level, pid: process.pid, event, ...fields })}\n`);
  return { info: (event, fields) => emit('info', event, fields), error: (event, fields) => emit('error', event, fields) };
}

/** Keeps events in memory: tests assert on them, and on what they do not contain. */
export function memoryLogger(): Logger & { readonly events: { level: string; event: string; fields: LogFields }[] } {
  const events: { level: string; event: string; fields: LogFields }[] = [];
  return {
    events,
    info: (event, fields = {}) => events.push({ level: 'info', event, fields }),
    error: (event, fields = {}) => events.push({ level: 'error', event, fields }),
  };
}

/** The kind of an unexpected error, never its message (which may quote input). */
export function errorKind(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}
