import { diagnose } from '../../diagnose';
import { testRule } from '../../rule-kit/test-rule';
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
