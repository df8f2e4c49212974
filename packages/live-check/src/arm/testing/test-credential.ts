import { CredentialUnavailableError } from '@azure/identity';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';

/** A credential that hands out a fixed token and remembers which scopes were asked for. */
export class StaticTokenCredential implements TokenCredential {
  readonly scopes: string[] = [];

  constructor(private readonly token = 'kvdoctor-test-token') {}

  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push(...(Array.isArray(scopes) ? scopes : [scopes]));
    return { token: this.token, expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

/** What @azure/identity's credentials throw when nothing is signed in (no `az login`, no identity). */
export class SignedOutCredential implements TokenCredential {
  async getToken(): Promise<AccessToken> {
    throw new CredentialUnavailableError('AzureCliCredential: Please run az login to set up an account');
  }
}
