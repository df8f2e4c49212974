import { echoCode, explain } from '@kvdoctor/diagnose';
import { checkData, VaultNameSchema } from '../actions';
import { explainCard } from '../cards/explain-card';
import { verdictCard } from '../cards/verdict-card';
import { familiesCard } from '../cards/families-card';
import { HELP_SUMMARY, welcomeCard } from '../cards/welcome-card';
import type { Command } from './commands';
import { nearestCodes } from './nearest-codes';
import type { Scope } from './scope';
import { LIVE_CHECK_OFF, runLiveCheck } from './live';
import type { ConversationDeps, Reply, Responder } from './types';

/** A user's word quoted back, or a description of it: a "code" could be a pasted secret. */
function echo(word: string): string {
  const shown = echoCode(word);
  return shown === undefined ? 'that (not shown: it is not shaped like a code)' : `"${shown}"`;
}

export async function runCommand(command: Command, scope: Scope, deps: ConversationDeps, out: Responder, now: () => Date): Promise<void> {
  switch (command.kind) {
    case 'help':
      return out.send([{ kind: 'card', card: welcomeCard(deps.liveCheck !== undefined, scope), summary: HELP_SUMMARY }]);
    case 'families':
      return out.send([{ kind: 'card', card: familiesCard(), summary: 'What kvdoctor recognises' }]);
    case 'usage':
      return out.send([{ kind: 'text', text: command.message }]);
    case 'explain': {
      const result = explain(command.code);
      if (!result.ok) {
        const nearest = nearestCodes(command.code, result.error.known).join(', ');
        return out.send([{ kind: 'text', text: `I do not know ${echo(command.code)}. The nearest codes I know: ${nearest}. Send "what can you find?" for all of them.` }]);
      }
      return out.send([{ kind: 'card', card: explainCard(echoCode(command.code) ?? result.value.rule, result.value), summary: `${command.code}: ${result.value.title}` }]);
    }
    case 'check': {
      const vault = VaultNameSchema.safeParse(command.vault);
      if (!vault.success) return out.send([{ kind: 'text', text: `${echo(command.vault)} is not a Key Vault name: ${vault.error.issues[0]?.message ?? 'invalid'}.` }]);
      if (deps.liveCheck === undefined) return out.send([{ kind: 'text', text: LIVE_CHECK_OFF }]);
      await out.typing();
      const data = checkData(vault.data, undefined, { vault: vault.data });
      const outcome = await runLiveCheck(deps.liveCheck, data, deps.limits.liveCheckTimeoutMs);
      const reply: Reply = { kind: 'card', card: verdictCard(data, undefined, outcome, now()), summary: `Live check of ${vault.data}` };
      return out.send([reply]);
    }
  }
}
