import type { CommandTool, Finding } from '@kvdoctor/diagnose';
import type { InputResult } from '../inputs/result';
import type { Renderer } from './context';
import { aboutInput, factRows, TOOL_NAMES } from './labels';
import { cell, code, fence, prose } from './markdown-escape';
import { safe } from './sanitize';
import { limited, summarise, wantsSummary } from './summary';

const FENCE_LANGUAGE: Record<CommandTool, string> = {
  az: 'bash',
  bash: 'bash',
  powershell: 'powershell',
  bicep: 'bicep',
  terraform: 'hcl',
  'azure-pipelines': 'yaml',
  'github-actions': 'yaml',
  'gitlab-ci': 'yaml',
};

function findingMarkdown(finding: Finding, n: number): string[] {
  const out = [
    `### ${n}. ${prose(finding.title)}`,
    '',
    `${code(finding.rule)} · ${finding.severity} · ${finding.confidence} confidence${finding.count > 1 ? ` · seen ${finding.count}×` : ''}`,
    '',
    `> ${prose(safe(finding.summary))}`,
    '',
  ];
  const facts = factRows(finding.facts, finding.details);
  if (facts.length > 0) {
    out.push('| Fact | Value |', '| --- | --- |', ...facts.map(([label, value]) => `| ${label} | ${cell(code(safe(value)))} |`), '');
  }
  out.push('<details><summary>Evidence</summary>', '', fence(finding.evidence.map((e) => `${e.line}: ${safe(e.text)}`).join('\n'), 'text'), '', '</details>', '');
  out.push('**Likely causes**', '', ...finding.causes.map((c, i) => `${i + 1}. ${prose(safe(c))}`), '');
  out.push('**How to fix**', '');
  finding.fixes.forEach((fix, i) => {
    out.push(`${i + 1}. **${prose(safe(fix.title))}**`, '');
    for (const step of fix.steps) out.push(`   - ${prose(safe(step))}`);
    if (fix.steps.length > 0) out.push('');
    for (const command of fix.commands) {
      out.push(`   ${TOOL_NAMES[command.tool]}:`, '');
      out.push(...fence(safe(command.text), FENCE_LANGUAGE[command.tool]).split('\n').map((l) => (l.length > 0 ? `   ${l}` : l)), '');
    }
  });
  out.push(`**Read more:** ${finding.docs.map((d) => `[${prose(d.title)}](${d.url})`).join(' · ')}`, '');
  return out;
}

function resultMarkdown(result: InputResult): string[] {
  const heading = `## ${code(safe(result.input))}`;
  if (!result.ok) return [heading, '', `Could not be read: ${prose(result.error.message)}.`, ''];
  const { report } = result;
  const about = aboutInput(report, result.encoding, result.partial);
  const out = [heading, '', `_${about.join(' · ')}_`, ''];
  if (report.findings.length === 0) return [...out, 'No Key Vault error found.', ''];
  report.findings.forEach((f, i) => out.push(...findingMarkdown(f, i + 1)));
  return out;
}

function summaryMarkdown(results: readonly InputResult[]): string[] {
  const s = summarise(results);
  const out = ['## Summary', '', `${s.inputs} inputs: ${s.withFindings} with findings, ${s.clean.length} with none, ${s.unreadable.length} could not be read.`, ''];
  if (s.families.length > 0) {
    out.push('| Family | Inputs | Occurrences | Title |', '| --- | ---: | ---: | --- |');
    out.push(...s.families.map((f) => `| ${code(f.rule)} | ${f.inputs} | ${f.occurrences} | ${cell(prose(f.title))} |`), '');
  }
  const list = (title: string, items: readonly string[]): void => {
    if (items.length === 0) return;
    const { shown, more } = limited(items);
    out.push(`**${title}**`, '', ...shown.map((i) => `- ${i}`), ...(more > 0 ? [`- … and ${more} more`] : []), '');
  };
  list('No Key Vault error found in', s.clean.map((name) => code(safe(name))));
  list('Could not be read', s.unreadable.map((u) => `${code(safe(u.input))}: ${prose(u.message)}`));
  return out;
}

export const renderMarkdown: Renderer = (results) => {
  const lines = ['# kvdoctor report', '', ...results.flatMap(resultMarkdown)];
  if (wantsSummary(results)) lines.push(...summaryMarkdown(results));
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
};
