#!/usr/bin/env node
// Rewrites packages/diagnose/src/rules/index.ts from the rule folders (each holding rule.ts), sorted
// by id, so adding a family is: create its folder, run this. `--check` exits 1 when out of date.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', 'packages', 'diagnose', 'src', 'rules');
const ids = fs
  .readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'rule.ts')))
  .map((d) => d.name)
  .sort();
const ident = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const text = [
  "import type { Rule } from '../rule-kit/rule';",
  ...ids.map((id) => `import ${ident(id)} from './${id}/rule';`),
  '',
  '/** The registry: one line per family, sorted by id (written by scripts/register-rules.cjs). */',
  'export const rules = [',
  ...ids.map((id) => `  ${ident(id)},`),
  '] as const satisfies readonly Rule[];',
  '',
].join('\n');
const file = path.join(dir, 'index.ts');
if (process.argv.includes('--check')) {
  if (fs.readFileSync(file, 'utf8') !== text) {
    process.stderr.write('packages/diagnose/src/rules/index.ts is out of date: run node scripts/register-rules.cjs\n');
    process.exit(1);
  }
} else {
  fs.writeFileSync(file, text);
}
