import { diagnose } from '../../diagnose';
import { findingOf, fixtureText, testRule } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';
import rule from './rule';

testRule(rule, fixtures);

describe('forbidden-without-reason', () => {
  test('is low confidence and says the gate is unknown', () => {
    const [finding] = diagnose("Add-AzKeyVaultCertificate : Operation returned an invalid status code 'Forbidden'").findings;
    expect(finding?.confidence).toBe('low');
    expect(finding?.summary).toBe(
      'Key Vault <vault-name> refused the request (403 Forbidden), but the client printed no response body, so the log does not say which gate refused it.',
    );
  });

  test('gives way to the family that reads the body of the same error (Az PowerShell warning)', () => {
    const log =
      "WARNING: Access policy is not set. No user or application have access permission to use this vault. This can happen if the vault was created by a service principal. Please use Set-AzKeyVaultAccessPolicy to set access policies.\nSet-AzKeyVaultSecret : Operation returned an invalid status code 'Forbidden'";
    expect(diagnose(log).findings.map((f) => f.rule)).toEqual(['access-policy']);
  });
});

describe('forbidden-without-reason: a refused secure key release', () => {
  test('the release policy and the key roles come first, managed HSM roles named as local roles', () => {
    const finding = findingOf(rule, fixtureText(fixtures, 'confidential containers SKR sidecar: a refused secure key release prints only 403 Forbidden'));
    expect(finding.summary).toBe('The key vault or managed HSM refused to release key <key-name> (403 Forbidden); the secure key release sidecar printed only the status.');
    expect(finding.causes[0]).toMatch(/^The key's release policy did not accept the container's attestation/);
    expect(finding.causes[1]).toContain('Managed HSM Crypto Officer and Crypto User local roles');
    expect(finding.fixes.map((f) => f.title)).toEqual(["Match the key's release policy to the container's security policy", "Give the sidecar's managed identity the key roles"]);
  });
});
