import type { Details, Facts } from '../report/schema';
import { extractAadCode } from './aad-code';
import { extractCaller } from './caller';
import { extractClientIp } from './client-ip';
import { extractHttp } from './http';
import { extractIds } from './ids';
import { isMasked } from './masked';
import { extractRequest } from './request-url';
import { extractVault } from './vault';
import { extractVia } from './via';
import { GUID_ONLY } from '../rule-kit/patterns';

const ACTION = /\bAction: '([A-Za-z0-9./_-]{3,200})'/;
// Only a Key Vault resource path names the vault's group and subscription; the caller's managed
// identity path (xms_mirid=/subscriptions/…/resourcegroups/<its rg>/…) must not be mistaken for it.
const VAULT_PATH = /\/subscriptions\/([^/\s'"]{1,60})\/resourcegroups\/([A-Za-z0-9._()-]{1,90})\/providers\/microsoft\.keyvault\//i;

export interface Extracted {
  facts: Facts;
  details: Details;
}

/** Every fact a Key Vault message block can state; rules add or override family-specific ones. */
export function extractCommon(text: string): Extracted {
  const caller = extractCaller(text);
  const vault = extractVault(text);
  const ids = extractIds(text);
  const facts: Facts = {
    ...extractHttp(text),
    ...extractRequest(text),
  };
  const clientIp = extractClientIp(text);
  if (clientIp) facts.clientIp = clientIp;
  if (vault.vault) facts.vault = vault.vault;
  if (vault.location) facts.location = vault.location;
  if (caller.appId) facts.appId = caller.appId;
  if (caller.objectId) facts.objectId = caller.objectId;
  if (caller.tenantId) facts.tenantId = caller.tenantId;
  const action = ACTION.exec(text)?.[1];
  if (action) facts.action = action;
  const aad = extractAadCode(text);
  if (aad) facts.aadCode = aad;
  if (ids.correlationId) facts.correlationId = ids.correlationId;
  if (ids.timestamp) facts.timestamp = ids.timestamp;

  const details: Details = {};
  if (caller.callerName) details.callerName = caller.callerName;
  if (caller.managedIdentityResourceId) details.managedIdentityResourceId = caller.managedIdentityResourceId;
  if (ids.traceId) details.traceId = ids.traceId;
  if (vault.cloud) details.cloud = vault.cloud;
  if (vault.managedHsm !== undefined) details.managedHsm = vault.managedHsm;
  const path = VAULT_PATH.exec(text);
  if (path?.[1] && path[2]) {
    if (GUID_ONLY.test(path[1])) details.subscriptionId = path[1].toLowerCase();
    if (!isMasked(path[2])) details.resourceGroup = path[2];
  }
  const via = extractVia(text);
  if (via) details.via = via;
  return { facts, details };
}
