import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Set to package.json's version by the bundler (scripts/bundle.cjs), so the shipped CLI reads no file for it. */
declare const KVDOCTOR_VERSION: string | undefined;

/** The package's own version: built in, or (tsc's unbundled output) read beside dist/ so it never drifts. */
export function packageVersion(): string {
  if (typeof KVDOCTOR_VERSION === 'string') return KVDOCTOR_VERSION;
  const parsed = z.object({ version: z.string() }).safeParse(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')));
  return parsed.success ? parsed.data.version : '0.0.0';
}
