import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { shareToken } from './shared-token';

/** Counts calls and hands out tokens with the given lifetime; fails when told to. */
class CountingCredential implements TokenCredential {
  calls = 0;
  failNext = false;
  constructor(private readonly lifetimeMs: number) {}
  async getToken(_scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.calls++;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('sign-in failed');
    }
    return { token: `t${this.calls}`, expiresOnTimestamp: Date.now() + this.lifetimeMs };
  }
}

const SCOPE = 'https://management.azure.com/.default';

describe('shared ARM token', () => {
  it('gives concurrent and later requests the same token', async () => {
    const inner = new CountingCredential(3_600_000);
    const shared = shareToken(inner);
    const tokens = await Promise.all([shared.getToken(SCOPE), shared.getToken([SCOPE]), shared.getToken(SCOPE)]);
    expect((await shared.getToken(SCOPE))?.token).toBe('t1');
    expect(tokens.map((t) => t?.token)).toEqual(['t1', 't1', 't1']);
    expect(inner.calls).toBe(1);
  });

  it('asks again for a token about to expire, for a claims challenge, and after a failure', async () => {
    const inner = new CountingCredential(60_000);
    const shared = shareToken(inner);
    await shared.getToken(SCOPE);
    await shared.getToken(SCOPE);
    expect(inner.calls).toBe(2);
    await shared.getToken(SCOPE, { claims: 'eyJhY2Nlc3NfdG9rZW4iOnt9fQ' });
    expect(inner.calls).toBe(3);
    const failing = new CountingCredential(3_600_000);
    failing.failNext = true;
    const again = shareToken(failing);
    await expect(again.getToken(SCOPE)).rejects.toThrow('sign-in failed');
    expect((await again.getToken(SCOPE))?.token).toBe('t2');
  });
});
