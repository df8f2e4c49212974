import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportJsonSchema } from '../packages/diagnose/src/report/json-schema';

// Writes packages/diagnose/report.schema.json from the zod Report; --check exits 1 when it differs.
const path = join(__dirname, '..', 'packages', 'diagnose', 'report.schema.json');
const text = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
    process.stderr.write('packages/diagnose/report.schema.json is out of date: run npx pnpm@10.34.0 docs\n');
    process.exit(1);
  }
} else {
  writeFileSync(path, text);
}
