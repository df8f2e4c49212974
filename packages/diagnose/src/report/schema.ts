import * as z from 'zod';

/**
 * The contract other tools build on. Within a major version, a minor version only adds optional
 * fields; removing, renaming or retyping a field, or adding an enum value, bumps the major. So the
 * schemas accept any 1.x version and keep fields they do not know (every object is loose): a tool
 * built against 1.1 validates a 1.2 Report, and passes its new fields on untouched.
 */
export const REPORT_VERSION = '1.2.0';
const REPORT_MAJOR = /^1\.\d{1,4}\.\d{1,4}$/;

export const RuleIdSchema = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'rule ids are kebab-case');
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
    source: z.string().url(),
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
    httpStatus: z.number().int().min(100).max(599).optional(),
    errorCode: z.string().min(1).optional(),
    innerErrorCode: z.string().min(1).optional(),
    clientIp: z.string().min(1).optional(),
    clientIpClass: ClientIpClassSchema.optional(),
    clientIpOwner: ClientIpOwnerSchema.optional(),
    vault: z.string().min(1).optional(),
    location: z.string().min(1).optional(),
    appId: z.string().min(1).optional(),
    objectId: z.string().min(1).optional(),
    tenantId: z.string().min(1).optional(),
    objectType: ObjectTypeSchema.optional(),
    objectName: z.string().min(1).optional(),
    requestUrl: z.string().min(1).optional(),
    /** The HTTP method of `requestUrl`, when the log states it. */
    requestMethod: z.enum(['GET', 'PUT', 'POST', 'PATCH', 'DELETE']).optional(),
    apiVersion: z.string().min(1).optional(),
    action: z.string().min(1).optional(),
    aadCode: z.string().regex(/^AADSTS\d+$/).optional(),
    correlationId: z.string().min(1).optional(),
    timestamp: z.string().min(1).optional(),
  });
export type Facts = z.infer<typeof FactsSchema>;

/** Further specifics some families carry (RBAC assignment text, access-policy permission, …). */
export const DetailsSchema = z.looseObject({
    resource: z.string().optional(),
    resourceGroup: z.string().optional(),
    subscriptionId: z.string().optional(),
    assignment: z.string().optional(),
    decisionReason: z.string().optional(),
    denyAssignmentId: z.string().optional(),
    permission: z.string().optional(),
    bypass: z.enum(['AzureServices', 'None']).optional(),
    subnet: z.string().optional(),
    traceId: z.string().optional(),
    callerName: z.string().optional(),
    managedIdentityResourceId: z.string().optional(),
    cloud: z.enum(['public', 'china', 'usgov', 'germany']).optional(),
    managedHsm: z.boolean().optional(),
    via: z.enum(['variable-group', 'azure-key-vault-task', 'terraform', 'az-cli', 'powershell', 'sdk', 'gitlab-secrets', 'portal']).optional(),
    message: z.string().optional(),
  });
export type Details = z.infer<typeof DetailsSchema>;

export const EvidenceSchema = z.looseObject({
  line: z.number().int().positive(),
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

export const CommandSchema = z.looseObject({ tool: CommandToolSchema, text: z.string().min(1) });
export type Command = z.infer<typeof CommandSchema>;

export const FixSchema = z.looseObject({
  title: z.string().min(1),
  steps: z.array(z.string().min(1)),
  commands: z.array(CommandSchema),
});
export type Fix = z.infer<typeof FixSchema>;

export const DocLinkSchema = z.looseObject({ title: z.string().min(1), url: z.string().url() });
export type DocLink = z.infer<typeof DocLinkSchema>;

export const ConfidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.looseObject({
  rule: RuleIdSchema,
  title: z.string().min(1),
  /** The cause in one plain sentence, with the facts filled in. */
  summary: z.string().min(1),
  severity: SeveritySchema,
  confidence: ConfidenceSchema,
  count: z.number().int().positive(),
  facts: FactsSchema,
  details: DetailsSchema,
  evidence: z.array(EvidenceSchema).min(1),
  /** Likely root causes, most likely first. */
  causes: z.array(z.string().min(1)).min(1),
  fixes: z.array(FixSchema).min(1),
  docs: z.array(DocLinkSchema).min(1),
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
  host: HostSchema.optional(),
});
export type Platform = z.infer<typeof PlatformSchema>;

export const ReportSchema = z.looseObject({
  version: z.string().regex(REPORT_MAJOR, 'a 1.x Report version'),
  platform: PlatformSchema,
  findings: z.array(FindingSchema),
  stats: z.looseObject({
    lines: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    /** How many secrets (tokens, keys, signatures, passwords) were masked in the evidence, facts and details. */
    redactions: z.number().int().nonnegative(),
    /** Lines longer than the engine keeps whole (256 KB), read in pieces; counted once per cut. Since 1.1.0. */
    linesCut: z.number().int().nonnegative(),
  }),
});
export type Report = z.infer<typeof ReportSchema>;
