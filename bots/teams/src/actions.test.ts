import { CHECK_VERB, checkData, parseCardAction, VaultNameSchema } from './actions';
import { parseCommand } from './conversation/commands';

describe('button data', () => {
  it('carries vault, address, caller, family and facts, and reads back the same', () => {
    const facts = { vault: 'kv-prod-01', clientIp: '20.1.2.3', appId: 'a', tenantId: 't' };
    const data = checkData('kv-prod-01', 'firewall', facts, { bypass: 'None', message: 'free text from the log' });
    expect(data).toEqual({ v: 1, verb: CHECK_VERB, vault: 'kv-prod-01', ip: '20.1.2.3', caller: { appId: 'a', tenantId: 't' }, family: 'firewall', facts, details: { bypass: 'None' } });
    expect(parseCardAction({ action: { type: 'Action.Execute', verb: CHECK_VERB, data } })).toEqual({ ok: true, data });
  });

  it.each([
    [undefined, 'malformed-action'],
    [{ action: { type: 'Action.Submit', verb: CHECK_VERB, data: {} } }, 'malformed-action'],
    [{ action: { type: 'Action.Execute', verb: CHECK_VERB, data: { v: 1, verb: CHECK_VERB, vault: 'kv', facts: {} } } }, 'malformed-action'],
    [{ action: { type: 'Action.Execute', verb: CHECK_VERB, data: { v: 1, verb: CHECK_VERB, vault: 'kv-prod', facts: { vault: 'kv-prod', password: 'x' } } } }, 'malformed-action'],
    [{ action: { type: 'Action.Execute', verb: CHECK_VERB, data: { v: 1, verb: CHECK_VERB, vault: 'kv-prod', facts: {}, details: { message: 'free text' } } } }, 'malformed-action'],
    [{ action: { type: 'Action.Execute', verb: CHECK_VERB, data: { v: 1, verb: CHECK_VERB, vault: 'kv-prod', family: 'Not_Kebab', facts: {} } } }, 'malformed-action'],
    [{ action: { type: 'Action.Execute', verb: 'other', data: {} } }, 'unknown-verb'],
  ])('rejects %j as %s', (value, code) => {
    expect(parseCardAction(value)).toMatchObject({ ok: false, error: { code } });
  });

  it('accepts Key Vault names only', () => {
    expect(['kv1', 'hypervmigratio98a5kv', 'a-b-c', 'A'.repeat(24)].map((n) => VaultNameSchema.safeParse(n).success)).toEqual([true, true, true, true]);
    expect(['kv', '1kv', 'kv-', 'k--v', 'A'.repeat(25), 'kv_1', 'kv.vault.azure.net'].map((n) => VaultNameSchema.safeParse(n).success)).toEqual([false, false, false, false, false, false, false]);
  });
});

describe('typed commands', () => {
  it.each([
    ['help', { kind: 'help' }],
    [' HELP ', { kind: 'help' }],
    ['/help', { kind: 'help' }],
    ['explain AADSTS70021', { kind: 'explain', code: 'AADSTS70021' }],
    ['check kv-prod-01', { kind: 'check', vault: 'kv-prod-01' }],
    ['explain', { kind: 'usage', message: 'Usage: explain CODE, for example "explain AADSTS70021" or "explain ForbiddenByFirewall".' }],
    ['check a b', { kind: 'usage', message: 'Usage: check VAULT-NAME, for example "check contoso-prod-kv".' }],
    ['help me with this log', undefined],
    ['check\nClient address is not authorized', undefined],
    ['Client address is not authorized and caller is not a trusted service.', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});
