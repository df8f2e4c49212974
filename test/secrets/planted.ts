import { fixtures } from '../../packages/diagnose/src/rules/firewall/fixtures';
import { Fake } from './fake';

/** One planted secret: the log lines that carry it (after a refusal), or the refusal's URL changed to carry it. */
export interface Planted {
  readonly name: string;
  /** Lines right after the refusal line, inside its evidence. */
  readonly lines?: readonly string[];
  /** The refusal's request URL with the secret in it. */
  readonly url?: string;
  /** The secret as it stands in the log (and any other spelling of it that output could show). */
  readonly secrets: readonly string[];
}

const f = new Fake(20261203);
const jwt = f.jwt(1800);
const idToken = f.jwt(900);
const [e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12] = Array.from({ length: 12 }, () => f.entraSecret());
const eTilde = f.entraSecret('~');
const eDot = f.entraSecret('.');
const eDash = f.entraSecret('-');
const opaque = f.alnum(40);
const basic = f.base64(24);
const [p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11] = Array.from({ length: 11 }, () => f.password(18));
const storageKey = f.base64(64);
const armKey = f.base64(64);
const busKey = f.base64(32);
const [sig1, sig2, sig3, sig4, sig5] = Array.from({ length: 5 }, () => `${f.base64url(30)}%2B${f.alnum(10)}%3D`);
const pat = f.azureDevOpsPat();
const pat2 = f.azureDevOpsPat();
const ghp = `ghp_${f.alnum(36)}`;
const ghs = `ghs_${f.alnum(36)}`;
const fineGrained = `github_pat_${f.alnum(22)}_${f.alnum(59)}`;
const glpat = `glpat-${f.base64url(20)}`;
const npm = `npm_${f.alnum(36)}`;
const pemBody = [f.base64(48), f.base64(48), f.base64(30)];
const kvValue = f.password(24);
const mask1 = f.alnum(24);
const out1 = f.alnum(24);
const vso = f.password(20);
const runtime = f.base64url(60);
const requestToken = f.base64url(60);
const sysToken = f.lower(52);
const certPw = f.password(16);
const refresh = `0.A${f.base64url(120)}`;
const awsSecret = f.base64(30);
const long = 'x'.repeat(470);

export const PLANTED: readonly Planted[] = [
  // Bearer tokens and JWTs
  { name: 'JWT after Authorization: Bearer', lines: [`Authorization: Bearer ${jwt}`], secrets: [jwt] },
  { name: 'JWT in a JSON token response', lines: [`{"token_type":"Bearer","expires_in":3599,"access_token":"${idToken}"}`], secrets: [idToken] },
  { name: 'JWT in escaped JSON', lines: [`"{\\"access_token\\":\\"${idToken}\\",\\"token_type\\":\\"Bearer\\"}"`], secrets: [idToken] },
  { name: 'JWT longer than the evidence cut, late in a long line', lines: [`${long} Authorization: Bearer ${jwt}`], secrets: [jwt] },
  { name: 'JWT wrapped over three lines', lines: [jwt.slice(0, 600), jwt.slice(600, 1200), jwt.slice(1200)], secrets: [jwt] },
  { name: 'JWT as client_assertion in a form body', lines: [`grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=${idToken}&scope=x`], secrets: [idToken] },
  { name: 'Bearer with several spaces', lines: [`curl -H "Authorization: Bearer      ${opaque}" https://kv.vault.azure.net/`], secrets: [opaque] },
  { name: 'Bearer in a JSON header dump', lines: [`{"headers":{"Authorization":"Bearer ${opaque}"}}`], secrets: [opaque] },
  { name: 'Authorization: Basic', lines: [`Authorization: Basic ${basic}`], secrets: [basic] },
  { name: 'refresh_token in JSON', lines: [`{"refresh_token":"${refresh}"}`], secrets: [refresh] },
  // Entra client secrets
  { name: 'client secret in a token request body', lines: [`POST /oauth2/v2.0/token client_id=2c5a35cb-ef1f-4659-98a2-dca8761c0def&client_secret=${e1}&grant_type=client_credentials`], secrets: [e1] },
  { name: 'client secret starting with "~"', lines: [`secret value ${eTilde} set`], secrets: [eTilde] },
  { name: 'client secret starting with "."', lines: [`secret value ${eDot} set`], secrets: [eDot] },
  { name: 'client secret starting with "-"', lines: [`secret value ${eDash} set`], secrets: [eDash] },
  { name: 'client secret glued after %3D', lines: [`body=client_secret%3D${e2}%26scope%3Dhttps`], secrets: [e2] },
  { name: 'client_secret = with spaces', lines: [`client_secret = ${e3}`], secrets: [e3] },
  { name: '--client-secret=VALUE', lines: [`azcopy login --service-principal --application-id x --client-secret=${e4}`], secrets: [e4] },
  { name: '--client-secret VALUE', lines: [`az ad sp credential reset --id x --client-secret ${e5}`], secrets: [e5] },
  { name: 'AZURE_CLIENT_SECRET env line', lines: [`  AZURE_CLIENT_SECRET: ${e6}`], secrets: [e6] },
  { name: 'ARM_CLIENT_SECRET env line', lines: [`ARM_CLIENT_SECRET=${e7}`], secrets: [e7] },
  { name: 'client-secret: YAML', lines: ['with:', `  client-secret: ${e8}`], secrets: [e8] },
  { name: 'clientSecret in azure/login creds JSON', lines: [`creds: {"clientId":"2c5a35cb-ef1f-4659-98a2-dca8761c0def","clientSecret":"${e9}","tenantId":"a1a2578a-8fd3-4595-bb18-7d17df8944b0"}`], secrets: [e9] },
  { name: 'client secret crossing the evidence cut', lines: [`${'y'.repeat(480)} client_secret=${e10}`], secrets: [e10] },
  { name: 'client secret on the line after its name', lines: ['client_secret=', e11], secrets: [e11] },
  { name: 'client secret split across a line break', lines: [`client secret ${e12.slice(0, 20)}`, e12.slice(20)], secrets: [e12] },
  { name: '-ServicePrincipalKey', lines: [`New-AzStorageContext -ServicePrincipalKey ${e1} -TenantId t`], secrets: [e1] },
  // SAS
  { name: 'SAS sig in a URL query', lines: [`GET https://acct.blob.core.windows.net/c/b?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01&sig=${sig1}`], secrets: [sig1] },
  { name: 'SAS sig as JSON', lines: [`{"sv":"2022-11-02","se":"2026-01-01","sig":"${sig2}"}`], secrets: [sig2] },
  { name: 'SAS sig leading its line', lines: [`sig=${sig3}&se=2026-01-01`], secrets: [sig3] },
  { name: 'SAS sig URL-encoded', lines: [`redirect=https%3A%2F%2Facct.blob.core.windows.net%2Fc%3Fsv%3D2022-11-02%26sig%3D${sig4}%26se%3D2026`], secrets: [sig4] },
  { name: 'SAS sig in the refusal request URL', url: `https://kvplant.vault.azure.net/secrets?api-version=2016-10-01&sig=${sig5}`, secrets: [sig5] },
  { name: 'client_secret in the refusal request URL', url: `https://kvplant.vault.azure.net/;client_secret=${e3}`, secrets: [e3] },
  { name: 'access_token in the refusal request URL', url: `https://kvplant.vault.azure.net/secrets?api-version=7.4&access_token=${idToken}`, secrets: [idToken] },
  // Keys and connection strings
  { name: 'storage AccountKey in a connection string', lines: [`DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${storageKey};EndpointSuffix=core.windows.net`], secrets: [storageKey] },
  { name: 'ARM_ACCESS_KEY', lines: [`ARM_ACCESS_KEY=${armKey}`], secrets: [armKey] },
  { name: 'storage key list JSON value', lines: ['[{"keyName":"key1","permissions":"FULL",', `"value":"${storageKey}"}]`], secrets: [storageKey] },
  { name: 'Service Bus SharedAccessKey', lines: [`Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${busKey}`], secrets: [busKey] },
  { name: 'SQL connection string Password', lines: [`Server=tcp:db.database.windows.net,1433;User ID=app;Password=${p1};Encrypt=True`], secrets: [p1] },
  { name: 'Key Vault secret value in a response', lines: [`{"value":"${kvValue}","id":"https://kvplant.vault.azure.net/secrets/db/0123456789abcdef0123456789abcdef","attributes":{"enabled":true}}`], secrets: [kvValue] },
  { name: 'aws_secret_access_key', lines: [`aws_secret_access_key = ${awsSecret}`], secrets: [awsSecret] },
  // Passwords
  { name: 'password in JSON', lines: [`{"username":"admin","password":"${p2}"}`], secrets: [p2] },
  { name: 'password in YAML', lines: [`  password: ${p3}`], secrets: [p3] },
  { name: 'password in escaped JSON', lines: [`{\\"adminPassword\\":{\\"value\\":\\"${p4}\\"},\\"password\\":\\"${p4}\\"}`], secrets: [p4] },
  { name: 'password URL-encoded in a form body', lines: [`username=admin&password=${encodeURIComponent(p5)}&grant_type=password`], secrets: [encodeURIComponent(p5)] },
  { name: 'az login -p', lines: [`az login --service-principal -u 2c5a35cb-ef1f-4659-98a2-dca8761c0def -p ${p6} --tenant t`], secrets: [p6] },
  { name: 'az login --password', lines: [`az login --service-principal --username app --password '${p7}' --tenant t`], secrets: [p7] },
  { name: 'ConvertTo-SecureString', lines: [`$secure = ConvertTo-SecureString '${p8}' -AsPlainText -Force`], secrets: [p8] },
  { name: 'ConvertTo-SecureString -String', lines: [`$secure = ConvertTo-SecureString -String "${p9}" -AsPlainText -Force`], secrets: [p9] },
  { name: 'AZURE_CLIENT_CERTIFICATE_PASSWORD', lines: [`AZURE_CLIENT_CERTIFICATE_PASSWORD=${certPw}`], secrets: [certPw] },
  { name: 'password on the line after its name', lines: ['password:', `  ${p10}`], secrets: [p10] },
  { name: 'docker login -p', lines: [`docker login myregistry.azurecr.io -u app -p ${p11}`], secrets: [p11] },
  // CI and source-control tokens
  { name: 'Azure DevOps PAT as a git URL user', lines: [`git clone https://${pat}@dev.azure.com/org/project/_git/repo`], secrets: [pat] },
  { name: 'Azure DevOps PAT as a git URL password', lines: [`git remote add origin https://build:${pat2}@dev.azure.com/org/project/_git/repo`], secrets: [pat2] },
  { name: 'SYSTEM_ACCESSTOKEN', lines: [`SYSTEM_ACCESSTOKEN=${sysToken}`], secrets: [sysToken] },
  { name: 'ACTIONS_RUNTIME_TOKEN', lines: [`ACTIONS_RUNTIME_TOKEN: ${runtime}`], secrets: [runtime] },
  { name: 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', lines: [`ACTIONS_ID_TOKEN_REQUEST_TOKEN=${requestToken}`], secrets: [requestToken] },
  { name: 'GitHub classic PAT', lines: [`git push https://x:${ghp}@github.com/o/r.git`], secrets: [ghp] },
  { name: 'GitHub app token as x-access-token', lines: [`https://x-access-token:${ghs}@github.com/o/r`], secrets: [ghs] },
  { name: 'GitHub fine-grained PAT', lines: [`GH_TOKEN=${fineGrained}`], secrets: [fineGrained] },
  { name: 'GitLab PAT', lines: [`curl --header "PRIVATE-TOKEN: ${glpat}" https://gitlab.com/api/v4/projects`], secrets: [glpat] },
  { name: 'npm token in .npmrc', lines: [`//registry.npmjs.org/:_authToken=${npm}`], secrets: [npm] },
  { name: '::add-mask::', lines: [`::add-mask::${mask1}`], secrets: [mask1] },
  { name: '::set-output', lines: [`::set-output name=token::${out1}`], secrets: [out1] },
  { name: 'Azure DevOps secret variable', lines: [`##vso[task.setvariable variable=dbPassword;issecret=true]${vso}`], secrets: [vso] },
  // Private keys
  { name: 'PEM private key block', lines: ['-----BEGIN RSA PRIVATE KEY-----', ...pemBody.slice(0, 2), '-----END RSA PRIVATE KEY-----'], secrets: pemBody.slice(0, 2) },
  { name: 'PEM private key in one JSON string', lines: [`{"key":"-----BEGIN PRIVATE KEY-----\\n${pemBody.join('\\n')}\\n-----END PRIVATE KEY-----\\n"}`], secrets: pemBody },
];

const SEED = fixtures[0]?.text ?? '';
const SEED_URL = 'https://hypervmigratio98a5kv.vault.azure.net/secrets?api-version=2016-10-01';

/** The vault each case's refusal names, so each is its own finding. */
export function vaultOf(index: number): string {
  return `kvplant${index}`;
}

/** A Key Vault firewall refusal (the seed fixture, as an Azure DevOps error line) with the case's lines after it. */
export function caseLog(p: Planted, index: number): string {
  const vault = vaultOf(index);
  const refusal = SEED.replace(SEED_URL, (p.url ?? SEED_URL).replace('kvplant', vault)).replaceAll('hypervmigratio98a5kv', vault).replace('40.82.190.38', `52.160.${index}.10`);
  return [`2024-05-06T14:02:11.0000000Z ##[error]${refusal}`, ...(p.lines ?? []).map((l) => `2024-05-06T14:02:11.5000000Z ${l}`)].join('\n');
}

/** Every case in one job log, each refusal its own message. */
export function corpusLog(): string {
  return ['2024-05-06T14:02:10.0000000Z ##[section]Starting: Download secrets', ...PLANTED.map(caseLog)].join('\n') + '\n';
}
