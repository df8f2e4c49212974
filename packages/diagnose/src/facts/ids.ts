import { GUID } from '../rule-kit/patterns';

export interface IdFacts {
  correlationId?: string;
  traceId?: string;
  timestamp?: string;
}

const CORRELATION = new RegExp(`(?:Correlation ID|x-ms-correlation-request-id|x-ms-request-id|Activity Id|client-request-id)"?\\s?[:=]\\s?"?(${GUID})`, 'i');
const TRACE = new RegExp(`Trace ID:\\s?(${GUID})`, 'i');
const TIMESTAMP = /Timestamp:\s?(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}Z?)/;

export function extractIds(text: string): IdFacts {
  const out: IdFacts = {};
  const correlation = CORRELATION.exec(text)?.[1];
  if (correlation) out.correlationId = correlation.toLowerCase();
  const trace = TRACE.exec(text)?.[1];
  if (trace) out.traceId = trace.toLowerCase();
  const ts = TIMESTAMP.exec(text)?.[1];
  if (ts) out.timestamp = ts;
  return out;
}
