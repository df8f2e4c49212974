import type { Colors } from 'picocolors/types';
import type { InputResult } from '../inputs/result';
import { safe } from './sanitize';
import { limited, summarise } from './summary';

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows.map((r) => `  ${r.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join('  ').trimEnd()}`);
}

/** The end-of-run table for many inputs: what was found where, and what could not be read. */
export function textSummary(results: readonly InputResult[], c: Colors): string[] {
  const s = summarise(results);
  const out = [
    c.bold(c.underline('Summary')),
    `  ${s.inputs} inputs: ${s.withFindings} with findings, ${s.clean.length} with none, ${s.unreadable.length} could not be read`,
    '',
  ];
  if (s.families.length > 0) {
    out.push(...table([['Family', 'Inputs', 'Occurrences', 'Title'], ...s.families.map((f) => [f.rule, String(f.inputs), String(f.occurrences), f.title])]), '');
  }
  if (s.clean.length > 0) {
    const { shown, more } = limited(s.clean);
    out.push(c.bold('  No Key Vault error found in:'), ...shown.map((name) => `    ${safe(name)}`));
    if (more > 0) out.push(`    … and ${more} more`);
    out.push('');
  }
  if (s.unreadable.length > 0) {
    const { shown, more } = limited(s.unreadable);
    out.push(c.bold(c.red('  Could not be read:')), ...shown.map((u) => `    ${safe(u.input)}: ${u.message}`));
    if (more > 0) out.push(`    … and ${more} more`);
    out.push('');
  }
  return out;
}
