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
    `${VAULT}/certificates/issuers/digi_cert`,
    `${VAULT}/keys/cmk/rotationpolicy/extra`,
    `${VAULT}/secrets/db-password/not-a-version`,
    `${VAULT}/secrets/db_password`,
    `${VAULT}/keys/cmk/${V}/wrapkey/extra`,
    `${VAULT}/`,
  ])('does not guess for %s', (url) => {
    expect(requestOperation(url)).toBeUndefined();
  });
});

const KV = 'Microsoft.KeyVault/vaults';

// Each row: what the log states (method, URL), and the access-policy permission ("This operation requires
// the … permission", Key Vault REST reference) and RBAC data action (Azure permissions for Security).
describe('request operation from the method and URL the log states', () => {
  it.each([
    ['POST', `${VAULT}/keys/cmk/${V}/wrapkey`, { kind: 'keys', permission: 'wrapKey', action: `${KV}/keys/wrap/action`, objectName: 'cmk', described: `POST /keys/cmk/${V}/wrapkey` }],
    ['PUT', `${VAULT}/secrets/db-password?api-version=7.4`, { kind: 'secrets', permission: 'set', action: `${KV}/secrets/setSecret/action`, objectName: 'db-password', described: 'PUT /secrets/db-password' }],
    ['DELETE', `${VAULT}/secrets/db-password`, { kind: 'secrets', permission: 'delete', action: `${KV}/secrets/delete`, objectName: 'db-password', described: 'DELETE /secrets/db-password' }],
    ['PATCH', `${VAULT}/secrets/db-password/${V}`, { kind: 'secrets', permission: 'set', action: `${KV}/secrets/update/action`, objectName: 'db-password', described: `PATCH /secrets/db-password/${V}` }],
    ['get', `${VAULT}/secrets/db-password`, { kind: 'secrets', permission: 'get', action: `${KV}/secrets/getSecret/action`, objectName: 'db-password', described: 'GET /secrets/db-password' }],
    ['PUT', `${VAULT}/keys/cmk`, { kind: 'keys', permission: 'import', action: `${KV}/keys/import/action`, objectName: 'cmk', described: 'PUT /keys/cmk' }],
    ['DELETE', `${VAULT}/deletedsecrets/db-password`, { kind: 'secrets', permission: 'purge', action: `${KV}/secrets/purge/action`, described: 'DELETE /deletedsecrets/db-password' }],
    ['PUT', `${VAULT}/keys/cmk/rotationpolicy`, { kind: 'keys', permission: 'setrotationpolicy', alsoDocumented: 'update', action: `${KV}/keyrotationpolicies/write`, objectName: 'cmk', described: 'PUT /keys/cmk/rotationpolicy' }],
    ['DELETE', `${VAULT}/certificates/issuers/digicert`, { kind: 'certificates', permission: 'deleteissuers', action: `${KV}/certificatecas/delete`, described: 'DELETE /certificates/issuers/digicert' }],
    ['PUT', `${VAULT}/certificates/contacts`, { kind: 'certificates', permission: 'managecontacts', action: `${KV}/certificatecontacts/write`, described: 'PUT /certificates/contacts' }],
  ])('%s %s', (method, url, expected) => {
    expect(requestOperation(url, method)).toEqual(expected);
  });

  // Without a method: a URL one method alone serves is that method's; otherwise the GET readers send.
  it.each([
    [`${VAULT}/deletedsecrets`, { kind: 'secrets', permission: 'list', described: 'GET /deletedsecrets (list)' }],
    [`${VAULT}/deletedsecrets/db-password`, { kind: 'secrets', permission: 'get', described: 'GET /deletedsecrets/db-password' }],
    [`${VAULT}/deletedsecrets/db-password/recover`, { kind: 'secrets', permission: 'recover', action: `${KV}/secrets/recover/action`, described: 'POST /deletedsecrets/db-password/recover' }],
    [`${VAULT}/deletedkeys/cmk/recover`, { kind: 'keys', permission: 'recover', action: `${KV}/keys/recover/action`, described: 'POST /deletedkeys/cmk/recover' }],
    [`${VAULT}/keys/cmk/rotationpolicy`, { kind: 'keys', permission: 'getrotationpolicy', alsoDocumented: 'get', action: `${KV}/keyrotationpolicies/read`, objectName: 'cmk', described: 'GET /keys/cmk/rotationpolicy' }],
    [`${VAULT}/keys/cmk/rotate`, { kind: 'keys', permission: 'rotate', action: `${KV}/keys/rotate/action`, objectName: 'cmk', described: 'POST /keys/cmk/rotate' }],
    [`${VAULT}/keys/cmk/${V}/release`, { kind: 'keys', permission: 'release', action: `${KV}/keys/release/action`, objectName: 'cmk', described: `POST /keys/cmk/${V}/release` }],
    [`${VAULT}/certificates/issuers`, { kind: 'certificates', permission: 'listissuers', alsoDocumented: 'getissuers', action: `${KV}/certificatecas/read`, described: 'GET /certificates/issuers (list)' }],
    [`${VAULT}/certificates/issuers/digicert`, { kind: 'certificates', permission: 'getissuers', action: `${KV}/certificatecas/read`, described: 'GET /certificates/issuers/digicert' }],
    [`${VAULT}/certificates/contacts`, { kind: 'certificates', permission: 'managecontacts', described: 'GET /certificates/contacts' }],
    [`${VAULT}/certificates/tls/create`, { kind: 'certificates', permission: 'create', action: `${KV}/certificates/create/action`, objectName: 'tls', described: 'POST /certificates/tls/create' }],
  ])('%s', (url, expected) => {
    expect(requestOperation(url)).toEqual(expected);
  });

  it.each([
    ['POST', `${VAULT}/secrets/db-password`],
    ['GET', `${VAULT}/keys/cmk/${V}/wrapkey`],
    ['HEAD', `${VAULT}/secrets/db-password`],
    ['PUT', `${VAULT}/secrets`],
  ])('no operation for %s %s', (method, url) => {
    expect(requestOperation(url, method)).toBeUndefined();
  });
});
