import { diagnose } from '../diagnose';

// Go's azcore prints a failed call as its request line, a rule, the status and the code, another
// rule, then the service's JSON body (the shape of the Go SDK's Key Vault TROUBLESHOOTING.md sample,
// which prints the request line above it in logs: https://github.com/Azure/azure-sdk-for-go/blob/main/sdk/security/keyvault/TROUBLESHOOTING.md).
// The request line is eight logical lines above the body's sentence: past a rule's `before`, but
// inside the same message.
const RULE = '-'.repeat(80);
const goError = (url: string): string =>
  [
    `\tGET ${url}`,
    `\t${RULE}`,
    '\tRESPONSE 403: 403 Forbidden',
    '\tERROR CODE: Forbidden',
    `\t${RULE}`,
    '\t{',
    '\t  "error": {',
    '\t    "code": "Forbidden",',
    '\t    "message": "Caller is not authorized to perform action on resource.\\r\\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\\r\\nCaller: appid=7f91e84a-06ce-4e4d-9e0b-3b56af905e2c;oid=2fa137be-8e51-4220-a7c2-0e78525c9d23;iss=https://sts.windows.net/ab9bba98-684a-43fb-add8-9c2bebede229/\\r\\nAction: \'Microsoft.KeyVault/vaults/secrets/getSecret/action\'\\r\\nAssignment: (not found)\\r\\nVault: kv-go;location=brazilsouth\\r\\n",',
    '\t    "innererror": {',
    '\t      "code": "ForbiddenByRbac"',
    '\t    }',
    '\t  }',
    '\t}',
    `\t${RULE}`,
  ].join('\n');

describe('an occurrence reads its whole message head', () => {
  test("Go azcore: the request line eight lines above the body gives the URL, method and object", () => {
    const log = `E0723 19:26:43.011916       1 main.go:330] "failed to read secret from azure key vault" err=<\n${goError('https://kv-go.vault.azure.net/secrets/DB-PASSWORD/')}`;
    const [finding] = diagnose(log).findings;
    expect(finding?.rule).toBe('rbac');
    expect(finding?.facts).toMatchObject({ requestUrl: 'https://kv-go.vault.azure.net/secrets/DB-PASSWORD/', requestMethod: 'GET', objectName: 'DB-PASSWORD', objectType: 'secret', vault: 'kv-go' });
  });

  // Each error is a klog record ("E0723 … main.go:330] … err=<"): the header starts a new message.
  test('two such errors in a row keep their own request lines', () => {
    const log = [goError('https://kv-go.vault.azure.net/secrets/first/'), 'E0723 19:26:44.000000       1 main.go:330] "failed to read secret from azure key vault" err=<', goError('https://kv-go.vault.azure.net/secrets/second/')].join('\n');
    expect(diagnose(log).findings.map((f) => [f.facts.objectName, f.count])).toEqual([
      ['first', 1],
      ['second', 1],
    ]);
  });
});
