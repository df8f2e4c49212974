import { cardInvoke, OTHER_TENANT, personalMessage } from '../test/helpers/activities';
import { cardOf, cardProblems, cardText, executeActions } from '../test/helpers/cards';
import { buttonData, invokeResponse } from '../test/helpers/check-button';
import { harness } from '../test/helpers/harness';
import { CHECK_VERB } from './actions';
import { DEFAULT_LIMITS } from './conversation/limits';
import type { LiveChecker } from './conversation/types';

/** "Check live config" (Action.Execute → adaptiveCard/action invoke) and the typed commands. */
const where = { serviceUrl: 'https://smba.trafficmanager.net/emea/' };

describe('Check live config', () => {
  it('answers the click in the same turn with a verdict card that replaces the finding card', async () => {
    const data = await buttonData(where);
    const bot = harness();
    const response = invokeResponse(await bot.send(cardInvoke(CHECK_VERB, data, where)));
    expect(response.status).toBe(200);
    expect(response.body.statusCode).toBe(200);
    expect(response.body.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = response.body.value;
    expect(cardProblems(card)).toEqual([]);
    const shown = cardText(card);
    expect(shown).toContain('Live check of hypervmigratio98a5kv: 2 checks failing');
    expect(shown).toContain('For: Key Vault firewall refused the client address');
    expect(shown).toContain('❌ Fail: **Firewall default action**');
    expect(shown).toContain('40.82.190.38 is in none of the vault\'s 1 IP rules.');
    expect(shown).toContain('az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38');
    expect(shown).toContain('Checked 2026-11-23 09:30 UTC (read-only; nothing was changed).');
    expect(executeActions(card).map((a) => a.title)).toEqual(['Check again']);
  });

  it('needs no state from the turn that made the card: a fresh bot instance answers', async () => {
    const data = await buttonData(where);
    const first = invokeResponse(await harness().send(cardInvoke(CHECK_VERB, data, where)));
    const second = invokeResponse(await harness().send(cardInvoke(CHECK_VERB, data, where)));
    expect(second.body.value).toEqual(first.body.value);
  });

  it('says so when the vault is not in the allowed subscriptions', async () => {
    const bot = harness();
    const data = { v: 1, verb: CHECK_VERB, vault: 'not-my-vault', facts: { vault: 'not-my-vault' } };
    const card = invokeResponse(await bot.send(cardInvoke(CHECK_VERB, data, where))).body.value;
    expect(cardText(card)).toContain('Live check of not-my-vault could not finish');
    expect(cardText(card)).toContain('No vault named not-my-vault was found in the subscriptions this bot may read.');
  });

  it('stops a slow live check at its deadline and still answers', async () => {
    const never: LiveChecker = () => new Promise(() => undefined);
    const bot = harness({ liveCheck: never, limits: { ...DEFAULT_LIMITS, liveCheckTimeoutMs: 200 } });
    const card = invokeResponse(await bot.send(cardInvoke(CHECK_VERB, await buttonData(where), where))).body.value;
    expect(cardText(card)).toContain('The live check took longer than 0.2 s and was stopped; Azure may be slow, try again.');
  });

  it('answers a live check that throws as a failure, not a crash', async () => {
    const broken: LiveChecker = async () => {
      throw new TypeError('socket hang up');
    };
    const bot = harness({ liveCheck: broken });
    const card = invokeResponse(await bot.send(cardInvoke(CHECK_VERB, await buttonData(where), where))).body.value;
    expect(cardText(card)).toContain('The live check failed unexpectedly; try again, and tell the bot\'s owners if it keeps failing.');
    expect(cardText(card)).not.toContain('socket hang up');
  });

  it('explains that live checks are off when no subscription is configured', async () => {
    const bot = harness({ liveCheck: undefined });
    const card = invokeResponse(await bot.send(cardInvoke(CHECK_VERB, await buttonData(where), where))).body.value;
    expect(cardText(card)).toContain('Live checks are off for this bot: no Azure subscription is configured for them (KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS).');
  });

  it('refuses a click from a tenant that is not allowed', async () => {
    const bot = harness();
    const card = invokeResponse(await bot.send(cardInvoke(CHECK_VERB, await buttonData(where), { ...where, tenantId: OTHER_TENANT }))).body.value;
    expect(cardText(card)).toContain(`Sorry, kvdoctor is not enabled for your organisation (tenant ${OTHER_TENANT}).`);
  });

  it.each([
    ['damaged data', CHECK_VERB, { v: 1, verb: CHECK_VERB, vault: 'a' }, "The button's data is incomplete or damaged; paste the log again for a fresh card."],
    ['an unknown verb', 'kvdoctor.delete', {}, 'This button is not one this bot knows (it may be from an older version).'],
  ])('answers %s with a 400 error response', async (_label, verb, data, message) => {
    const bot = harness();
    const response = invokeResponse(await bot.send(cardInvoke(verb, data, where)));
    expect(response).toEqual({ status: 400, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } } });
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
  });

  it('explain with an unknown code lists the codes it knows', async () => {
    const replies = await harness().send(personalMessage('explain NotARealCode123', where));
    expect(replies[0]?.text).toMatch(/^I do not know "NotARealCode123"\. Codes and families I know: .*ForbiddenByFirewall/);
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
    expect(replies[0]?.text).toContain('KVDOCTOR_LIVE_CHECK_SUBSCRIPTIONS');
  });
});
