import type { Fix } from '../../report/schema';
import { entra, snippets } from './commands';
import { forCi, type FixContext } from './fix-context';

// Federation refused for the assertion itself rather than a credential mismatch: a tenant, issuer
// or cloud policy that blocks it, or a token presented after it expired.

// GitLab's troubleshooting for AADSTS501661 (https://docs.gitlab.com/ci/cloud_services/azure/).
const gitlabReachableFix: Fix = {
  title: 'GitLab: let Entra reach your GitLab instance',
  steps: [
    "Entra reads two endpoints of the GitLab instance to check the job's ID token: GET /.well-known/openid-configuration and GET /oauth/discovery/keys. Both must answer from the internet over HTTPS (a self-managed instance behind a firewall or VPN fails here).",
    "If they answer and the error stays, clear GitLab's Redis cache (`gitlab-rake cache:clear`) and run the job again.",
  ],
  commands: [
    { tool: 'bash', text: 'curl -fsS https://<gitlab-host>/.well-known/openid-configuration' },
    { tool: 'bash', text: 'curl -fsS https://<gitlab-host>/oauth/discovery/keys' },
  ],
};

export function federationBlockedFixes(ctx: FixContext): Fix[] {
  if (ctx.code === 'AADSTS70052') {
    return [
      {
        title: 'Make the app registration single-tenant',
        steps: ['The Microsoft Entra issuer accepts only single-tenant apps: set signInAudience AzureADMyOrg, and use one service connection per tenant.'],
        commands: [{ tool: 'az', text: entra.singleTenant(ctx.app) }],
      },
    ];
  }
  if (ctx.code === 'AADSTS700222') {
    return [{ title: 'Present the CI\'s own OIDC token', steps: ['Exchange the token your CI issues (or a managed identity token for api://AzureADTokenExchange), not an access token from Entra.'], commands: [] }];
  }
  if (ctx.code === 'AADSTS501661' && ctx.ci === 'gitlab') return [gitlabReachableFix];
  if (ctx.code === 'AADSTS50166' || ctx.code === 'AADSTS90061' || ctx.code === 'AADSTS501661') {
    const issuerFix: Fix = {
      title: "Check that Entra can reach your CI's OIDC issuer",
      steps: [
        "Open the issuer's discovery document from outside your network (<issuer>/.well-known/openid-configuration) and its jwks_uri; a self-hosted issuer must serve both publicly over HTTPS.",
        'If the issuer is Azure DevOps or GitHub, check their status page: this error appears for every pipeline at once during an issuer incident; re-run when it is resolved.',
      ],
      commands: [{ tool: 'bash', text: 'curl -fsS <issuer>/.well-known/openid-configuration' }],
    };
    // Without a detected CI, GitLab's own endpoints are worth naming too (its docs' case).
    return ctx.code === 'AADSTS501661' && ctx.ci === 'unknown' ? [issuerFix, gitlabReachableFix] : [issuerFix];
  }
  if (ctx.code === 'AADSTS900382') {
    return [{ title: 'Use a secret or certificate in this cloud', steps: ['Some sovereign clouds block workload identity federation: authenticate this pipeline with a service principal secret or certificate.'], commands: [] }];
  }
  return [
    {
      title: 'Ask a tenant administrator to allow workload identity federation',
      steps: [
        'Workload identity federation is constrained on the tenant: an administrator must allow your CI\'s issuer (for Azure DevOps, the organization\'s issuer) for the identity type you use.',
        'Azure DevOps: a service connection that federates a managed identity may be allowed where app registrations are not.',
      ],
      commands: [],
    },
  ];
}

function minutesLate(ctx: FixContext): number | undefined {
  const now = Date.parse(ctx.hints['current time'] ?? '');
  const expired = Date.parse(ctx.hints.expires ?? '');
  return Number.isNaN(now) || Number.isNaN(expired) ? undefined : Math.round((now - expired) / 60000);
}

export function lateBy(ctx: FixContext): string {
  const late = minutesLate(ctx);
  return late !== undefined && late > 0 ? ` (presented ${late} min after it expired at ${ctx.hints.expires ?? ''})` : '';
}

export function assertionExpiredFixes(ctx: FixContext): Fix[] {
  const fixes: Fix[] = [];
  if (forCi(ctx, 'github-actions')) {
    fixes.push({
      title: 'GitHub Actions: get the Key Vault token while the OIDC token is fresh',
      steps: [
        'The OIDC token lasts about 5 minutes; request every access token the job needs right after azure/login, or run azure/login again just before a long-running step.',
        'Azure CLI 2.59.0 did not reuse cached tokens; use 2.60.0 or later (azure/cli: `azcliversion`).',
      ],
      commands: [{ tool: 'github-actions', text: snippets.githubEarlyVaultToken }],
    });
  }
  if (forCi(ctx, 'azure-devops')) {
    fixes.push({
      title: 'Azure DevOps: request tokens early, or federate a managed identity',
      steps: [
        'Failing after 10-60 minutes: move the commands that need a token (the Key Vault read) to the beginning of the script; the access token is then cached.',
        'Failing after about an hour: use a workload identity service connection with a managed identity, whose tokens live about 24 hours.',
      ],
      commands: [{ tool: 'az', text: entra.vaultToken('https://vault.azure.net') }],
    });
  }
  fixes.push({ title: 'Check the clock that signs the assertion', steps: ['A self-signed assertion is valid only around its issue time: keep the agent\'s clock synchronised (NTP) and build the assertion in UTC.'], commands: [] });
  return fixes;
}
