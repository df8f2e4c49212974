import { diagnose } from '../diagnose';
import { fixtures } from '../rules/firewall/fixtures';

const SEED = fixtures[0]?.text ?? '';
const URL = 'https://hypervmigratio98a5kv.vault.azure.net/secrets?api-version=2016-10-01';
const JWT = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL3ZhdWx0LmF6dXJlLm5ldCJ9${'Ab1_'.repeat(400)}.${'s1G-'.repeat(85)}`;
const SECRET = 'Abc8Q~abcdefghijklmnopqrstuvwxyz0123456';

describe('diagnose masks the Report it returns', () => {
  test('a fact: the request URL keeps its shape, not its client secret', () => {
    const [finding] = diagnose(SEED.replace(URL, `https://hypervmigratio98a5kv.vault.azure.net/;client_secret=${SECRET}`)).findings;
    expect(finding?.facts.requestUrl).toBe('https://hypervmigratio98a5kv.vault.azure.net/;client_secret=[REDACTED:client-secret]');
  });

  test('evidence is masked before it is cut: a 1.8 KB token late in a long line shows none of itself', () => {
    const line = `${'x'.repeat(470)} Authorization: Bearer ${JWT}`;
    const report = diagnose(`${SEED}\n${line}`);
    expect(report.findings[0]?.evidence.at(-1)).toEqual({ line: 2, text: `${'x'.repeat(470)} Authorization: Bearer [REDACT…` });
    expect(report.stats.redactions).toBe(1);
  });

  test('a client secret across the cut is masked, and the cut falls in its placeholder', () => {
    const report = diagnose(`${SEED}\n${'y'.repeat(480)} client_secret=${SECRET}`);
    expect(report.findings[0]?.evidence.at(-1)).toEqual({ line: 2, text: `${'y'.repeat(480)} client_secret=[REDA…` });
  });
});
