import { isMasked } from '../../facts/masked';
import { extractRequest } from '../../facts/request-url';
import { objectTypeOf } from '../../facts/object-type';
import type { Details, Facts } from '../../report/schema';
import { GUID_ONLY } from '../../rule-kit/patterns';

// "Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'"; GitHub's auto-linker can turn
// "…/\r\nAction" into "Action](https://…//r/nAction): '…'", and Microsoft's troubleshooting pages
// write "Caller is not authorized to perform action '<action>' on resource '<id>'".
const ACTION = /\bAction(?:\]\([^)\s]{1,300}\))?: '([A-Za-z0-9./_-]{3,200})'|perform action '([A-Za-z0-9./_-]{3,200})'/;
const RESOURCE = /\bResource: '([^'\s]{3,600})'|on resource '([^'\s]{3,600})'/;
const ASSIGNMENT = /\bAssignment: (\([^)\n]{1,100}\)|[^\s'"]{1,200})/;
const DECISION = /\bDecisionReason: '?([A-Za-z]{1,80})/;
const DENY = /\bDenyAssignmentId: '?([^\s']{1,200})/;
// The resource id the service prints (lower-cased path); the object part is optional.
const RESOURCE_PARTS =
  /^\/subscriptions\/([^/]{1,80})\/resourcegroups\/([^/]{1,90})\/providers\/microsoft\.keyvault\/(?:vaults|managedhsms)\/[^/]{1,24}(?:\/(secrets|keys|certificates)\/([^/]{1,127}))?/i;
// AzureKeyVault@2 names the secret in its own spelling before the service's lower-cased path.
const TASK_SECRET = /(?:Downloading secret value for|Get secret value failed for): ([A-Za-z0-9-]{1,127})/;

function stated(v: string | undefined): v is string {
  return v !== undefined && v.toLowerCase() !== 'null';
}

/** The service lower-cases the path: keep the URL's, Terraform's or the task's spelling of the same name. */
function spelling(block: string, name: string): string {
  const candidates = [TASK_SECRET.exec(block)?.[1], extractRequest(block).objectName];
  return candidates.find((c) => c?.toLowerCase() === name.toLowerCase()) ?? name;
}

/** The structured lines of an RBAC refusal: Action, Resource, Assignment, DecisionReason, DenyAssignmentId. */
export function extractRbac(block: string): { facts: Facts; details: Details } {
  const facts: Facts = {};
  const details: Details = {};
  const action = ACTION.exec(block);
  const actionText = action?.[1] ?? action?.[2];
  if (actionText) facts.action = actionText;

  const resourceMatch = RESOURCE.exec(block);
  const resource = resourceMatch?.[1] ?? resourceMatch?.[2];
  if (resource) {
    details.resource = resource;
    const parts = RESOURCE_PARTS.exec(resource);
    const sub = parts?.[1];
    const rg = parts?.[2];
    if (sub && GUID_ONLY.test(sub)) details.subscriptionId = sub.toLowerCase();
    if (rg && !isMasked(rg)) details.resourceGroup = rg;
    const type = parts?.[3];
    const name = parts?.[4];
    if (type && name && !isMasked(name)) {
      const objectType = objectTypeOf(type);
      if (objectType) facts.objectType = objectType;
      facts.objectName = spelling(block, name);
    }
  }

  const assignment = ASSIGNMENT.exec(block)?.[1];
  if (assignment) details.assignment = assignment;
  const decision = DECISION.exec(block)?.[1];
  if (stated(decision)) details.decisionReason = decision;
  const deny = DENY.exec(block)?.[1];
  if (stated(deny)) details.denyAssignmentId = deny;
  return { facts, details };
}
