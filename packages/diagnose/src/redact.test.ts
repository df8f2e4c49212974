import { redact } from './redact';

describe('redact', () => {
  test.each([
    ['a JWT', 'token eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJhcGk6Ly9BenVyZUFEVG9rZW5FeGNoYW5nZSJ9.c2lnbmF0dXJlLXBhcnQ end', 'token [REDACTED:jwt] end'],
    ['a bearer token', 'Authorization: Bearer abcdefghijklmnop0123456789', 'Authorization: Bearer [REDACTED:token]'],
    ['an Entra client secret value', 'secret is Abc8Q~abcdefghijklmnopqrstuvwxyz0123456 ok', 'secret is [REDACTED:client-secret] ok'],
    ['a SAS signature', 'https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sig=AbCdEf%2BGhIjKlMn%3D&se=2024', 'https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sig=[REDACTED:sas]&se=2024'],
    ['a storage connection string key', 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2VjcmV0a2V5==;EndpointSuffix=core.windows.net', 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=[REDACTED];EndpointSuffix=core.windows.net'],
    ['a client_secret form field', 'grant_type=client_credentials&client_secret=hunter2hunter2&scope=x', 'grant_type=client_credentials&client_secret=[REDACTED]&scope=x'],
    ['an az login password flag', 'az login --service-principal -u app --password s3cr3tvalue --tenant t', 'az login --service-principal -u app --password [REDACTED] --tenant t'],
  ])('masks %s', (_, input, expected) => {
    const r = redact(input);
    expect(r.text).toBe(expected);
    expect(r.count).toBe(1);
  });

  test('leaves Key Vault facts (ids, addresses, vault names) alone', () => {
    const text = 'Client address: 40.82.190.38 Caller: appid=2c5a35cb-ef1f-4659-98a2-dca8761c0def;oid=f54370a6-bc53-4e02-8d73-63de4c317b54 Vault: kv;location=eastus';
    expect(redact(text)).toEqual({ text, count: 0 });
  });
});
