import { actionMatches, neededAction, roleFor, scopeCovers } from './data-actions';
import { findingOf } from './fixtures';

describe('data actions', () => {
  it.each([
    ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', true],
    ['microsoft.keyvault/vaults/secrets/*', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', true],
    ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/keys/read', true],
    ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', false],
    ['*', 'Microsoft.KeyVault/vaults/keys/read', true],
    ['Microsoft.KeyVault/vaults/secrets/readMetadata/action', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', false],
  ])('%s matches %s: %s', (pattern, action, expected) => {
    expect(actionMatches(pattern, action)).toBe(expected);
  });

  it('stays fast on a pathological pattern', () => {
    const started = Date.now();
    expect(actionMatches(`${'*a'.repeat(40)}b`, 'a'.repeat(200))).toBe(false);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('treats ancestors as covering and siblings with a shared prefix as not', () => {
    const vault = '/subscriptions/s/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/kv1';
    expect(scopeCovers('/subscriptions/s', vault)).toBe(true);
    expect(scopeCovers('/subscriptions/S/resourcegroups/RG-X', vault)).toBe(true);
    expect(scopeCovers('/', vault)).toBe(true);
    expect(scopeCovers('/subscriptions/s/resourceGroups/rg-x/providers/Microsoft.KeyVault/vaults/kv', vault)).toBe(false);
  });

  it('maps actions to the narrowest built-in role', () => {
    expect(roleFor('Microsoft.KeyVault/vaults/secrets/getSecret/action')).toBe('Key Vault Secrets User');
    expect(roleFor('Microsoft.KeyVault/vaults/secrets/setSecret/action')).toBe('Key Vault Secrets Officer');
    expect(roleFor('Microsoft.KeyVault/vaults/keys/unwrap/action')).toBe('Key Vault Crypto Service Encryption User');
    expect(roleFor('Microsoft.KeyVault/vaults/keys/sign/action')).toBe('Key Vault Crypto User');
    expect(roleFor('Microsoft.KeyVault/vaults/keys/create/action')).toBe('Key Vault Crypto Officer');
    expect(roleFor('Microsoft.KeyVault/vaults/certificates/read')).toBe('Key Vault Certificate User');
    expect(roleFor('Microsoft.KeyVault/vaults/certificates/import/action')).toBe('Key Vault Certificates Officer');
    expect(roleFor('Microsoft.KeyVault/vaults/storage/read')).toBe('Key Vault Administrator');
  });

  it('derives the action from the object type when the text names none', () => {
    expect(neededAction(findingOf('rbac', { objectType: 'certificate' }))).toEqual({ action: 'Microsoft.KeyVault/vaults/certificates/read', assumed: false });
    expect(neededAction(findingOf('rbac', {}))).toEqual({ action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action', assumed: true });
  });
});
