export { diagnose, createDiagnoser, type DiagnoseOptions, type Diagnoser } from './diagnose';
export { explain, type ExplainOutcome, type ExplainResult } from './explain';
export { redact, type Redacted } from './redact/redact';
export { echoCode } from './redact/echo-code';
export type { SecretKind } from './redact/detector';
export { htmlToText } from './normalise/html-to-text';
export { looksLikeHtml } from './normalise/html-detect';
export { rules } from './rules';
export type { Rule, RuleMeta, Occurrence, ExplainInput, Explanation } from './rule-kit/rule';
export type { Fixture } from './rule-kit/fixture';
export { KvdoctorError, type KvdoctorErrorCode } from './errors';
export * from './report/schema';
export {
  findAdmittingRule,
  auditIpRules,
  findAdmittingSubnetRule,
  auditVirtualNetworkRules,
  matchNetworkAcls,
  NetworkAclsSchema,
  RULE_LIMITS,
  type RuleProblem,
  type RuleProblemKind,
  type NetworkAcls,
  type AclMatch,
  type AclMatchResult,
} from './network/match-rules';
export { assess } from './assess/assess';
export type { AssessOptions } from './assess/context';
export { VaultAccessModelSchema, type VaultAccessModel } from './assess/model';
export { VerdictSchema, VerdictCheckSchema, VerdictStatusSchema, type Verdict, type VerdictCheck, type VerdictStatus } from './assess/verdict';
export { classifyAddress, fitsIpRule } from './network/classify';
export { parseAddress, parseCidr, type Address, type CidrRange } from './network/parse-address';
export { ownerOf } from './network/owners';
export { azureRegionName, azureOwnerName, azureOwnerPlace, isKnownAzureRegion } from './network/azure-regions';
export { smallestChange, ruleValue, type SmallestChange, type RuleValue, type ChangeInput } from './network/smallest-change';
export { INBOUND_2024, DATA_MIGRATION_2021, geographyInboundRanges, type AzureDevOpsList } from './network/azure-devops-ranges';
export {
  compileServiceTags,
  asOfFromFileName,
  ServiceTagsFileSchema,
  SERVICE_TAGS_SOURCE,
  type CompiledServiceTags,
  type ServiceTagInfo,
  type ServiceTagsResult,
  type ServiceTagsError,
} from './network/service-tags';
export { serialiseServiceTags, deserialiseServiceTags, parseServiceTagCache, type CacheEncoding } from './network/service-tag-cache';
export { ServiceTagIndex, type ServiceTagHit, type ServiceTagStatus } from './network/service-tag-index';
