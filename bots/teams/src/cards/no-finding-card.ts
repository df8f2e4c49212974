import { SUBMIT_KEY } from '../actions';
import { attachHint, type Scope } from '../conversation/scope';
import { card, text, type AdaptiveCard } from './adaptive';
import { noticeElements } from './finding-card';

/**
 * The answer when a paste or file holds no refusal the rules recognise: what was looked for in
 * two lines, and a button for the full list (the families card) rather than the list itself.
 */
export function noFindingCard(lines: number, notices: readonly string[], scope: Scope): AdaptiveCard {
  return card(
    [
      text(`No Key Vault refusal found in ${lines} line${lines === 1 ? '' : 's'}.`, { weight: 'Bolder' }),
      text(`I look for the errors Key Vault and Microsoft Entra return when they refuse a caller (firewall, RBAC, access policy, AADSTS sign-in codes). Paste the whole failed step, from its start to the error, or ${attachHint(scope)}.`, { spacing: 'Small' }),
      ...noticeElements(notices),
    ],
    [{ type: 'Action.Submit', title: 'What can you find?', data: { [SUBMIT_KEY]: 'families' } }],
  );
}
