import { GUID, GUID_ONLY } from '../rule-kit/patterns';
import { isMasked } from './masked';

export interface Caller {
  appId?: string;
  objectId?: string;
  tenantId?: string;
  callerName?: string;
  managedIdentityResourceId?: string;
}

const APPID = /\bappid=([^;\s'"]{1,80})/i;
const OID = /\boid=([^;\s'"]{1,80})/i;
// The GUID must end there: docs' placeholders such as 0000…-0000000000000 (13 digits) are no tenant id.
const ISS = new RegExp(`\\biss=\\[?https://(?:sts\\.windows\\.net|login\\.microsoftonline\\.com|sts\\.chinacloudapi\\.cn|login\\.microsoftonline\\.us)/(${GUID})(?:[^0-9a-fA-F]|$)`, 'i');
const NAME = /\bCaller: name=([^;\s'"]{1,200});/;
const MIRID = /\bxms_mirid=(\/subscriptions\/[^;\s'"]{1,400})/i;

/** Only real GUIDs are facts: `***` (Azure DevOps masking) and empty ids are not. */
function guid(value: string | undefined): string | undefined {
  return value !== undefined && GUID_ONLY.test(value) ? value.toLowerCase() : undefined;
}

/** The `Caller: appid=…;oid=…;iss=…` (or access-policy `'appid=…'`) identity of a Key Vault message. */
export function extractCaller(text: string): Caller {
  const caller: Caller = {};
  const appId = guid(APPID.exec(text)?.[1]);
  if (appId) caller.appId = appId;
  const objectId = guid(OID.exec(text)?.[1]);
  if (objectId) caller.objectId = objectId;
  const tenantId = guid(ISS.exec(text)?.[1]);
  if (tenantId) caller.tenantId = tenantId;
  const name = NAME.exec(text)?.[1];
  if (name && !isMasked(name)) caller.callerName = name;
  const mirid = MIRID.exec(text)?.[1];
  if (mirid) caller.managedIdentityResourceId = mirid;
  return caller;
}
