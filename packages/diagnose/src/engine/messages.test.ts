import { createDiagnoser, diagnose } from '../diagnose';
import type { Finding } from '../report/schema';

// The defects of the region-and-window engine (issue "One message, one finding"), each with the
// exact expectation. The message texts are Key Vault's own (the firewall and not-found wordings of
// the REST error-code reference, https://learn.microsoft.com/en-us/azure/key-vault/general/rest-error-codes,
// and az CLI's error layout); vault names, addresses and ids are made up.

const CALLER = 'Caller: appid=2c5a35cb-ef1f-4659-98a2-dca8761c0def;oid=f54370a6-bc53-4e02-8d73-63de4c317b54;iss=https://sts.windows.net/a1a2578a-8fd3-4595-bb18-7d17df8944b0/';

/** The JSON body Key Vault answers a firewall refusal with, as SDKs print it (escaped line breaks). */
function firewallBody(ip: string, vault?: string): string {
  const vaultLine = vault === undefined ? '' : `\\r\\nVault: ${vault};location=eastus`;
  return `{"error":{"code":"Forbidden","message":"Client address is not authorized and caller is not a trusted service.\\r\\nClient address: ${ip}\\r\\n${CALLER}${vaultLine}","innererror":{"code":"ForbiddenByFirewall"}}}`;
}

/** az CLI's block for a firewall refusal, with the "Message:" restatement it prints. */
function azFirewall(vault: string, ip: string): string[] {
  return [
    'ERROR: (Forbidden) Client address is not authorized and caller is not a trusted service.',
    `Client address: ${ip}`,
    CALLER,
    `Vault: ${vault};location=eastus`,
    'Code: Forbidden',
    'Message: Client address is not authorized and caller is not a trusted service.',
    `Client address: ${ip}`,
    CALLER,
    `Vault: ${vault};location=eastus`,
    'Inner error: {',
    '    "code": "ForbiddenByFirewall"',
    '}',
  ];
}

function summary(f: Finding): Record<string, unknown> {
  return { rule: f.rule, count: f.count, vault: f.facts.vault, objectName: f.facts.objectName, clientIp: f.facts.clientIp, requestUrl: f.facts.requestUrl };
}

function findings(text: string): Record<string, unknown>[] {
  return diagnose(text).findings.map(summary);
}

describe('facts never cross from one message to the next', () => {
  test("a refusal does not take the next request's object name and URL", () => {
    const log = [
      'GET https://kv-app-alpha.vault.azure.net/secrets/alpha-secret?api-version=7.4',
      'Response 403',
      firewallBody('20.1.1.1', 'kv-app-alpha'),
      'GET https://kv-app-beta.vault.azure.net/secrets/beta-secret?api-version=7.4',
      'Response 200',
    ].join('\n');
    expect(findings(log)).toEqual([
      {
        rule: 'firewall',
        count: 1,
        vault: 'kv-app-alpha',
        objectName: 'alpha-secret',
        clientIp: '20.1.1.1',
        requestUrl: 'https://kv-app-alpha.vault.azure.net/secrets/alpha-secret?api-version=7.4',
      },
    ]);
  });

  test('a second refusal without a Vault: line is its own finding, named by its own request', () => {
    const log = [
      'GET https://kv-app-alpha.vault.azure.net/secrets/alpha-secret?api-version=7.4',
      firewallBody('20.1.1.1', 'kv-app-alpha'),
      'GET https://kv-app-beta.vault.azure.net/secrets/beta-secret?api-version=7.4',
      firewallBody('20.1.1.2'),
    ].join('\n');
    expect(findings(log)).toEqual([
      { rule: 'firewall', count: 1, vault: 'kv-app-alpha', objectName: 'alpha-secret', clientIp: '20.1.1.1', requestUrl: 'https://kv-app-alpha.vault.azure.net/secrets/alpha-secret?api-version=7.4' },
      { rule: 'firewall', count: 1, vault: 'kv-app-beta', objectName: 'beta-secret', clientIp: '20.1.1.2', requestUrl: 'https://kv-app-beta.vault.azure.net/secrets/beta-secret?api-version=7.4' },
    ]);
  });

  test("a SecretNotFound for staging next to a refusal for prod: each keeps its own vault, and the secret list targets staging", () => {
    const log = [
      '$ az keyvault secret show --vault-name kv-orders-stg --name ApiKey',
      'ERROR: (SecretNotFound) A secret with (name/id) ApiKey was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182',
      'Code: SecretNotFound',
      'Message: A secret with (name/id) ApiKey was not found in this key vault.',
      '$ az keyvault secret show --vault-name kv-orders-prd --name DbPassword',
      ...azFirewall('kv-orders-prd', '20.1.1.3').slice(0, 5),
    ].join('\n');
    const report = diagnose(log);
    expect(report.findings.map(summary)).toEqual([
      { rule: 'firewall', count: 1, vault: 'kv-orders-prd', objectName: undefined, clientIp: '20.1.1.3', requestUrl: undefined },
      { rule: 'not-found', count: 1, vault: 'kv-orders-stg', objectName: 'ApiKey', clientIp: undefined, requestUrl: undefined },
    ]);
    const notFound = report.findings.find((f) => f.rule === 'not-found');
    const commands = (notFound?.fixes ?? []).flatMap((fix) => fix.commands.map((c) => c.text));
    expect(commands.filter((c) => c.includes('kv-orders-prd'))).toEqual([]);
    expect(commands.some((c) => c.startsWith('az keyvault secret list --vault-name kv-orders-stg'))).toBe(true);
  });
});

describe('counts are exact, whatever the seams', () => {
  test.each([99, 100, 1000, 5000])('the same az CLI refusal block (with its Message: restatement) %i times is one finding counted %i times', (n) => {
    const block = azFirewall('kv-orders-prd', '20.1.1.3').join('\n');
    const log = Array.from({ length: n }, () => block).join('\n');
    expect(findings(log)).toEqual([{ rule: 'firewall', count: n, vault: 'kv-orders-prd', objectName: undefined, clientIp: '20.1.1.3', requestUrl: undefined }]);
  });

  test('the same retry loop streamed in 1000-character chunks counts the same', () => {
    const block = azFirewall('kv-orders-prd', '20.1.1.3').join('\n');
    const log = Array.from({ length: 1000 }, (_, i) => `${block}\nRetrying in ${i % 7} seconds...`).join('\n');
    const d = createDiagnoser();
    for (let at = 0; at < log.length; at += 1000) d.write(log.slice(at, at + 1000));
    expect(d.end().findings.map((f) => [f.rule, f.count])).toEqual([['firewall', 1000]]);
  });

  test('a single-line Azure DevOps JSON holding 50 errors is one finding counted 50 times, each with its facts', () => {
    const errors = Array.from({ length: 50 }, () => firewallBody('20.1.1.9', 'kv-x')).join(',');
    expect(findings(`##[error]{"errors":[${errors}]}`)).toEqual([
      { rule: 'firewall', count: 50, vault: 'kv-x', objectName: undefined, clientIp: '20.1.1.9', requestUrl: undefined },
    ]);
  });

  test('"Downloading secret value for: NAME." and the refusal naming NAME are one object, not two findings', () => {
    const log = [
      '2024-05-06T14:02:11.0000000Z Downloading secret value for: SqlConnectionString.',
      `2024-05-06T14:02:12.0000000Z ##[error]SqlConnectionString: "${firewallBody('20.1.1.4', 'kv-task')}"`,
      '2024-05-06T14:03:11.0000000Z ##[section]Starting: retry',
      `2024-05-06T14:03:12.0000000Z ##[error]Get secret value failed for: SqlConnectionString ${firewallBody('20.1.1.4', 'kv-task')}`,
    ].join('\n');
    expect(findings(log)).toEqual([{ rule: 'firewall', count: 2, vault: 'kv-task', objectName: 'SqlConnectionString', clientIp: '20.1.1.4', requestUrl: undefined }]);
  });
});

describe('real layouts', () => {
  test('a refusal sentence broken over timestamp-prefixed lines is found with its facts', () => {
    const log = [
      '2024-05-06T14:02:12.9021447Z ERROR: (Forbidden) Client address is not',
      '2024-05-06T14:02:12.9021447Z authorized and caller is not a trusted service.',
      '2024-05-06T14:02:12.9021447Z Client address:',
      '2024-05-06T14:02:12.9021447Z 20.42.5.9',
      `2024-05-06T14:02:12.9021447Z ${CALLER}`,
      '2024-05-06T14:02:12.9021447Z Vault: kv-split;location=eastus',
    ].join('\n');
    const [f] = diagnose(log).findings;
    expect(f?.rule).toBe('firewall');
    expect(f?.facts).toMatchObject({ vault: 'kv-split', clientIp: '20.42.5.9', appId: '2c5a35cb-ef1f-4659-98a2-dca8761c0def', location: 'eastus' });
  });

  test("Terraform's box-wrapped diagnostic is found with its vault, client address and app id", () => {
    // terraform-provider-azurerm's message as issue 20742 quotes it, wrapped by Terraform at 78 columns.
    const log = [
      '╷',
      '│ Error: checking for presence of existing Secret "user" (Key Vault',
      '│ "https://kv-tf-prod.vault.azure.net/"): keyvault.BaseClient#GetSecret: Failure',
      '│ responding to request: StatusCode=403 -- Original Error: autorest/azure: Service',
      '│ returned an error. Status=403 Code="Forbidden" Message="Client address is not',
      '│ authorized and caller is not a trusted service.\\r\\nClient address:',
      '│ 20.61.146.97\\r\\nCaller:',
      '│ appid=2c5a35cb-ef1f-4659-98a2-dca8761c0def;oid=f54370a6-bc53-4e02-8d73-63de4c317b54;iss=https://sts.windows.net/a1a2578a-8fd3-4595-bb18-7d17df8944b0/\\r\\nVault:',
      '│ kv-tf-prod;location=westeurope" InnerError={"code":"ForbiddenByFirewall"}',
      '│',
      '│   with azurerm_key_vault_secret.user,',
      '│   on main.tf line 41, in resource "azurerm_key_vault_secret" "user":',
      '│   41: resource "azurerm_key_vault_secret" "user" {',
      '│',
      '╵',
    ].join('\n');
    const report = diagnose(log);
    expect(report.findings.map((f) => f.rule)).toEqual(['firewall']);
    expect(report.findings[0]?.facts).toMatchObject({
      vault: 'kv-tf-prod',
      location: 'westeurope',
      clientIp: '20.61.146.97',
      appId: '2c5a35cb-ef1f-4659-98a2-dca8761c0def',
      innerErrorCode: 'ForbiddenByFirewall',
      objectName: 'user',
    });
  });

  test('a CR-only log (old agents) reads as the same log with LF: 3 errors counted 3, lines numbered', () => {
    const lf = Array.from({ length: 3 }, () => azFirewall('kv-cr', '20.1.1.5').join('\n')).join('\n');
    const cr = diagnose(lf.replace(/\n/g, '\r'));
    expect(cr.findings.map((f) => [f.rule, f.count, f.facts.innerErrorCode, f.evidence.map((e) => e.line)])).toEqual([
      ['firewall', 3, 'ForbiddenByFirewall', [1, 2, 3, 4, 5, 6, 7, 8]],
    ]);
    expect(cr.findings).toEqual(diagnose(lf).findings);
    expect(cr.stats.lines).toBe(36);
  });

  test('CRLF split across two writes is one line end', () => {
    const d = createDiagnoser();
    d.write('a\r');
    d.write('\nb\r\nc');
    expect(d.end().stats).toMatchObject({ lines: 3, linesCut: 0 });
  });
});

describe('long lines are read in bounded pieces', () => {
  test('a line longer than 256 KB is cut, counted in stats.linesCut, and a refusal after the cut keeps its line number', () => {
    const long = 'x'.repeat(600 * 1024);
    const report = diagnose(`first\n${long}\n${azFirewall('kv-long', '20.1.1.6').join('\n')}`);
    expect(report.stats).toMatchObject({ lines: 14, linesCut: 2 });
    expect(report.findings.map((f) => [f.rule, f.count, f.facts.vault, f.evidence[0]?.line])).toEqual([['firewall', 1, 'kv-long', 3]]);
  });
});

describe('the pieces of a cut line continue its messages', () => {
  /** Writes `text` in chunks of the given sizes, in turn. */
  function chunked(text: string, sizes: readonly number[], maxLine: number): ReturnType<ReturnType<typeof createDiagnoser>['end']> {
    const d = createDiagnoser({ scanner: { maxLine } });
    for (let at = 0, i = 0; at < text.length; i++) {
      const size = sizes[i % sizes.length] ?? text.length;
      d.write(text.slice(at, at + size));
      at += size;
    }
    return d.end();
  }

  test('an escaped one-line JSON array of 400 refusals cut every 1,000 characters: one finding counted 400 times, with its facts', () => {
    const bodies = Array.from({ length: 400 }, () => firewallBody('20.42.5.9', 'kv-one-line'));
    const text = `[${bodies.join(',')}]`;
    for (const maxLine of [1000, 997, 4096]) {
      const report = chunked(text, [65536, 333, 7777], maxLine);
      expect(report.stats.linesCut).toBe(Math.ceil(text.length / maxLine) - 1);
      expect(report.findings.map(summary)).toEqual([
        { rule: 'firewall', count: 400, vault: 'kv-one-line', objectName: undefined, clientIp: '20.42.5.9', requestUrl: undefined },
      ]);
      expect(report.findings[0]?.evidence[0]?.line).toBe(1);
    }
  });

  test('a 3 MB escaped line at the default cap: its pieces are handed out at escaped line breaks, and the count stays exact', () => {
    const unit = `${firewallBody('20.42.5.10', 'kv-long-line')},{"log":"npm notice\\r\\nnpm notice New minor version of npm available\\r\\n","stream":"stdout"},`;
    const n = Math.ceil((3 * 1024 * 1024) / unit.length);
    const report = chunked(`[${unit.repeat(n)}]`, [65536], 256 * 1024);
    expect(report.stats.linesCut).toBe(12);
    expect(report.findings.map(summary)).toEqual([
      { rule: 'firewall', count: n, vault: 'kv-long-line', objectName: undefined, clientIp: '20.42.5.10', requestUrl: undefined },
    ]);
  });

  test('a cut right after a space or inside a word joins the sentence back: the marker and facts are read whole', () => {
    const sentence = 'Client address is not authorized and caller is not a trusted service.';
    const lead = 'ERROR: (Forbidden) ';
    for (let offset = 0; offset <= sentence.length; offset += 1) {
      // A line cut every 1,000 characters, the first cut `offset` characters into the sentence.
      const line = `${'x'.repeat(1000 - lead.length - offset)}${lead}${sentence} Client address: 20.1.1.8`;
      const report = chunked(`${line}\nVault: kv-cut;location=eastus`, [100_000], 1000);
      expect([report.stats.linesCut, ...report.findings.map((f) => [f.rule, f.count, f.facts.clientIp, f.facts.vault])]).toEqual([1, ['firewall', 1, '20.1.1.8', 'kv-cut']]);
    }
  });
});

describe('text that keeps looking wrapped is not joined without end', () => {
  test('20,000 lines that each end in a word and go on in lower case: the refusal after them keeps its own facts and line', () => {
    const wrappedRun = Array.from({ length: 20_000 }, (_, i) => `continued text number ${i} and`);
    const report = diagnose([...wrappedRun, ...azFirewall('kv-after-run', '20.1.1.7')].join('\n'));
    expect(report.findings.map((f) => [f.rule, f.count, f.facts.vault, f.facts.clientIp, f.evidence[0]?.line])).toEqual([['firewall', 1, 'kv-after-run', '20.1.1.7', 20_001]]);
  });
});

describe('a new step is a new message', () => {
  test('an echoed command, its error, then a step banner and another error: two findings (found by the K-messages property)', () => {
    const log = [
      '[command]/usr/bin/bash --noprofile --norc /home/vsts/work/_temp/8c1f6f0e.sh',
      'err: pulling AKV response body failed: http response status equal to 403 Forbidden',
      '##[section]Starting: Step 3',
      'RESPONSE 400 Bad Request AADSTS50027: JWT token is invalid or malformed.',
    ].join('\n');
    expect(diagnose(log).findings.map((f) => [f.rule, f.count, f.evidence[0]?.line])).toEqual([
      ['aad', 1, 4],
      ['forbidden-without-reason', 1, 1],
    ]);
  });
});
