import { conditionAllows } from './abac-condition';

const GET = 'Microsoft.KeyVault/vaults/secrets/getSecret/action';
const LIST = 'Microsoft.KeyVault/vaults/secrets/readMetadata/action';
const request = (secretName?: string, action = GET) => ({ action, vaultName: 'kv-ci', ...(secretName === undefined ? {} : { secretName }) });

describe('ABAC condition evaluation', () => {
  it('reads the documented Key Vault shape (action gate OR name test)', () => {
    const c = `((!(ActionMatches{'${GET}'})) OR (@Resource[Microsoft.KeyVault/vaults/secrets:name] StringStartsWith 'app-'))`;
    expect(conditionAllows(c, request('app-db'))).toBe(true);
    expect(conditionAllows(c, request('db'))).toBe(false);
    expect(conditionAllows(c, request(undefined, LIST))).toBe(true);
    expect(conditionAllows(c, request(undefined))).toBeUndefined();
  });

  it('binds AND tighter than OR and reads NOT', () => {
    const c = "@Resource[Microsoft.KeyVault/vaults:name] StringEquals 'other' AND @Resource[Microsoft.KeyVault/vaults:name] StringEquals 'x' OR NOT @Resource[Microsoft.KeyVault/vaults:name] StringEquals 'other'";
    expect(conditionAllows(c, request('a'))).toBe(true);
  });

  it('knows the negated and IgnoreCase operators and StringLike wildcards', () => {
    expect(conditionAllows("@Resource[Microsoft.KeyVault/vaults/secrets:name] StringNotStartsWith 'tmp-'", request('tmp-x'))).toBe(false);
    expect(conditionAllows("@Request[Microsoft.KeyVault/vaults/secrets:name] StringEqualsIgnoreCase 'APP'", request('app'))).toBe(true);
    expect(conditionAllows("@Resource[Microsoft.KeyVault/vaults/secrets:name] StringLike 'a?p-*-prod'", request('app-x-prod'))).toBe(true);
    expect(conditionAllows("@Resource[Microsoft.KeyVault/vaults/secrets:name] StringLike 'a?p-*-prod'", request('app-x-test'))).toBe(false);
  });

  it('says "cannot tell" for syntax and attributes it does not read', () => {
    expect(conditionAllows("@Resource[Microsoft.KeyVault/vaults/secrets:name] ForAnyOfAnyValues:StringEquals {'a', 'b'}", request('a'))).toBeUndefined();
    expect(conditionAllows("@Resource[Microsoft.KeyVault/vaults/secrets:name] StringEquals 'unterminated", request('a'))).toBeUndefined();
    expect(conditionAllows("@Environment[UtcNow] DateTimeGreaterThan '2026-01-01T00:00:00.0Z'", request('a'))).toBeUndefined();
    expect(conditionAllows('((', request('a'))).toBeUndefined();
    expect(conditionAllows("@Resource[Microsoft.KeyVault/vaults/secrets:name] StringEquals 'a' )", request('a'))).toBeUndefined();
  });

  it('an unknown side decides nothing unless the other side does', () => {
    const unknownOr = (known: string) => `@Principal[Microsoft.Directory/CustomSecurityAttributes/Id:Team] StringEquals 'x' OR @Resource[Microsoft.KeyVault/vaults:name] StringEquals '${known}'`;
    expect(conditionAllows(unknownOr('kv-ci'), request('a'))).toBe(true);
    expect(conditionAllows(unknownOr('other'), request('a'))).toBeUndefined();
  });

  it('stays linear on long and pathological input', () => {
    const started = Date.now();
    const deep = `${'('.repeat(2000)}@Resource[Microsoft.KeyVault/vaults:name] StringEquals 'kv-ci'${')'.repeat(2000)}`;
    expect(conditionAllows(deep, request('a'))).toBeUndefined();
    expect(conditionAllows(`@Resource[Microsoft.KeyVault/vaults/secrets:name] StringLike '${'*a'.repeat(200)}b'`, request('a'.repeat(500)))).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
