import { parseSync } from '@swc/core';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface SourceRegex {
  readonly file: string;
  readonly pattern: string;
  readonly flags: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return walk(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && d.name !== 'fixtures.ts' ? [p] : [];
  });
}

function collect(node: unknown, out: { pattern: string; flags: string }[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collect(n, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (record.type === 'RegExpLiteral' && typeof record.pattern === 'string' && typeof record.flags === 'string') {
    out.push({ pattern: record.pattern, flags: record.flags });
  }
  for (const value of Object.values(record)) collect(value, out);
}

/** Every regex literal in a source tree, found by parsing (not by guessing at slashes). */
export function sourceRegexes(root: string, repoRoot: string): SourceRegex[] {
  return walk(root).flatMap((file) => {
    const ast = parseSync(readFileSync(file, 'utf8'), { syntax: 'typescript' });
    const found: { pattern: string; flags: string }[] = [];
    collect(ast, found);
    return found.map((r) => ({ file: relative(repoRoot, file), ...r }));
  });
}
