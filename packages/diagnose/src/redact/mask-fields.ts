import { redact } from './redact';

/**
 * A record with each string field masked, and how many secrets they held: a fact read from a
 * request line (`requestUrl` with a SAS signature or a client secret in its query) is shown masked.
 */
export function maskFields(record: Readonly<Record<string, unknown>>): { fields: Record<string, unknown>; count: number } {
  let count = 0;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'string') {
      fields[key] = value;
      continue;
    }
    const r = redact(value);
    count += r.count;
    fields[key] = r.text;
  }
  return { fields, count };
}
