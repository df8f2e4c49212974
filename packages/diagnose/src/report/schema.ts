import * as z from 'zod/mini';
import { ensureEnglishMessages } from '../zod-messages';

ensureEnglishMessages();

/**
 * The contract other tools build on. Within a major version, a minor version only adds optional
 * fields; removing, renaming or retyping a field, or adding an enum value, bumps the major. So the
 * schemas accept any 1.x version and keep fields they do not know (every object is loose): a tool
 * built against 1.1 validates a 1.2 Report, and passes its new fields on untouched.
 */
export const REPORT_VERSION = '1.2.0';
const REPORT_MAJOR = /^1\.\d{1,4}\.\d{1,4}$/;

/** A string that is not empty. */
const NonEmptySchema = z.string().check(z.minLength(1));

export const RuleIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'rule ids are kebab-case'));
export type RuleId = z.infer<typeof RuleIdSchema>;

/** How a client address is classed; each class changes the advice (only a public IPv4 fits an IP rule). */
export const ClientIpClassSchema = z.enum([
  'public-ipv4',
  'private-ipv4',
  'cgnat',
  'loopback',
  'link-local',
  'reserved-ipv4',
  'public-ipv6',
  'private-ipv6',
]);
export type ClientIpClass = z.infer<typeof ClientIpClassSchema>;

/** Who owns a public client address, from bundled or imported range data, with the data's source. */
export const ClientIpOwnerSchema = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('azure-devops'),
    geography: z.string(),
    range: z.string(),
    list: z.string(),
    source: z.url(),
    asOf: z.string(),
  }),
  z.looseObject({
    kind: z.literal('azure'),
    region: z.string(),
    serviceTag: z.string(),
    range: z.string(),
    source: z.string(),
    asOf: z.string(),
  }),
  z.looseObject({ kind: z.literal('unknown') }),
]);
export type ClientIpOwner = z.infer<typeof ClientIpOwnerSchema>;

export const ObjectTypeSchema = z.enum(['secret', 'key', 'certificate', 'storage']);
export type ObjectType = z.infer<typeof ObjectTypeSchema>;

/** Facts found in the text; a field is absent when the text does not state it (masked values are never facts). */
export const FactsSchema = z.looseObject({
    httpStatus: z.optional(z.int().check(z.minimum(100), z.maximum(599))),
    errorCode: z.optional(NonEmptySchema),
    innerErrorCode: z.optional(NonEmptySchema),
    clientIp: z.optional(NonEmptySchema),
    clientIpClass: z.optional(ClientIpClassSchema),
    clientIpOwner: z.optional(ClientIpOwnerSchema),
    vault: z.optional(NonEmptySchema),
    location: z.optional(NonEmptySchema),
    appId: z.optional(NonEmptySchema),
    objectId: z.optional(NonEmptySchema),
    tenantId: z.optional(NonEmptySchema),
    objectType: z.optional(ObjectTypeSchema),
    objectName: z.optional(NonEmptySchema),
    requestUrl: z.optional(NonEmptySchema),
    /** The HTTP method of `requestUrl`, when the log states it. */
    requestMethod: z.optional(z.enum(['GET', 'PUT', 'POST', 'PATCH', 'DELETE'])),
    apiVersion: z.optional(NonEmptySchema),
    action: z.optional(NonEmptySchema),
    aadCode: z.optional(z.string().check(z.regex(/^AADSTS\d+$/))),
    correlationId: z.optional(NonEmptySchema),
    timestamp: z.optional(NonEmptySchema),
  });
export type Facts = z.infer<typeof FactsSchema>;

/** Further specifics some families carry (RBAC assignment text, access-policy permission, …). */
export const DetailsSchema = z.looseObject({
    resource: z.optional(z.string()),
    resourceGroup: z.optional(z.string()),
    subscriptionId: z.optional(z.string()),
    assignment: z.optional(z.string()),
    decisionReason: z.optional(z.string()),
    denyAssignmentId: z.optional(z.string()),
    permission: z.optional(z.string()),
    bypass: z.optional(z.enum(['AzureServices', 'None'])),
    subnet: z.optional(z.string()),
    traceId: z.optional(z.string()),
    callerName: z.optional(z.string()),
    managedIdentityResourceId: z.optional(z.string()),
    cloud: z.optional(z.enum(['public', 'china', 'usgov', 'germany'])),
    managedHsm: z.optional(z.boolean()),
    via: z.optional(z.enum(['variable-group', 'azure-key-vault-task', 'terraform', 'az-cli', 'powershell', 'sdk', 'gitlab-secrets', 'portal'])),
    message: z.optional(z.string()),
  });
export type Details = z.infer<typeof DetailsSchema>;

export const EvidenceSchema = z.looseObject({
  line: z.int().check(z.positive()),
  text: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const CommandToolSchema = z.enum([
  'az',
  'powershell',
  'bicep',
  'terraform',
  'azure-pipelines',
  'github-actions',
  'gitlab-ci',
  'bash',
]);
export type CommandTool = z.infer<typeof CommandToolSchema>;

export const CommandSchema = z.looseObject({ tool: CommandToolSchema, text: NonEmptySchema });
export type Command = z.infer<typeof CommandSchema>;

export const FixSchema = z.looseObject({
  title: NonEmptySchema,
  steps: z.array(NonEmptySchema),
  commands: z.array(CommandSchema),
});
export type Fix = z.infer<typeof FixSchema>;

export const DocLinkSchema = z.looseObject({ title: NonEmptySchema, url: z.url() });
export type DocLink = z.infer<typeof DocLinkSchema>;

export const ConfidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.looseObject({
  rule: RuleIdSchema,
  title: NonEmptySchema,
  /** The cause in one plain sentence, with the facts filled in. */
  summary: NonEmptySchema,
  severity: SeveritySchema,
  confidence: ConfidenceSchema,
  count: z.int().check(z.positive()),
  facts: FactsSchema,
  details: DetailsSchema,
  evidence: z.array(EvidenceSchema).check(z.minLength(1)),
  /** Likely root causes, most likely first. */
  causes: z.array(NonEmptySchema).check(z.minLength(1)),
  fixes: z.array(FixSchema).check(z.minLength(1)),
  docs: z.array(DocLinkSchema).check(z.minLength(1)),
});
export type Finding = z.infer<typeof FindingSchema>;

export const CiSchema = z.enum(['azure-devops', 'github-actions', 'gitlab', 'unknown']);
export const AgentSchema = z.enum(['microsoft-hosted', 'github-hosted', 'gitlab-hosted', 'self-hosted', 'unknown']);
/**
 * The hosting service the failing call ran in, when it has its own identity and network path to the
 * vault: the AKS Secrets Store CSI driver, an App Service or Functions Key Vault reference, a Data
 * Factory or Synapse linked service, a Databricks Key Vault-backed secret scope.
 */
export const HostSchema = z.enum(['aks-csi-driver', 'app-service', 'functions', 'data-factory', 'synapse', 'databricks', 'unknown']);
export const PlatformSchema = z.looseObject({
  ci: CiSchema,
  agent: AgentSchema,
  /** Where the caller ran (see HostSchema). Since 1.2.0; absent in 1.0 and 1.1 Reports. */
  host: z.optional(HostSchema),
});
export type Platform = z.infer<typeof PlatformSchema>;

export const ReportSchema = z.looseObject({
  version: z.string().check(z.regex(REPORT_MAJOR, 'a 1.x Report version')),
  platform: PlatformSchema,
  findings: z.array(FindingSchema),
  stats: z.looseObject({
    lines: z.int().check(z.nonnegative()),
    bytes: z.int().check(z.nonnegative()),
    /** How many secrets (tokens, keys, signatures, passwords) were masked in the evidence, facts and details. */
    redactions: z.int().check(z.nonnegative()),
    /** Lines longer than the engine keeps whole (256 KB), read in pieces; counted once per cut. Since 1.1.0. */
    linesCut: z.int().check(z.nonnegative()),
  }),
});
export type Report = z.infer<typeof ReportSchema>;
