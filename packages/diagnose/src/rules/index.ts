import type { Rule } from '../rule-kit/rule';
import aad from './aad/rule';
import accessPolicy from './access-policy/rule';
import disabledObject from './disabled-object/rule';
import firewall from './firewall/rule';
import forbiddenWithoutReason from './forbidden-without-reason/rule';
import managedIdentityMissing from './managed-identity-missing/rule';
import notFound from './not-found/rule';
import nsp from './nsp/rule';
import privateEndpointDns from './private-endpoint-dns/rule';
import privateLinkHost from './private-link-host/rule';
import publicNetworkDisabled from './public-network-disabled/rule';
import rbac from './rbac/rule';
import serviceConnectionPermissions from './service-connection-permissions/rule';
import softDeleted from './soft-deleted/rule';
import templateDeployment from './template-deployment/rule';
import unauthorizedToken from './unauthorized-token/rule';

/** The registry: one line per family, sorted by id (written by scripts/register-rules.cjs). */
export const rules = [
  aad,
  accessPolicy,
  disabledObject,
  firewall,
  forbiddenWithoutReason,
  managedIdentityMissing,
  notFound,
  nsp,
  privateEndpointDns,
  privateLinkHost,
  publicNetworkDisabled,
  rbac,
  serviceConnectionPermissions,
  softDeleted,
  templateDeployment,
  unauthorizedToken,
] as const satisfies readonly Rule[];
