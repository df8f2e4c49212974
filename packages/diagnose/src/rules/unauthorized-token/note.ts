import { GUID } from '../../rule-kit/patterns';

/**
 * Specifics of a token refusal that have no Facts field, carried in `details.message` as
 * "label: value" parts joined by "; " so that renderers can show the message as it is.
 */
export interface TokenNote {
  /** The vault's tenant: the first expected issuer of AKV10032, or the 401 challenge's authority. */
  readonly vaultTenant?: string;
  /** The audience the rejected token carried (AKV10022). */
  readonly audience?: string;
  /** The audience Key Vault expected (AKV10022). */
  readonly expected?: string;
  /** The 401 is the SDK's deliberate first, unauthenticated request. */
  readonly challenge?: boolean;
  /** The confidential-containers key release tooling was refused (its token is one pasted into a config file). */
  readonly keyRelease?: boolean;
}

const CHALLENGE = 'challenge: first unauthenticated request of the SDK challenge flow';
const KEY_RELEASE = 'source: secure key release tooling';
const VAULT_TENANT = new RegExp(`^vault tenant: (${GUID})$`);
const AUDIENCE = /^token audience: (\S{1,300})$/;
const EXPECTED = /^expected audience: (\S{1,200})$/;

export function formatNote(note: TokenNote): string | undefined {
  const parts: string[] = [];
  if (note.vaultTenant) parts.push(`vault tenant: ${note.vaultTenant}`);
  if (note.audience) parts.push(`token audience: ${note.audience}`);
  if (note.expected) parts.push(`expected audience: ${note.expected}`);
  if (note.challenge) parts.push(CHALLENGE);
  if (note.keyRelease) parts.push(KEY_RELEASE);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

export function parseNote(message: string | undefined): TokenNote {
  const parts = message?.split('; ') ?? [];
  const pick = (re: RegExp): string | undefined => parts.map((p) => re.exec(p)?.[1]).find((v) => v !== undefined);
  const vaultTenant = pick(VAULT_TENANT);
  const audience = pick(AUDIENCE);
  const expected = pick(EXPECTED);
  return {
    ...(vaultTenant ? { vaultTenant } : {}),
    ...(audience ? { audience } : {}),
    ...(expected ? { expected } : {}),
    ...(parts.includes(CHALLENGE) ? { challenge: true } : {}),
    ...(parts.includes(KEY_RELEASE) ? { keyRelease: true } : {}),
  };
}
