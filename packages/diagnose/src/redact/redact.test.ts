import { redact, redactLines } from './redact';

// Fake secrets in real shapes (none of them was ever issued).
const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJhcGk6Ly9BenVyZUFEVG9rZW5FeGNoYW5nZSJ9.c2lnbmF0dXJlLXBhcnQ';
const ENTRA = 'Abc8Q~abcdefghijklmnopqrstuvwxyz0123456';

describe('redact masks each kind, keeping the name that says what it was', () => {
  test.each([
    ['a JWT', `token ${JWT} end`, 'token [REDACTED:jwt] end'],
    ['a JWT cut after its header', 'tok eyJhbGciOiJSUzI1NiIsInR5cCI6', 'tok [REDACTED:jwt]'],
    ['a bearer token', 'Authorization: Bearer abcdefghijklmnop0123456789', 'Authorization: Bearer [REDACTED:token]'],
    ['a bearer token after many spaces', 'Bearer        abcdefghijklmnop0123456789', 'Bearer        [REDACTED:token]'],
    ['Basic credentials', 'Authorization: Basic dXNlcjpwYXNzd29yZA==', 'Authorization: Basic [REDACTED:token]'],
    ['an Authorization header of another scheme', '"Authorization": "SharedKey acct:ctzMq410TV3wS7upTBcunJTDLEJ="', '"Authorization": "SharedKey [REDACTED:token]"'],
    ['an Entra client secret', `secret is ${ENTRA} ok`, 'secret is [REDACTED:client-secret] ok'],
    ['an Entra client secret starting with "~"', 'x ~bc8Q~abcdefghijklmnopqrstuvwxyz0123456 y', 'x [REDACTED:client-secret] y'],
    ['an Entra client secret glued to "%3D"', `client_id%3Dx%26cs%3D${ENTRA}%26scope`, 'client_id%3Dx%26cs%3D[REDACTED:client-secret]%26scope'],
    ['an Entra client secret with "~" URL-encoded', 'cs=Abc8Q%7Eabcdefghijklmnopqrstuvwxyz0123456', 'cs=[REDACTED:client-secret]'],
    ['a SAS signature', 'https://a.blob.core.windows.net/c/b?sv=2022-11-02&sig=AbCdEf%2BGhIjKlMn%3D&se=2024', 'https://a.blob.core.windows.net/c/b?sv=2022-11-02&sig=[REDACTED:sas]&se=2024'],
    ['a SAS signature in JSON', '{"sv":"2022","sig":"AbCdEf0123456789xyz"}', '{"sv":"2022","sig":"[REDACTED:sas]"}'],
    ['a SAS signature leading its line', 'sig=AbCdEf0123456789xyz&se=2024', 'sig=[REDACTED:sas]&se=2024'],
    ['a SAS signature URL-encoded', 'u=x%3Fsv%3D2022%26sig%3DAbCdEf0123456789xyz', 'u=x%3Fsv%3D2022%26sig%3D[REDACTED:sas]'],
    ['a storage connection string key', 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2VjcmV0a2V5==;EndpointSuffix=core.windows.net', 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=[REDACTED:key];EndpointSuffix=core.windows.net'],
    ['a client_secret form field', 'grant_type=client_credentials&client_secret=hunter2hunter2&scope=x', 'grant_type=client_credentials&client_secret=[REDACTED:client-secret]&scope=x'],
    ['client_secret with spaces around "="', 'client_secret = "abc123def456"', 'client_secret = "[REDACTED:client-secret]"'],
    ['a client-secret YAML field', '  client-secret: s3cr3t-value', '  client-secret: [REDACTED:client-secret]'],
    ['a password in JSON', '{"user": "a", "password": "p@ss w0rd"}', '{"user": "a", "password": "[REDACTED:password]"}'],
    ['a password in escaped JSON', '{\\"password\\":\\"p@ssw0rd!\\"}', '{\\"password\\":\\"[REDACTED:password]\\"}'],
    ['a password in YAML', 'password: hunter2', 'password: [REDACTED:password]'],
    ['ARM_ACCESS_KEY', 'ARM_ACCESS_KEY=c2VjcmV0a2V5c2VjcmV0a2V5==', 'ARM_ACCESS_KEY=[REDACTED:key]'],
    ['AZURE_CLIENT_CERTIFICATE_PASSWORD', 'AZURE_CLIENT_CERTIFICATE_PASSWORD=Pfx-pass-42', 'AZURE_CLIENT_CERTIFICATE_PASSWORD=[REDACTED:password]'],
    ['SYSTEM_ACCESSTOKEN', 'SYSTEM_ACCESSTOKEN: abcdefghijklmnop', 'SYSTEM_ACCESSTOKEN: [REDACTED:token]'],
    ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RUNTIME_TOKEN=abc.def.ghi123', 'ACTIONS_RUNTIME_TOKEN=[REDACTED:token]'],
    ['a Key Vault secret value', '{"value":"my-secret-value-here","id":"https://kv.vault.azure.net/secrets/x/1"}', '{"value":"[REDACTED:secret]","id":"https://kv.vault.azure.net/secrets/x/1"}'],
    ['an az login password flag', 'az login --service-principal -u app --password s3cr3tvalue --tenant t', 'az login --service-principal -u app --password [REDACTED:password] --tenant t'],
    ['az login -p', 'az login --service-principal -u app -p "s3cr3t value" --tenant t', 'az login --service-principal -u app -p "[REDACTED:password]" --tenant t'],
    ['--client-secret=VALUE', 'azcopy login --client-secret=VALUEabc123', 'azcopy login --client-secret=[REDACTED:client-secret]'],
    ['a PowerShell secure string', "$pw = ConvertTo-SecureString 'P@ssw0rd!' -AsPlainText -Force", "$pw = ConvertTo-SecureString '[REDACTED:password]' -AsPlainText -Force"],
    ['an Azure DevOps PAT in a git URL', 'git clone https://abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstu@dev.azure.com/o/p/_git/r', 'git clone https://[REDACTED:url-credential]@dev.azure.com/o/p/_git/r'],
    ['a URL password', 'https://build:abcdefghij234567@dev.azure.com/o', 'https://build:[REDACTED:url-credential]@dev.azure.com/o'],
    ['a GitHub token', 'GH_TOKEN is ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'GH_TOKEN is [REDACTED:token]'],
    ['a GitLab token', 'glpat-abcdefghij0123456789 used', '[REDACTED:token] used'],
    ['::add-mask::', '::add-mask::supersecret123', '::add-mask::[REDACTED:secret]'],
    ['::set-output', '::set-output name=token::abc123xyz', '::set-output name=token::[REDACTED:secret]'],
    ['an Azure DevOps secret variable', '##vso[task.setvariable variable=pw;issecret=true]abc123xyz', '##vso[task.setvariable variable=pw;issecret=true][REDACTED:secret]'],
    ['a PEM key on one escaped line', '"key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----"', '"key": "-----BEGIN PRIVATE KEY-----[REDACTED:private-key]-----END PRIVATE KEY-----"'],
  ])('%s', (_, input, expected) => {
    expect(redact(input)).toEqual({ text: expected, count: 1 });
  });
});

describe('redact leaves what is not a secret alone', () => {
  test.each([
    ['Key Vault facts', 'Client address: 40.82.190.38 Caller: appid=2c5a35cb-ef1f-4659-98a2-dca8761c0def;oid=f54370a6-bc53-4e02-8d73-63de4c317b54 Vault: kv;location=eastus'],
    ['a challenge\'s parameters', 'WWW-Authenticate: Bearer authorization="https://login.windows.net/72f9", resource="https://vault.azure.net"'],
    ['prose about tokens', 'Bearer token authentication failed; Basic authentication is disabled'],
    ['a secret name that ends in Password', 'Secret AdminAccounts-MachineAdminPassword: autorest/Client#Do: Preparing request failed'],
    ['a network rule value', '"ipRules": [{"value": "40.82.190.38/32"}]'],
    ['variables and CI masks', 'client_secret=$(SECRET) password: *** --password ${{ secrets.PW }} AccountKey=<key>'],
    ['a variable named as the value', 'id-token: ACTIONS_ID_TOKEN_REQUEST_URL unavailable'],
    ['GitHub permissions', 'permissions:\n  id-token: write\n  contents: read'],
    ['the working directory', 'PWD=/home/runner/work/app'],
    ['a certificate (public)', '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----'],
    ['a port flag outside a login line', 'ssh -p 2222 host'],
  ])('%s', (_, text) => {
    expect(redact(text)).toEqual({ text, count: 0 });
  });
});

describe('a secret split over lines', () => {
  test('a PEM block: every body line, after a runner timestamp too', () => {
    const text = [
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIEpAIBAAKCAQEA1234abcd',
      '2024-05-06T14:02:11.4415221Z abcdEFGH1234+/==',
      '-----END RSA PRIVATE KEY-----',
      'after',
    ].join('\n');
    expect(redact(text)).toEqual({
      text: ['-----BEGIN RSA PRIVATE KEY-----', '[REDACTED:private-key]', '2024-05-06T14:02:11.4415221Z [REDACTED:private-key]', '-----END RSA PRIVATE KEY-----', 'after'].join('\n'),
      count: 1,
    });
  });

  test('a name ending its line: the value on the next', () => {
    expect(redact(`client_secret=\n   ${ENTRA}\nnext line`)).toEqual({ text: 'client_secret=\n   [REDACTED:client-secret]\nnext line', count: 1 });
    expect(redact('password:\n  hunter2hunter2\nuser: a')).toEqual({ text: 'password:\n  [REDACTED:password]\nuser: a', count: 1 });
  });

  test('a wrapped JWT: the remainders that fill their lines, not the sentence after', () => {
    const [a, b, c] = [JWT.slice(0, 50), JWT.slice(50, 90), JWT.slice(90)];
    expect(redact(`Bearer ${a}\n${b}\n${c}\nLogin succeeded`)).toEqual({ text: 'Bearer [REDACTED:jwt]\n[REDACTED:jwt]\n[REDACTED:jwt]\nLogin succeeded', count: 1 });
  });

  test('a short remainder with nothing random in it cannot be told from a word, and is left', () => {
    expect(redact(`x ${JWT}\nBhcnQ`)).toEqual({ text: 'x [REDACTED:jwt]\nBhcnQ', count: 1 });
  });

  test('an Entra secret cut by its line end', () => {
    expect(redact(`cs ${ENTRA.slice(0, 14)}\n${ENTRA.slice(14)}`)).toEqual({ text: 'cs [REDACTED:client-secret]\n[REDACTED:client-secret]', count: 1 });
  });

  test('redactLines reads earlier lines as context and counts from `from`', () => {
    const lines = ['password=hunter2hunter2', 'client_secret=', 'abc123def456ghi', 'tail'];
    expect(redactLines(lines, 1)).toEqual({ lines: ['password=[REDACTED:password]', 'client_secret=', '[REDACTED:client-secret]', 'tail'], count: 1 });
  });
});

describe('redact as a whole', () => {
  test('counts each secret once and masks overlapping finds as one', () => {
    expect(redact(`Authorization: Bearer ${JWT} and client_secret=${ENTRA}`)).toEqual({
      text: 'Authorization: Bearer [REDACTED:jwt] and client_secret=[REDACTED:client-secret]',
      count: 2,
    });
  });

  test('is idempotent', () => {
    const once = redact(`Bearer ${JWT}\nclient_secret=${ENTRA}\n-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\nhttps://u:pw123@h ::add-mask::x1y2`);
    expect(once.count).toBe(5);
    expect(redact(once.text)).toEqual({ text: once.text, count: 0 });
  });

  test('returns an empty text unchanged', () => {
    expect(redact('')).toEqual({ text: '', count: 0 });
  });
});
