import { requestOperation } from './request-operation';

const VAULT = 'https://kv-ci.vault.azure.net';
const V = '4387e9f3d6e14c459867679a90fd0f79';

describe('request operation from a Key Vault URL', () => {
  it.each([
    [`${VAULT}/secrets?api-version=7.4`, { kind: 'secrets', permission: 'list', action: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action', described: 'GET /secrets (list)' }],
    [`${VAULT}/secrets/?api-version=2016-10-01`, { kind: 'secrets', permission: 'list', action: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action', described: 'GET /secrets (list)' }],
    [`${VAULT}/secrets/db-password?api-version=7.4`, { kind: 'secrets', permission: 'get', action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action', objectName: 'db-password', described: 'GET /secrets/db-password' }],
    [`${VAULT}/Secrets/db-password/${V}`, { kind: 'secrets', permission: 'get', action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action', objectName: 'db-password', described: `GET /secrets/db-password/${V}` }],
    [`${VAULT}/secrets/db-password/versions`, { kind: 'secrets', permission: 'list', action: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action', objectName: 'db-password', described: 'GET /secrets/db-password/versions (list)' }],
    [`${VAULT}/keys`, { kind: 'keys', permission: 'list', action: 'Microsoft.KeyVault/vaults/keys/read', described: 'GET /keys (list)' }],
    [`${VAULT}/keys/cmk/${V}/unwrapkey?api-version=7.4`, { kind: 'keys', permission: 'unwrapKey', action: 'Microsoft.KeyVault/vaults/keys/unwrap/action', objectName: 'cmk', described: `POST /keys/cmk/${V}/unwrapkey` }],
    [`${VAULT}/keys/cmk//decrypt`, { kind: 'keys', permission: 'decrypt', action: 'Microsoft.KeyVault/vaults/keys/decrypt/action', objectName: 'cmk', described: 'POST /keys/cmk/decrypt' }],
    [`${VAULT}/certificates/tls`, { kind: 'certificates', permission: 'get', action: 'Microsoft.KeyVault/vaults/certificates/read', objectName: 'tls', described: 'GET /certificates/tls' }],
  ])('%s', (url, expected) => {
    expect(requestOperation(url)).toEqual(expected);
  });

  it.each([
    // Operations whose permission is not plain get/list/crypto: left to the refusal's own words.
    `${VAULT}/deletedsecrets`,
    `${VAULT}/certificates/issuers`.replace('issuers', 'issuers/digicert'),
    `${VAULT}/keys/cmk/rotationpolicy`,
    `${VAULT}/secrets/db-password/not-a-version`,
    `${VAULT}/secrets/db_password`,
    `${VAULT}/keys/cmk/${V}/wrapkey/extra`,
    `${VAULT}/`,
  ])('does not guess for %s', (url) => {
    expect(requestOperation(url)).toBeUndefined();
  });
});
