import type { Activity } from 'botbuilder';
import { cardInvoke, OTHER_TENANT, personalMessage } from '../test/helpers/activities';
import { cardOf, cardProblems, cardText, collapsedText, executeActions, markdownTags } from '../test/helpers/cards';
import { buttonData, invokeResponse } from '../test/helpers/check-button';
import { harness } from '../test/helpers/harness';
import { CHECK_VERB } from './actions';
import { DEFAULT_LIMITS } from './conversation/limits';
import type { LiveChecker } from './conversation/types';
import { NO_CREDENTIALS } from './live-finding';

/** "Check live config" (Action.Execute → adaptiveCard/action invoke) and the typed commands. */
const where = { serviceUrl: 'https://smba.trafficmanager.net/emea/' };

const NOTE = 'Live check of hypervmigratio98a5kv: the result is posted below the diagnosis.';

/** The verdict card a click posted as a new message (the clicked card is left as it was). */
function postedCard(replies: readonly Partial<Activity>[]) {
  const posted = replies.filter((r) => r.type === 'message');
  expect(posted).toHaveLength(1);
  const card = cardOf(posted[0]);
  expect(cardProblems(card)).toEqual([]);
  return card;
}

function note(message: string) {
  return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message } };
}

describe('Check live config', () => {
  it('posts the verdict as a new card and answers the click with a note, so the diagnosis stays on screen', async () => {
    const data = await buttonData(where);
    const bot = harness();
    const replies = await bot.send(cardInvoke(CHECK_VERB, data, where));
    expect(replies.map((r) => r.type)).toEqual(['message', 'invokeResponse']);
    expect(invokeResponse(replies)).toEqual(note(NOTE));
    const shown = cardText(postedCard(replies));
    expect(shown).toContain('Live check of hypervmigratio98a5kv: 2 checks failing');
    expect(shown).toContain('For: Key Vault firewall refused the client address');
    expect(shown).toContain('❌ Fail: **Firewall default action**');
    expect(shown).toContain('40.82.190.38 is in none of the vault\'s 1 IP rules.');
    expect(shown).toContain('az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38');
    expect(shown).toContain('Checked 2026-11-23 09:30 UTC (read-only; nothing was changed).');
    expect(executeActions(postedCard(replies)).map((a) => a.title)).toEqual(['Check again']);
    expect(replies.some((r) => r.type === 'messageUpdate')).toBe(false);
  });

  it('needs no state from the turn that made the card: a fresh bot instance answers', async () => {
    const data = await buttonData(where);
    const first = postedCard(await harness().send(cardInvoke(CHECK_VERB, data, where)));
    const second = postedCard(await harness().send(cardInvoke(CHECK_VERB, data, where)));
    expect(second).toEqual(first);
  });

  it('says so when the vault is not in the allowed subscriptions, without a retry button', async () => {
    const bot = harness();
    const data = { v: 1, verb: CHECK_VERB, vault: 'not-my-vault', facts: { vault: 'not-my-vault' } };
    const card = postedCard(await bot.send(cardInvoke(CHECK_VERB, data, where)));
    expect(cardText(card)).toContain('Live check of not-my-vault could not finish');
    expect(cardText(card)).toContain('No vault named not-my-vault was found in the subscriptions this bot may read.');
    expect(executeActions(card)).toEqual([]);
  });

  it('stops a slow live check at its deadline and still answers, offering to check again', async () => {
    const never: LiveChecker = () => new Promise(() => undefined);
    const bot = harness({ liveCheck: never, limits: { ...DEFAULT_LIMITS, liveCheckTimeoutMs: 200 } });
    const card = postedCard(await bot.send(cardInvoke(CHECK_VERB, await buttonData(where), where)));
    expect(cardText(card)).toContain('The live check took longer than 0.2 s and was stopped; Azure may be slow, try again.');
    expect(executeActions(card).map((a) => a.title)).toEqual(['Check again']);
  });

  it('answers a live check that throws as a failure, not a crash', async () => {
    const broken: LiveChecker = async () => {
      throw new TypeError('socket hang up');
    };
    const bot = harness({ liveCheck: broken });
    const card = postedCard(await bot.send(cardInvoke(CHECK_VERB, await buttonData(where), where)));
    expect(cardText(card)).toContain('The live check failed unexpectedly; try again, and tell the bot\'s owners if it keeps failing.');
    expect(cardText(card)).not.toContain('socket hang up');
  });

  it('names a missing credential in plain words, with what the admin must set, and offers no retry', async () => {
    const noCredential: LiveChecker = async () => ({ ok: false, error: { code: 'no-credentials', message: NO_CREDENTIALS } });
    const card = postedCard(await harness({ liveCheck: noCredential }).send(cardInvoke(CHECK_VERB, await buttonData(where), where)));
    expect(cardText(card)).toContain(
      "Live checks are not set up on this bot: it has no Azure identity to read vaults with. Its admin must give the bot's host a managed identity with Reader on the vault (and set AZURE_CLIENT_ID for a user-assigned one), or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET.",
    );
    expect(cardText(card)).not.toContain('AggregateAuthenticationError');
    expect(executeActions(card)).toEqual([]);
  });

  it('answers a click while live checks are off with a short note and leaves the card', async () => {
    const replies = await harness({ liveCheck: undefined }).send(cardInvoke(CHECK_VERB, await buttonData(where), where));
    expect(replies.map((r) => r.type)).toEqual(['invokeResponse']);
    expect(invokeResponse(replies)).toEqual(note('Live checks are off for this bot now, so nothing was read; the fixes on the card still apply.'));
  });

  it('refuses a click from a tenant that is not allowed with a note', async () => {
    const replies = await harness().send(cardInvoke(CHECK_VERB, await buttonData(where), { ...where, tenantId: OTHER_TENANT }));
    expect(replies.map((r) => r.type)).toEqual(['invokeResponse']);
    expect(invokeResponse(replies)).toEqual(note(`Sorry, kvdoctor is not enabled for your organisation (tenant ${OTHER_TENANT}). Ask the team that runs this bot to add your tenant to its allow-list.`));
  });

  it.each([
    ['data from an older card', CHECK_VERB, { v: 1, verb: CHECK_VERB, vault: 'a' }, "This button's data is from an older or damaged card; paste the log again for a fresh card."],
    ['a verb this version no longer has', 'kvdoctor.delete', {}, 'This button is from an older kvdoctor card and does nothing now; paste the log again for a fresh card.'],
  ])('answers a stale button (%s) with a note and leaves the card', async (_label, verb, data, message) => {
    const replies = await harness().send(cardInvoke(verb, data, where));
    expect(replies.map((r) => r.type)).toEqual(['invokeResponse']);
    expect(invokeResponse(replies)).toEqual(note(message));
  });

  it('answers an invoke without a value with a 400 instead of failing the turn', async () => {
    const bot = harness();
    const activity = { ...cardInvoke(CHECK_VERB, {}, where), value: undefined };
    expect(invokeResponse(await bot.send(activity)).status).toBe(400);
  });
});

describe('typed commands', () => {
  it('help: the welcome card', async () => {
    const replies = await harness().send(personalMessage('help', where));
    expect(cardText(cardOf(replies[0]))).toContain('kvdoctor: why did Key Vault refuse my pipeline?');
  });

  it('explain ForbiddenByFirewall: the family without a log, placeholders in the commands', async () => {
    const replies = await harness().send(personalMessage('explain ForbiddenByFirewall', where));
    const card = cardOf(replies[0]);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('ForbiddenByFirewall: Key Vault firewall refused the client address');
    expect(cardText(card)).toContain('az keyvault network-rule add --name <vault-name> --ip-address <client-ip>');
    expect(collapsedText(card)).toContain('Fix 1: Allow <client-ip> in the firewall of <vault-name>');
    expect(markdownTags(card)).toEqual([]);
  });


  it('explain without a code shows the usage', async () => {
    const replies = await harness().send(personalMessage('explain', where));
    expect(replies.map((r) => r.text)).toEqual(['Usage: explain CODE, for example "explain AADSTS70021" or "explain ForbiddenByFirewall".']);
  });

  it('check <vault>: typing, then a verdict card as a new message', async () => {
    const replies = await harness().send(personalMessage('check hypervmigratio98a5kv', where));
    expect(replies.map((r) => r.type)).toEqual(['typing', 'message']);
    const card = cardOf(replies[1]);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Live check of hypervmigratio98a5kv: 1 check failing');
  });

  it('check with something that is not a vault name says why', async () => {
    const replies = await harness().send(personalMessage('check my--vault', where));
    expect(replies.map((r) => r.text)).toEqual(['"my--vault" is not a Key Vault name: a Key Vault name is 3-24 letters, digits and single hyphens, starting with a letter.']);
  });

  it('check when live checks are off says how to turn them on', async () => {
    const replies = await harness({ liveCheck: undefined }).send(personalMessage('check hypervmigratio98a5kv', where));
    expect(replies.map((r) => r.text)).toEqual(['Live checks are off for this bot: no Azure subscription is configured for them (its admin sets KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS).']);
  });
});
