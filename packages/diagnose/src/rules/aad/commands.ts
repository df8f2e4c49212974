import { sh, type Value } from '../../fixes/quote';

export interface FederatedCredential {
  readonly name: Value;
  readonly issuer: Value;
  readonly subject: Value;
  readonly audience: Value;
}

const known = (text: string): Value => ({ known: true, text });

/** A credential name Entra accepts (letters, digits, '-' and '_', at most 120) derived from the subject. */
export function credentialName(subject: Value): Value {
  if (!subject.known) return { known: false, text: '<credential-name>' };
  const slug = subject.text
    .split(/[^A-Za-z0-9_]+/)
    .filter((part) => part.length > 0)
    .join('-')
    .slice(0, 120);
  return slug.length >= 3 ? known(slug) : { known: false, text: '<credential-name>' };
}

/** Entra app registration commands of the Azure CLI, quoted for bash. */
export const entra = {
  federatedCredentialCreate: (app: Value, c: FederatedCredential): string => {
    const json = JSON.stringify({ name: c.name.text, issuer: c.issuer.text, subject: c.subject.text, audiences: [c.audience.text] });
    return `az ad app federated-credential create --id ${sh(app)} --parameters ${sh(known(json))}`;
  },
  federatedCredentialList: (app: Value): string =>
    `az ad app federated-credential list --id ${sh(app)} --query "[].{name:name, issuer:issuer, subject:subject, audiences:join(',', audiences)}" --output table`,
  identityFederatedCredentialCreate: (c: FederatedCredential): string =>
    `az identity federated-credential create --name ${sh(c.name)} --identity-name <identity-name> --resource-group <resource-group> --issuer ${sh(c.issuer)} --subject ${sh(c.subject)} --audiences ${sh(c.audience)}`,
  secretReset: (app: Value): string => `az ad app credential reset --id ${sh(app)} --append`,
  secretList: (app: Value): string =>
    `az ad app credential list --id ${sh(app)} --query "[].{name:displayName, keyId:keyId, expires:endDateTime}" --output table`,
  certificateList: (app: Value): string => `az ad app credential list --id ${sh(app)} --cert`,
  certificateUpload: (app: Value): string => `az ad app credential reset --id ${sh(app)} --cert @<certificate.pem> --append`,
  servicePrincipalShow: (app: Value): string => `az ad sp show --id ${sh(app)} --query "{appId:appId, name:displayName, enabled:accountEnabled}"`,
  servicePrincipalEnable: (app: Value): string => `az ad sp update --id ${sh(app)} --set accountEnabled=true`,
  appByName: (name: Value): string => `az ad app list --display-name ${sh(name)} --query "[].{appId:appId, objectId:id}" --output table`,
  singleTenant: (app: Value): string => `az ad app update --id ${sh(app)} --sign-in-audience AzureADMyOrg`,
  adminConsent: (app: Value): string => `az ad app permission admin-consent --id ${sh(app)}`,
  vaultToken: (resource: string): string => `az account get-access-token --resource ${resource} --output none`,
  cloudSet: (cloud: string): string => `az cloud set --name ${cloud}`,
  tenantOfSubscription: (): string => 'az account show --query tenantId --output tsv',
};

export const snippets = {
  githubIdToken: ['permissions:', '  id-token: write', '  contents: read'].join('\n'),
  // The GitLab docs' job: the id token's `aud` must equal the federated credential's audience.
  gitlabIdToken: [
    'job:',
    '  id_tokens:',
    '    AZURE_JWT:',
    "      aud: 'https://gitlab.com'",
    '  secrets:',
    '    <VARIABLE>:',
    '      token: $AZURE_JWT',
    '      azure_key_vault:',
    "        name: '<secret-name>'",
  ].join('\n'),
  // Secret variables reach a script only through env:, so an unmapped one arrives empty.
  azdoSecretEnv: (variable: string): string => ['- script: ./deploy.sh', '  env:', `    ${variable}: $(${variable})`].join('\n'),
  githubEarlyVaultToken: ['- name: Get the Key Vault token while the OIDC token is fresh', '  run: az account get-access-token --resource https://vault.azure.net --output none'].join('\n'),
};
