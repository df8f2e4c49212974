export { liveCheck, type LiveCheckOptions, type LiveCheckResult } from './check';
export { checkFromAzJson, modelFromAzJson, type AzJsonResult } from './from-az-json';
export { FailureSchema, OutcomeSchema, ReadNameSchema, type Failure, type Outcome, type ReadName } from './outcome';
export { VaultIdCache, defaultVaultIdCache } from './vault-cache';
export { defaultCredential, PUBLIC_ARM_ENDPOINT, type TokenCredential } from './arm/client';
export { refreshServiceTags, type RefreshServiceTagsOptions, type RefreshServiceTagsResult } from './refresh-service-tags';
