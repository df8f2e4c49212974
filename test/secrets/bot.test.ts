import { answer } from '../../bots/teams/src/conversation/answer';
import { diagnoseText } from '../../bots/teams/src/conversation/diagnose-text';
import { DEFAULT_LIMITS } from '../../bots/teams/src/conversation/limits';
import { onMessage } from '../../bots/teams/src/conversation/on-message';
import type { ConversationDeps, Reply } from '../../bots/teams/src/conversation/types';
import { leaks } from './leaks';
import { caseLog, corpusLog, PLANTED, vaultOf } from './planted';

const NOW = () => new Date('2026-11-23T09:30:00.000Z');

const deps: ConversationDeps = {
  limits: DEFAULT_LIMITS,
  allowedTenants: [],
  download: async () => ({ ok: false, error: { code: 'not-allowed', message: 'no downloads in this test' } }),
  liveCheck: undefined,
};

/** Everything the bot sends for one message, as the JSON Teams would receive. */
async function reply(text: string): Promise<string> {
  const sent: Reply[] = [];
  await onMessage({ text, attachments: [], tenantId: undefined }, deps, { typing: async () => {}, send: async (r) => void sent.push(...r) }, NOW);
  return JSON.stringify(sent);
}

describe('the bot\'s cards show no planted secret', () => {
  test.each(PLANTED.map((p, i) => [p.name, i] as const))('%s: the finding card of its paste', (_, i) => {
    const p = PLANTED[i];
    if (p === undefined) throw new Error('no case');
    const replies = answer([diagnoseText(undefined, caseLog(p, i), DEFAULT_LIMITS.maxPasteBytes)], [], DEFAULT_LIMITS, true);
    const json = JSON.stringify(replies);
    expect(json).toContain(vaultOf(i));
    expect(json).toContain('masked in this answer');
    expect(leaks(json, [p])).toEqual([]);
  });

  test('the whole corpus pasted at once', async () => {
    const json = await reply(corpusLog());
    expect(json).toContain('Key Vault refusals found');
    expect(leaks(json, PLANTED)).toEqual([]);
  });

  test.each(PLANTED.map((p) => [p.name, p.secrets[0] ?? ''] as const))('explain <%s>', async (_, secret) => {
    const json = await reply(`explain ${secret}`);
    // A command is one short line; a longer one (a JWT) is read as a paste instead.
    if (secret.length < 100) expect(json).toContain('I do not know that (not shown: it is not shaped like a code)');
    expect(leaks(json, PLANTED)).toEqual([]);
  });
});
