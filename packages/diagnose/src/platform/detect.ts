import type { Platform } from '../report/schema';

/** A log with no runner banner, and `explain` without any log: advice that fits every CI. */
export const UNKNOWN_PLATFORM: Platform = { ci: 'unknown', agent: 'unknown', host: 'unknown' };

type Host = NonNullable<Platform['host']>;

interface HostSign {
  readonly re: RegExp;
  readonly host: Host;
  /** A second sign that must also appear somewhere in the log (in this text or another one fed). */
  readonly also?: RegExp;
}

// Words each hosting service prints around a Key Vault call it makes with its own identity. Order
// matters: Synapse pipelines also have linked services, and a function app is an App Service app,
// so the specific sign comes first.
const HOST_SIGNS: readonly HostSign[] = [
  // Kubelet's FailedMount event and the provider's log name the driver, its CRD or its pods.
  // The Azure provider's own words (`failed to mount objects, error: failed to get keyvault client`)
  // arrive without kubelet's prefix when only the provider log is pasted.
  // The driver serves the GCP, AWS and Vault providers too: only Azure's counts.
  {
    re: /failed to mount secrets store objects|failed to mount objects, error:|SecretProviderClass|secrets-store\.csi\.k8s\.io|secrets-store-provider-azure|secrets-store-csi-driver/i,
    host: 'aks-csi-driver',
    also: /key ?vault|vault\.azure|azure/i,
  },
  { re: /\bSynapse\b|azuresynapse\.net|mssparkutils|TokenLibrary/i, host: 'synapse' },
  // Data Factory's copy runtime (Microsoft.DataTransfer, ErrorCode=Akv…) also runs Synapse pipelines.
  { re: /Data ?Factory|\bADF\b|linked ?service|AzureKeyVaultSecret\b|Failed to get the secret from key vault|Microsoft\.DataTransfer|ErrorCode=Akv/i, host: 'data-factory' },
  { re: /Databricks|dbutils\.secrets|secret scope/i, host: 'databricks' },
  { re: /Azure Functions|\bfunction ?app\b|Microsoft\.Azure\.WebJobs|AzureWebJobs/i, host: 'functions' },
  // The portal's reference status, its codes, and the reference syntax itself.
  { re: /\bAccessToKeyVaultDenied\b|\bMSINotEnabled\b|keyVaultReferenceIdentity|@Microsoft\.KeyVault\(|Key ?Vault references?\b|App Service|azurewebsites\.net/i, host: 'app-service' },
];

interface Sign {
  readonly re: RegExp;
  readonly ci?: Platform['ci'];
  readonly agent?: Platform['agent'];
}

// Runner banners each CI prints at the top of a job, and the names hosted agents carry. Order
// matters: specific signs (a hosted agent's name) come before generic ones.
const SIGNS: readonly Sign[] = [
  { re: /Agent name: 'Azure Pipelines \d+'|Agent machine name: 'fv-az|Pool: Azure Pipelines\b/, ci: 'azure-devops', agent: 'microsoft-hosted' },
  { re: /##\[section\]|##vso\[|Agent name: '|AzureKeyVault@\d|AzureCLI@\d|TF400898|Failed to query service connection API|Script failed with error:/, ci: 'azure-devops' },
  { re: /Runner name: 'GitHub Actions \d+'|Hosted Compute Agent/, ci: 'github-actions', agent: 'github-hosted' },
  { re: /Current runner version: '|##\[group\]Run |azure\/login@|GITHUB_(?:ACTIONS|WORKFLOW|RUN_ID)|ACTIONS_ID_TOKEN_REQUEST_URL|Federated token details:/, ci: 'github-actions' },
  { re: /\.saas-linux-[a-z0-9-]{1,40}\.runners-manager\.gitlab\.com/, ci: 'gitlab', agent: 'gitlab-hosted' },
  { re: /Running with gitlab-runner|Using (?:Docker|Shell|Kubernetes|docker-autoscaler) executor|section_start:\d+:/, ci: 'gitlab' },
  { re: /Runner name: '(?!GitHub Actions)|Agent name: '(?!Azure Pipelines)|Running on [A-Za-z0-9-]{1,60}\.\.\.$/m, agent: 'self-hosted' },
];

/** Accumulates evidence of which CI produced a log; the first sign of each kind wins. */
export class PlatformDetector {
  private ci: Platform['ci'] = 'unknown';
  private agent: Platform['agent'] = 'unknown';
  private host: Host = 'unknown';
  /** Hosts whose main sign was seen, and hosts whose second sign was: both make the host. */
  private readonly mainSeen = new Set<Host>();
  private readonly alsoSeen = new Set<Host>();

  feed(text: string): void {
    this.feedHost(text);
    for (const s of SIGNS) {
      if (this.ci !== 'unknown' && this.agent !== 'unknown') return;
      if (s.ci !== undefined && this.ci !== 'unknown' && this.ci !== s.ci) continue;
      const wantsCi = s.ci !== undefined && this.ci === 'unknown';
      const wantsAgent = s.agent !== undefined && this.agent === 'unknown';
      if ((wantsCi || wantsAgent) && s.re.test(text)) {
        if (wantsCi && s.ci) this.ci = s.ci;
        if (wantsAgent && s.agent) this.agent = s.agent;
      }
    }
  }

  /** The first host sign wins, except that an App Service app later shown to be a function app is one. */
  private feedHost(text: string): void {
    if (this.host !== 'unknown' && this.host !== 'app-service') return;
    for (const s of HOST_SIGNS) {
      if (this.host === 'app-service' && s.host !== 'functions') continue;
      if (!this.mainSeen.has(s.host) && s.re.test(text)) this.mainSeen.add(s.host);
      if (s.also !== undefined && !this.alsoSeen.has(s.host) && s.also.test(text)) this.alsoSeen.add(s.host);
      if (this.mainSeen.has(s.host) && (s.also === undefined || this.alsoSeen.has(s.host))) {
        this.host = s.host;
        return;
      }
    }
  }

  result(): Platform {
    return { ci: this.ci, agent: this.agent, host: this.host };
  }
}
