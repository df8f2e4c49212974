import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderRuleDocs } from './rule-docs';

// Writes docs/rules/*.md; with --check, exits 1 if any committed page differs from what the rules say.
async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const files = await renderRuleDocs();
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  mkdirSync(join(root, 'docs', 'rules'), { recursive: true });
  for (const existing of readdirSync(join(root, 'docs', 'rules'))) {
    const rel = `docs/rules/${existing}`;
    if (!files.has(rel)) {
      if (check) stale.push(`${rel} (no such rule)`);
      else rmSync(join(root, rel));
    }
  }
  for (const [rel, text] of files) {
    const path = join(root, rel);
    if (check) {
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(rel);
    } else writeFileSync(path, text);
  }
  if (stale.length > 0) {
    process.stderr.write(`rule docs are out of date: ${stale.join(', ')}\nrun: npx pnpm@10.34.0 docs\n`);
    process.exit(1);
  }
}

void main();
