import type { Finding, Fix } from '@kvdoctor/diagnose';
import type { Colors } from 'picocolors/types';
import type { InputResult } from '../inputs/result';
import type { Renderer } from './context';
import { aboutInput, factRows, TOOL_NAMES } from './labels';
import { safe } from './sanitize';
import { wantsSummary } from './summary';
import { textSummary } from './text-summary';

const INDENT = '    ';

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? prefix + line : line))
    .join('\n');
}

function fixLines(fix: Fix, n: number, c: Colors): string[] {
  const out = [`  ${c.bold(`${n}. ${safe(fix.title)}`)}`];
  for (const step of fix.steps) out.push(`     - ${safe(step)}`);
  for (const command of fix.commands) {
    out.push(c.dim(`     ${TOOL_NAMES[command.tool]}:`));
    // Commands stand alone, uniformly indented and undecorated, so a selection copies them exactly.
    out.push(c.cyan(indent(safe(command.text), INDENT + '   ')));
  }
  out.push('');
  return out;
}

function findingLines(finding: Finding, c: Colors): string[] {
  const mark = finding.severity === 'error' ? c.red('✖') : finding.severity === 'warning' ? c.yellow('▲') : c.blue('ℹ');
  const meta = `${finding.rule} · ${finding.confidence} confidence${finding.count > 1 ? ` · seen ${finding.count}×` : ''}`;
  const out = [`${mark} ${c.bold(finding.title)}  ${c.dim(meta)}`, `  ${safe(finding.summary)}`, ''];
  const facts = factRows(finding.facts, finding.details);
  if (facts.length > 0) {
    const width = Math.max(...facts.map(([label]) => label.length));
    out.push(c.bold('  Facts'));
    for (const [label, value] of facts) out.push(`    ${c.dim(label.padEnd(width))}  ${safe(value)}`);
  }
  out.push(c.bold('  Evidence'));
  for (const e of finding.evidence) out.push(`    ${c.dim(`line ${e.line}:`)} ${safe(e.text)}`);
  out.push(c.bold('  Likely causes'));
  finding.causes.forEach((cause, i) => out.push(`    ${i + 1}. ${safe(cause)}`));
  out.push('', c.bold(c.green('  How to fix')));
  finding.fixes.forEach((fix, i) => out.push(...fixLines(fix, i + 1, c)));
  out.push(c.bold('  Read more'));
  for (const doc of finding.docs) out.push(`    ${doc.title}: ${c.underline(doc.url)}`);
  out.push('');
  return out;
}

function resultLines(result: InputResult, c: Colors): string[] {
  if (!result.ok) return [`${c.bold(safe(result.input))}`, `${c.red('could not be read:')} ${result.error.message}`, ''];
  const { report } = result;
  const about = aboutInput(report, result.encoding, result.partial);
  const out = [`${c.bold(c.underline(safe(result.input)))}  ${c.dim(about.join(' · '))}`, ''];
  if (report.findings.length === 0) return [...out, `${c.green('✔')} No Key Vault error found.`, ''];
  for (const finding of report.findings) out.push(...findingLines(finding, c));
  return out;
}

export const renderText: Renderer = (results, { colors }) => {
  const lines = results.flatMap((r) => resultLines(r, colors));
  if (wantsSummary(results)) lines.push(...textSummary(results, colors));
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
};
