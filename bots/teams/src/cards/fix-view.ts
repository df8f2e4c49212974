import type { Finding, Fix } from '@kvdoctor/diagnose';
import { codeBlock, plain, text, type CardElement } from './adaptive';
import { toolLabel } from './facts-view';

/**
 * A fix as card elements: its title and steps as plain runs (they hold placeholders such as
 * `<vault-name>`), each command in a code block with Teams' copy button.
 */
export function fixElements(fix: Fix, index: number, commandsPerFix: number): CardElement[] {
  const out: CardElement[] = [plain(`Fix ${index + 1}: ${fix.title}`, { weight: 'Bolder', spacing: 'Medium' })];
  if (fix.steps.length > 0) out.push(plain(fix.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')));
  for (const command of fix.commands.slice(0, commandsPerFix)) {
    out.push(text(toolLabel(command.tool), { size: 'Small', isSubtle: true, spacing: 'Small' }));
    out.push(codeBlock(command.text, command.tool));
  }
  return out;
}

/**
 * The most likely fix, collapsed: its title and its first command ready to copy. A fix with no
 * command (move the job, use a private endpoint) shows its first step instead.
 */
export function primaryFixElements(finding: Finding): CardElement[] {
  const fix = finding.fixes[0];
  if (fix === undefined) return [];
  const out: CardElement[] = [plain(`Most likely fix: ${fix.title}`, { weight: 'Bolder', spacing: 'Medium' })];
  const command = fix.commands[0];
  if (command !== undefined) out.push(codeBlock(command.text, command.tool));
  else if (fix.steps[0] !== undefined) out.push(plain(fix.steps[0]));
  return out;
}
