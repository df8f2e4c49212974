import * as z from 'zod/mini';
import { ReportSchema } from './schema';

/** JSON Schema (draft 2020-12) of the Report, for consumers outside TypeScript. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' });
}
