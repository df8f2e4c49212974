import { MemoryStorage } from 'botbuilder';
import { SEED_FIREWALL, STORAGE_FIREWALL } from '../test/fixtures/texts';
import { asTeamsHtml, botAdded, channelMention, formattedMessage, OTHER_TENANT, personalMessage, TENANT, userAdded } from '../test/helpers/activities';
import { cardOf, cardProblems, cardText, collapsedText, executeActions } from '../test/helpers/cards';
import { EXAMPLE_LOG } from '../test/helpers/example-log';
import { harness } from '../test/helpers/harness';
import { DEFAULT_LIMITS } from './conversation/limits';
import { EMPTY_MESSAGE } from './conversation/on-message';

const where = { serviceUrl: 'https://smba.trafficmanager.net/emea/' };
const AZ = 'az keyvault network-rule add --name hypervmigratio98a5kv --ip-address 40.82.190.38';
const PS = 'Add-AzKeyVaultNetworkRule -VaultName hypervmigratio98a5kv -IpAddressRange 40.82.190.38';
// jwt.io's published example token: a real JWT that is safe to print.
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

function onlyCard(replies: readonly unknown[]) {
  expect(replies).toHaveLength(1);
  const card = cardOf(replies[0]);
  if (card === undefined) throw new Error('expected an Adaptive Card reply');
  expect(cardProblems(card)).toEqual([]);
  return card;
}

describe('a paste Teams hands over as HTML', () => {
  it('gets the same card as the plain log, its facts free of markup and entities', async () => {
    const html = asTeamsHtml(EXAMPLE_LOG);
    expect(html).toContain('</p><p>');
    const fromHtml = cardText(onlyCard(await harness().send(formattedMessage(html, where))));
    expect(fromHtml).toBe(cardText(onlyCard(await harness().send(personalMessage(EXAMPLE_LOG, where)))));
    expect(fromHtml).toContain('hypervmigratio98a5kv (canadacentral)');
    expect(fromHtml).toContain('40.82.190.38 (public IPv4');
    expect(fromHtml).toContain(AZ);
    expect(fromHtml).not.toMatch(/<\/?p>|&quot;|&#39;|&amp;/);
  });

  it('reads a command sent as formatted text', async () => {
    const [plain] = await harness().send(personalMessage('explain AADSTS50057', where));
    const [formatted] = await harness().send(formattedMessage('<p>explain AADSTS50057</p>', where));
    expect(JSON.stringify(formatted?.attachments ?? formatted?.text)).toBe(JSON.stringify(plain?.attachments ?? plain?.text));
    expect(JSON.stringify(plain)).toContain('UserDisabled');
  });
});

describe('pasting a log', () => {
  it('answers the seed ForbiddenByFirewall text with one finding card naming vault, IP, caller and the exact commands', async () => {
    const bot = harness();
    const card = onlyCard(await bot.send(personalMessage(SEED_FIREWALL.text, where)));
    const shown = cardText(card);
    expect(card.version).toBe('1.5');
    expect(shown).toContain('Key Vault firewall refused the client address');
    expect(shown).toContain('hypervmigratio98a5kv (canadacentral)');
    expect(shown).toContain('40.82.190.38 (public IPv4');
    expect(shown).toContain('app 2c5a35cb-ef1f-4659-98a2-dca8761c0def, object f54370a6-bc53-4e02-8d73-63de4c317b54, tenant a1a2578a-8fd3-4595-bb18-7d17df8944b0');
    expect(shown).toContain(AZ);
    expect(shown).toContain(PS);
    expect(shown).toContain('https://learn.microsoft.com/en-us/azure/key-vault/general/network-security');
  });

  it('names a hosted runner\'s Azure region from the shipped Azure ranges, with their date, and advises to match', async () => {
    const bot = harness();
    const text = [
      "Runner name: 'GitHub Actions 12'",
      'ERROR: (Forbidden) Client address is not authorized and caller is not a trusted service.',
      'Client address: 52.168.10.10',
      'Vault: kv-contoso-prod;location=eastus',
      'Inner error: {',
      '    "code": "ForbiddenByFirewall"',
      '}',
    ].join('\n');
    const shown = cardText(onlyCard(await bot.send(personalMessage(text, where))));
    expect(shown).toContain('52.168.10.10 (public IPv4; Azure East US (AzureCloud.eastus), range 52.168.0.0/16, service tags of 2024-05-06)');
    expect(shown).toContain('Do not allow-list Azure East US (AzureCloud.eastus): use a self-hosted agent or a private endpoint');
    expect(shown).not.toContain('az keyvault network-rule add --name kv-contoso-prod --ip-address 52.168.10.10');
  });

  it('puts everything a live check needs into the button, so any instance can answer it', async () => {
    const bot = harness();
    const card = onlyCard(await bot.send(personalMessage(EXAMPLE_LOG, where)));
    const [check] = executeActions(card);
    expect(check?.title).toBe('Check live config');
    expect(check?.verb).toBe('kvdoctor.check');
    expect(check?.data).toMatchObject({
      v: 1,
      verb: 'kvdoctor.check',
      vault: 'hypervmigratio98a5kv',
      ip: '40.82.190.38',
      caller: { appId: '2c5a35cb-ef1f-4659-98a2-dca8761c0def', objectId: 'f54370a6-bc53-4e02-8d73-63de4c317b54', tenantId: 'a1a2578a-8fd3-4595-bb18-7d17df8944b0' },
      family: 'firewall',
      facts: { vault: 'hypervmigratio98a5kv', clientIp: '40.82.190.38', location: 'canadacentral' },
    });
  });

  it('offers no live-check button when live checks are not configured', async () => {
    const bot = harness({ liveCheck: undefined });
    const card = onlyCard(await bot.send(personalMessage(EXAMPLE_LOG, where)));
    expect(executeActions(card)).toEqual([]);
  });

  it('strips the @mention in a channel before diagnosing', async () => {
    const bot = harness();
    const card = onlyCard(await bot.send(channelMention(SEED_FIREWALL.text, where)));
    expect(cardText(card)).toContain(AZ);
  });

  it('says in two lines what it looked for when nothing matches, with a "What can you find?" button', async () => {
    const bot = harness();
    const card = onlyCard(await bot.send(personalMessage(STORAGE_FIREWALL.text, where)));
    expect(collapsedText(card)).toEqual([
      'No Key Vault refusal found in 1 line.',
      'I look for the errors Key Vault and Microsoft Entra return when they refuse a caller (firewall, RBAC, access policy, AADSTS sign-in codes). Paste the whole failed step, from its start to the error, or attach it here as a .log, .txt or .zip file.',
      'What can you find?',
    ]);
  });

  it('in a channel, says where a long log can be attached instead', async () => {
    const card = onlyCard(await harness().send(channelMention(STORAGE_FIREWALL.text, where)));
    expect(collapsedText(card)[1]).toBe(
      'I look for the errors Key Vault and Microsoft Entra return when they refuse a caller (firewall, RBAC, access policy, AADSTS sign-in codes). Paste the whole failed step, from its start to the error, or attach it as a .log, .txt or .zip file in a 1:1 chat with me (files sent here do not reach me).',
    );
  });

  it('masks a token found in the paste and says so', async () => {
    const bot = harness();
    const paste = `Authorization: Bearer ${JWT}\n${SEED_FIREWALL.text}`;
    const card = onlyCard(await bot.send(personalMessage(paste, where)));
    const json = JSON.stringify(card);
    expect(json).not.toContain('SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c');
    expect(json).not.toContain('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
    expect(cardText(card)).toContain('Your text held 1 secret (a token, key, signature or connection string). It is masked in this answer and nothing was stored');
  });

  it('reads only the first maxPasteBytes of an oversized paste and says so', async () => {
    const bot = harness({ limits: { ...DEFAULT_LIMITS, maxPasteBytes: 4096 } });
    const paste = `${SEED_FIREWALL.text}\n${'2024-05-06T14:02:13.0000000Z noise line\n'.repeat(400)}`;
    const card = onlyCard(await bot.send(personalMessage(paste, where)));
    expect(cardText(card)).toContain('The paste was longer than 4 KB, so only its first 4 KB was read.');
    expect(cardText(card)).toContain(AZ);
  });

  it('answers a paste directly, without a typing indicator (a capped paste takes milliseconds)', async () => {
    const bot = harness();
    const replies = await bot.send(personalMessage(`${EXAMPLE_LOG}\n${'2024-05-06T14:02:13.0000000Z noise line\n'.repeat(1500)}`, where));
    expect(replies.map((r) => r.type)).toEqual(['message']);
  });

  it('answers an empty message with what to send', async () => {
    const bot = harness();
    const replies = await bot.send(personalMessage('   ', where));
    expect(replies.map((r) => r.text)).toEqual([EMPTY_MESSAGE]);
  });

  it('answers a Teams retry of the same activity id only once', async () => {
    const bot = harness({ storage: new MemoryStorage() });
    const message = personalMessage(SEED_FIREWALL.text, where, { id: '1700000000777' });
    expect(await bot.send(message)).toHaveLength(1);
    expect(await bot.send({ ...message })).toEqual([]);
    expect(bot.logger.events.map((e) => e.event)).toEqual(['message.answered', 'message.duplicate']);
  });

  it('never logs the pasted text', async () => {
    const bot = harness();
    await bot.send(personalMessage(`Authorization: Bearer ${JWT}\n${SEED_FIREWALL.text}`, where));
    const logged = JSON.stringify(bot.logger.events);
    for (const secret of ['hypervmigratio98a5kv', '40.82.190.38', 'eyJhbGci', 'Client address']) expect(logged).not.toContain(secret);
    expect(bot.logger.events).toEqual([{ level: 'info', event: 'message.answered', fields: expect.objectContaining({ conversationType: 'personal', attachments: 0 }) }]);
  });
});

describe('tenants', () => {
  it('refuses a tenant that is not on the allow-list, politely and without diagnosing', async () => {
    const bot = harness();
    const replies = await bot.send(personalMessage(SEED_FIREWALL.text, { ...where, tenantId: OTHER_TENANT }));
    expect(replies.map((r) => r.text)).toEqual([
      `Sorry, kvdoctor is not enabled for your organisation (tenant ${OTHER_TENANT}). Ask the team that runs this bot to add your tenant to its allow-list.`,
    ]);
  });

  it('allows any tenant when no allow-list is configured (local mode)', async () => {
    const bot = harness({ allowedTenants: [] });
    onlyCard(await bot.send(personalMessage(SEED_FIREWALL.text, { ...where, tenantId: OTHER_TENANT })));
  });

  it('accepts the allowed tenant in any letter case', async () => {
    const bot = harness({ allowedTenants: [TENANT] });
    onlyCard(await bot.send(personalMessage(SEED_FIREWALL.text, { ...where, tenantId: TENANT.toUpperCase() })));
  });
});

describe('welcome', () => {
  it('sends the welcome card when the bot is added', async () => {
    const bot = harness();
    const card = onlyCard(await bot.send(botAdded(where)));
    expect(cardText(card)).toContain('kvdoctor: why did Key Vault refuse my pipeline?');
    expect(cardText(card)).toContain('reads the vault\'s real network and access settings (read-only)');
  });

  it('refuses politely instead of welcoming in a tenant that is not allowed', async () => {
    const bot = harness();
    const replies = await bot.send(botAdded({ ...where, tenantId: OTHER_TENANT }));
    expect(replies.map((r) => r.text)).toEqual([
      `Sorry, kvdoctor is not enabled for your organisation (tenant ${OTHER_TENANT}). Ask the team that runs this bot to add your tenant to its allow-list.`,
    ]);
  });

  it('stays quiet when someone else joins', async () => {
    const bot = harness();
    expect(await bot.send(userAdded(where))).toEqual([]);
  });
});
