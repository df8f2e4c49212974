import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The package's own version, read beside dist/ so it never drifts from package.json. */
export function packageVersion(): string {
  const parsed = z.object({ version: z.string() }).safeParse(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')));
  return parsed.success ? parsed.data.version : '0.0.0';
}
