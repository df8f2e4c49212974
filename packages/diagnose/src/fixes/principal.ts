import type { Facts } from '../report/schema';
import { value, type Value } from './quote';

/**
 * The Azure CLI's own first-party client id: a token with this appid belongs to a person who ran
 * `az login` (or a pipeline step that reused a user's cached login), never to a service principal.
 */
export const AZURE_CLI_APP_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

/** Who to grant access to, as each tool wants it written. */
export interface Principal {
  /** A user signed in through the Azure CLI: grant by object id, principal type User. */
  readonly human: boolean;
  /** What `az … --assignee` / `--spn` takes: the app id for a service principal, else the object id. */
  readonly assignee: Value;
  readonly assigneeKind: 'app-id' | 'object-id';
  /** The service principal's (or user's) object id, as Bicep and Terraform want it. */
  readonly objectId: Value;
  readonly tenantId: Value;
  readonly principalType: 'ServicePrincipal' | 'User';
}

export function principalOf(facts: Facts): Principal {
  const human = facts.appId === AZURE_CLI_APP_ID;
  const objectId = value(facts.objectId, human ? 'user-object-id' : 'principal-object-id');
  const tenantId = value(facts.tenantId, 'tenant-id');
  // A person is granted by object id; a service principal by app id when the log shows it.
  const byApp = !human && facts.appId !== undefined;
  const byObject = human || (!byApp && facts.objectId !== undefined);
  return {
    human,
    assignee: byApp ? value(facts.appId, 'app-id') : byObject ? objectId : value(undefined, 'app-id'),
    assigneeKind: byObject ? 'object-id' : 'app-id',
    objectId,
    tenantId,
    principalType: human ? 'User' : 'ServicePrincipal',
  };
}

/** How the caller is named in a sentence. */
export function describePrincipal(facts: Facts): string {
  if (facts.appId === AZURE_CLI_APP_ID) {
    return facts.objectId ? `a user signed in with az login (object id ${facts.objectId})` : 'a user signed in with az login';
  }
  if (facts.appId) return `the identity with app id ${facts.appId}${facts.objectId ? ` (object id ${facts.objectId})` : ''}`;
  if (facts.objectId) return `the identity with object id ${facts.objectId}`;
  return 'the calling identity';
}
