import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { AADSTS_TABLE, renderAadstsTable } from './aadsts-table';

// Writes the AADSTS table (see aadsts-table.ts); --check exits 1 when the committed table differs.
const text = renderAadstsTable();
if (process.argv.includes('--check')) {
  if (!existsSync(AADSTS_TABLE) || readFileSync(AADSTS_TABLE, 'utf8') !== text) {
    process.stderr.write('packages/diagnose/src/rules/aad/reference-codes.ts is out of date: run npx pnpm@10.34.0 docs\n');
    process.exit(1);
  }
} else {
  writeFileSync(AADSTS_TABLE, text);
}
