import { explain } from './explain';

describe('explain', () => {
  test('answers for the exact code it was given', () => {
    const issuer = explain('AKV10032');
    const audience = explain('AKV10022');
    expect(issuer.ok && issuer.value.rule).toBe('unauthorized-token');
    expect(issuer.ok && audience.ok && issuer.value.causes[0] !== audience.value.causes[0]).toBe(true);
  });

  test('finds a family by rule id or code, whatever the case', () => {
    const byId = explain('firewall');
    const byCode = explain('forbiddenbyfirewall');
    expect(byId.ok && byId.value.rule).toBe('firewall');
    expect(byCode.ok && byCode.value.rule).toBe('firewall');
  });

  test('an unknown code is a value, not an exception', () => {
    const out = explain('NotARealCode');
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error.code).toBe('unknown-code');
      expect(out.error.message).toBe('no Key Vault family knows "NotARealCode"');
    }
  });
});
