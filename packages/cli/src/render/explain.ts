import type { ExplainResult } from '@kvdoctor/diagnose';
import type { Colors } from 'picocolors/types';
import { TOOL_NAMES } from './labels';
import { fence, prose } from './markdown-escape';

/** `kvdoctor explain` as text: the family, what it means, its causes and fixes with placeholders. */
export function explainText(e: ExplainResult, c: Colors): string {
  const out = [`${c.bold(e.title)}  ${c.dim(e.rule)}`, `  ${e.description}`, '', c.bold('  Likely causes')];
  e.causes.forEach((cause, i) => out.push(`    ${i + 1}. ${cause}`));
  out.push('', c.bold(c.green('  How to fix')));
  e.fixes.forEach((fix, i) => {
    out.push(`  ${c.bold(`${i + 1}. ${fix.title}`)}`, ...fix.steps.map((s) => `     - ${s}`));
    for (const command of fix.commands) {
      out.push(c.dim(`     ${TOOL_NAMES[command.tool]}:`), c.cyan(command.text.split('\n').map((l) => `       ${l}`).join('\n')));
    }
  });
  out.push(c.bold('  Read more'), ...e.docs.map((d) => `    ${d.title}: ${c.underline(d.url)}`));
  return `${out.join('\n')}\n`;
}

export function explainMarkdown(e: ExplainResult): string {
  const out = [`## ${prose(e.title)} (\`${e.rule}\`)`, '', prose(e.description), '', '**Likely causes**', ''];
  e.causes.forEach((cause, i) => out.push(`${i + 1}. ${prose(cause)}`));
  out.push('', '**How to fix**', '');
  e.fixes.forEach((fix, i) => {
    out.push(`${i + 1}. **${prose(fix.title)}**`, '', ...fix.steps.map((s) => `   - ${prose(s)}`), '');
    for (const command of fix.commands) out.push(`   ${TOOL_NAMES[command.tool]}:`, '', ...fence(command.text, '').split('\n').map((l) => `   ${l}`), '');
  });
  out.push(`**Read more:** ${e.docs.map((d) => `[${prose(d.title)}](${d.url})`).join(' · ')}`);
  return `${out.join('\n')}\n`;
}
