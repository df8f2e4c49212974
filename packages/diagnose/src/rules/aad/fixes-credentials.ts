import type { Fix } from '../../report/schema';
import { entra, snippets } from './commands';
import { forCi, type FixContext } from './fix-context';

const AZDO_CONVERSION = 'https://aka.ms/azdo-rm-workload-identity-conversion';

/** Secrets expire and leak; each CI has a secret-free way in, offered next to the rotation. */
function secretFreeFixes(ctx: FixContext): Fix[] {
  const fixes: Fix[] = [];
  if (forCi(ctx, 'azure-devops')) {
    fixes.push({
      title: 'Azure DevOps: convert the service connection to workload identity federation',
      steps: [`Service connection → Edit → Convert (see ${AZDO_CONVERSION}): the expired secret is replaced by a federated credential that has nothing to rotate.`],
      commands: [],
    });
  }
  if (forCi(ctx, 'github-actions')) {
    fixes.push({
      title: 'GitHub Actions: log in with OIDC instead of a secret',
      steps: ['Give azure/login `client-id`, `tenant-id` and `subscription-id` (no `creds`), add `permissions: id-token: write`, and a federated credential for the job\'s subject.'],
      commands: [{ tool: 'github-actions', text: snippets.githubIdToken }],
    });
  }
  return fixes;
}

function rotateFix(ctx: FixContext, title: string, lead: string[]): Fix {
  return {
    title,
    steps: [
      ...lead,
      'The command prints `password`: that is the secret value. Store it in the pipeline\'s secret (GitHub secret, service connection, CI/CD variable); the secret ID the portal shows next to it is not the value.',
      '`--append` keeps the other secrets, so nothing else breaks; delete the old secret once every consumer uses the new one.',
    ],
    commands: [
      { tool: 'az', text: entra.secretList(ctx.app) },
      { tool: 'az', text: entra.secretReset(ctx.app) },
    ],
  };
}

export function secretInvalidFixes(ctx: FixContext): Fix[] {
  return [rotateFix(ctx, 'Create a new client secret and store its value', ['Check whether the pipeline holds the secret\'s value (not its ID) and that it was not truncated or quoted.']), ...secretFreeFixes(ctx)];
}

export function secretExpiredFixes(ctx: FixContext): Fix[] {
  return [rotateFix(ctx, 'Rotate the expired client secret', ['Every secret of the app is past its end date (the list shows `expires`).']), ...secretFreeFixes(ctx)];
}

export function credentialMissingFixes(ctx: FixContext): Fix[] {
  const fixes: Fix[] = [];
  if (forCi(ctx, 'azure-devops')) {
    fixes.push({
      title: 'Azure DevOps: map the secret variable into the step',
      steps: ['Secret variables are not given to scripts automatically: map each one with `env:`; a variable group must also be linked to the pipeline.'],
      commands: [{ tool: 'azure-pipelines', text: snippets.azdoSecretEnv(ctx.code === 'AADSTS900144' ? 'AZURE_CLIENT_ID' : 'AZURE_CLIENT_SECRET') }],
    });
  }
  if (forCi(ctx, 'github-actions')) {
    fixes.push({ title: 'GitHub Actions: make sure the secret reaches the job', steps: ['Secrets are empty in workflows triggered from forks and, unless defined as Dependabot secrets, for Dependabot; check the secret name and the environment that holds it.'], commands: [] });
  }
  if (forCi(ctx, 'gitlab')) {
    fixes.push({ title: 'GitLab: make sure the variable reaches the job', steps: ['Protected CI/CD variables are passed only to pipelines on protected branches and tags.'], commands: [] });
  }
  fixes.push({ title: 'Fail early on an empty credential', steps: ['Test that the client id and the secret (or federated token) variables are non-empty before logging in, and print which one is missing.'], commands: [] });
  return fixes;
}

export function certificateFixes(ctx: FixContext): Fix[] {
  const thumbprint = ctx.hints.thumbprint;
  return [
    {
      title: 'Register the signing certificate on the app',
      steps: [
        thumbprint !== undefined ? `The assertion was signed with the certificate whose thumbprint is ${thumbprint}; compare it with the app's certificates.` : 'Compare the thumbprint of the certificate the pipeline uses with the app\'s certificates.',
        'Upload the public part (PEM or CER) of the certificate the pipeline signs with; `--append` keeps the others.',
      ],
      commands: [
        { tool: 'az', text: entra.certificateList(ctx.app) },
        { tool: 'az', text: entra.certificateUpload(ctx.app) },
      ],
    },
  ];
}

export function appNotFoundFixes(ctx: FixContext): Fix[] {
  const directory = ctx.hints.directory;
  return [
    {
      title: 'Use the client id and tenant id of one and the same app',
      steps: [
        `Run these where you can sign in to the tenant the pipeline uses${directory !== undefined ? ` (the message names the directory '${directory}')` : ''}: the app must exist there.`,
        'GitHub: the AZURE_CLIENT_ID / AZURE_TENANT_ID secrets (or azure/login `client-id`, `tenant-id`); GitLab: the AZURE_CLIENT_ID / AZURE_TENANT_ID variables; Azure DevOps: the service connection\'s Service Principal Id and Tenant Id.',
      ],
      commands: [
        { tool: 'az', text: entra.servicePrincipalShow(ctx.app) },
        { tool: 'az', text: entra.tenantOfSubscription() },
      ],
    },
    ...(forCi(ctx, 'azure-devops')
      ? [{ title: 'Azure DevOps: recreate the service connection', steps: ['If the identity behind the connection was deleted or removed from it, create the service connection again (or re-select an existing identity).'], commands: [] }]
      : []),
  ];
}

export function appDisabledFixes(ctx: FixContext): Fix[] {
  return [
    {
      title: 'Enable the service principal',
      steps: ['A tenant administrator can re-enable a service principal that was disabled in the tenant; an app disabled by Microsoft (disabledByMicrosoftStatus) needs a support case or a new app.'],
      commands: [
        { tool: 'az', text: entra.servicePrincipalShow(ctx.app) },
        { tool: 'az', text: entra.servicePrincipalEnable(ctx.app) },
      ],
    },
  ];
}

// The Azure CLI's own client id: a 65001 naming it means a person ran az login, and the custom
// API must pre-authorize the CLI (it is not an app of the tenant that admin-consent could target).
const AZURE_CLI_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

export function consentFixes(ctx: FixContext): Fix[] {
  const pipelineAsPrincipal = "Better: log the pipeline in as a service principal or managed identity, which needs role assignments on the vault instead of user consent.";
  if (ctx.facts.appId === AZURE_CLI_CLIENT_ID) {
    return [
      {
        title: 'Pre-authorize the Azure CLI on the API, or sign in as a service principal',
        steps: [
          `${AZURE_CLI_CLIENT_ID} is the Azure CLI: a user signed in with az login asked for a token to an API that has not consented to the CLI.`,
          'In the API\'s app registration → Expose an API → Add a client application: add the Azure CLI client id for the scope it needs.',
          pipelineAsPrincipal,
        ],
        commands: [],
      },
    ];
  }
  return [
    {
      title: 'Grant admin consent, or sign in as a service principal',
      steps: ['A pipeline cannot answer a consent prompt: an administrator grants consent for the client application once.', pipelineAsPrincipal],
      commands: [{ tool: 'az', text: entra.adminConsent(ctx.app) }],
    },
  ];
}
