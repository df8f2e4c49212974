import type { Fix, Platform } from '../../report/schema';
import type { ExplainInput, Explanation } from '../../rule-kit/rule';
import { hostAdvice } from '../../platform/host-advice';
import { codeInfo, kindOf } from './codes';
import { explainReferenceCode } from './explain-reference';
import { fixContext, type FixContext } from './fix-context';
import { appDisabledFixes, appNotFoundFixes, certificateFixes, consentFixes, credentialMissingFixes, secretExpiredFixes, secretInvalidFixes } from './fixes-credentials';
import { conditionalAccessFixes, mfaFixes, resourceFixes, tenantNotFoundFixes, userFixes } from './fixes-directory';
import { assertionExpiredFixes, federationBlockedFixes, lateBy } from './fixes-assertion';
import { federatedTokenFixes, federationMismatchFixes, federationMissingFixes } from './fixes-federation';
import { ciOf, parseHints } from './hints';
import type { AadKind } from './kinds';

const FIXES: Readonly<Record<AadKind, (ctx: FixContext) => Fix[]>> = {
  'federated-token-invalid': federatedTokenFixes,
  'federation-mismatch': federationMismatchFixes,
  'federation-missing': federationMissingFixes,
  'federation-blocked': federationBlockedFixes,
  'assertion-expired': assertionExpiredFixes,
  'app-not-found': appNotFoundFixes,
  'app-disabled': appDisabledFixes,
  'secret-invalid': secretInvalidFixes,
  'secret-expired': secretExpiredFixes,
  'credential-missing': credentialMissingFixes,
  'certificate-invalid': certificateFixes,
  'tenant-not-found': tenantNotFoundFixes,
  'conditional-access': conditionalAccessFixes,
  'mfa-required': mfaFixes,
  'user-not-found': userFixes,
  'user-password': userFixes,
  'consent-required': consentFixes,
  'resource-not-found': resourceFixes,
};

const BLOCKED: Readonly<Record<string, string>> = {
  AADSTS70052: 'the app registration is multitenant, which this issuer does not accept',
  AADSTS900382: 'workload identity federation is not available across these clouds',
  AADSTS700222: "an Entra-issued token was presented where the CI's own OIDC token belongs",
  AADSTS50166: "Entra could not reach the CI's OIDC issuer to validate the federated token",
  AADSTS90061: "Entra could not reach the CI's OIDC issuer to validate the federated token",
  AADSTS501661: "Entra could not reach the CI's OIDC issuer to validate the federated token",
};

/** Why, in one clause, for the summary sentence. */
function reason(kind: AadKind, ctx: FixContext): string {
  const { hints } = ctx;
  switch (kind) {
    case 'federated-token-invalid':
      return 'the federated token it presented was empty or malformed';
    case 'federation-mismatch':
      if (ctx.code === 'AADSTS7002138' && hints.subject !== undefined) return `the federated credential's subject differs from '${hints.subject}' only in letter case`;
      if (ctx.code === 'AADSTS700212' && hints.audience !== undefined) return `no federated credential accepts the audience '${hints.audience}'`;
      if (hints.subject !== undefined) return `no federated credential matches the subject '${hints.subject}'`;
      if (hints.issuer !== undefined) return `no federated credential trusts the issuer '${hints.issuer}'`;
      return 'no federated credential matches the token\'s issuer, subject and audience';
    case 'federation-missing':
      return 'the app has no federated credential at all';
    case 'federation-blocked':
      return BLOCKED[ctx.code] ?? 'the tenant does not allow this workload identity federation';
    case 'assertion-expired':
      return `the federated token had expired when it was used${lateBy(ctx)}`;
    case 'app-not-found':
      return `no application with that client id exists in ${hints.directory !== undefined ? `the directory '${hints.directory}'` : 'the directory'}`;
    case 'app-disabled':
      return 'the application is disabled';
    case 'secret-invalid':
      return 'the client secret it sent is not a valid secret of the app';
    case 'secret-expired':
      return 'the app\'s client secrets have expired';
    case 'credential-missing':
      return 'the request carried no client id, secret or assertion (an empty pipeline variable)';
    case 'certificate-invalid':
      return 'the certificate that signed the assertion is not registered on the app';
    case 'tenant-not-found':
      return 'the tenant does not exist in the cloud it signed in to';
    case 'conditional-access':
      return 'a Conditional Access policy blocked it';
    case 'mfa-required':
      return 'the sign-in needs multifactor authentication, which a pipeline cannot provide';
    case 'user-not-found':
      return 'the user account is not in that directory';
    case 'user-password':
      return 'the user name or password was rejected';
    case 'consent-required':
      return 'the client application has no consent for the requested resource';
    case 'resource-not-found':
      if (ctx.code === 'AADSTS70011') return 'the scope it asked for is not a valid scope (for Key Vault: https://vault.azure.net/.default)';
      if (ctx.details.resource?.includes('privatelink.vaultcore') === true) return `the token was requested for the private-link name '${ctx.details.resource}', which is no resource: Key Vault tokens are for https://vault.azure.net`;
      return ctx.details.resource !== undefined ? `the requested resource '${ctx.details.resource}' does not exist in the tenant` : 'the requested resource does not exist in the tenant';
  }
}

const CI_WORDS: Readonly<Record<Platform['ci'], string>> = { 'github-actions': 'GitHub', gitlab: 'GitLab', 'azure-devops': 'Azure DevOps', unknown: '' };
const CI_NAMED = /^(?:GitHub|GitLab|Azure DevOps)/;

/**
 * Causes naming the detected CI first; those naming another CI only when the CI is not known (a
 * GitLab job's answer that talks about GitHub and Azure DevOps sends its reader the wrong way).
 */
function ordered(causes: readonly string[], ci: Platform['ci'], first: string | undefined): string[] {
  const own = CI_WORDS[ci];
  const others = Object.values(CI_WORDS).filter((w) => w !== '' && w !== own);
  const rank = (c: string): number => {
    if ((first !== undefined && c.includes(first)) || (own !== '' && c.startsWith(own))) return 0;
    return others.some((w) => c.startsWith(w)) ? 2 : 1;
  };
  const kept = own === '' ? causes : causes.filter((c) => rank(c) < 2);
  return [...kept].sort((a, b) => rank(a) - rank(b));
}

/** Without a code (`kvdoctor explain aad`, the rule docs): the family's main causes and first fixes. */
function overview(platform: Platform): Explanation {
  const ctx = fixContext({}, {}, {}, platform.ci);
  return {
    summary: 'Microsoft Entra ID refused to issue the token the pipeline needed, so Key Vault was never called.',
    causes: [
      "A federated credential does not match the CI token's issuer, subject or audience (AADSTS70021, AADSTS700211, AADSTS700213, AADSTS7002138).",
      'The CI presented no usable OIDC token (AADSTS50027), or presented it after it expired (AADSTS700024).',
      'The client secret is wrong or expired (AADSTS7000215, AADSTS7000222), or never reached the request (AADSTS7000216, AADSTS7000218, AADSTS900144).',
      'The client id or tenant id is wrong (AADSTS700016, AADSTS90002), or the application is disabled (AADSTS7000112).',
      'A tenant policy blocks the sign-in: Conditional Access (AADSTS53003) or constrained workload identity federation (AADSTS700223, AADSTS700238).',
      'The token was requested for a Key Vault resource the cloud does not have (AADSTS500011).',
      "Any other AADSTS code is reported with its meaning from Entra's error-code reference and its lookup page.",
    ],
    fixes: [
      {
        title: 'Look up the AADSTS code',
        steps: ['Run `kvdoctor explain AADSTS<number>` with the code from the log, or open https://login.microsoftonline.com/error?code=<number>.'],
        commands: [],
      },
      ...federationMismatchFixes(ctx),
      ...secretInvalidFixes(ctx).slice(0, 1),
    ],
  };
}

export function explainAad({ facts, details, platform }: ExplainInput): Explanation {
  const info = codeInfo(facts.aadCode);
  if (info === undefined) return facts.aadCode === undefined ? overview(platform) : explainReferenceCode(facts.aadCode.toUpperCase(), facts);
  const hints = parseHints(details.message);
  const ctx = fixContext(facts, details, hints, ciOf(platform, hints));
  const kind = kindOf(info, hints.inner);
  // The CSI driver's token is the pod's own workload identity, not a CI's: no CI cause applies.
  const csi = ctx.ci === 'unknown' && platform.host === 'aks-csi-driver' ? hostAdvice(platform) : undefined;
  const who = facts.appId !== undefined ? `app ${facts.appId}` : csi ? 'the workload identity the CSI driver uses' : 'the pipeline\'s identity';
  const where = facts.tenantId !== undefined ? ` in tenant ${facts.tenantId}` : '';
  const summary = `Microsoft Entra ID refused to issue a token to ${who}${where} (${info.code}: ${info.name}), so Key Vault was never called: ${reason(kind, ctx)}.`;
  const first = details.resource?.includes('privatelink') ? 'private-link' : hints['id-token'] !== undefined ? 'id-token: write' : undefined;
  const causes = ordered(info.causes, ctx.ci, first);
  if (csi) {
    const fixes = FIXES[kind](ctx)
      .filter((f) => !CI_NAMED.test(f.title))
      .map((f) => ({ ...f, steps: f.steps.filter((s) => !CI_NAMED.test(s)) }));
    return { summary, causes: [csi.caller, ...causes.filter((c) => !CI_NAMED.test(c))], fixes };
  }
  return { summary, causes, fixes: FIXES[kind](ctx) };
}
