import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import type { Fix } from '../../report/schema';
import { value } from '../../fixes/quote';
import { audienceFix, keyVaultResource, missingTokenFix, movedVaultFix, signingKeyFix, tenantFix } from './fixes';
import { parseNote } from './note';

const CHALLENGE_CAUSE =
  'Azure SDKs send their first request to a vault without a token on purpose, to learn the vault\'s tenant from the 401 challenge (WWW-Authenticate); that 401 AKV10000 is normal when an authenticated request follows and succeeds.';

function audienceCause(audience: string | undefined): string {
  if (audience?.startsWith('https://management.')) {
    return 'The token was issued for Azure Resource Manager (the control plane): a tool reused its ARM token for the Key Vault data plane.';
  }
  if (audience?.startsWith('spn:')) return 'The token was requested with an spn: resource identifier instead of the Key Vault resource URL.';
  if (audience && /\.vault\.|\.vaultcore\.|managedhsm/.test(audience)) {
    return 'The token was requested for the vault\'s own URL; Key Vault accepts only tokens for its resource, the same for every vault in a cloud.';
  }
  return 'The token was requested for another resource than Key Vault.';
}

const KEY_RELEASE_GUIDE = 'https://github.com/microsoft/confidential-sidecar-containers/blob/main/examples/skr/TROUBLESHOOTING.md';

/** The key release tools carry a bearer token pasted into importkeyconfig.json: it expires, or was asked for the wrong resource. */
function explainKeyReleaseToken(): Explanation {
  return {
    summary: 'The managed HSM or key vault refused the bearer token the key release tooling sent (401 Unauthorized): the token in its configuration has expired or is for another resource.',
    causes: [
      'The bearer token copied into importkeyconfig.json has expired: Entra access tokens last about an hour.',
      'The token was requested for another resource: a managed HSM accepts only tokens for https://managedhsm.azure.net, a key vault only tokens for https://vault.azure.net.',
      'The token was issued in another tenant than the vault\'s or HSM\'s.',
    ],
    fixes: [
      {
        title: 'Put a fresh token for the right resource in importkeyconfig.json',
        steps: [`Request a new access token for the HSM (or the vault) and replace the bearer token in importkeyconfig.json, then run the importkey tool again (see ${KEY_RELEASE_GUIDE}).`],
        commands: [
          { tool: 'az', text: 'az account get-access-token --resource https://managedhsm.azure.net --query accessToken --output tsv' },
          { tool: 'az', text: 'az account get-access-token --resource https://vault.azure.net --query accessToken --output tsv' },
        ],
      },
    ],
  };
}

export function explainUnauthorizedToken({ facts, details, platform }: ExplainInput): Explanation {
  const note = parseNote(details.message);
  if (note.keyRelease === true) return explainKeyReleaseToken();
  const code = facts.innerErrorCode;
  const where = facts.vault ? `Key Vault ${facts.vault}` : 'The key vault';
  const resource = keyVaultResource(note.expected, details.cloud, details.managedHsm === true);
  const causes: string[] = [];
  const fixes: Fix[] = [];
  let summary: string;

  if (code === 'AKV10032') {
    const vaultTenant = note.vaultTenant ? `tenant ${note.vaultTenant}` : 'another tenant';
    const caller = facts.tenantId ? `tenant ${facts.tenantId}` : 'the caller\'s tenant';
    summary = `${where} belongs to ${vaultTenant} but the token was issued by ${caller} (AKV10032 invalid issuer): sign in to the vault's tenant.`;
    causes.push(
      'The caller signed in to another tenant than the vault\'s: az or Connect-AzAccount logged in to the home tenant, or DefaultAzureCredential picked a credential from another directory.',
      'The pipeline\'s service connection or federated credential points at another tenant than the one that owns the vault.',
      'The vault\'s subscription moved to another tenant and the vault still carries the old tenant ID.',
    );
    fixes.push(tenantFix(value(note.vaultTenant, 'vault-tenant-id'), platform), movedVaultFix());
  } else if (code === 'AKV10022') {
    summary = `${where} rejected the token because its audience is ${note.audience ?? 'not Key Vault'}${note.expected ? ` instead of ${note.expected}` : ''} (AKV10022 invalid audience).`;
    causes.push(audienceCause(note.audience), 'A sovereign-cloud vault was called with a token for the public cloud\'s Key Vault resource, or the reverse.');
    fixes.push(audienceFix(resource));
  } else if (code === 'AKV10046') {
    summary = `${where} could not resolve the key that signed the token (AKV10046); this is usually transient on the service side.`;
    causes.push(
      'The service\'s cache of Microsoft Entra signing keys was stale after a key rollover; reports show it intermittent and limited to one region.',
      'A token from an unexpected issuer or a test token signed with an unknown key.',
    );
    fixes.push(signingKeyFix());
  } else if (code === undefined && !note.challenge) {
    // No sub-code (an old service text, or `kvdoctor explain` without a log): every 401 reason, most common first.
    summary = `${where} rejected the request's access token (401 Unauthorized, AKV100xx).`;
    causes.push(
      'AKV10000: the request carried no token (Connect-AzAccount -AccessToken without -KeyVaultAccessToken, a proxy dropping the Authorization header); also the normal first request of the SDK challenge flow.',
      'AKV10032: the token came from another tenant than the vault\'s (signed in to the home tenant, or the service connection points at another directory).',
      'AKV10022: the token was requested for another resource than Key Vault (the vault URL, Azure Resource Manager or an spn: identifier).',
      'AKV10046: the service could not resolve the token\'s signing key; usually transient.',
    );
    fixes.push(missingTokenFix(resource), tenantFix(value(note.vaultTenant, 'vault-tenant-id'), platform), audienceFix(resource), signingKeyFix());
  } else {
    summary = note.challenge
      ? `${where} answered 401 AKV10000 to a request without a token; this looks like the SDK's first, unauthenticated request, which is normal when the next one succeeds.`
      : `${where} received a request without a Bearer or PoP token (AKV10000).`;
    const missing = [
      'Az PowerShell was signed in with Connect-AzAccount -AccessToken but without -KeyVaultAccessToken, so Key Vault cmdlets send no token.',
      'A proxy, gateway or redirect dropped the Authorization header, or the credential returned an empty token.',
    ];
    causes.push(...(note.challenge ? [CHALLENGE_CAUSE, ...missing] : [...missing, CHALLENGE_CAUSE]));
    fixes.push(missingTokenFix(resource));
  }
  return { summary, causes, fixes };
}
