import type { Details, Facts } from '../report/schema';
import { extractAadCode } from './aad-code';
import { extractCaller } from './caller';
import { extractClientIp } from './client-ip';
import { extractHttp } from './http';
import { extractIds } from './ids';
import { extractRequest } from './request-url';
import { extractVault } from './vault';
import { extractVia } from './via';

const ACTION = /\bAction: '([A-Za-z0-9./_-]{3,200})'/;
const RESOURCE_GROUP = /\/resourcegroups\/([A-Za-z0-9._()-]{1,90})\//i;
const SUBSCRIPTION = /\/subscriptions\/([0-9a-fA-F-]{36})\//i;

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
  const rg = RESOURCE_GROUP.exec(text)?.[1];
  if (rg) details.resourceGroup = rg;
  const sub = SUBSCRIPTION.exec(text)?.[1];
  if (sub) details.subscriptionId = sub.toLowerCase();
  const via = extractVia(text);
  if (via) details.via = via;
  return { facts, details };
}
