import { diagnose } from '../diagnose';
import type { Report } from '../report/schema';
import { looksLikeHtml } from './html-detect';
import { HtmlToText, htmlToText } from './html-to-text';

// The Azure DevOps variable-group refusal of the seed blog
// (https://hammadaslam.com/2020/09/04/azure-devops-with-a-firewall-enabled-key-vault/), as the job
// log prints it (examples/azdo-variable-group-firewall.log) ...
const PLAIN = [
  '2024-05-06T14:02:11.4415221Z ##[section]Starting: Link Key Vault variable group',
  "2024-05-06T14:02:11.4512330Z Azure DevOps Library: validating variable group 'kv-secrets' linked to key vault 'hypervmigratio98a5kv'",
  '2024-05-06T14:02:12.9021447Z ##[error]Failed to query service connection API: \'https://hypervmigratio98a5kv.vault.azure.net/secrets?api-version=2016-10-01\'. Status Code: \'Forbidden\', Response from server: \'{"error":{"code":"Forbidden","message":"Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 40.82.190.38\\r\\nCaller: appid=2c5a35cb-ef1f-4659-98a2-dca8761c0def;oid=f54370a6-bc53-4e02-8d73-63de4c317b54;iss=https://sts.windows.net/a1a2578a-8fd3-4595-bb18-7d17df8944b0/\\r\\nVault: hypervmigratio98a5kv;location=canadacentral","innererror":{"code":"ForbiddenByFirewall"}}}\'',
  '2024-05-06T14:02:12.9150012Z ##[section]Finishing: Link Key Vault variable group',
].join('\n');

// ... and as Teams hands the same paste to a bot: one line, a paragraph per log line, quotes as
// entities, a non-breaking space (Teams message format:
// https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/format-your-bot-messages).
const TEAMS =
  '<p>2024-05-06T14:02:11.4415221Z ##[section]Starting: Link Key Vault variable group</p>' +
  '<p>2024-05-06T14:02:11.4512330Z Azure DevOps Library: validating variable group &#39;kv-secrets&#39; linked to key vault &#39;hypervmigratio98a5kv&#39;</p>' +
  '<p>2024-05-06T14:02:12.9021447Z ##[error]Failed to query service connection API: &#39;https://hypervmigratio98a5kv.vault.azure.net/secrets?api-version=2016-10-01&#39;. Status Code: &#39;Forbidden&#39;, Response from server: &#39;{&quot;error&quot;:{&quot;code&quot;:&quot;Forbidden&quot;,&quot;message&quot;:&quot;Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 40.82.190.38\\r\\nCaller: appid=2c5a35cb-ef1f-4659-98a2-dca8761c0def;oid=f54370a6-bc53-4e02-8d73-63de4c317b54;iss=https://sts.windows.net/a1a2578a-8fd3-4595-bb18-7d17df8944b0/\\r\\nVault: hypervmigratio98a5kv;location=canadacentral&quot;,&quot;innererror&quot;:{&quot;code&quot;:&quot;ForbiddenByFirewall&quot;}}}&#39;</p>' +
  '<p>2024-05-06T14:02:12.9150012Z ##[section]Finishing:&nbsp;Link Key Vault variable group</p>';

const readings = (r: Report) => r.findings.map((f) => ({ rule: f.rule, summary: f.summary, facts: f.facts, causes: f.causes, fixes: f.fixes }));

describe('HTML pastes become lines before anything reads them', () => {
  test('a Teams HTML paste of a firewall refusal gives the same findings and facts as its plain text', () => {
    const html = diagnose(TEAMS);
    expect(readings(html)).toEqual(readings(diagnose(PLAIN)));
    // A paragraph per line: the evidence keeps the line numbers the user sees.
    expect(html.findings.map((f) => f.evidence)).toEqual(diagnose(PLAIN).findings.map((f) => f.evidence));
    expect(html.platform.ci).toBe('azure-devops');
    const [finding] = html.findings;
    expect(finding?.rule).toBe('firewall');
    expect(finding?.facts).toMatchObject({ clientIp: '40.82.190.38', vault: 'hypervmigratio98a5kv', location: 'canadacentral', appId: '2c5a35cb-ef1f-4659-98a2-dca8761c0def' });
    expect(JSON.stringify(html.findings)).not.toMatch(/<\/?p>|&quot;|&#39;/);
  });

  test('streaming: an HTML paste cut inside its tags and entities reads the same as whole', () => {
    const whole = new HtmlToText();
    const expected = whole.write(TEAMS) + whole.end();
    const cut = new HtmlToText();
    let got = '';
    for (let i = 0; i < TEAMS.length; i += 7) got += cut.write(TEAMS.slice(i, i + 7));
    expect(got + cut.end()).toBe(expected);
  });

  test('block tags and <br> end a line (once), <pre>/<code> keep their spacing, other tags go, entities are decoded', () => {
    expect(htmlToText('<div>ERROR: AADSTS700213<br/>Trace ID: x</div><pre><code>  az keyvault secret show \\\n    --name &lt;secret&gt;</code></pre><p><b>done</b> &amp; <at>kvdoctor</at></p>')).toBe(
      'ERROR: AADSTS700213\nTrace ID: x\n  az keyvault secret show \\\n    --name <secret>\ndone & kvdoctor\n',
    );
  });

  test('angle-bracket placeholders and comparisons are text, not tags', () => {
    expect(htmlToText('<p>az keyvault network-rule add --name <vault-name> --ip-address <client-ip></p><p>a < b > c</p>')).toBe(
      'az keyvault network-rule add --name <vault-name> --ip-address <client-ip>\na < b > c\n',
    );
  });

  test('only HTML is treated as HTML: a log line that mentions <p> in passing is not', () => {
    expect(looksLikeHtml(TEAMS)).toBe(true);
    expect(looksLikeHtml('<div>ERROR: AADSTS700213</div>')).toBe(true);
    expect(looksLikeHtml('Status: 403<br>ForbiddenByFirewall</p>')).toBe(true);
    expect(looksLikeHtml(PLAIN)).toBe(false);
    expect(looksLikeHtml('error TS2304: template parse error near <p> in views/index.html\nnext line</p>')).toBe(false);
    expect(looksLikeHtml('<vault-name>: unexpected closing tag </p> in the release notes')).toBe(false);
    const mention = "2024-05-06T14:02:12Z ##[error]Template <p> unexpected; Client address is not authorized and caller is not a trusted service.\r\nClient address: 40.82.190.38";
    expect(diagnose(mention).findings[0]?.evidence[0]?.text).toBe('Template <p> unexpected; Client address is not authorized and caller is not a trusted service.');
  });

  test('a tag that never closes costs linear time (a stray < every few characters)', () => {
    const hostile = `<p>${'<a'.repeat(400_000)}${'< '.repeat(400_000)}`;
    const started = Date.now();
    const text = htmlToText(hostile);
    expect(text.length).toBe(hostile.length - 3);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
