import { botAdded, channelMention, groupMessage, personalMessage, submitMessage } from '../test/helpers/activities';
import { cardOf, cardProblems, cardText, collapsedText } from '../test/helpers/cards';
import { harness } from '../test/helpers/harness';
import { LIVE_CHECK_OFF } from './conversation/live';

/** Short when short is right: greetings, thanks, unknown codes, and the welcome card's buttons. */
const where = { serviceUrl: 'https://smba.trafficmanager.net/emea/' };
const texts = (replies: readonly { text?: string }[]) => replies.map((r) => r.text);

describe('greetings and thanks get one line', () => {
  it.each([
    ['hi', 'Hi! Paste a failed run\'s log and I\'ll tell you why Key Vault refused it (or send "help").'],
    ['Hello there!', 'Hi! Paste a failed run\'s log and I\'ll tell you why Key Vault refused it (or send "help").'],
    ['thanks, that fixed it!', 'Glad it helped. Paste the next refusal any time.'],
    ['Thank you', 'Glad it helped. Paste the next refusal any time.'],
  ])('%s', async (said, reply) => {
    expect(texts(await harness().send(personalMessage(said, where)))).toEqual([reply]);
  });

  it('in a channel, the greeting says to @mention the bot', async () => {
    expect(texts(await harness().send(channelMention('hey', where)))).toEqual(['Hi! @mention me with a failed run\'s log and I\'ll tell you why Key Vault refused it (or send "help").']);
  });

  it('a long paste that happens to say thanks is still diagnosed', async () => {
    const replies = await harness().send(personalMessage('thanks in advance, here is the log:\nERROR: (Forbidden) Client address is not authorized and caller is not a trusted service.\nClient address: 52.168.10.10\nVault: kv-contoso-prod;location=eastus\nInner error: {\n    "code": "ForbiddenByFirewall"\n}', where));
    expect(cardText(cardOf(replies[0]))).toContain('Key Vault firewall refused the client address');
  });
});

describe('explain an unknown code', () => {
  it.each([
    ['ForbiddenByFirewal', 'I do not know "ForbiddenByFirewal". The nearest codes I know: ForbiddenByFirewall, ForbiddenByRbac, ForbiddenByPolicy. Send "what can you find?" for all of them.'],
    ['AADSTS7002', 'I do not know "AADSTS7002". The nearest codes I know: AADSTS70021, AADSTS70025, AADSTS70052. Send "what can you find?" for all of them.'],
  ])('%s: the three nearest codes, not the whole list', async (code, reply) => {
    expect(texts(await harness().send(personalMessage(`explain ${code}`, where)))).toEqual([reply]);
  });
});

describe('what can you find?', () => {
  it('lists the families with their codes, typed or clicked', async () => {
    const typed = cardOf((await harness().send(personalMessage('what can you find?', where)))[0]);
    const clicked = cardOf((await harness().send(submitMessage({ kvdoctor: 'families' }, where)))[0]);
    expect(cardProblems(typed)).toEqual([]);
    expect(clicked).toEqual(typed);
    expect(collapsedText(typed)[0]).toBe('What kvdoctor recognises');
    expect(cardText(typed)).toContain('• Key Vault firewall refused the client address (ForbiddenByFirewall)');
  });
});

describe('the welcome card', () => {
  const BUTTONS = ['Explain a code', 'Check a vault', 'What can you find?'];

  it('in the 1:1 chat: paste or attach here, and three buttons', async () => {
    const card = cardOf((await harness().send(botAdded(where)))[0]);
    expect(cardProblems(card)).toEqual([]);
    const shown = collapsedText(card);
    expect(shown[1]).toBe(
      "- **Paste** the failed step's log here. I answer with the cause, the facts I found and the exact command to fix it.\r- **Too long to paste?** Attach it here as a .log, .txt or .zip file.\r- **Explain a code** tells you what an error code means without a log.\r- **Check a vault**, or **Check live config** on an answer, reads the vault's real network and access settings (read-only).",
    );
    expect(shown.slice(-3)).toEqual(BUTTONS);
  });

  it.each(['groupChat', 'channel'] as const)('in a %s: @mention me, and files go to the 1:1 chat', async (scope) => {
    const shown = collapsedText(cardOf((await harness().send(botAdded(where, scope)))[0]));
    expect(shown[1]).toBe(
      "- **@mention me** with the failed step's log pasted after the mention. I answer with the cause, the facts I found and the exact command to fix it.\r- **Too long to paste?** Attach it as a .log, .txt or .zip file in a 1:1 chat with me (files sent here do not reach me).\r- **Explain a code** tells you what an error code means without a log.\r- **Check a vault**, or **Check live config** on an answer, reads the vault's real network and access settings (read-only).",
    );
    expect(shown.slice(-3)).toEqual(BUTTONS);
  });

  it('"Explain a code" answers with the explain card for the code typed in its box', async () => {
    const card = cardOf((await harness().send(submitMessage({ kvdoctor: 'explain', code: 'ForbiddenByFirewall' }, where, 'groupChat')))[0]);
    expect(collapsedText(card)[0]).toBe('ForbiddenByFirewall: Key Vault firewall refused the client address');
  });

  it('"Explain a code" with an empty box shows the usage', async () => {
    expect(texts(await harness().send(submitMessage({ kvdoctor: 'explain', code: '  ' }, where)))).toEqual(['Usage: explain CODE, for example "explain AADSTS70021" or "explain ForbiddenByFirewall".']);
  });

  it('"Check a vault" runs the live check for the vault typed in its box', async () => {
    const replies = await harness().send(submitMessage({ kvdoctor: 'check', vault: 'hypervmigratio98a5kv' }, where));
    expect(replies.map((r) => r.type)).toEqual(['typing', 'message']);
    expect(cardText(cardOf(replies[1]))).toContain('Live check of hypervmigratio98a5kv: 1 check failing');
  });

  it('"Check a vault" while live checks are off says who must turn them on, with no word about a card', async () => {
    expect(texts(await harness({ liveCheck: undefined }).send(submitMessage({ kvdoctor: 'check', vault: 'hypervmigratio98a5kv' }, where)))).toEqual([LIVE_CHECK_OFF]);
    expect(LIVE_CHECK_OFF).toBe('Live checks are off for this bot: no Azure subscription is configured for them (its admin sets KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS).');
  });

  it('a submit it does not know is treated as an empty message', async () => {
    expect(texts(await harness().send(submitMessage({ kvdoctor: 'delete-everything' }, where)))).toEqual([
      'I got an empty message. Paste the failed step\'s log, attach it as a .log, .txt or .zip file, or send "help".',
    ]);
  });

  it('group chat messages are answered with the scope\'s texts', async () => {
    expect(texts(await harness().send(groupMessage('hi', where)))).toEqual(['Hi! @mention me with a failed run\'s log and I\'ll tell you why Key Vault refused it (or send "help").']);
  });
});
