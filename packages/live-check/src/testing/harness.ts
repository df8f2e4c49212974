import { StaticTokenCredential } from '../arm/testing/test-credential';
import type { LiveCheckOptions } from '../check';
import { VaultIdCache } from '../vault-cache';
import { OTHER_SUB, SUB, TENANT } from './arm-bodies';
import { type ArmData, type ArmServer, startArmServer } from './arm-server';
import { selfSignedCertificate } from './self-signed';

export interface Harness {
  readonly server: ArmServer;
  readonly credential: StaticTokenCredential;
  /** The server certificate (PEM), to pass as `ca`. */
  readonly ca: string;
  /** Options pointing the real SDK clients at the local server, trusting only its certificate. */
  options(rest: Pick<LiveCheckOptions, 'finding' | 'vaultName'> & Partial<LiveCheckOptions>): LiveCheckOptions;
}

let tls: { key: string; cert: string } | undefined;

export async function startHarness(data: ArmData): Promise<Harness> {
  tls ??= selfSignedCertificate();
  const server = await startArmServer(data, tls);
  const credential = new StaticTokenCredential();
  const ca = tls.cert;
  return {
    server,
    credential,
    ca,
    options: (rest) => ({
      credential,
      endpoint: server.endpoint,
      ca,
      allowed: { tenants: [TENANT], subscriptions: [SUB, OTHER_SUB] },
      timeoutMs: 5_000,
      cache: new VaultIdCache(),
      ...rest,
    }),
  };
}
