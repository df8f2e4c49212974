import { diagnose } from '../../diagnose';
import { explain } from '../../explain';
import { fixtureText } from '../../rule-kit/test-rule';
import { fixtures } from './fixtures';

describe('aad: every AADSTS code, with Entra\'s published meaning', () => {
  test('a code newer than the bundled reference still gets a finding with the lookup link', () => {
    const [finding, ...more] = diagnose(fixtureText(fixtures, 'AADSTS5002730 is its own code')).findings;
    expect(more).toEqual([]);
    expect(finding?.confidence).toBe('medium');
    expect(finding?.summary).toBe(
      "Microsoft Entra ID refused to issue a token to the pipeline's identity (AADSTS5002730), so Key Vault was never called. The code is not in Entra's published reference of 2025-02-03: https://login.microsoftonline.com/error?code=5002730 has its meaning.",
    );
    expect(finding?.fixes[0]?.steps[0]).toBe("Open https://login.microsoftonline.com/error?code=5002730 for Entra's current description of the code, its causes and fixes.");
  });

  test('a code of the reference gets its official name and meaning, and the correlation id to search the sign-in logs by', () => {
    const [finding] = diagnose(fixtureText(fixtures, 'VS Code extension sign-in denied by the identity provider')).findings;
    expect(finding?.summary).toBe(
      "Microsoft Entra ID refused to issue a token to the pipeline's identity (AADSTS90123: IdentityProviderAccessDenied), so Key Vault was never called. Entra's reference: The token can't be issued because the identity or claim issuance provider denied the request.",
    );
    expect(finding?.causes).toEqual(["Entra's reference (2025-02-03) for AADSTS90123: IdentityProviderAccessDenied: The token can't be issued because the identity or claim issuance provider denied the request."]);
    expect(finding?.fixes.map((f) => f.title)).toEqual(["Look up AADSTS90123 on Entra's error page"]);
    expect(finding?.fixes[0]?.steps[1]).toBe(
      'Find the failed sign-in in the Microsoft Entra admin center (Monitoring & health > Sign-in logs, Service principal sign-ins for a pipeline) by its correlation id 079978f2-c703-4e0d-9683-324e9617cbd7: its failure reason names the setting to change.',
    );
  });

  test('a code without curated advice still names the caller the message states', () => {
    const [finding] = diagnose(fixtureText(fixtures, 'Single-tenant app signing in through /common')).findings;
    expect(finding?.summary).toBe(
      "Microsoft Entra ID refused to issue a token to app cab0646e-fd4e-4ea9-8eae-68e057d6bf2e (AADSTS50194), so Key Vault was never called. Entra's reference: Application '{appId}'({appName}) isn't configured as a multitenant application.",
    );
    expect(finding?.fixes[0]?.steps[0]).toBe("Open https://login.microsoftonline.com/error?code=50194 for Entra's current description of the code, its causes and fixes.");
  });

  test('AADSTS70002: … AADSTS50012: … is two findings: the wrapper read by its inner code, and the inner code itself', () => {
    const findings = diagnose(fixtureText(fixtures, 'Pre-2019 wrapper AADSTS70002 around AADSTS50012 (Azure DevOps extension)')).findings;
    expect(findings.map((f) => [f.rule, f.facts.aadCode, f.confidence])).toEqual([
      ['aad', 'AADSTS70002', 'high'],
      ['aad', 'AADSTS50012', 'medium'],
    ]);
    expect(findings[1]?.facts).toMatchObject({ errorCode: 'invalid_client', correlationId: '9594e0dd-1da8-40cc-8523-01b8427ba360', timestamp: '2018-11-16 18:53:43Z' });
    expect(findings[1]?.details.message).toBeUndefined();
    expect(findings[1]?.summary).toMatch(/^Microsoft Entra ID refused to issue a token to the pipeline's identity \(AADSTS50012: AuthenticationFailed\), so Key Vault was never called\. Entra's reference: Authentication failed for one of the following reasons: /);
  });

  test('explain answers for any AADSTS code: from the reference, or with the lookup link', () => {
    const r = explain('AADSTS50057');
    expect(r.ok && r.value.causes).toEqual(["Entra's reference (2025-02-03) for AADSTS50057: UserDisabled: The user account is disabled."]);
    const newer = explain('aadsts5002730');
    expect(newer.ok && newer.value.fixes[0]?.title).toBe("Look up AADSTS5002730 on Entra's error page");
    expect(explain('AADSTS12').ok).toBe(false);
  });
});
